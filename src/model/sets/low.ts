/**
 * `low`: a smaller build-out, bracketing `call-2026-02` from below on the
 * same definition of every parameter: less demand, more power counted under
 * construction, offsets at the low end of the published ranges, Bernstein's
 * cost, Morgan Stanley's more self-funded split, and valuations at the bottom
 * of the published brackets. What it does not change is the default's.
 */
import type { AssumptionSet } from "../schema";
import { extendSet, path, repeat, scalar, shares } from "./build";
import * as S from "./sources";
import { CALL_2026_02_SET } from "./call-2026-02";

const FIRST = 2025;

/** Morgan Stanley's split of USD 2.9T of global data-center capex 2025–28 (Jul 2025), on the standard sources. */
export const MS_JUL_2025_MIX = shares(
  "funding_mix",
  {
    hyperscaler_cash: 0.482758,
    ig_bonds: 0.068966,
    private_credit: 0.275862,
    project_finance: 0,
    abs_cmbs: 0.051724,
    equity: 0.12069,
  },
  {
    sources: [S.MS_JUL_2025],
    basis: "derived",
    derivation:
      "Morgan Stanley's USD 2.9T for 2025–28: hyperscaler cash flow 1.4T = 48.3%; of the 1.5T gap, private credit " +
      "0.8T = 27.6%, private equity and sovereign 0.35T = 12.1% (here equity), corporate debt 0.2T = 6.9% (here IG " +
      "bonds), ABS/CMBS 0.15T = 5.2%. No project-finance line: 0.",
  },
);

export const LOW_SET: AssumptionSet = extendSet(CALL_2026_02_SET, {
  version: 3,
  id: "low",
  name: "Low build-out",
  summary: "Smaller build-out: 30 GW US shortfall by 2028, USD 2.5T of funding over 2026–30.",
  description:
    "The low bracket of the published ranges around call-2026-02, on the same definitions: demand 55 GW by 2028 " +
    "(between LBNL's low case and Morgan Stanley), 10 GW under construction (Morgan Stanley's Sep 2025 framing), " +
    "offsets at the low end, Bernstein's cost per GW, Morgan Stanley's more self-funded split (48% cash flow), " +
    "tighter credit and lower valuations. Gap 2028: 55 − 15 − 10 = 30 GW; after solutions 30 − (gas 15 + fuel " +
    "cells 5 + nuclear restarts 1.6 + miners 4 + battery-enabled load 1) = 3.4 GW. Funding 2026–30: 71 grid GW × " +
    "USD 35m = 2,485bn. Energy: 185 + 55 × 8.76 × 0.5 = 426 TWh in 2028, inside LBNL's 325–580 TWh; 544 TWh in " +
    "2030, 119 TWh above IEA's base case (~425) and 140 TWh above EPRI's highest May 2024 scenario (404), which " +
    "predate the 2025 announcements. Parameters marked inherited are call-2026-02's.",
  vintage: "2026-02-04",
  base_year: 2024,
  parameters: {
    demand_gw: path("demand_gw", FIRST, [11, 24, 39, 55, 69, 82], {
      sources: [S.LBNL_2024, S.MS_NOV_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note:
        "LBNL's low case is 74 GW of fleet capacity in 2028; the 2024 fleet is 185 TWh ÷ (8.76 × 0.5) = 42 GW, so " +
        "that case adds ~32 GW; Morgan Stanley has ~65 GW for 2025–28. 55 GW is chosen between, nearer Morgan " +
        "Stanley because LBNL's low case predates the 2025 campus announcements; the ramp is chosen. 2029–30 add " +
        "14 and 13 GW, about the 2025–28 average of 55 ÷ 4 = 13.75 (extrapolated).",
    }),
    supply_construction_gw: path("supply_construction_gw", FIRST, [2.5, 5, 7.5, 10, 10, 10], {
      sources: [S.MS_SEP_2025],
      basis: "derived",
      years: [...repeat("interpolated", 3), "published", "chosen", "chosen"],
      derivation:
        "~10 GW of data centers under construction through 2028 (Morgan Stanley's Sep 2025 framing, 69 − 10 − 15 = 44), " +
        "energised on a straight line: 2.5 GW a year.",
      note:
        "Morgan Stanley's Nov 2025 note counts ~6 GW under construction (on ~65 GW of demand) where its Sep 2025 " +
        "note counted ~10 GW (on 69 GW): the larger figure is the low bracket of the gap. Held at 10 GW after 2028 (chosen).",
    }),
    supply_gas_gw: path("supply_gas_gw", FIRST, [1, 4, 9, 15, 19, 23], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("chosen", 3), "published", "extrapolated", "extrapolated"],
      note: "The low end of Morgan Stanley's 15–20 GW through 2028; the ramp is chosen, 2029–30 add 4 GW a year (extrapolated).",
    }),
    supply_miners_gw: path("supply_miners_gw", FIRST, [0.5, 1.5, 3, 4, 5, 6], {
      sources: [S.MS_DEC_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note: "About half of the 8.8 GW miners operate or build (Morgan Stanley) converts by 2028: 4 GW, chosen; +1 GW a year after.",
    }),
    supply_storage_gw: path("supply_storage_gw", FIRST, [0, 0.3, 0.6, 1, 1.5, 2], {
      sources: [S.CALL_2026_02],
      basis: "chosen",
      years: repeat("chosen", 6),
      note: "Data-center load connected on curtailable service thanks to on-site batteries (not firm supply): 1 GW by 2028, half the default's, chosen.",
    }),
    nuclear_plant_gw: scalar("nuclear_plant_gw", 1.03, {
      sources: [S.EIA_NUCLEAR],
      basis: "derived",
      derivation: "97 GW ÷ 94 reactors = 1.03 GW a reactor.",
    }),
    capex_musd_per_mw: scalar("capex_musd_per_mw", 35, {
      sources: [S.BERNSTEIN_OCT_2025, S.CUSHMAN_2025, S.IREN_NOV_2025],
      basis: "published",
      note:
        "Bernstein: ~USD 35bn per GW for a GB200 NVL72 campus (5.9m a rack: 3.4m compute, 2.5m infrastructure). " +
        "35bn ÷ 5.9m ≈ 5,900 racks, ~170 kW of facility power each, i.e. a ~130 kW rack at PUE ~1.3: the GW is grid " +
        "power, so 35m per grid MW (45.5m per IT MW). Cushman & Wakefield's shell plus IREN's IT is lower still: 31.3m per grid MW.",
    }),
    funding_mix: MS_JUL_2025_MIX,
    project_ltc: scalar("project_ltc", 0.75, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "Below the 80–85% of the 2025 deals: tighter credit.",
    }),
    project_dscr: scalar("project_dscr", 1.4, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "1.4, above the usual 1.3: lenders ask for more cover when credit is tight.",
    }),
    project_rate: scalar("project_rate", 0.075, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "SOFR + 225 bp (6.5% at 2025's SOFR) plus 100 bp of stress: 7.5%.",
    }),
    project_tenor_years: scalar("project_tenor_years", 7, {
      sources: [S.PROJECT_FINANCE_2025, S.CORE_SCIENTIFIC_2024],
      basis: "chosen",
      note: "7 years, shorter than the 10–15-year leases, so the debt amortises well before the lease ends and any renewal is at risk.",
    }),
    contracted_value_musd_per_mw: scalar("contracted_value_musd_per_mw", 8, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "published",
      note: "The low end of JPMorgan's USD 8–17m per IT MW.",
    }),
    p_contract: scalar("p_contract", 0.3, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "chosen",
      note: "30%, below JPMorgan's ~50%: fewer uncontracted sites sign.",
    }),
    discount_rate: scalar("discount_rate", 0.1, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "This set's 7.5% project-debt cost plus 2.5 points for a tenant that may not renew: 10%.",
    }),
    noi_margin: scalar("noi_margin", 0.8, {
      sources: [S.ANALYST_PRACTICE],
      basis: "published",
      note: "The low end of 80–90%.",
    }),
    renewal_probability: scalar("renewal_probability", 0.4, {
      sources: [S.TD_COWEN_FEB_2025],
      basis: "chosen",
      note: "40%: tenants such as Microsoft walk away, as its > 1 GW of lapsed letters of intent in 2025 showed (TD Cowen).",
    }),
  },
});
