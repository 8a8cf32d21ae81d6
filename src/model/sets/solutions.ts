/**
 * The time-to-power solutions' build costs and lead times, and the GPU
 * economics parameters, as the default set carries them (vintage 2026-02-04;
 * no source dated later). `low` and `high` take them from the default set.
 */
import type { DatedPoint, ScalarParameter } from "../schema";
import { point, scalar } from "./build";
import * as S from "./sources";

/** The H100 rental price as published, oldest first, each point with its own source (press). */
export const H100_RENT_POINTS: readonly DatedPoint[] = [
  point("2023", 8, S.H100_RENT_2023),
  point("2024-02", 2.85, S.H100_RENT_2024),
  point("2025-10", 1.7, S.H100_RENT_OCT_2025),
  point("2026-03", 2.35, S.H100_RENT_MAR_2026),
];

/**
 * The H100 rent as a set carries it: the points published by its vintage as
 * the dated path, the value the latest of them. `note` describes that value.
 */
export function h100Rent(points: readonly DatedPoint[], note: string): ScalarParameter {
  const latest = points[points.length - 1];
  return scalar("gpu_rent_h100_usd_per_hour", latest.value, {
    sources: [...points].reverse().map((pt) => pt.source),
    basis: "published",
    note,
    datedPath: points,
  });
}

export const SOLUTIONS_AND_GPUS = {
  solution_capex_gas_usd_per_kw: scalar("solution_capex_gas_usd_per_kw", 2400, {
    sources: [S.GAS_CC_COST_2025],
    basis: "published",
    note: "Combined cycle, 2025; up from ~USD 785/kW in 2022 as turbine orders outran supply.",
  }),
  lead_time_gas_months: scalar("lead_time_gas_months", 48, {
    sources: [S.GAS_CC_COST_2025],
    basis: "chosen",
    note: "Turbines are sold out to 2029–30: a plant ordered around the turn of 2025–26 runs in about four years.",
  }),
  solution_capex_gas_engines_usd_per_kw: scalar("solution_capex_gas_engines_usd_per_kw", 2000, {
    sources: [S.EIA_CONSTRUCTION_COST_2017, S.GAS_CC_COST_2025],
    basis: "chosen",
    note:
      "No recent published figure found. EIA's survey put engines installed in 2015 at USD 1,798/kW; 2,000 " +
      "allows for the rise in generation costs since, below combined cycle's 2,400.",
  }),
  lead_time_gas_engines_months: scalar("lead_time_gas_engines_months", 15, {
    sources: [S.RECIP_ENGINES_LEAD_TIME],
    basis: "derived",
    derivation: "Midpoint of the 12–18 months reported: (12 + 18) ÷ 2 = 15 months.",
  }),
  solution_capex_fuel_cells_usd_per_kw: scalar("solution_capex_fuel_cells_usd_per_kw", 3500, {
    sources: [S.BLOOM_AEP_2024],
    basis: "chosen",
    note:
      "Makers do not publish prices. Chosen above engines and combined cycle, as solid-oxide units cost more " +
      "per kW than gas machines; replace with a quote where one is available.",
  }),
  lead_time_fuel_cells_months: scalar("lead_time_fuel_cells_months", 6, {
    sources: [S.BLOOM_AEP_2024],
    basis: "chosen",
    note: "Fuel cells are reported deployable 'in months'; six chosen for a site-scale installation.",
  }),
  solution_capex_nuclear_usd_per_kw: scalar("solution_capex_nuclear_usd_per_kw", 1900, {
    sources: [S.CRANE_RESTART_2024, S.NUCLEAR_RESTARTS_2025],
    basis: "derived",
    derivation: "A restart, priced on Crane (TMI-1): ~USD 1.6bn ÷ 835 MW ≈ USD 1,916/kW, rounded to 1,900. New reactors cost several times more.",
  }),
  lead_time_nuclear_months: scalar("lead_time_nuclear_months", 39, {
    sources: [S.CRANE_RESTART_2024, S.NUCLEAR_RESTARTS_2025],
    basis: "derived",
    derivation: "Crane: announced September 2024, online by the end of 2027 (a year ahead of its 2028 target): ~39 months.",
  }),
  solution_capex_miners_usd_per_kw: scalar("solution_capex_miners_usd_per_kw", 2770, {
    sources: [S.RIOT_RETROFIT_2025],
    basis: "derived",
    derivation:
      "Riot's retrofit of a mining site for AI/HPC, ~USD 3.6m per IT MW = 3,600 per IT kW ÷ PUE 1.3 = 2,769 per " +
      "grid kW, rounded: 2,770 per grid kW, the basis of the GW it is multiplied by (grid supply).",
    note:
      "A miner's site already has its power; the cost counted is the whole retrofit, which includes the data halls " +
      "and so overstates the power part alone. Converted at this set's PUE of 1.3: for another PUE, 3,600 ÷ PUE.",
  }),
  lead_time_miners_months: scalar("lead_time_miners_months", 12, {
    sources: [S.CORE_SCIENTIFIC_2024],
    basis: "chosen",
    note: "Core Scientific's conversions for CoreWeave took about a year from contract to first capacity.",
  }),
  solution_capex_storage_usd_per_kw: scalar("solution_capex_storage_usd_per_kw", 660, {
    sources: [S.BNEF_ESS_2024],
    basis: "derived",
    derivation: "A 4-hour system: 4 h × USD 165/kWh turnkey (BNEF's 2024 average) = USD 660 per kW of discharge.",
  }),
  lead_time_storage_months: scalar("lead_time_storage_months", 12, {
    sources: [S.BNEF_ESS_2024],
    basis: "chosen",
    note: "Containerised batteries: about a year from order to operation; interconnection can add more.",
  }),
  solution_capex_diesel_usd_per_kw: scalar("solution_capex_diesel_usd_per_kw", 800, {
    sources: [S.EPA_DIESEL_2025],
    basis: "chosen",
    note:
      "Gensets are cheap per kW; 800 chosen for prime-rated units. Diesel as primary power is held back by " +
      "regulation (emergency units ≤ 100 h a year of other use), which is why the set counts none.",
  }),
  lead_time_diesel_months: scalar("lead_time_diesel_months", 12, {
    sources: [S.EPA_DIESEL_2025],
    basis: "chosen",
    note: "Equipment is quick; permits for prime use are the constraint.",
  }),
  gpu_rent_h100_usd_per_hour: h100Rent(
    H100_RENT_POINTS.filter((pt) => pt.date <= "2025-10"),
    "The latest published price at the vintage (October 2025), the value GPU_PAYBACK_YEARS and GPU_BREAKEVEN_RENT " +
      "are compared with. Rents fell from ~USD 8 an hour at launch scarcity (2023) to 2.85 (early 2024) and 1.70 " +
      "(October 2025); each point is in the dated path with its own source.",
  ),
  gpu_utilisation: scalar("gpu_utilisation", 0.7, {
    sources: [S.ANALYST_PRACTICE],
    basis: "chosen",
    note: "Share of hours billed on a rented GPU; 70% chosen for on-demand and short-term capacity. Long contracts bill nearer 100%.",
  }),
  gpu_power_kw: scalar("gpu_power_kw", 1.275, {
    sources: [S.NVIDIA_DGX_H100],
    basis: "derived",
    derivation: "DGX H100: ~10.2 kW for 8 GPUs = 1.275 kW per GPU, the server's CPUs, memory and network included.",
  }),
  power_price_usd_per_mwh: scalar("power_price_usd_per_mwh", 80, {
    sources: [S.EIA_INDUSTRIAL_PRICE_2025],
    basis: "derived",
    derivation: "The US average industrial price, ~8 cents per kWh × 1,000 kWh per MWh = USD 80 per MWh.",
  }),
};
