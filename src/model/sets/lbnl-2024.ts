/**
 * `lbnl-2024-low` and `lbnl-2024-high`: the two ends of LBNL's 2024 United
 * States Data Center Energy Usage Report (325 and 580 TWh in 2028, 74 and
 * 132 GW), at the load factor those figures imply. LBNL gives energy and
 * capacity only; supply, cost, funding and valuation are call-2026-02's,
 * marked inherited, so the vintage is that set's.
 */
import type { AssumptionSet } from "../schema";
import { extendSet, path, repeat, scalar } from "./build";
import * as S from "./sources";
import { CALL_2026_02_SET } from "./call-2026-02";

const FIRST = 2025;

interface LbnlCase {
  id: "lbnl-2024-low" | "lbnl-2024-high";
  label: "low" | "high";
  twh2028: number;
  gw2028: number;
  /** (twh2028 ÷ 176)^(1/5): LBNL's growth a year from 2023. */
  growth: number;
  base2024Twh: number;
  /** Grid GW added from the end of 2024, 2025–2030. */
  demand: readonly number[];
  increment: number;
  summary: string;
  outcome: string;
}

function lbnlSet(c: LbnlCase): AssumptionSet {
  const pct = ((c.growth - 1) * 100).toFixed(2);
  return extendSet(CALL_2026_02_SET, {
    version: 2,
    id: c.id,
    name: `LBNL 2024, ${c.label} case`,
    summary: c.summary,
    description:
      `LBNL's ${c.label} case (2024 United States Data Center Energy Usage Report, Dec 2024): US data centers use ` +
      `${c.twh2028} TWh in 2028 with ${c.gw2028} GW of capacity, from 176 TWh in 2023 (${pct}% a year). The load ` +
      "factor those figures imply (0.50) converts energy to grid GW; 2024–27 follow LBNL's growth rate and 2029–30, " +
      "past LBNL's horizon, continue its 2028 increment. LBNL gives no supply, cost, funding or valuation: those " +
      "are call-2026-02's (marked inherited), so the vintage is that set's, 2026-02-04, while its own figures are " +
      `LBNL's of Dec 2024. ${c.outcome}`,
    vintage: "2026-02-04",
    base_year: 2024,
    parameters: {
      dc_energy_base_twh: scalar("dc_energy_base_twh", c.base2024Twh, {
        sources: [S.LBNL_2024],
        basis: "derived",
        derivation:
          `LBNL: 176 TWh in 2023 and ${c.twh2028} TWh in 2028, i.e. (${c.twh2028} ÷ 176)^(1/5) = ${c.growth.toFixed(4)} a ` +
          `year; 2024 = 176 × ${c.growth.toFixed(4)} = ${c.base2024Twh} TWh (interpolated).`,
      }),
      demand_gw: path("demand_gw", FIRST, c.demand, {
        sources: [S.LBNL_2024],
        basis: "derived",
        years: [...repeat("interpolated", 3), "calibrated", "extrapolated", "extrapolated"],
        derivation:
          `Energy in year y = 176 × ${c.growth.toFixed(4)}^(y − 2023) TWh; grid GW added = (energy − ${c.base2024Twh}) ÷ ` +
          `(8.76 × 0.5). 2028: (${c.twh2028} − ${c.base2024Twh}) ÷ 4.38 = ${c.demand[3]} GW; the fleet is then ` +
          `${c.base2024Twh} ÷ 4.38 + ${c.demand[3]} = ${(c.base2024Twh / 4.38 + c.demand[3]).toFixed(1)} GW (LBNL: ${c.gw2028} GW).`,
        note:
          `2025–27 interpolated on LBNL's growth rate; 2028 set so that energy is LBNL's ${c.twh2028} TWh; 2029–30 ` +
          `continue the 2028 increment of ${c.increment} GW a year (extrapolated: LBNL stops at 2028).`,
      }),
    },
  });
}

export const LBNL_2024_LOW_SET = lbnlSet({
  id: "lbnl-2024-low",
  label: "low",
  twh2028: 325,
  gw2028: 74,
  growth: 1.1305,
  base2024Twh: 199,
  demand: [5.9, 12.6, 20.2, 28.8, 37.4, 46],
  increment: 8.6,
  summary: "LBNL's low case: 325 TWh in 2028 (74 GW); supply and money as call-2026-02.",
  outcome:
    "With the default's supply the 2028 gap is 28.8 − 15 − 6 = 7.8 GW and the solutions leave a 22.8 GW surplus. " +
    "Energy: 325 TWh in 2028; 400 TWh in 2030, near IEA's base case (~425) and inside EPRI's May 2024 range " +
    "(196–404). Funding 2026–30: 40.1 grid GW × USD 55m = 2,206bn.",
});

export const LBNL_2024_HIGH_SET = lbnlSet({
  id: "lbnl-2024-high",
  label: "high",
  twh2028: 580,
  gw2028: 132,
  growth: 1.2694,
  base2024Twh: 223.4,
  demand: [13.7, 31.2, 53.3, 81.4, 109.5, 137.6],
  increment: 28.1,
  summary: "LBNL's high case: 580 TWh in 2028 (132 GW); supply and money as call-2026-02.",
  outcome:
    "With the default's supply the 2028 gap is 81.4 − 15 − 6 = 60.4 GW, 29.8 GW after solutions. Energy: 580 TWh " +
    "in 2028; 826 TWh in 2030 when LBNL's 2028 pace is continued, 401 TWh above IEA's base case (~425) and 422 TWh " +
    "above EPRI's highest May 2024 scenario (404). Funding 2026–30: 123.9 grid GW × USD 55m = 6,815bn.",
});
