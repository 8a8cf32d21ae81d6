/**
 * What a cell can hand a custom function, as fast-check arbitraries: hostile
 * values (huge, tiny, negative, zero, -0, text, booleans, null, empty text,
 * ranges where one value is expected) mixed with plausible ones, so that both
 * the refusal paths and the computing paths are exercised on every function.
 */
import fc from "fast-check";
import { PARAMETER_KEYS, SOLUTION_TECHNOLOGIES, STANDARD_FUNDING_SOURCES, SUPPLY_SOURCES } from "../../src/model/catalogue";
import { BUNDLED_SETS } from "../../src/model/sets";
import type { ParameterMetadata } from "../../src/functions/catalog";

/** Words the functions understand, so text arguments sometimes hit a valid choice. */
const VOCABULARY = [
  ...SUPPLY_SOURCES,
  ...SOLUTION_TECHNOLOGIES,
  ...STANDARD_FUNDING_SOURCES,
  ...BUNDLED_SETS.map((s) => s.id),
  ...PARAMETER_KEYS,
  ...STANDARD_FUNDING_SOURCES.map((s) => `funding_mix.${s}`),
  "capacity",
  "energy",
  "TRUE",
  "FALSE",
  " GRID ",
  "Low",
];

/** Overrides whose values in 0.05–0.3 every bundled set accepts. */
const WHAT_IF_NAMES = ["p_contract", "noi_margin", "renewal_probability", "discount_rate", "demand_gw*"];
/** Functions whose one argument may be a year or a GW figure like 2028. */
const ONE_NUMBER_FUNCTIONS = ["POWER_GAP_GW", "POWER_DEMAND_GW", "NUCLEAR_EQUIV", "AIDC_FUNDING", "GW_TO_TWH", "DC_ENERGY_TWH"];

const baseYear = Math.min(...BUNDLED_SETS.map((s) => s.base_year));

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1e308, -1e308, 5e-324, -5e-324, Number.MAX_SAFE_INTEGER, Number.EPSILON),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e-300, max: 1e-300 }),
);

/** Numbers in the ranges the functions accept: years, decimals, MW and USD figures, whole terms. */
export const plausibleNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: baseYear - 2, max: baseYear + 12 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0.25, max: 50, noNaN: true }),
  fc.integer({ min: 1, max: 50 }),
  fc.double({ min: -10_000, max: 100_000, noNaN: true }),
);

export const text: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...VOCABULARY),
  fc.constantFrom("", " ", "<b>x</b>", "=1+1", "NaN", "Infinity", "1e999", "-0", "2028", "0.5", "\u0000"),
  fc.string({ maxLength: 30 }),
);

/** One cell's value: what Excel passes for a scalar parameter (null = omitted). */
export const scalarCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: plausibleNumber },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, "") },
);

/** A 2-D range (rectangular, as Excel passes one), sometimes 1×1. */
export const range: fc.Arbitrary<unknown[][]> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(scalarCell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );

/**
 * A value the parameter probably accepts, guessed from its declared type and
 * its name's unit suffix (the catalogue's naming convention), so that calls
 * with several arguments still reach the model often enough.
 */
function likelyValid(p: ParameterMetadata): fc.Arbitrary<unknown> {
  const name = p.name;
  // SCENARIO, SENSITIVITY, COMPARE: overrides valid in every bundled set, functions that take one year-like number.
  if (name === "base") return fc.constantFrom(...BUNDLED_SETS.map((s) => s.id), null);
  if (/^name\d$/.test(name)) return fc.constantFrom(...WHAT_IF_NAMES);
  if (/^value\d$/.test(name)) return fc.double({ min: 0.05, max: 0.3, noNaN: true });
  if (name === "function_name") return fc.constantFrom(...ONE_NUMBER_FUNCTIONS);
  if (name === "args") return fc.constantFrom(2028, [[2028]], [[2028, null]]);
  if (name === "parameters") return fc.constantFrom(null, "demand_gw", [["p_contract"], ["capex_musd_per_mw"]]);
  if (name === "change") return fc.oneof(fc.constant(null), fc.double({ min: 0.01, max: 0.5, noNaN: true }));
  if (name === "scenarios") return fc.constantFrom("low", [["low"], ["high"]], [["low", "high"]], [["call-2026-02", "demand_gw*", 1.1]]);
  if (name === "scenario") return fc.constantFrom(...BUNDLED_SETS.map((s) => s.id), null);
  if (name === "source") return fc.constantFrom(...SUPPLY_SOURCES, ...STANDARD_FUNDING_SOURCES, ...SOLUTION_TECHNOLOGIES);
  if (p.dimensionality === "matrix") return fc.array(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 8 });
  if (name === "escalator") return fc.double({ min: -0.1, max: 0.1, noNaN: true });
  if (name === "pue") return fc.double({ min: 1, max: 2, noNaN: true });
  if (name === "utilisation") return fc.double({ min: 0.05, max: 1, noNaN: true });
  if (/_musd_per_mw/.test(name)) return fc.double({ min: 0.5, max: 50, noNaN: true });
  if (/_mw$/.test(name)) return fc.double({ min: 0, max: 1000, noNaN: true });
  if (name === "shares_m") return fc.double({ min: 1, max: 1000, noNaN: true });
  if (name === "basis") return fc.constantFrom("capacity", "energy", null);
  if (name === "name") return fc.constantFrom(...PARAMETER_KEYS, ...STANDARD_FUNDING_SOURCES.map((s) => `funding_mix.${s}`));
  if (/(^|_)year$/.test(name)) return fc.integer({ min: baseYear, max: baseYear + 6 });
  if (/_years$/.test(name)) return fc.integer({ min: 1, max: 30 });
  if (/rate|ltc|margin|probability|^p_|load_factor/.test(name)) return fc.double({ min: 0.01, max: 1, noNaN: true });
  if (p.type === "boolean") return fc.boolean();
  if (p.type === "string") return text;
  return fc.oneof(fc.double({ min: 0.5, max: 10_000, noNaN: true }), plausibleNumber);
}

/** Any argument for a parameter: often a likely-valid one, often anything a cell can hold. */
export function argumentFor(p: ParameterMetadata): fc.Arbitrary<unknown> {
  // SCENARIO's later (name, value) pairs: mostly left empty, as a user leaves them.
  if (/^(name|value)[2-9]$/.test(p.name)) {
    return fc.oneof({ weight: 17, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.oneof(likelyValid(p), scalarCell, range) });
  }
  return fc.oneof(
    { weight: 6, arbitrary: likelyValid(p) },
    { weight: 3, arbitrary: scalarCell },
    { weight: 1, arbitrary: range },
  );
}

/**
 * Arguments for a whole call: every parameter, sometimes with trailing
 * optional ones left out entirely (as the command line and engine may do).
 */
export function argumentsFor(params: readonly ParameterMetadata[]): fc.Arbitrary<unknown[]> {
  const required = params.filter((p) => !p.optional).length;
  // A quarter of the calls give every argument a likely-valid value, so functions with many required
  // arguments (six for a miner's pipeline) still reach the model often.
  const mixed = fc.tuple(...params.map(argumentFor));
  const plausible = fc.tuple(...params.map(likelyValid));
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: mixed }, { weight: 1, arbitrary: plausible }), fc.integer({ min: required, max: params.length }))
    .map(([args, n]) => args.slice(0, n));
}
