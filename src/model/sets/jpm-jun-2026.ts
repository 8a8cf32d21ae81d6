/**
 * `jpm-jun-2026`: JPMorgan's mid-year 2026 update: USD 5.5T of AI capex
 * through 2030, 4.1T of it debt, loan-to-cost above 85%. JPMorgan gives money,
 * not power: demand, supply and valuation are call-2026-02's, marked inherited.
 */
import type { AssumptionSet } from "../schema";
import { extendSet, scalar, shares } from "./build";
import * as S from "./sources";
import { CALL_2026_02_SET } from "./call-2026-02";
import { H100_RENT_POINTS, h100Rent } from "./solutions";

export const JPM_JUN_2026_SET: AssumptionSet = extendSet(CALL_2026_02_SET, {
  version: 3,
  id: "jpm-jun-2026",
  name: "JPMorgan, Jun 2026",
  summary: "JPMorgan's USD 5.5T through 2030, 4.1T of it debt, on call-2026-02's US demand.",
  description:
    "Faithful to JPMorgan's mid-year outlook of June 2026 (press coverage): AI capex of USD 5.5T through 2030 (up " +
    "from 5.1T), 4.1T of it debt, high-grade bonds above 2.1T over five years, loan-to-cost averaging above 85%. " +
    "The cost per MW is set so that FUNDING_PLAN(2026, 2030) totals 5,500bn on call-2026-02's demand (93 grid GW " +
    "added 2026–30), and the funding mix puts 4,100bn (74.5%) on debt. Where this departs from JPMorgan: its 5.5T " +
    "is global, as was the Nov 2025 5–7T the call quoted; put on US demand it reads as USD 59m per grid MW, near " +
    "the top of Nvidia's 50–60bn per GW. JPMorgan gives no power figures: demand, supply, energy, project terms " +
    "other than loan-to-cost, and valuation are call-2026-02's, marked inherited. Energy: 478 TWh in 2028 (LBNL " +
    "325–580) and 649 TWh in 2030, inside EPRI's Feb 2026 range of 9–17% of US generation (≈ 400–755 TWh at " +
    "~4,440 TWh, the 2030 generation EPRI's May 2024 study implies: 403.9 TWh ÷ 9.1%), and 224 TWh above IEA's " +
    "base case of Apr 2025 (~425 TWh), which EPRI's update, 60% above its own 2024 estimates, overtakes. Vintage: " +
    "2026-06-25, the outlook's press coverage (Fortune).",
  vintage: "2026-06-25",
  base_year: 2024,
  parameters: {
    capex_musd_per_mw: scalar("capex_musd_per_mw", 59.14, {
      sources: [S.JPM_JUN_2026, S.NVIDIA_AUG_2025],
      basis: "calibrated",
      note:
        "Set so that the 93 grid GW of call-2026-02's demand added in 2026–30 cost JPMorgan's USD 5.5T: 5,500 ÷ 93 = " +
        "59.14m per grid MW (76.9m per IT MW at PUE 1.3). JPMorgan's total is global; this reads it as a US figure.",
    }),
    funding_mix: shares(
      "funding_mix",
      {
        hyperscaler_cash: 0.204545,
        ig_bonds: 0.381818,
        private_credit: 0.227273,
        project_finance: 0.1,
        abs_cmbs: 0.036364,
        equity: 0.05,
      },
      {
        sources: [S.JPM_JUN_2026, S.JPM_NOV_2025],
        basis: "derived",
        derivation:
          "JPMorgan (Jun 2026) on USD 5.5T: debt 4.1T = 74.5%, of which high-grade bonds 2.1T = 38.2%; other debt " +
          "2.0T = 36.4% = ABS 0.2T (40bn a year, Nov 2025) 3.6% + project finance 10% + private credit 22.7%; the " +
          "non-debt 1.4T = 25.5% = equity 5% + hyperscaler cash 20.5%.",
        note:
          "The update splits neither its other debt nor its non-debt part: ABS is taken from the Nov 2025 note, and " +
          "the 10% project finance and 5% equity are call-2026-02's choices.",
      },
    ),
    gpu_rent_h100_usd_per_hour: h100Rent(
      H100_RENT_POINTS,
      "The latest published price at the vintage (March 2026), the value GPU_PAYBACK_YEARS and GPU_BREAKEVEN_RENT " +
        "are compared with: rents rose again from 1.70 (October 2025) to 2.35. Earlier points: ~USD 8 an hour " +
        "(2023), 2.85 (early 2024); each is in the dated path with its own source.",
    ),
    project_ltc: scalar("project_ltc", 0.85, {
      sources: [S.JPM_JUN_2026],
      basis: "published",
      note: "JPMorgan: loan-to-cost averages above 85%, some above 90%; 85% taken.",
    }),
  },
});
