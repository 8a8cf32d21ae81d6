/**
 * SENSITIVITY and COMPARE: run another INFRA function's core against derived
 * sets. Every variant is a handle (base handle + one override) resolved
 * through the store's cache, so a tornado row gives exactly what a direct
 * call with that handle gives.
 */
import { HEADLINE_SOURCES, SUPPLY_SOURCES, supplyKey, type ParameterKey } from "../model/catalogue";
import type { CompiledSet } from "../model/compiled-set";
import { describeGiven, InfraError, invalidValue, quoteGiven } from "../model/errors";
import { MOST_VARIED_PARAMETERS, parseOverrideName, variedParameters, type Varied } from "../model/scenario";
import type { PathParameter, ScalarParameter, SharesParameter } from "../model/schema";
import { isOmitted, optionalNumber, requiredText } from "./coerce";
import type { Cell, SetCore } from "./invoke";
import { rangeScenario, scenarioText } from "./scenario-arg";
import type { AssumptionStore } from "./store";

/** A function SENSITIVITY and COMPARE can run: its core and how many arguments come before `scenario`. */
export interface Analysable {
  readonly core: SetCore<number>;
  readonly arity: number;
}

export type AnalysableRegistry = Readonly<Record<string, Analysable>>;

/** Most scenarios one COMPARE takes. */
export const MAX_COMPARE_ROWS = 100;

export const SENSITIVITY_HEADER = ["parameter", "base_value", "low_value", "high_value", "result_low", "result_high", "swing"];
export const COMPARE_HEADER = ["scenario", "result"];

/** The registry entry named by `function_name` (with or without "INFRA.", any case). */
export function analysable(registry: AnalysableRegistry, raw: unknown): { id: string; fn: Analysable } {
  const allowed = `the name of an INFRA function returning a number, e.g. "POWER_GAP_GW"`;
  const id = requiredText("function_name", raw, allowed).toUpperCase().replace(/^=?INFRA\./, "");
  const fn = Object.hasOwn(registry, id) ? registry[id] : undefined;
  if (!fn) throw invalidValue(`function_name ${quoteGiven(id)} is not ${allowed}; use one of ${Object.keys(registry).join(", ")}`);
  return { id, fn };
}

/** `args` as positional arguments: one value, or a row (or column) of cells; empty cells are omitted arguments. */
export function argumentList(id: string, arity: number, raw: unknown): unknown[] {
  let values: unknown[];
  if (!Array.isArray(raw)) values = isOmitted(raw) ? [] : [raw];
  else {
    const rows = raw as unknown[][];
    if (rows.length === 1) values = [...rows[0]];
    else if (rows.every((r) => Array.isArray(r) && r.length === 1)) values = rows.map((r) => r[0]);
    else throw invalidValue(`args must be one cell or a row of cells; got ${describeGiven(raw)}`);
  }
  while (values.length > 0 && isOmitted(values[values.length - 1])) values.pop();
  if (values.length > arity) {
    throw invalidValue(`args has ${values.length} values but ${id} takes ${arity} before scenario`);
  }
  return values.map((v) => (isOmitted(v) ? null : v));
}

function run(fn: Analysable, set: CompiledSet, args: readonly unknown[]): number {
  const result = fn.core(set, args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7], args[8], args[9]);
  if (typeof result !== "number" || result - result !== 0) throw invalidValue("the function gave no finite number");
  return result;
}

// ───────────────────────────── which parameters a call reads ─────────────────────────────

const ALL_SUPPLY = SUPPLY_SOURCES.map(supplyKey);
const HEADLINE = HEADLINE_SOURCES.map(supplyKey);

/**
 * Runs the core once on a view of `set` that records which parameters it
 * reads: the candidates a sensitivity varies when none are named. Returns
 * null when the core read the whole document (then every parameter is tried).
 */
function traceReads(set: CompiledSet, call: (s: CompiledSet) => number): { result: number; read: Set<string> | null } {
  const read = new Set<string>();
  let whole = false;
  const shares = () => set.fundingMix.forEach(([source]) => read.add(`funding_mix.${source}`));
  const scalars = new Proxy(set.scalars, {
    get: (t, k) => {
      if (typeof k === "string") read.add(k);
      return Reflect.get(t, k);
    },
  });
  const supplyGw = new Proxy(set.supplyGw, {
    get: (t, k) => {
      if (typeof k === "string") read.add(`supply_${k}_gw`);
      return Reflect.get(t, k);
    },
  });
  const byName = {
    get: (name: string) => {
      const key = name.trim().toLowerCase();
      read.add(key);
      return set.byName.get(name);
    },
  };
  const view = new Proxy(set, {
    get: (t, k) => {
      switch (k) {
        case "scalars":
          return scalars;
        case "supplyGw":
          return supplyGw;
        case "byName":
          return byName;
        case "demandGw":
          read.add("demand_gw");
          break;
        case "gapGw":
          read.add("demand_gw");
          HEADLINE.forEach((s) => read.add(s));
          break;
        case "gapAfterSolutionsGw":
          read.add("demand_gw");
          ALL_SUPPLY.forEach((s) => read.add(s));
          break;
        case "fundingMix":
        case "fundingClasses":
        case "fundingSplit":
          shares();
          break;
        case "doc":
          whole = true;
          break;
      }
      return Reflect.get(t, k);
    },
  });
  const result = call(view);
  return { result, read: whole ? null : read };
}

// ───────────────────────────── SENSITIVITY ─────────────────────────────

/** The parameters named in `parameters` (text or a range of names), as sensitivity candidates. */
function namedParameters(set: CompiledSet, raw: unknown): Varied[] | null {
  const cells = Array.isArray(raw) ? (raw as unknown[][]).flat() : [raw];
  const names = cells.filter((c) => !isOmitted(c));
  if (names.length === 0) return null;
  const all = variedParameters(set.doc);
  return names.map((name) => {
    if (typeof name !== "string") throw invalidValue(`parameters must be parameter names; got ${describeGiven(name)}`);
    const key = name.trim().toLowerCase().replace(/\*$/, "");
    const found = all.find((v) => v.name === key);
    if (!found) {
      // Says why: not a parameter, a year of a path, a source not in the mix.
      parseOverrideName(name, 0);
      throw invalidValue(`parameters: ${quoteGiven(name.trim())} cannot be varied; use one of ${all.map((v) => v.name).join(", ")}`);
    }
    return found;
  });
}

interface Inputs {
  base: number;
  low: number;
  high: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Base, low and high input of one parameter: ±change, inside the set's own range (a path: the factor it is scaled by). */
function inputsOf(set: CompiledSet, v: Varied, change: number): Inputs {
  if (v.kind === "scale") {
    const p = set.doc.parameters[v.name as ParameterKey] as PathParameter;
    const values = Object.values(p.path);
    const most = Math.max(...values);
    const least = Math.min(...values);
    const high = most > 0 ? Math.min(1 + change, p.max / most) : 1 + change;
    const low = least > 0 && p.min > 0 ? Math.max(1 - change, p.min / least) : 1 - change;
    return { base: 1, low, high };
  }
  if (v.kind === "share") {
    const p = set.doc.parameters.funding_mix as SharesParameter;
    const base = p.shares[v.name.slice("funding_mix.".length)];
    return { base, low: clamp(base * (1 - change), p.min, Math.min(p.max, 1)), high: clamp(base * (1 + change), p.min, Math.min(p.max, 1)) };
  }
  const p = set.doc.parameters[v.name as ParameterKey] as ScalarParameter;
  return { base: p.value, low: clamp(p.value * (1 - change), p.min, p.max), high: clamp(p.value * (1 + change), p.min, p.max) };
}

const differs = (a: number, b: number) => Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The tornado table: header, then one row per parameter (parameter, base
 * value, low and high input, result at each, swing), sorted by swing, largest
 * first (ties in catalogue order). Parameters not named: every one the
 * function reads whose change moves the result.
 */
export function sensitivityTable(
  store: AssumptionStore,
  registry: AnalysableRegistry,
  baseSet: CompiledSet,
  functionName: unknown,
  argsRaw: unknown,
  parametersRaw: unknown,
  changeRaw: unknown,
  scenarioRaw: unknown,
): Cell[][] {
  const { id, fn } = analysable(registry, functionName);
  const args = argumentList(id, fn.arity, argsRaw);
  const change = optionalNumber("change", changeRaw, 0.1);
  if (!(change > 0 && change < 1)) throw invalidValue(`change must be above 0 and below 1, e.g. 0.1 for ±10%; got ${change}`);
  const baseHandle = store.makeHandle(scenarioText(scenarioRaw, store), []);
  const named = namedParameters(baseSet, parametersRaw);
  const traced = traceReads(baseSet, (s) => run(fn, s, args));
  const candidates = named ?? variedParameters(baseSet.doc).filter((v) => traced.read === null || traced.read.has(v.name));
  const rows: Array<{ cells: Cell[]; swing: number }> = [];
  for (const v of candidates) {
    const inputs = inputsOf(baseSet, v, change);
    let low: number;
    let high: number;
    try {
      low = run(fn, variant(store, baseHandle, v, inputs.low), args);
      high = run(fn, variant(store, baseHandle, v, inputs.high), args);
    } catch (e) {
      if (named === null && e instanceof InfraError) continue; // not variable here: it cannot move the result
      throw e instanceof InfraError ? new InfraError(e.kind, `parameter ${v.name}: ${e.message}`) : e;
    }
    if (named === null && !differs(low, traced.result) && !differs(high, traced.result)) continue;
    rows.push({ cells: [v.name, inputs.base, inputs.low, inputs.high, low, high, Math.abs(high - low)], swing: Math.abs(high - low) });
  }
  rows.sort((a, b) => b.swing - a.swing);
  return [[...SENSITIVITY_HEADER], ...rows.map((r) => r.cells)];
}

function variant(store: AssumptionStore, baseHandle: string, v: Varied, value: number): CompiledSet {
  return store.resolve(store.makeHandle(baseHandle, [parseOverrideName(v.override, value)]));
}

// ───────────────────────────── COMPARE ─────────────────────────────

/**
 * One row per scenario: header, then (scenario, result). Each row of
 * `scenarios` is one scenario: an id or handle (empty: the active set),
 * optionally followed by (name, value) pairs; a single row of ids or handles
 * is a list.
 */
export function compareTable(store: AssumptionStore, registry: AnalysableRegistry, functionName: unknown, argsRaw: unknown, scenariosRaw: unknown): Cell[][] {
  const { id, fn } = analysable(registry, functionName);
  const args = argumentList(id, fn.arity, argsRaw);
  const rows = scenarioRows(scenariosRaw);
  if (rows.length === 0) throw invalidValue("scenarios is required: a column of set ids or handles, or rows of (id, name, value, …)");
  if (rows.length > MAX_COMPARE_ROWS) throw invalidValue(`scenarios has ${rows.length} rows; COMPARE takes at most ${MAX_COMPARE_ROWS}`);
  const out: Cell[][] = [[...COMPARE_HEADER]];
  rows.forEach((row, i) => {
    try {
      const [first, ...rest] = row;
      if (!isOmitted(first) && typeof first !== "string") throw invalidValue(`the first cell must be a set id or a handle; got ${describeGiven(first)}`);
      const base = isOmitted(first) ? null : (first as string);
      let label: string;
      if (rest.every(isOmitted)) label = base === null ? store.makeHandle(null, []) : base.trim();
      else {
        const pairs: unknown[][] = [];
        for (let j = 0; j < rest.length; j += 2) pairs.push([rest[j], rest[j + 1] ?? null]);
        label = store.makeHandle(base, rangeScenario("scenarios row", pairs).overrides);
      }
      out.push([label, run(fn, store.resolve(label), args)]);
    } catch (e) {
      if (e instanceof InfraError) throw new InfraError(e.kind, `scenarios row ${i + 1}: ${e.message}`);
      throw e;
    }
  });
  return out;
}

/** The rows of `scenarios`, empty ones dropped; one row of text cells (a list of ids or handles) is read as a column. */
function scenarioRows(raw: unknown): unknown[][] {
  if (!Array.isArray(raw)) return isOmitted(raw) ? [] : [[raw]];
  const rows = (raw as unknown[][]).filter((r) => Array.isArray(r) && !r.every(isOmitted));
  if (rows.length === 1 && rows[0].length > 1 && rows[0].every((c) => isOmitted(c) || typeof c === "string")) {
    return rows[0].filter((c) => !isOmitted(c)).map((c) => [c]);
  }
  return rows;
}


/**
 * The largest table SENSITIVITY or COMPARE can spill given the shapes of its
 * arguments (null where a cell decides): for engines that size a spill before
 * computing it (the embedded engine). Excel sizes spills itself.
 */
export function whatIfSpillBound(
  id: string,
  shapes: ReadonlyArray<{ rows: number; cols: number } | null>,
  active: CompiledSet | null,
): { rows: number; cols: number } | undefined {
  if (id === "COMPARE") {
    const s = shapes[2];
    const rows = s ? (s.rows === 1 ? s.cols : s.rows) : 1;
    return { rows: Math.min(rows, MAX_COMPARE_ROWS) + 1, cols: COMPARE_HEADER.length };
  }
  if (id === "SENSITIVITY") {
    const named = shapes[2];
    // Before a set is active, the most any set can vary (its funding mix decides how many shares).
    const all = active ? variedParameters(active.doc).length : MOST_VARIED_PARAMETERS;
    return { rows: (named ? Math.min(named.rows * named.cols, all) : all) + 1, cols: SENSITIVITY_HEADER.length };
  }
  return undefined;
}
