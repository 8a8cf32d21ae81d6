/**
 * `call-2026-02`: the default set. Reproduces the conference call of
 * 2026-02-04: a 46 GW US shortfall through 2028 (≈ 46 plants of 1 GW), a
 * 6–16 GW residual after time-to-power solutions, and USD 5–7 trillion of
 * funding over 2026–2030 from bonds, project finance and equity markets.
 */
import type { AssumptionSet } from "../schema";
import { path, repeat, scalar, shares } from "./build";
import * as S from "./sources";
import { SOLUTIONS_AND_GPUS } from "./solutions";

const FIRST = 2025; // base year 2024: paths are cumulative from the end of 2024

export const CALL_2026_02_SET: AssumptionSet = {
  format: "infra-assumption-set",
  schema_version: 2,
  id: "call-2026-02",
  version: 1,
  name: "Conference call, Feb 2026",
  summary: "The call's 46 GW US shortfall by 2028 and USD 5–7T of funding over 2026–30.",
  description:
    "Reproduces the conference call of 2026-02-04 on the US AI data-center build-out. Power paths follow " +
    "Morgan Stanley's framing (incremental demand − grid headroom − sites under construction), calibrated so " +
    "the gap through 2028 is the call's 46 GW. The funding plan uses the same demand path (GW added each " +
    "year × all-in capex per MW). Where the call and its likely sources disagree, the parameter notes say so.",
  vintage: "2026-02-04",
  base_year: 2024,
  parameters: {
    demand_gw: path("demand_gw", FIRST, [13, 30, 49, 67, 86, 106], {
      sources: [S.MS_NOV_2025, S.MS_DEC_2025, S.CALL_2026_02],
      basis: "calibrated",
      years: [...repeat("chosen", 3), "calibrated", "extrapolated", "extrapolated"],
      note:
        "Morgan Stanley put incremental US data-center demand 2025–28 at ~65 GW (gap 44 GW, Nov 2025), then " +
        "raised the gap to 47 GW (Dec 2025). 67 GW through 2028 makes 67 − 15 − 6 = 46 GW, the call's figure. " +
        "2029–30 extend the ~19 GW a year of 2026–28; they are not published figures.",
    }),
    supply_grid_gw: path("supply_grid_gw", FIRST, [4, 8, 12, 15, 18, 21], {
      sources: [S.MS_NOV_2025, S.MS_SEP_2025],
      basis: "derived",
      years: [...repeat("interpolated", 3), "published", "extrapolated", "extrapolated"],
      derivation: "15 GW through 2028 spread over 2025–28 (4, 8, 12, 15); then +3 GW a year.",
      note:
        "~15 GW of existing grid headroom through 2028 (Morgan Stanley); another framing of the same note uses " +
        "10 GW. Spread evenly over 2025–28; 3 GW a year after 2028 is an extrapolation.",
    }),
    supply_construction_gw: path("supply_construction_gw", FIRST, [2, 4, 5, 6, 6, 6], {
      sources: [S.MS_NOV_2025],
      basis: "derived",
      years: [...repeat("interpolated", 3), "published", "chosen", "chosen"],
      derivation: "6 GW energised by 2028, spread over 2025–28 (2, 4, 5, 6); held at 6 after.",
      note: "~6 GW of sites under construction with power secured, all energised by 2028; no new additions counted after.",
    }),
    supply_gas_gw: path("supply_gas_gw", FIRST, [1, 4, 9, 16, 22, 28], {
      sources: [S.MS_NOV_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note: "Gas turbines and engines 15–20 GW through 2028 (Morgan Stanley); 16 GW taken, turbines sold out to 2029–30.",
    }),
    supply_fuel_cells_gw: path("supply_fuel_cells_gw", FIRST, [0.5, 1.5, 3, 5, 7, 8], {
      sources: [S.MS_NOV_2025],
      basis: "chosen",
      years: [...repeat("chosen", 3), "published", "extrapolated", "extrapolated"],
      note: "Fuel cells 5–8 GW through 2028 (Morgan Stanley); the low end taken.",
    }),
    supply_nuclear_gw: path("supply_nuclear_gw", FIRST, [0, 1, 2, 5, 8, 11], {
      sources: [S.MS_NOV_2025, S.NUCLEAR_RESTARTS_2025],
      basis: "chosen",
      years: [...repeat("chosen", 3), "published", "extrapolated", "extrapolated"],
      note:
        "Nuclear deals 5–15 GW through 2028 (Morgan Stanley); the low end taken because the named restarts " +
        "(Crane 835 MW, Palisades 800 MW, Duane Arnold 615 MW) add only ~2.3 GW; the rest is uprates and existing output.",
    }),
    supply_miners_gw: path("supply_miners_gw", FIRST, [1, 3, 5, 8, 10, 12], {
      sources: [S.MS_DEC_2025, S.CALL_2026_02],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note:
        "Bitcoin miners: 6.3 GW operating + 2.5 GW under construction + 8.6 GW in development, 'almost 20 GW' " +
        "with firm interconnection (Morgan Stanley); 8 GW converted by 2028 is taken.",
    }),
    supply_storage_gw: path("supply_storage_gw", FIRST, [0, 0.5, 1, 2, 3, 4], {
      sources: [S.CALL_2026_02],
      basis: "chosen",
      years: repeat("chosen", 6),
      note: "The call names storage as a solution without a figure; 2 GW of firm contribution through 2028 is a placeholder.",
    }),
    supply_diesel_gw: path("supply_diesel_gw", FIRST, [0, 0, 0, 0, 0, 0], {
      sources: [S.CALL_2026_02, S.EPA_DIESEL_2025],
      basis: "chosen",
      years: repeat("chosen", 6),
      note: "Diesel as primary power is held back by regulation (EPA: emergency gensets ≤ 100 h a year of non-emergency use).",
    }),
    nuclear_plant_gw: scalar("nuclear_plant_gw", 1, {
      sources: [S.CALL_2026_02, S.EIA_NUCLEAR],
      basis: "calibrated",
      note:
        "The call counts 46 GW as 'about 46 nuclear plants', i.e. 1 GW a plant. The US fleet averages ~1.03 GW " +
        "a reactor (97 GW / 94, EIA), which would make 46 GW ≈ 44.7 plants.",
    }),
    nuclear_capacity_factor: scalar("nuclear_capacity_factor", 0.927, { sources: [S.EIA_NUCLEAR], basis: "published" }),
    dc_load_factor: scalar("dc_load_factor", 0.86, {
      sources: [S.E3_LOAD_FACTOR, S.LBNL_2024],
      basis: "published",
      note: "Planning load factor for new AI sites (E3); LBNL's observed fleet average implies ~0.5.",
    }),
    pue: scalar("pue", 1.3, {
      sources: [S.UPTIME_PUE_2024],
      basis: "chosen",
      note: "New large AI sites run at or below 1.3 (Uptime Institute); the fleet average is 1.56–1.58.",
    }),
    dc_energy_base_twh: scalar("dc_energy_base_twh", 176, {
      sources: [S.LBNL_2024],
      basis: "chosen",
      note: "LBNL's 176 TWh for 2023, the latest year it reports, used for the 2024 base year.",
    }),
    capex_musd_per_mw: scalar("capex_musd_per_mw", 60, {
      sources: [S.NVIDIA_AUG_2025, S.BERNSTEIN_OCT_2025, S.CUSHMAN_2025, S.IREN_NOV_2025, S.JPM_NOV_2025],
      basis: "calibrated",
      note:
        "All-in (shell + IT) per MW of grid demand: the top of Nvidia's USD 50–60bn per GW. With the 93 GW the " +
        "demand path adds in 2026–30 this gives USD 5.6T, inside the call's 5–7T. The call's 5–7T is JPMorgan's " +
        "GLOBAL figure (~122 GW added 2026–30, i.e. 41–57bn per GW), while the call says US: applied to US " +
        "capacity alone it needs the top of the cost range. Bernstein's ~35bn per GW, or Cushman & Wakefield's " +
        "11.7m shell per critical MW plus IREN's ~29m of IT per MW, would give USD 3.3–3.8T.",
    }),
    funding_mix: shares(
      "funding_mix",
      {
        hyperscaler_cash: 0.35,
        ig_bonds: 0.3,
        private_credit: 0.15,
        project_finance: 0.1,
        abs_cmbs: 0.04,
        equity: 0.06,
      },
      {
        sources: [S.JPM_NOV_2025, S.MS_JUL_2025, S.CALL_2026_02],
        basis: "derived",
        derivation:
          "From JPMorgan's split of USD 5T: IG bonds ~1.5T (30%), securitisation 30–40bn a year (~4%), ~1.4T " +
          "private credit and government (split here 15% private credit, 10% project finance), the rest from " +
          "hyperscaler cash flow; 6% equity reflects the call's 'stock market'. Morgan Stanley's 2025–28 split " +
          "has cash flow at 48%.",
      },
    ),
    project_ltc: scalar("project_ltc", 0.8, { sources: [S.PROJECT_FINANCE_2025], basis: "published" }),
    project_dscr: scalar("project_dscr", 1.3, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "Typical sizing ratio for contracted infrastructure debt; not disclosed in the deals cited.",
    }),
    project_rate: scalar("project_rate", 0.065, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "derived",
      derivation: "SOFR + 225 bp with SOFR taken at ~4.25%: 4.25% + 2.25% = 6.5%.",
    }),
    project_tenor_years: scalar("project_tenor_years", 10, {
      sources: [S.PROJECT_FINANCE_2025, S.CORE_SCIENTIFIC_2024],
      basis: "chosen",
      note: "Matched to the 10–15-year hosting leases; the shorter end taken.",
    }),
    contracted_value_musd_per_mw: scalar("contracted_value_musd_per_mw", 12.5, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "derived",
      derivation: "Midpoint of JPMorgan's USD 8–17m per IT MW for contracted colocation (cloud up to 19m).",
    }),
    uncontracted_value_musd_per_mw: scalar("uncontracted_value_musd_per_mw", 3, {
      sources: [S.BERNSTEIN_UNCONTRACTED],
      basis: "published",
    }),
    p_contract: scalar("p_contract", 0.5, { sources: [S.JPM_VALUATION_NOV_2025], basis: "published" }),
    discount_rate: scalar("discount_rate", 0.08, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "Unlevered rate for an investment-grade-tenant lease: the 6.5% debt cost plus a premium.",
    }),
    noi_margin: scalar("noi_margin", 0.85, {
      sources: [S.ANALYST_PRACTICE],
      basis: "derived",
      derivation: "Midpoint of 80–90% for triple-net hosting.",
    }),
    renewal_probability: scalar("renewal_probability", 0.6, {
      sources: [S.TD_COWEN_FEB_2025, S.CALL_2026_02],
      basis: "chosen",
      note: "The call flags renewal with large tenants (Microsoft) as a risk; Microsoft let > 1 GW of LOIs lapse in 2025.",
    }),
    renewal_term_years: scalar("renewal_term_years", 5, {
      sources: [S.CORE_SCIENTIFIC_2024],
      basis: "published",
      note: "One 5-year option, as in the CoreWeave–Core Scientific leases (2 × 5 years).",
    }),
    ...SOLUTIONS_AND_GPUS,
  },
};
