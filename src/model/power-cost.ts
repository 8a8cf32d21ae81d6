/**
 * What closing the power gap costs and how long it takes: each time-to-power
 * technology's build cost (USD per kW) and lead time (months) from the set.
 * GW × USD per kW ÷ 1,000 = USD bn (1 GW = 10⁶ kW). Both are on the grid
 * basis: the paths count grid GW of supply, so a cost quoted per IT kW is
 * converted in the set (÷ PUE), never here.
 */
import {
  HEADLINE_SOURCES,
  leadTimeKey,
  SOLUTION_TECHNOLOGIES,
  solutionCapexKey,
  SUPPLY_SOURCES,
  type SolutionTechnology,
  type SupplySource,
} from "./catalogue";
import { between, yearIndex } from "./checks";
import type { CompiledSet } from "./compiled-set";
import { notAvailable } from "./errors";
import { finiteTable, type TableCell } from "./table";

const TECH_NAMES: ReadonlySet<string> = new Set(SOLUTION_TECHNOLOGIES);
const TECH_LIST = SOLUTION_TECHNOLOGIES.join(", ");

export function parseSolutionTechnology(source: string): SolutionTechnology {
  if (TECH_NAMES.has(source)) return source as SolutionTechnology;
  const s = source.trim().toLowerCase();
  if (TECH_NAMES.has(s)) return s as SolutionTechnology;
  const hint = s === "grid" || s === "construction" ? ` ("${s}" is headline supply, not a time-to-power solution)` : "";
  throw notAvailable(`source "${source}" is not a time-to-power solution${hint}; use one of ${TECH_LIST}`);
}

/**
 * The solutions POWER_GAP_COST counts: every supply path outside the headline
 * gap (the catalogue's split, as the gap after solutions counts them), in
 * column order, each at its technology's cost. A supply path without a build
 * cost is a catalogue error, refused when the module loads.
 */
export const GAP_SOLUTIONS: readonly (SupplySource & SolutionTechnology)[] = SUPPLY_SOURCES.filter((s) => !HEADLINE_SOURCES.includes(s)).map((s) => {
  if (!TECH_NAMES.has(s)) throw new Error(`supply source "${s}" is outside the headline gap but has no build cost in SOLUTION_TECHNOLOGIES`);
  return s as SupplySource & SolutionTechnology;
});

// Parameter names built once, not per call.
const CAPEX_KEYS = Object.fromEntries(SOLUTION_TECHNOLOGIES.map((t) => [t, solutionCapexKey(t)])) as {
  [T in SolutionTechnology]: ReturnType<typeof solutionCapexKey>;
};
const LEAD_TIME_KEYS = Object.fromEntries(SOLUTION_TECHNOLOGIES.map((t) => [t, leadTimeKey(t)])) as {
  [T in SolutionTechnology]: ReturnType<typeof leadTimeKey>;
};

export function solutionCapexUsdPerKw(set: CompiledSet, tech: SolutionTechnology): number {
  return set.scalars[CAPEX_KEYS[tech]];
}

/** gw × USD per kW ÷ 1,000, in USD bn. */
export function powerSolutionCost(gw: number, capexUsdPerKw: number): number {
  between("gw", gw, 0, 100_000, " GW");
  between("capex_usd_per_kw", capexUsdPerKw, 0, 100_000, " USD per kW");
  return (gw * capexUsdPerKw) / 1000;
}

/**
 * USD bn to build the time-to-power solutions the set counts through `year`
 * (cumulative GW from the end of the base year × each one's cost); with
 * `source`, that solution's part only.
 */
export function powerGapCost(set: CompiledSet, year: number, source: SolutionTechnology | null): number {
  const i = yearIndex(set, "year", year);
  if (source !== null) {
    if (source === "gas_engines") {
      throw notAvailable(`source "gas_engines" has no path of its own in set "${set.id}" (its GW are in "gas"); use one of ${GAP_SOLUTIONS.join(", ")}`);
    }
    return (set.supplyGw[source][i] * solutionCapexUsdPerKw(set, source)) / 1000;
  }
  let total = 0;
  for (const s of GAP_SOLUTIONS) total += set.supplyGw[s][i] * solutionCapexUsdPerKw(set, s);
  return total / 1000;
}

export const POWER_GAP_COST_HEADER = ["source", "gw", "capex_usd_per_kw", "cost_usd_bn"] as const;

/**
 * POWER_GAP_COST by source: a header, one row per solution (GW through `year`,
 * its USD per kW, its USD bn), then a total row whose cost is POWER_GAP_COST(year)
 * (summed in the same order, so the two agree to the last digit) and whose
 * USD per kW is the GW-weighted average ("" when no GW are counted yet).
 */
export function powerGapCostTable(set: CompiledSet, year: number): TableCell[][] {
  const i = yearIndex(set, "year", year);
  const rows: TableCell[][] = [POWER_GAP_COST_HEADER.slice()];
  let totalGw = 0;
  let total = 0;
  let sum = 0; // every number written, for finiteTable
  for (let k = 0; k < GAP_SOLUTIONS.length; k++) {
    const s = GAP_SOLUTIONS[k];
    const gw = set.supplyGw[s][i];
    const capex = solutionCapexUsdPerKw(set, s);
    rows.push([s, gw, capex, (gw * capex) / 1000]);
    totalGw += gw;
    total += gw * capex;
    sum += gw + capex;
  }
  const average = totalGw > 0 ? total / totalGw : 0;
  rows.push(["total", totalGw, totalGw > 0 ? average : "", total / 1000]);
  // Each source's cost is part of the total: a finite total vouches for them.
  return finiteTable(rows, sum + totalGw + average + total / 1000);
}

export function timeToPowerMonths(set: CompiledSet, tech: SolutionTechnology): number {
  return set.scalars[LEAD_TIME_KEYS[tech]];
}
