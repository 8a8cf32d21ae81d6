/**
 * Argument coercion at the edge: what Excel (or the command line, or the
 * embedded engine) hands a function becomes a typed value or a #VALUE! that
 * names the argument. Excel passes `null` for an omitted optional argument;
 * empty text counts as omitted too.
 */
import { describeGiven, invalidValue } from "../model/errors";

export type Raw = unknown;

/** Unwraps a 1×1 range; any larger range where one value is expected is a #VALUE!. */
function single(name: string, value: Raw): Raw {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw invalidValue(`${name} must be a single value, not ${describeGiven(value)}`);
}

/** An omitted argument or an empty cell: null, undefined or blank text. */
export function isOmitted(value: Raw): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Decimal or scientific notation, optionally a percentage: what Excel reads as a number from text. */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/**
 * The number a text means, as Excel reads it ("2028", " 1.5e3 ", "8%" is
 * 0.08), or null. 0x10, 0b11, 0o17, Infinity and thousands separators (whose
 * meaning depends on the locale) are text, as in Excel; JavaScript's Number()
 * would read the first four as numbers. The one reader of typed numbers: the
 * wrappers, the command line and the playground grid all use it.
 */
export function numberFromText(text: string): number | null {
  const t = text.trim();
  if (!NUMERIC_TEXT.test(t)) return null;
  const n = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A typed value (a command-line argument, a grid cell): a number, TRUE/FALSE in any case, or the text as given. */
export function readTyped(text: string): number | boolean | string {
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return numberFromText(text) ?? text;
}

function toNumber(name: string, value: Raw): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === "string") {
    // Excel converts numeric text passed to a number parameter; so do we ("8%" is 0.08).
    const n = numberFromText(value);
    if (n !== null) return n;
  }
  throw invalidValue(`${name} must be a number; got ${describeGiven(value)}`);
}

// Each exported coercion tests the common case (a finite number, a boolean,
// an omitted argument) in a few inlinable lines and leaves everything else to
// a `…General` function: these run once per argument of every cell on every
// recalculation.

export function requiredNumber(name: string, value: Raw): number {
  return typeof value === "number" && value - value === 0 ? value : requiredNumberGeneral(name, value);
}

function requiredNumberGeneral(name: string, value: Raw): number {
  const v = single(name, value);
  if (isOmitted(v)) throw invalidValue(`${name} is required: give a number`);
  return toNumber(name, v);
}

/**
 * The number, or `fallback` when omitted. Cores pass the set's value itself as the
 * fallback (a property read) rather than `null` and a second `??` test; `null` is for
 * a default that costs work to find.
 */
export function optionalNumber<F extends number | null>(name: string, value: Raw, fallback: F): number | F {
  // Omitted first, as a hand-written check would: measured faster in V8 than testing for a number first.
  if (value === null || value === undefined) return fallback;
  return typeof value === "number" && value - value === 0 ? value : optionalNumberGeneral(name, value, fallback);
}

function optionalNumberGeneral<F extends number | null>(name: string, value: Raw, fallback: F): number | F {
  const v = single(name, value);
  return isOmitted(v) ? fallback : toNumber(name, v);
}

export function optionalBoolean(name: string, value: Raw, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  return value === null || value === undefined ? fallback : optionalBooleanGeneral(name, value, fallback);
}

function optionalBooleanGeneral(name: string, value: Raw, fallback: boolean): boolean {
  const v = single(name, value);
  if (isOmitted(v)) return fallback;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v !== 0; // as Excel: any non-zero number is TRUE
  if (typeof v === "string") {
    const t = v.trim().toUpperCase();
    if (t === "TRUE" || t === "FALSE") return t === "TRUE";
  }
  throw invalidValue(`${name} must be TRUE or FALSE; got ${describeGiven(v)}`);
}

/** Text, trimmed; `null` when omitted. */
export function optionalText(name: string, value: Raw): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? nonEmpty(value.trim()) : optionalTextGeneral(name, value);
}

const nonEmpty = (text: string): string | null => (text === "" ? null : text);

function optionalTextGeneral(name: string, value: Raw): string | null {
  const v = single(name, value);
  if (isOmitted(v)) return null;
  if (typeof v === "string") return v.trim();
  throw invalidValue(`${name} must be text; got ${describeGiven(v)}`);
}

export function requiredText(name: string, value: Raw, allowed: string): string {
  const t = optionalText(name, value);
  if (t === null) throw invalidValue(`${name} is required: ${allowed}`);
  return t;
}

/** Most cells a range argument may hold, checked before any cell is read. */
export const MAX_RANGE_CELLS = 1000;

/**
 * A row or a column of numbers (or one number), in order; blank cells count
 * as 0. A 2-D block, text or booleans are a #VALUE! naming the argument.
 */
export function numberList(name: string, value: Raw): number[] {
  if (!Array.isArray(value)) return [requiredNumber(name, value)];
  const rows = value.length;
  const cols = rows > 0 && Array.isArray(value[0]) ? (value[0] as unknown[]).length : 0;
  if (rows === 0 || cols === 0) throw invalidValue(`${name} must hold at least one number`);
  if (rows > 1 && cols > 1) throw invalidValue(`${name} must be one row or one column of numbers, not ${describeGiven(value)}`);
  if (rows * cols > MAX_RANGE_CELLS) throw invalidValue(`${name} may hold at most ${MAX_RANGE_CELLS} cells; got ${rows * cols}`);
  const out: number[] = [];
  for (const row of value) {
    if (!Array.isArray(row)) throw invalidValue(`${name} must be one row or one column of numbers`);
    for (const cell of row) {
      if (cell === null || cell === undefined || cell === "") out.push(0);
      else if (typeof cell === "number" && Number.isFinite(cell)) out.push(cell);
      else throw invalidValue(`${name}: value ${out.length + 1} must be a number or blank; got ${describeGiven(cell)}`);
    }
  }
  return out;
}
