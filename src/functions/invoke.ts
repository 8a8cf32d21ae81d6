/**
 * The one place that turns model outcomes into what a cell shows: a finite
 * number, a finite 2-D array, or a `CustomFunctions.Error` with a message.
 * NaN, Infinity and unexpected exceptions never reach a cell.
 */
import type { CompiledSet } from "../model/compiled-set";
import { InfraError } from "../model/errors";
import { optionalText } from "./coerce";
import { store } from "./store";

export type Cell = number | string;
export type Result = number | Cell[][];

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

function checkFinite<T extends Result>(result: T): T {
  if (typeof result === "number") {
    if (!Number.isFinite(result)) throw excelError("invalidNumber", "the result is too large or undefined");
    return result;
  }
  for (const row of result as Cell[][]) {
    for (const cell of row) {
      if (typeof cell === "number" && !Number.isFinite(cell)) {
        throw excelError("invalidNumber", "a value in the table is too large or undefined");
      }
    }
  }
  return result;
}

/** Runs a model call that needs no assumption set. */
export function compute<T extends Result>(fn: () => T): T {
  try {
    return checkFinite(fn());
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Runs a model call against the set named by `scenario` (omitted: the
 * workbook's active set). Synchronous once the workbook's set is loaded; a
 * promise that waits for the load before that.
 */
export function withSet<T extends Result>(scenario: unknown, fn: (set: CompiledSet) => T): T | Promise<T> {
  if (!store.isReady()) return store.whenReady().then(() => withSet(scenario, fn) as T);
  // No closures on this path: it runs once per cell on every recalculation.
  try {
    return checkFinite(fn(store.resolve(scenario === null || scenario === undefined ? null : optionalText("scenario", scenario))));
  } catch (e) {
    throw toExcelError(e);
  }
}
