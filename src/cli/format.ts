/** How command-line arguments become cell values and results become JSON. */
import { readTyped } from "../functions/coerce";

/**
 * A number is a number (as Excel reads it: 0x10 is text), TRUE/FALSE are
 * booleans (any case), anything else is text. Text printed by the command
 * line (a JSON string, e.g. a SCENARIO handle captured with $(...)) reads
 * back as that text.
 */
export function parseArgument(arg: string): number | boolean | string {
  const quoted = /^\s*"(?:[^"\\]|\\.)*"\s*$/.test(arg) ? jsonText(arg) : undefined;
  if (quoted !== undefined) return quoted;
  return readTyped(arg);
}

function jsonText(arg: string): string | undefined {
  try {
    const v: unknown = JSON.parse(arg);
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

export type Outcome =
  | { kind: "value"; value: unknown }
  | { kind: "thrown"; error: unknown }
  | { kind: "error"; code: string; message: string };

interface ErrorLike {
  code: string;
  message: string;
}

function isCellError(e: unknown): e is ErrorLike {
  return typeof e === "object" && e !== null && typeof (e as ErrorLike).code === "string" && (e as ErrorLike).code.startsWith("#");
}

/** A number, a 2-D array or text as JSON; an error as {"error": "#VALUE!", "message": …}. */
export function formatResult(outcome: Outcome): string {
  if (outcome.kind === "error") return JSON.stringify({ error: outcome.code, message: outcome.message });
  if (outcome.kind === "thrown") {
    if (isCellError(outcome.error)) {
      return JSON.stringify({ error: outcome.error.code, message: outcome.error.message });
    }
    throw outcome.error;
  }
  return JSON.stringify(outcome.value, (_key, v: unknown) => (typeof v === "number" ? excelDisplay(v) : v));
}

/** Excel shows 15 significant digits; 40.800000000000004 prints as 40.8, as in a cell. */
export function excelDisplay(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}
