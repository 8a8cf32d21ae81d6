/**
 * `call-2026-02`: the default set. Reproduces the conference call of
 * 2026-02-04: a 46 GW US shortfall through 2028 (≈ 46 reactors of 1 GW), a
 * 6–16 GW residual after time-to-power solutions, and USD 5–7 trillion of
 * funding over 2026–2030 from bonds, project finance and equity markets.
 *
 * Notes describe the parameter's own value; what the set adds up to (the gap,
 * the funding total, the energy) is in the description, so a set that
 * extends this one inherits notes that stay true.
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
  version: 3,
  name: "Conference call, Feb 2026",
  summary: "The call's 46 GW US shortfall by 2028 and USD 5.1T of funding over 2026–30 (call: 5–7T).",
  description:
    "Reproduces the conference call of 2026-02-04 on the US AI data-center build-out. " +
    "Gap: Morgan Stanley's framing (demand − grid headroom − sites under construction); demand through 2028 is " +
    "calibrated to 67 GW so the gap is the call's 46 GW (67 − 15 − 6), between Morgan Stanley's 44 GW (Nov 2025) " +
    "and 47 GW (Dec 2025). '46 nuclear plants' counts 1 GW a reactor; the fleet averages 1.03 GW (44.7 reactors). " +
    "After time-to-power solutions 15.4 GW remain in 2028 (gas 16, fuel cells 5, nuclear restarts 1.6, converted " +
    "miners 6, battery-enabled load 2), inside Morgan Stanley's 6–16 GW. The residual keeps rising (14.6 GW in " +
    "2027, 19.5 in 2029) where Morgan Stanley has it worst in 2027: the set's annual ramps are choices. " +
    "Funding: the 93 grid GW the demand path adds in 2026–30 at USD 55m per grid MW (Nvidia's midpoint) = " +
    "USD 5,115bn, inside the call's 5–7T. Where the call departs from its sources: its 5–7T is JPMorgan's GLOBAL " +
    "figure (~122 GW worldwide), while the call speaks of the US; it fits US capacity only at Nvidia's all-in cost " +
    "(Bernstein's 35bn per GW gives 3,255bn; Cushman & Wakefield's shell plus IREN's IT, 31.3m per grid MW, 2,911bn). " +
    "Morgan Stanley's 5–15 GW of nuclear deals counts sites at operating reactors, whose output is already grid " +
    "headroom: the set counts restarts only. " +
    "Energy: 185 TWh in 2024 + 67 GW × 8.76 × 0.5 = 478 TWh in 2028, inside LBNL's 325–580 TWh. In 2030, " +
    "185 + 106 × 4.38 = 649 TWh is 224 TWh above IEA's base case (~425 TWh: 185 + 240) and 245 TWh above the " +
    "highest of EPRI's May 2024 scenarios (404 TWh, 9.1%): both predate the 2025 campus announcements and chip " +
    "orders Morgan Stanley's demand counts. E3's planning load factor of 0.86 would put 2028 at 690 TWh, 19% above " +
    "LBNL's high case. The call also flags lease renewal with large tenants (Microsoft) as a risk, hence a renewal " +
    "probability of 60%: above even odds, but below what a scarce powered site would suggest.",
  vintage: "2026-02-04",
  base_year: 2024,
  parameters: {
    demand_gw: path("demand_gw", FIRST, [13, 30, 49, 67, 86, 106], {
      sources: [S.MS_NOV_2025, S.MS_DEC_2025, S.CALL_2026_02],
      basis: "calibrated",
      years: [...repeat("chosen", 3), "calibrated", "extrapolated", "extrapolated"],
      note:
        "Grid GW added from the end of 2024. 2028: calibrated to 67 GW so that 67 − 15 (grid) − 6 (construction) = " +
        "the call's 46 GW; Morgan Stanley had ~65 GW of incremental demand for 2025–28 (gap 44 GW, Nov 2025), then a " +
        "47 GW gap (Dec 2025). 2025–27 are a chosen, accelerating ramp (13, 30, 49), since Morgan Stanley publishes " +
        "no annual path; 2029–30 add 19 and 20 GW a year, a little above the pace of 2026–28 (17, 19 and 18 a year; extrapolated).",
    }),
    supply_grid_gw: path("supply_grid_gw", FIRST, [3.75, 7.5, 11.25, 15, 18.75, 22.5], {
      sources: [S.MS_NOV_2025, S.MS_SEP_2025],
      basis: "derived",
      years: [...repeat("interpolated", 3), "published", "extrapolated", "extrapolated"],
      derivation:
        "~15 GW of existing grid headroom through 2028 (Morgan Stanley), on a straight line from 0 at the end of " +
        "2024: 3.75 GW a year (3.75, 7.5, 11.25, 15); 2029–30 continue the line (18.75, 22.5).",
      note:
        "Both of Morgan Stanley's framings put grid headroom at ~15 GW (the Sep 2025 framing's other 10 GW is " +
        "data centers under construction, not grid). No source goes past 2028.",
    }),
    supply_construction_gw: path("supply_construction_gw", FIRST, [1.5, 3, 4.5, 6, 6, 6], {
      sources: [S.MS_NOV_2025],
      basis: "derived",
      years: [...repeat("interpolated", 3), "published", "chosen", "chosen"],
      derivation: "~6 GW of sites under construction with power secured (Morgan Stanley), energised on a straight line by 2028: 1.5 GW a year.",
      note:
        "Held at 6 GW after 2028 (chosen): Morgan Stanley's figure covers sites under construction in 2025; later " +
        "sites are part of demand, and of the gap until they find power.",
    }),
    supply_gas_gw: path("supply_gas_gw", FIRST, [1, 4, 9, 16, 22, 28], {
      sources: [S.MS_NOV_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note:
        "Morgan Stanley: 15–20 GW from 'natural gas turbine transactions' through 2028 (counted here as gas supply, turbines " +
        "or engines); 16 GW is chosen near the low end. The ramp " +
        "is back-loaded (chosen: turbines ordered in 2025 arrive in 2027–28); 2029–30 add 6 GW a year (extrapolated).",
    }),
    supply_fuel_cells_gw: path("supply_fuel_cells_gw", FIRST, [0.5, 1.5, 3, 5, 7, 8], {
      sources: [S.MS_NOV_2025],
      basis: "chosen",
      years: [...repeat("chosen", 3), "published", "chosen", "chosen"],
      note: "Fuel cells 5–8 GW through 2028 (Morgan Stanley); the low end, 5 GW, is taken. The ramp and 2029–30 (7, 8) are chosen.",
    }),
    supply_nuclear_gw: path("supply_nuclear_gw", FIRST, [0, 0.8, 1.635, 1.635, 2.25, 2.25], {
      sources: [S.NUCLEAR_RESTARTS_2025, S.MS_NOV_2025],
      basis: "derived",
      years: repeat("published", 6),
      derivation:
        "Restarts at their announced dates: Palisades 0.8 GW (2026) + Crane 0.835 GW (2027) = 1.635 GW through 2028; " +
        "+ Duane Arnold 0.615 GW (early 2029) = 2.25 GW.",
      note:
        "New nuclear output only. Morgan Stanley's 5–15 GW of nuclear deals through 2028 counts data centers sited at " +
        "operating reactors, whose output already serves the grid (grid headroom, not new supply): this set departs " +
        "from that range. No uprate or SMR with a size and a date by 2030 is counted.",
    }),
    supply_miners_gw: path("supply_miners_gw", FIRST, [1, 2.5, 4, 6, 7.5, 9], {
      sources: [S.MS_DEC_2025],
      basis: "chosen",
      years: [...repeat("chosen", 4), "extrapolated", "extrapolated"],
      note:
        "Morgan Stanley: bitcoin miners hold 6.3 GW operating + 2.5 GW under construction (8.8 GW), 8.6 GW more in " +
        "development, 'almost 20 GW' with firm interconnection. 6 GW converted to AI/HPC by 2028 is chosen: about " +
        "two-thirds of the 8.8 GW built or building. 2029–30 add 1.5 GW a year (extrapolated).",
    }),
    supply_storage_gw: path("supply_storage_gw", FIRST, [0, 0.5, 1, 2, 3, 4], {
      sources: [S.CALL_2026_02],
      basis: "chosen",
      years: repeat("chosen", 6),
      note:
        "Not firm supply: a 4-hour battery cannot carry a 24-hour load. What is counted is data-center load that " +
        "on-site batteries let connect on curtailable (non-firm) grid service before firm capacity exists. The call " +
        "names storage without a figure: 2 GW through 2028 is chosen.",
    }),
    supply_diesel_gw: path("supply_diesel_gw", FIRST, [0, 0, 0, 0, 0, 0], {
      sources: [S.CALL_2026_02, S.EPA_DIESEL_2025],
      basis: "chosen",
      years: repeat("chosen", 6),
      note: "Diesel as primary power is held back by regulation (EPA: emergency gensets ≤ 100 h a year of non-emergency use): 0.",
    }),
    nuclear_plant_gw: scalar("nuclear_plant_gw", 1, {
      sources: [S.CALL_2026_02, S.EIA_NUCLEAR],
      basis: "calibrated",
      note:
        "The call counts its 46 GW gap as 'about 46 nuclear plants': 1 GW a reactor. The US fleet is 97 GW in 94 " +
        "reactors (at 54 plants; EIA): 97 ÷ 94 = 1.03 GW a reactor, at which the call's 46 GW would be 46 ÷ 1.03 ≈ 44.7 " +
        "reactors; the call rounds up.",
    }),
    nuclear_capacity_factor: scalar("nuclear_capacity_factor", 0.927, { sources: [S.EIA_NUCLEAR], basis: "published" }),
    dc_load_factor: scalar("dc_load_factor", 0.5, {
      sources: [S.LBNL_2024, S.E3_LOAD_FACTOR],
      basis: "derived",
      derivation: "LBNL 2028: 325 TWh ÷ (74 GW × 8.76) = 0.501; 580 TWh ÷ (132 GW × 8.76) = 0.502; 0.50 taken.",
      note:
        "Annual energy ÷ (grid capacity × 8,760 h), as LBNL's scenarios imply for the US fleet. E3's planning factor " +
        "of ~0.86 (a new AI site at PUE 1.2, fully loaded) gives 1.7 times the energy per GW.",
    }),
    pue: scalar("pue", 1.3, {
      sources: [S.UPTIME_PUE_2024],
      basis: "published",
      note:
        "Grid MW per IT MW of new capacity: new large AI sites run at or below 1.3 (Uptime Institute); the fleet " +
        "average, 1.56–1.58, includes older sites.",
    }),
    dc_energy_base_twh: scalar("dc_energy_base_twh", 185, {
      sources: [S.IEA_ENERGY_AI_2025, S.LBNL_2024],
      basis: "derived",
      derivation: "IEA: US data-center use rises by ~240 TWh, +130%, from 2024 to 2030, so 2024 ≈ 240 ÷ 1.30 = 185 TWh.",
      note: "LBNL has 176 TWh for 2023, its latest year.",
    }),
    capex_musd_per_mw: scalar("capex_musd_per_mw", 55, {
      sources: [S.NVIDIA_AUG_2025, S.BERNSTEIN_OCT_2025, S.CUSHMAN_2025, S.IREN_NOV_2025, S.MCKINSEY_APR_2025, S.JPM_NOV_2025],
      basis: "derived",
      derivation:
        "Nvidia: USD 50–60bn per GW of AI data center, a GW of facility (grid) power; midpoint 55bn per GW = 55m per " +
        "grid MW = 55 × 1.3 = 71.5m per IT MW at PUE 1.3.",
      note:
        "All-in: shell, power and cooling, and IT. Lower figures: Bernstein ~35bn per GW of facility power (a GB200 " +
        "NVL72 campus at 5.9m a rack), reading Nvidia's figure as next-generation racks; Cushman & Wakefield's 11.7m " +
        "shell per critical MW + IREN's 29m of IT per IT MW (5.8bn for 200 MW) = 40.7m per IT MW = 31.3m per grid MW " +
        "at PUE 1.3; McKinsey's 5.2T for ~125 GW of AI capacity ≈ 42bn per GW; JPMorgan's 5–7T for ~122 GW " +
        "worldwide in 2026–30 = 41–57bn per GW.",
    }),
    funding_mix: shares(
      "funding_mix",
      {
        hyperscaler_cash: 0.3,
        ig_bonds: 0.3,
        private_credit: 0.21,
        project_finance: 0.1,
        abs_cmbs: 0.04,
        equity: 0.05,
      },
      {
        sources: [S.JPM_NOV_2025, S.CALL_2026_02, S.MS_JUL_2025],
        basis: "derived",
        derivation:
          "JPMorgan on USD 5T: IG bonds 1.5T = 30%; securitisation up to 40bn a year × 5 = 0.2T = 4%; private credit " +
          "and government 1.4T = 28% + leveraged finance 0.15T = 3%, together 31%; the remaining 1.75T = 35% is " +
          "hyperscaler cash flow and equity. The two groups are split here (chosen, see the note): 31% = 21% private " +
          "credit + 10% project finance; 35% = 30% hyperscaler cash + 5% equity.",
        note:
          "JPMorgan splits neither its 31% of private and leveraged credit nor the 35% residual: 21% private credit " +
          "and 10% project finance, and 30% hyperscaler cash and 5% equity (the call's 'stock market'), are chosen. " +
          "Morgan Stanley's 2025–28 split (Jul 2025) has cash flow at 48%.",
      },
    ),
    project_ltc: scalar("project_ltc", 0.8, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "published",
      note: "The low end of the 80–85% loan-to-cost of the Galaxy and Hut 8 financings.",
    }),
    project_dscr: scalar("project_dscr", 1.3, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "A typical sizing ratio for contracted infrastructure debt; the deals cited do not disclose theirs.",
    }),
    project_rate: scalar("project_rate", 0.065, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "derived",
      derivation: "SOFR + 225 bp (Galaxy, Hut 8) with SOFR at ~4.25%, its level when those deals were struck in 2025: 4.25% + 2.25% = 6.5%.",
    }),
    project_tenor_years: scalar("project_tenor_years", 10, {
      sources: [S.PROJECT_FINANCE_2025, S.CORE_SCIENTIFIC_2024],
      basis: "chosen",
      note: "Matched to the 10–15-year hosting leases: the shorter end, 10 years.",
    }),
    contracted_value_musd_per_mw: scalar("contracted_value_musd_per_mw", 12.5, {
      sources: [S.JPM_VALUATION_NOV_2025],
      basis: "derived",
      derivation: "Midpoint of JPMorgan's USD 8–17m per IT MW for contracted colocation: (8 + 17) ÷ 2 = 12.5.",
      note: "JPMorgan quotes per IT MW, as leases are; cloud contracts go up to 19m.",
    }),
    uncontracted_value_musd_per_mw: scalar("uncontracted_value_musd_per_mw", 3.9, {
      sources: [S.BERNSTEIN_UNCONTRACTED],
      basis: "derived",
      derivation: "Bernstein's ~USD 3m per MW of grid power × PUE 1.3 = 3.9m per IT MW.",
      note: "Bernstein values AI-earmarked power per grid MW; an IT MW needs 1.3 grid MW at this set's PUE.",
    }),
    p_contract: scalar("p_contract", 0.5, { sources: [S.JPM_VALUATION_NOV_2025], basis: "published" }),
    discount_rate: scalar("discount_rate", 0.08, {
      sources: [S.PROJECT_FINANCE_2025],
      basis: "chosen",
      note: "Unlevered rate for a lease to an investment-grade tenant: the 6.5% project-debt cost plus 1.5 points.",
    }),
    noi_margin: scalar("noi_margin", 0.85, {
      sources: [S.ANALYST_PRACTICE],
      basis: "derived",
      derivation: "Midpoint of 80–90% for triple-net hosting: (80% + 90%) ÷ 2 = 85%.",
    }),
    renewal_probability: scalar("renewal_probability", 0.6, {
      sources: [S.TD_COWEN_FEB_2025],
      basis: "chosen",
      note:
        "60%, below the odds a scarce powered site would suggest: Microsoft cancelled some US leases and let > 1 GW " +
        "of letters of intent lapse (TD Cowen, Feb 2025).",
    }),
    renewal_term_years: scalar("renewal_term_years", 5, {
      sources: [S.CORE_SCIENTIFIC_2024],
      basis: "published",
      note: "One 5-year option, as in the CoreWeave–Core Scientific leases (2 × 5 years).",
    }),
    ...SOLUTIONS_AND_GPUS,
  },
};
