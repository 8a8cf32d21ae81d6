/**
 * `low`: a smaller build-out. Demand between LBNL's low case and Morgan
 * Stanley's path, time-to-power offsets at the low end of the published
 * ranges, Bernstein's all-in cost, more funding from hyperscaler cash, and
 * valuations at the bottom of the published brackets.
 */
import type { AssumptionSet } from "../schema";
import { citeOf, extendSet, path, repeat, scalar, shares } from "./build";
import * as S from "./sources";
import { CALL_2026_02_SET } from "./call-2026-02";

const FIRST = 2025;
const call = CALL_2026_02_SET.parameters;

export const LOW_SET: AssumptionSet = extendSet(CALL_2026_02_SET, {
  version: 1,
  id: "low",
  name: "Low build-out",
  summary: "Smaller build-out: 34 GW US shortfall by 2028, USD 2.5T of funding over 2026–30.",
  description:
    "The low bracket of the published ranges: less demand, offsets at the low end, lower cost per MW, " +
    "more self-funding and lower valuations. Parameters not named here are those of call-2026-02.",
  vintage: "2026-02-04",
  base_year: 2024,
  parameters: {
    demand_gw: path("demand_gw", FIRST, [11, 24, 39, 55, 69, 82], {
      sources: [S.LBNL_2024, S.MS_NOV_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note:
        "LBNL's low case (74 GW in 2028) less the ~40 GW its 2023 use implies gives ~34 GW of growth; Morgan " +
        "Stanley has ~65 GW. 55 GW through 2028 is chosen between, nearer Morgan Stanley because LBNL's low " +
        "case predates the 2025 announcements.",
    }),
    supply_gas_gw: path("supply_gas_gw", FIRST, [1, 4, 9, 15, 19, 23], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("chosen", 3), "published", "extrapolated", "extrapolated"],
      note: "The low end of Morgan Stanley's 15–20 GW through 2028.",
    }),
    supply_nuclear_gw: path("supply_nuclear_gw", FIRST, [0, 1, 2, 5, 7, 9], { ...citeOf(call.supply_nuclear_gw), years: [...repeat("chosen", 3), "published", "extrapolated", "extrapolated"] }),
    supply_miners_gw: path("supply_miners_gw", FIRST, [0.5, 1.5, 3, 4, 5, 6], {
      sources: [S.MS_DEC_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note: "About half of the 8.8 GW miners operate or build today converts by 2028.",
    }),
    supply_storage_gw: path("supply_storage_gw", FIRST, [0, 0.3, 0.6, 1, 1.5, 2], { ...citeOf(call.supply_storage_gw), years: repeat("chosen", 6) }),
    nuclear_plant_gw: scalar("nuclear_plant_gw", 1.03, {
      sources: [S.EIA_NUCLEAR],
      basis: "derived",
      derivation: "97 GW over 94 reactors = 1.03 GW a reactor.",
    }),
    dc_load_factor: scalar("dc_load_factor", 0.5, {
      sources: [S.LBNL_2024],
      basis: "derived",
      derivation: "LBNL's TWh per GW implies an observed fleet load factor of ~0.5.",
    }),
    capex_musd_per_mw: scalar("capex_musd_per_mw", 35, {
      sources: [S.BERNSTEIN_OCT_2025],
      basis: "published",
      note: "All-in GB200 NVL72 build, ~USD 35bn per GW.",
    }),
    funding_mix: shares(
      "funding_mix",
      { hyperscaler_cash: 0.5, ig_bonds: 0.25, private_credit: 0.12, project_finance: 0.07, abs_cmbs: 0.03, equity: 0.03 },
      {
        sources: [S.MS_JUL_2025],
        basis: "derived",
        derivation: "Morgan Stanley: USD 1.4T of 2.9T (48%) from hyperscaler cash flow; the rest scaled from its 1.5T gap split.",
      },
    ),
    project_ltc: scalar("project_ltc", 0.75, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "Below the 80–85% of 2025 deals: tighter credit.",
    }),
    project_dscr: scalar("project_dscr", 1.4, citeOf(call.project_dscr)),
    project_rate: scalar("project_rate", 0.075, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "SOFR + 225 bp plus 100 bp of stress.",
    }),
    project_tenor_years: scalar("project_tenor_years", 7, citeOf(call.project_tenor_years)),
    contracted_value_musd_per_mw: scalar("contracted_value_musd_per_mw", 8, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "published",
      note: "The low end of USD 8–17m per IT MW.",
    }),
    uncontracted_value_musd_per_mw: scalar("uncontracted_value_musd_per_mw", 2, {
      sources: [S.BERNSTEIN_UNCONTRACTED],
      basis: "chosen",
      note: "Below Bernstein's ~3m per MW.",
    }),
    p_contract: scalar("p_contract", 0.3, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "chosen",
      note: "Below JPMorgan's ~50%.",
    }),
    discount_rate: scalar("discount_rate", 0.1, citeOf(call.discount_rate)),
    noi_margin: scalar("noi_margin", 0.8, {
      sources: [S.ANALYST_PRACTICE],
      basis: "published",
      note: "The low end of 80–90%.",
    }),
    renewal_probability: scalar("renewal_probability", 0.4, citeOf(call.renewal_probability)),
  },
});
