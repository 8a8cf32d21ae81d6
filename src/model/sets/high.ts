/**
 * `high`: a larger build-out. Demand near LBNL's high case, offsets at the
 * top of the published ranges, cost above Nvidia's range, more borrowed
 * money, and valuations at the top of the published brackets.
 */
import type { AssumptionSet } from "../schema";
import { citeOf, extendSet, path, repeat, scalar, shares } from "./build";
import * as S from "./sources";
import { CALL_2026_02_SET } from "./call-2026-02";

const FIRST = 2025;
const call = CALL_2026_02_SET.parameters;

export const HIGH_SET: AssumptionSet = extendSet(CALL_2026_02_SET, {
  version: 1,
  id: "high",
  name: "High build-out",
  summary: "Larger build-out: 67 GW US shortfall by 2028, USD 7.4T of funding over 2026–30.",
  description:
    "The high bracket of the published ranges: more demand, offsets at the top end, higher cost per MW, " +
    "more debt and higher valuations. Parameters not named here are those of call-2026-02.",
  vintage: "2026-02-04",
  base_year: 2024,
  parameters: {
    demand_gw: path("demand_gw", FIRST, [16, 37, 60, 85, 108, 130], {
      sources: [S.LBNL_2024],
      basis: "derived",
      years: [...repeat("interpolated", 3), "chosen", "extrapolated", "extrapolated"],
      derivation: "LBNL's high case (132 GW in 2028) less the ~45 GW implied for 2024: ~87 GW, rounded to 85.",
    }),
    supply_grid_gw: path("supply_grid_gw", FIRST, [3, 6, 9, 12, 14, 16], {
      sources: [S.MS_NOV_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note: "Between the 10 and 15 GW of headroom in Morgan Stanley's two framings: grid interconnects slow down.",
    }),
    supply_gas_gw: path("supply_gas_gw", FIRST, [2, 6, 12, 20, 27, 34], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("chosen", 3), "published", "extrapolated", "extrapolated"],
      note: "The top of Morgan Stanley's 15–20 GW through 2028.",
    }),
    supply_fuel_cells_gw: path("supply_fuel_cells_gw", FIRST, [1, 2.5, 5, 8, 10, 12], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("chosen", 3), "published", "extrapolated", "extrapolated"],
      note: "The top of 5–8 GW through 2028.",
    }),
    supply_nuclear_gw: path("supply_nuclear_gw", FIRST, [0, 1.5, 4, 10, 14, 18], {
      sources: [S.MS_NOV_2025, S.NUCLEAR_RESTARTS_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note: "10 GW through 2028, inside Morgan Stanley's 5–15 GW.",
    }),
    supply_miners_gw: path("supply_miners_gw", FIRST, [2, 4.5, 7.5, 10, 12, 14], {
      sources: [S.MS_DEC_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note: "Half of the 'almost 20 GW' of miner power with firm interconnection converts by 2028.",
    }),
    supply_storage_gw: path("supply_storage_gw", FIRST, [0.2, 0.8, 1.8, 3, 4.5, 6], { ...citeOf(call.supply_storage_gw), years: repeat("chosen", 6) }),
    nuclear_plant_gw: scalar("nuclear_plant_gw", 1.03, {
      sources: [S.EIA_NUCLEAR],
      basis: "derived",
      derivation: "97 GW over 94 reactors = 1.03 GW a reactor.",
    }),
    capex_musd_per_mw: scalar("capex_musd_per_mw", 65, {
      sources: [S.NVIDIA_AUG_2025, S.MCKINSEY_APR_2025],
      basis: "chosen",
      note: "Above Nvidia's USD 50–60bn per GW, for next-generation racks and cost inflation (gas plants ~3× their 2022 cost).",
    }),
    funding_mix: shares(
      "funding_mix",
      { hyperscaler_cash: 0.25, ig_bonds: 0.3, private_credit: 0.22, project_finance: 0.12, abs_cmbs: 0.05, equity: 0.06 },
      {
        sources: [S.JPM_NOV_2025],
        basis: "chosen",
        note: "More debt than JPMorgan's split: its Jun 2026 update has 4.1T of 5.5T (75%) as debt.",
      },
    ),
    project_ltc: scalar("project_ltc", 0.85, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "published",
      note: "The top of 80–85%; JPMorgan reports loan-to-cost above 85% in 2026.",
    }),
    project_dscr: scalar("project_dscr", 1.2, citeOf(call.project_dscr)),
    project_rate: scalar("project_rate", 0.06, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "SOFR + 225 bp with SOFR taken at ~3.75%.",
    }),
    project_tenor_years: scalar("project_tenor_years", 15, citeOf(call.project_tenor_years)),
    contracted_value_musd_per_mw: scalar("contracted_value_musd_per_mw", 17, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "published",
      note: "The top of USD 8–17m per IT MW (cloud up to 19m).",
    }),
    uncontracted_value_musd_per_mw: scalar("uncontracted_value_musd_per_mw", 4.5, {
      sources: [S.VANECK_AUG_2025],
      basis: "derived",
      derivation: "VanEck's ~4.5m per MW for miners as a whole.",
    }),
    p_contract: scalar("p_contract", 0.7, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "chosen",
      note: "Above JPMorgan's ~50%.",
    }),
    discount_rate: scalar("discount_rate", 0.07, citeOf(call.discount_rate)),
    noi_margin: scalar("noi_margin", 0.9, {
      sources: [S.ANALYST_PRACTICE],
      basis: "published",
      note: "The top of 80–90%.",
    }),
    renewal_probability: scalar("renewal_probability", 0.8, citeOf(call.renewal_probability)),
  },
});
