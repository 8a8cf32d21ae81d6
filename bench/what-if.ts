/**
 * What-if figures: the per-call cost of a scenario handle against an id, and
 * one SENSITIVITY against the direct calls that give the same table.
 *
 * scenario_handle_vs_id: 10,000 POWER_GAP_GW calls cycling 100 distinct
 *   handles ÷ the same calls by id, with every handle's set already derived
 *   (the cache's steady state, what every recalculation after the first
 *   sees). The first pass, which derives the 100 sets, is reported apart as
 *   milliseconds per distinct handle.
 * sensitivity_vs_calls: one SENSITIVITY of every parameter of POWER_GAP_GW
 *   (parameters omitted) ÷ the direct calls that give the same table, as a
 *   sheet would make them: the base call and, per row, a SCENARIO cell for
 *   the low and the high input each feeding a POWER_GAP_GW cell. Both start
 *   from an empty cache, as after any change of the workbook's sets, so both
 *   derive the same sets; the steady state (warm cache) is reported apart.
 */
import * as functions from "../src/functions/functions";
import { store } from "../src/functions/store";
import { defaultSet } from "../src/model/sets";
import { median } from "./lib/timing";

export interface WhatIfFigures {
  scenario_handle_vs_id: number;
  /** The first pass's extra time per distinct handle (validating and compiling its set), ms. */
  derive_ms_per_handle: number;
  sensitivity_vs_calls: number;
  sensitivity_vs_calls_warm: number;
  sensitivity_rows: number;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const CALLS = 10_000;

function timeCalls(scenarios: readonly string[], years: readonly number[]): number {
  let sum = 0;
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) sum += functions.powerGapGw(years[i % years.length], false, scenarios[i % scenarios.length] as never) as number;
  const ms = performance.now() - t0;
  if (!Number.isFinite(sum)) throw new Error("POWER_GAP_GW returned a non-finite value");
  return ms;
}

function handleSection(rounds: number): Pick<WhatIfFigures, "scenario_handle_vs_id" | "derive_ms_per_handle"> {
  const set = defaultSet();
  store.activate(set);
  const years = Object.keys(set.parameters.demand_gw.path).map(Number);
  const handles = Array.from({ length: 100 }, (_, i) => `${set.id}; capex_musd_per_mw=${40 + i / 4}; p_contract=0.4`);
  const ids = [set.id];
  // Warm-up of both call sites (JIT), then a cold first pass, then alternating steady passes.
  timeCalls(ids, years);
  timeCalls(handles, years);
  store.activate(set); // empties the handle cache
  const idFirst = timeCalls(ids, years);
  const handleFirst = timeCalls(handles, years);
  const idMs: number[] = [];
  const handleMs: number[] = [];
  for (let k = 0; k < rounds; k++) {
    idMs.push(timeCalls(ids, years));
    handleMs.push(timeCalls(handles, years));
  }
  return {
    scenario_handle_vs_id: round(median(handleMs) / median(idMs), 2),
    derive_ms_per_handle: round(Math.max(0, handleFirst - idFirst) / handles.length, 3),
  };
}

type Table = (string | number)[][];

function sensitivitySection(rounds: number): Pick<WhatIfFigures, "sensitivity_vs_calls" | "sensitivity_vs_calls_warm" | "sensitivity_rows"> {
  const set = defaultSet();
  store.activate(set);
  const table = functions.sensitivity("POWER_GAP_GW", [[2028]]) as Table;
  // The equivalent direct calls, as a sheet would make them: the base, and for every row a SCENARIO
  // cell for the low and for the high input, each feeding a POWER_GAP_GW cell.
  const inputs = table.slice(1).flatMap(([name, , low, high]) => [[`${name}*`, low], [`${name}*`, high]] as const);
  const handles = [set.id, ...inputs.map(([name, value]) => `${set.id}; ${name}=${value}`)];
  const scenarioOf = functions.scenario as (...args: unknown[]) => unknown;
  const direct = () => {
    let sum = functions.powerGapGw(2028, false, set.id as never) as number;
    for (const [name, value] of inputs) {
      const handle = scenarioOf(set.id, name, value);
      sum += functions.powerGapGw(2028, false, handle as never) as number;
    }
    return sum;
  };
  // The direct calls reproduce the table (the rows here are paths, scaled whole).
  const check = table.slice(1).flatMap((row) => [row[4], row[5]]);
  const got = handles.slice(1).map((h) => functions.powerGapGw(2028, false, h as never) as number);
  if (got.some((g, i) => Math.abs(g - (check[i] as number)) > 1e-9)) throw new Error("direct calls do not reproduce the SENSITIVITY table");
  const time = (fn: () => unknown, cold: boolean, reps: number) => {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) {
      if (cold) store.activate(set);
      fn();
    }
    return performance.now() - t0;
  };
  const sensitivity = () => functions.sensitivity("POWER_GAP_GW", [[2028]]);
  const reps = 200;
  const emptyOnly = () => undefined;
  // Warm-up.
  time(sensitivity, true, 20);
  time(direct, true, 20);
  const cold = { s: [] as number[], d: [] as number[], base: [] as number[] };
  const warm = { s: [] as number[], d: [] as number[] };
  for (let k = 0; k < rounds; k++) {
    cold.base.push(time(emptyOnly, true, reps)); // the cost of emptying the cache itself, taken off both
    cold.s.push(time(sensitivity, true, reps));
    cold.d.push(time(direct, true, reps));
    warm.s.push(time(sensitivity, false, reps * 10));
    warm.d.push(time(direct, false, reps * 10));
  }
  const base = median(cold.base);
  return {
    sensitivity_vs_calls: round((median(cold.s) - base) / (median(cold.d) - base), 2),
    sensitivity_vs_calls_warm: round(median(warm.s) / median(warm.d), 2),
    sensitivity_rows: table.length - 1,
  };
}

export function measureWhatIf(quick: boolean): WhatIfFigures {
  const rounds = quick ? 1 : 7;
  const figures = { ...handleSection(rounds), ...sensitivitySection(rounds) };
  store.activate(defaultSet());
  return figures;
}

if (require.main === module) process.stdout.write(`${JSON.stringify(measureWhatIf(process.argv.includes("--quick")))}\n`);
