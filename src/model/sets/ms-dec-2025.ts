/**
 * `ms-dec-2025`: Morgan Stanley's framing as of its December 2025 note (a 47 GW
 * US shortfall through 2028), with Morgan Stanley's own offsets and funding
 * split. What Morgan Stanley does not give is call-2026-02's, marked inherited;
 * none of those parameters cites a source later than this set's vintage.
 */
import type { AssumptionSet } from "../schema";
import { extendSet, path, repeat, scalar } from "./build";
import * as S from "./sources";
import { CALL_2026_02_SET } from "./call-2026-02";
import { MS_JUL_2025_MIX } from "./low";

const FIRST = 2025;

export const MS_DEC_2025_SET: AssumptionSet = extendSet(CALL_2026_02_SET, {
  version: 2,
  id: "ms-dec-2025",
  name: "Morgan Stanley, Dec 2025",
  summary: "Morgan Stanley's 47 GW US shortfall by 2028 and its time-to-power offsets; its 2025–28 funding split.",
  description:
    "Faithful to Morgan Stanley's notes of 2025 (press coverage): a 47 GW US data-center power shortfall through " +
    "2028 (Dec 2025, raised from 44 GW) = demand − ~15 GW of grid headroom − ~6 GW under construction (Nov 2025); " +
    "offsets at the low end of its ranges (gas 15–20, fuel cells 5–8, nuclear deals 5–15 GW) plus converted miners " +
    "leave 47 − (15 + 5 + 5 + 6) = 16 GW in 2028, the top of its 6–16 GW; its funding split of 2025–28 (Jul 2025). " +
    "Morgan Stanley gives no annual path: 2025–27 are interpolated and 2029–30 extrapolated. Its nuclear range " +
    "counts deals at operating reactors, which call-2026-02 leaves out. Inherited from call-2026-02 (not Morgan " +
    "Stanley's): converted miners (6 GW by 2028), load factor, PUE, base-year energy, cost per MW, project finance " +
    "and valuation. Funding 2026–30: 85 grid GW × USD 55m = 4,675bn. Energy: 185 + 68 × 8.76 × 0.5 = 483 TWh in " +
    "2028, inside LBNL's 325–580 TWh; 632 TWh in 2030 when the 2025–28 pace is continued, 207 TWh above IEA's " +
    "base case (~425) and 228 TWh above EPRI's highest May 2024 scenario (404), both of which predate the 2025 " +
    "chip orders behind Morgan Stanley's raised demand. Vintage: the end of December 2025, the month of the " +
    "note (its press coverage gives no day).",
  vintage: "2025-12-31",
  base_year: 2024,
  parameters: {
    demand_gw: path("demand_gw", FIRST, [17, 34, 51, 68, 85, 102], {
      sources: [S.MS_DEC_2025, S.MS_NOV_2025],
      basis: "calibrated",
      years: [...repeat("interpolated", 3), "calibrated", "extrapolated", "extrapolated"],
      note:
        "Morgan Stanley's Dec 2025 gap of 47 GW with its Nov 2025 terms: demand = 47 + 15 (grid) + 6 (under " +
        "construction) = 68 GW through 2028. On a straight line for 2025–27 (17 GW a year); 2029–30 continue the line.",
    }),
    supply_gas_gw: path("supply_gas_gw", FIRST, [3.75, 7.5, 11.25, 15, 18.75, 22.5], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("interpolated", 3), "published", "extrapolated", "extrapolated"],
      note: "The low end of Morgan Stanley's 15–20 GW from 'natural gas turbine transactions' through 2028, on a straight line.",
    }),
    supply_fuel_cells_gw: path("supply_fuel_cells_gw", FIRST, [1.25, 2.5, 3.75, 5, 6.25, 7.5], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("interpolated", 3), "published", "extrapolated", "extrapolated"],
      note: "The low end of Morgan Stanley's 5–8 GW of fuel cells through 2028, on a straight line.",
    }),
    supply_nuclear_gw: path("supply_nuclear_gw", FIRST, [1.25, 2.5, 3.75, 5, 6.25, 7.5], {
      sources: [S.MS_NOV_2025],
      basis: "published",
      years: [...repeat("interpolated", 3), "published", "extrapolated", "extrapolated"],
      note:
        "The low end of Morgan Stanley's 5–15 GW of nuclear deals through 2028, on a straight line. Morgan Stanley " +
        "counts data centers sited at operating reactors, whose output is already on the grid.",
    }),
    supply_storage_gw: path("supply_storage_gw", FIRST, [0, 0, 0, 0, 0, 0], {
      sources: [S.MS_NOV_2025],
      basis: "chosen",
      years: repeat("chosen", 6),
      note: "Morgan Stanley's time-to-power offsets do not include storage: 0.",
    }),
    supply_diesel_gw: path("supply_diesel_gw", FIRST, [0, 0, 0, 0, 0, 0], {
      sources: [S.MS_NOV_2025, S.EPA_DIESEL_2025],
      basis: "chosen",
      years: repeat("chosen", 6),
      note: "Not among Morgan Stanley's offsets; EPA allows emergency gensets ≤ 100 h a year of non-emergency use: 0.",
    }),
    nuclear_plant_gw: scalar("nuclear_plant_gw", 1, {
      sources: [S.MS_SEP_2025],
      basis: "published",
      note: "Morgan Stanley likens its 44 GW shortfall to '44 nuclear power plants': 1 GW each.",
    }),
    funding_mix: MS_JUL_2025_MIX,
  },
});
