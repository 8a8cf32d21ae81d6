/**
 * The one place that turns model outcomes into what a cell shows: a finite
 * number, a finite 2-D array, or a `CustomFunctions.Error` with a message.
 * NaN, Infinity and unexpected exceptions never reach a cell.
 *
 * Each wrapper in functions.ts hands its raw arguments, with a module-level
 * "core" function, to `compute` or `withSet`. Passing arguments instead of a
 * closure means a call allocates nothing on its way to the model: these run
 * once per cell on every recalculation.
 */
import type { CompiledSet } from "../model/compiled-set";
import { InfraError } from "../model/errors";
import { takeVouched } from "../model/table";
import { scenarioText } from "./scenario-arg";
import { store } from "./store";

export type Cell = number | string;
export type Result = number | string | Cell[][];

/** A core reads up to six raw arguments (unused ones arrive as undefined). */
export type Core<T> = (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, f: unknown) => T;
/** A core that also gets the assumption set the cell uses (up to ten raw arguments; see withSetWide). */
export type SetCore<T> = (
  set: CompiledSet, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, f: unknown, g: unknown, h: unknown, i: unknown, j: unknown,
) => T;

function excelError(
  code: "invalidValue" | "notAvailable" | "invalidNumber",
  message: string,
): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[code], message);
}

function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  if (e instanceof InfraError) return excelError(e.kind === "na" ? "notAvailable" : "invalidValue", e.message);
  const detail = e instanceof Error ? e.message : String(e);
  return excelError("invalidValue", `INFRA could not compute this: ${detail}`);
}

/**
 * A finite number passes in a couple of inlinable instructions. Text and tables go
 * to a function of their own, so a number's path adds little to the budget the
 * engine spends inlining a whole call.
 */
function checkFinite<T extends Result>(result: T): T {
  return typeof result === "number" ? (result - result === 0 ? result : notFinite()) : checkNotNumber(result);
}

/** Text passes; a table its model function vouched for passes as is, any other is searched row by row. */
function checkNotNumber<T extends Result>(result: T): T {
  if (typeof result === "string") return result;
  // A table the model has just vouched for (src/model/table.ts) is returned as is.
  return takeVouched(result) ? result : checkTable(result);
}

function notFinite(): never {
  throw excelError("invalidNumber", "the result is too large or undefined");
}

function checkTable<T extends Result>(result: T): T {
  const rows = result as Cell[][];
  for (let r = 0; r < rows.length; r++) {
    // The engine's own search reads a row of numbers as it is stored; a loop here read
    // rows of numbers and rows with text (a header, a "total" row) at one place, which
    // made the engine box every number it read: most of a spilled table's cost.
    const row = rows[r];
    if (row.includes(NaN) || row.includes(Infinity) || row.includes(-Infinity)) {
      throw excelError("invalidNumber", "a value in the table is too large or undefined");
    }
  }
  return result;
}

/** Runs a core that needs no assumption set. */
export function compute<T extends Result>(
  core: Core<T>,
  a?: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
): T {
  let result: T;
  try {
    result = core(a, b, c, d, e, f);
  } catch (err) {
    throw toExcelError(err);
  }
  return checkFinite(result);
}

/**
 * Runs a core against the set named by `scenario` (omitted: the workbook's
 * active set; an id, a handle or a range, see scenario-arg.ts). Synchronous once the workbook's set is loaded; before that, a
 * promise that waits for the load, so no cell computes from a set it should
 * not use.
 */
export function withSet<T extends Result>(
  scenario: unknown,
  core: SetCore<T>,
  a?: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
): T | Promise<T> {
  // The common case first: no scenario named and the workbook's set loaded. One load, no lookup.
  const active = scenario === null || scenario === undefined ? store.active : null;
  if (active !== null) {
    // Only the core inside `try` (code inlined into a try block is compiled less freely); the
    // finiteness check after it throws Excel's own error.
    let result: T;
    try {
      result = core(active, a, b, c, d, e, f, undefined, undefined, undefined, undefined);
    } catch (err) {
      throw toExcelError(err);
    }
    return checkFinite(result);
  }
  return withNamedSet(scenario, core, a, b, c, d, e, f, undefined, undefined, undefined, undefined);
}

/**
 * `withSet` for the few functions with seven to ten arguments besides
 * `scenario`. A separate function keeps `withSet`, which every other cell
 * runs, small enough for the engine to inline whole.
 */
export function withSetWide<T extends Result>(
  scenario: unknown,
  core: SetCore<T>,
  a?: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown,
  f?: unknown,
  g?: unknown,
  h?: unknown,
  i?: unknown,
  j?: unknown,
): T | Promise<T> {
  const active = scenario === null || scenario === undefined ? store.active : null;
  if (active !== null) {
    let result: T;
    try {
      result = core(active, a, b, c, d, e, f, g, h, i, j);
    } catch (err) {
      throw toExcelError(err);
    }
    return checkFinite(result);
  }
  return withNamedSet(scenario, core, a, b, c, d, e, f, g, h, i, j);
}

/** A named scenario, a workbook set still loading, or one that cannot be read. */
function withNamedSet<T extends Result>(
  scenario: unknown,
  core: SetCore<T>,
  a: unknown,
  b: unknown,
  c: unknown,
  d: unknown,
  e: unknown,
  f: unknown,
  g: unknown,
  h: unknown,
  i: unknown,
  j: unknown,
): T | Promise<T> {
  if (!store.isReady()) return store.whenReady().then(() => withSetWide(scenario, core, a, b, c, d, e, f, g, h, i, j));
  try {
    // An id or handle as text goes straight to the store; a range becomes a handle first.
    const set = store.resolve(typeof scenario === "string" ? scenario : scenario === null || scenario === undefined ? null : scenarioText(scenario));
    return checkFinite(core(set, a, b, c, d, e, f, g, h, i, j));
  } catch (err) {
    throw toExcelError(err);
  }
}
