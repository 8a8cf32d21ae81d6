/**
 * The contract of every cell: a finite number, a finite rectangular 2-D
 * array, text where the function returns text, or a CustomFunctions.Error
 * (#VALUE!, #N/A or #NUM!) with a message. Anything else is a failure,
 * described so that fast-check's counterexample says what went wrong.
 */
import type { FunctionMetadata } from "../../src/functions/catalog";

const ALLOWED_CODES = new Set(["#VALUE!", "#N/A", "#NUM!"]);

/** Returns null when the outcome keeps the contract, otherwise what broke it. */
export function contractBreach(meta: FunctionMetadata, call: () => unknown): string | null {
  let value: unknown;
  try {
    value = call();
  } catch (e) {
    if (!(e instanceof CustomFunctions.Error)) return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    const err = e as CustomFunctions.Error & { code: string };
    if (!ALLOWED_CODES.has(err.code)) return `error code ${err.code}`;
    if (typeof err.message !== "string" || err.message.trim() === "") return `${err.code} without a message`;
    return null;
  }
  if (value instanceof Promise) return "returned a promise although the store is ready";
  if (typeof value === "number") return Number.isFinite(value) ? null : `returned ${value}`;
  if (typeof value === "string") return meta.result.type === "string" ? null : `returned text "${value}"`;
  if (Array.isArray(value)) {
    if (meta.result.dimensionality !== "matrix") return "returned an array from a scalar function";
    if (value.length === 0 || !Array.isArray(value[0]) || value[0].length === 0) return "returned an empty table";
    const width = (value[0] as unknown[]).length;
    for (const row of value) {
      if (!Array.isArray(row) || row.length !== width) return "returned a ragged table";
      for (const c of row) {
        if (typeof c === "number" ? !Number.isFinite(c) : typeof c !== "string") return `table holds ${String(c)}`;
      }
    }
    return null;
  }
  return `returned ${typeof value} ${String(value)}`;
}
