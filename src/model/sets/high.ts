/**
 * `high`: a larger build-out, bracketing `call-2026-02` from above on the
 * same definition of every parameter: LBNL's high case for demand, offsets at
 * the top of the published ranges, the top of Nvidia's cost range, more debt
 * and valuations at the top of the published brackets.
 */
import type { AssumptionSet } from "../schema";
import { extendSet, path, repeat, scalar, shares } from "./build";
import * as S from "./sources";
import { CALL_2026_02_SET } from "./call-2026-02";

const FIRST = 2025;

export const HIGH_SET: AssumptionSet = extendSet(CALL_2026_02_SET, {
  version: 3,
  id: "high",
  name: "High build-out",
  summary: "Larger build-out: 69 GW US shortfall by 2028, USD 7.0T of funding over 2026–30.",
  description:
    "The high bracket of the published ranges around call-2026-02, on the same definitions: demand at LBNL's high " +
    "case (90 GW added by 2028), offsets at the top of Morgan Stanley's ranges, the top of Nvidia's cost range, " +
    "JPMorgan's upper 7T funded mostly with debt, looser credit and higher valuations. Gap 2028: 90 − 15 − 6 = 69 GW; " +
    "after solutions 69 − (gas 20 + fuel cells 8 + nuclear restarts 2.25 + miners 10 + battery-enabled load 3) = " +
    "25.75 GW. Funding 2026–30: 117 grid GW × USD 60m = 7,020bn, just above the call's 5–7T. Energy: 185 + 90 × " +
    "8.76 × 0.5 = 579 TWh in 2028, at the top of LBNL's 325–580 TWh; 772 TWh in 2030, 347 TWh above IEA's base " +
    "case (~425) and 368 TWh above EPRI's highest May 2024 scenario (404): this set takes LBNL's high growth " +
    "through 2030. Parameters marked inherited are call-2026-02's.",
  vintage: "2026-02-04",
  base_year: 2024,
  parameters: {
    demand_gw: path("demand_gw", FIRST, [17, 40, 65, 90, 112, 134], {
      sources: [S.LBNL_2024, S.IEA_ENERGY_AI_2025],
      basis: "derived",
      years: [...repeat("chosen", 3), "calibrated", "extrapolated", "extrapolated"],
      derivation:
        "LBNL's high case: 132 GW of fleet capacity in 2028 (580 TWh). The 2024 fleet is 185 TWh (IEA) ÷ (8.76 × 0.5) " +
        "= 42.2 GW; 132 − 42.2 = 89.8, rounded to 90 GW added by 2028.",
      note:
        "2028 is set so that energy in 2028 is LBNL's 580 TWh at the load factor LBNL implies. 2025–27 follow the " +
        "default's accelerating ramp (13, 30, 49) scaled by 90 ÷ 67 and rounded down: 17.5, 40.3, 65.8 → 17, 40, 65 " +
        "(chosen); 2029–30 add 22 GW a year, about the 2025–28 average of 90 ÷ 4 = 22.5 (extrapolated).",
    }),
    supply_gas_gw: path("supply_gas_gw", FIRST, [2, 6, 12, 20, 27, 34], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("chosen", 3), "published", "extrapolated", "extrapolated"],
      note: "The top of Morgan Stanley's 15–20 GW through 2028; the ramp is chosen, 2029–30 add 7 GW a year (extrapolated).",
    }),
    supply_fuel_cells_gw: path("supply_fuel_cells_gw", FIRST, [1, 2.5, 5, 8, 10, 12], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("chosen", 3), "published", "chosen", "chosen"],
      note: "The top of Morgan Stanley's 5–8 GW through 2028; the ramp and 2029–30 (10, 12) are chosen.",
    }),
    supply_nuclear_gw: path("supply_nuclear_gw", FIRST, [0, 0.8, 1.635, 2.25, 2.25, 2.25], {
      sources: [S.NUCLEAR_RESTARTS_2025],
      basis: "chosen",
      years: ["published", "published", "published", "chosen", "published", "published"],
      note:
        "The default's restarts, with Duane Arnold (0.615 GW) counted at the end of 2028, a quarter ahead of " +
        "NextEra's early-2029 target (chosen): 2.25 GW. As in the default, no deals at operating reactors.",
    }),
    supply_miners_gw: path("supply_miners_gw", FIRST, [2, 4.5, 7.5, 10, 12, 14], {
      sources: [S.MS_DEC_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note: "Half of the 'almost 20 GW' of miner sites with firm interconnection (Morgan Stanley) converts by 2028: 10 GW, chosen; +2 GW a year after.",
    }),
    supply_storage_gw: path("supply_storage_gw", FIRST, [0.2, 0.8, 1.8, 3, 4.5, 6], {
      sources: [S.CALL_2026_02],
      basis: "chosen",
      years: repeat("chosen", 6),
      note: "Data-center load connected on curtailable service thanks to on-site batteries (not firm supply): 3 GW by 2028, half again the default's, chosen.",
    }),
    nuclear_plant_gw: scalar("nuclear_plant_gw", 1.03, {
      sources: [S.EIA_NUCLEAR],
      basis: "derived",
      derivation: "97 GW ÷ 94 reactors = 1.03 GW a reactor.",
    }),
    capex_musd_per_mw: scalar("capex_musd_per_mw", 60, {
      sources: [S.NVIDIA_AUG_2025],
      basis: "published",
      note: "The top of Nvidia's USD 50–60bn per GW of facility power: 60m per grid MW, 78m per IT MW at PUE 1.3.",
    }),
    funding_mix: shares(
      "funding_mix",
      { hyperscaler_cash: 0.2, ig_bonds: 0.35, private_credit: 0.24, project_finance: 0.11, abs_cmbs: 0.05, equity: 0.05 },
      {
        sources: [S.JPM_NOV_2025],
        basis: "derived",
        derivation:
          "JPMorgan's upper USD 7T with cash flow and equity held at the 1.75T of its 5T case: 1.75 ÷ 7 = 25%, so 75% " +
          "is debt. The default's debt split (IG 30 : private credit 21 : project finance 10 : ABS 4, of 65) scaled " +
          "to 75%: 34.6, 24.2, 11.5, 4.6; in whole percents 35, 24, 11, 5 (project finance's 11.5 taken down, not up, " +
          "so the debt stays 75%); equity 5%, cash 20%.",
      },
    ),
    project_ltc: scalar("project_ltc", 0.85, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "published",
      note: "The top of the 80–85% loan-to-cost of the Galaxy and Hut 8 financings.",
    }),
    project_dscr: scalar("project_dscr", 1.2, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "1.2, below the usual 1.3: lenders accept less cover when credit is ample.",
    }),
    project_rate: scalar("project_rate", 0.06, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "SOFR + 225 bp with SOFR at ~3.75%, about its level after the Federal Reserve's Dec 2025 cut (chosen): 6.0%.",
    }),
    project_tenor_years: scalar("project_tenor_years", 15, {
      sources: [S.PROJECT_FINANCE_2025, S.CORE_SCIENTIFIC_2024],
      basis: "chosen",
      note: "Matched to the 10–15-year hosting leases: the longer end, 15 years.",
    }),
    contracted_value_musd_per_mw: scalar("contracted_value_musd_per_mw", 17, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "published",
      note: "The top of JPMorgan's USD 8–17m per IT MW for colocation (cloud up to 19m).",
    }),
    uncontracted_value_musd_per_mw: scalar("uncontracted_value_musd_per_mw", 5.85, {
      sources: [S.VANECK_AUG_2025],
      basis: "derived",
      derivation: "VanEck: bitcoin miners trade at ~USD 4.5m per MW of (grid) power; × PUE 1.3 = 5.85m per IT MW.",
      note: "Miners as a whole include contracted sites, so this is an upper bracket for uncontracted power.",
    }),
    p_contract: scalar("p_contract", 0.7, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "chosen",
      note: "70%, above JPMorgan's ~50%: powered sites are scarce.",
    }),
    discount_rate: scalar("discount_rate", 0.07, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "This set's 6.0% project-debt cost plus 1 point for long leases to investment-grade tenants: 7%.",
    }),
    noi_margin: scalar("noi_margin", 0.9, {
      sources: [S.ANALYST_PRACTICE],
      basis: "published",
      note: "The top of 80–90%.",
    }),
    renewal_probability: scalar("renewal_probability", 0.8, {
      sources: [S.TD_COWEN_FEB_2025],
      basis: "chosen",
      note: "80%: with powered capacity scarce, tenants renew; Microsoft's lapsed letters of intent in 2025 (TD Cowen) are taken as the exception.",
    }),
  },
});
