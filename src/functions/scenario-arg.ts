/**
 * The `scenario` argument of every function, and the ranges SCENARIO,
 * SENSITIVITY and COMPARE read: an id, a handle, or a two-column range of
 * (name, value) rows whose optional first row is ("base", id). Ranges become
 * handle text here; the store resolves text (ids and handles alike), so the
 * add-in, the engine, the command line, recalc and the playground all go
 * through the same code.
 */
import { describeGiven, invalidValue, quoteGiven } from "../model/errors";
import { MAX_OVERRIDES, parseOverrideName, type Override } from "../model/scenario";
import { isOmitted, requiredNumber } from "./coerce";
import { store as sharedStore, type AssumptionStore } from "./store";

const SCENARIO_ALLOWED = 'a set id, a SCENARIO handle, or a two-column range of (name, value) rows whose first row may be ("base", id)';

/** A 1×1 range is its value; anything else as given. */
function unwrapSingle(raw: unknown): unknown {
  if (Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return raw[0][0];
  return raw;
}

/**
 * The text the store resolves for a raw `scenario` argument: null (the
 * active set), an id or handle as given, or the handle a range describes.
 */
export function scenarioText(raw: unknown, store: AssumptionStore = sharedStore): string | null {
  const v = unwrapSingle(raw);
  if (isOmitted(v)) return null;
  if (typeof v === "string") return v;
  if (Array.isArray(v)) {
    const { base, overrides } = rangeScenario("scenario", v as unknown[][]);
    return store.makeHandle(base, overrides);
  }
  throw invalidValue(`scenario must be ${SCENARIO_ALLOWED}; got ${describeGiven(v)}`);
}

/** Reads a two-column range of (name, value) rows, the first optionally ("base", id). Empty rows are skipped. */
export function rangeScenario(argument: string, rows: unknown[][]): { base: string | null; overrides: Override[] } {
  const width = Math.max(0, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)));
  if (width !== 2) {
    throw invalidValue(`${argument} as a range must have two columns (name, value); got ${describeGiven(rows)}`);
  }
  const filled = rows.filter((r) => !(isOmitted(r[0]) && isOmitted(r[1])));
  if (filled.length > MAX_OVERRIDES + 1) throw invalidValue(`${argument} has ${filled.length} rows; at most ${MAX_OVERRIDES} overrides`);
  let base: string | null = null;
  const overrides: Override[] = [];
  filled.forEach(([name, value], i) => {
    if (typeof name !== "string" || name.trim() === "") {
      throw invalidValue(`${argument}: row ${i + 1} needs a parameter name in its first column; got ${describeGiven(name)}`);
    }
    if (i === 0 && name.trim().toLowerCase() === "base") {
      if (isOmitted(value)) return;
      if (typeof value !== "string") throw invalidValue(`${argument}: the base must be a set id or a handle; got ${describeGiven(value)}`);
      base = value;
      return;
    }
    overrides.push(parseOverrideName(name, requiredNumber(`${argument} value of ${quoteGiven(name.trim())}`, value)));
  });
  return { base, overrides };
}

/**
 * The overrides of SCENARIO's (name, value) argument pairs: each pair two
 * single values, or two ranges of the same size (names, values). Pairs left
 * empty are skipped.
 */
export function pairOverrides(pairs: ReadonlyArray<readonly [unknown, unknown]>): Override[] {
  const overrides: Override[] = [];
  pairs.forEach(([nameRaw, valueRaw], i) => {
    const nameArg = `name${i + 1}`;
    const valueArg = `value${i + 1}`;
    const names = cellsOf(nameRaw);
    const values = cellsOf(valueRaw);
    if (names.every(isOmitted) && values.every(isOmitted)) return;
    if (names.length !== values.length) {
      throw invalidValue(`${nameArg} and ${valueArg} must be the same size (names and values); got ${names.length} names and ${values.length} values`);
    }
    names.forEach((name, j) => {
      const value = values[j];
      if (isOmitted(name) && isOmitted(value)) return;
      const where = names.length > 1 ? ` (cell ${j + 1})` : "";
      if (typeof name !== "string" || name.trim() === "") {
        throw invalidValue(`${nameArg}${where} must be a parameter name; got ${describeGiven(name)}`);
      }
      if (isOmitted(value)) throw invalidValue(`${valueArg}${where} is required for ${quoteGiven(name.trim())}: give a number`);
      overrides.push(parseOverrideName(name, requiredNumber(`${valueArg}${where}`, value)));
    });
  });
  return overrides;
}

/** Every cell of a value or range, row by row. */
function cellsOf(raw: unknown): unknown[] {
  if (!Array.isArray(raw)) return [raw];
  return (raw as unknown[][]).flatMap((row) => (Array.isArray(row) ? row : [row]));
}
