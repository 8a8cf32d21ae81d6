/**
 * Range checks the model applies to its (already typed) arguments. Each names
 * the argument, echoes what was given, and says what is allowed.
 *
 * The checks are tiny and the messages are built in separate `fail…`
 * functions, so the engine inlines the checks into every function that uses
 * them: they run once per argument of every cell on every recalculation.
 */
import { invalidValue, notAvailable } from "./errors";
import type { CompiledSet } from "./compiled-set";

function failAtLeast(name: string, value: number, min: number, unit: string): never {
  throw invalidValue(`${name} must be at least ${min}${unit}; got ${value}`);
}

function failAbove(name: string, value: number, min: number, unit: string): never {
  throw invalidValue(`${name} must be greater than ${min}${unit}; got ${value}`);
}

function failBetween(name: string, value: number, min: number, max: number, what: string): never {
  throw invalidValue(`${name} must be between ${min} and ${max}${what}; got ${value}`);
}

function failWhole(name: string, value: number, min: number, max: number): never {
  throw invalidValue(`${name} must be a whole number from ${min} to ${max}; got ${value}`);
}

function failFraction(name: string, value: number): never {
  // Looks like a percentage typed as a whole number?
  if (value >= 2 && value <= 100) {
    throw invalidValue(`${name} must be a decimal between 0 and 1 (0.08, not 8); got ${value}`);
  }
  return failBetween(name, value, 0, 1, " as a decimal");
}

/** Day 0 of Excel's date serials, in ms since the Unix epoch: the 1900 system (serial 1 is 1 Jan 1900, Excel's leap-day quirk lying before 1 Mar 1900) and the 1904 system. */
export const SERIAL_DAY_ZERO_MS = { 1900: Date.UTC(1899, 11, 30), 1904: Date.UTC(1904, 0, 1) } as const;

/** Excel's date serials for 1 Jan 1950 and 31 Dec 2200: a "year" in this range is a date. */
const FIRST_DATE_SERIAL = 18_264;
const LAST_DATE_SERIAL = 110_324;

function failYear(set: CompiledSet, name: string, year: number): never {
  if (year >= FIRST_DATE_SERIAL && year <= LAST_DATE_SERIAL) {
    // The function cannot tell which date system the workbook uses, so the hint names both.
    const days = Math.floor(year) * 86_400_000;
    const year1900 = new Date(SERIAL_DAY_ZERO_MS[1900] + days).getUTCFullYear();
    const year1904 = new Date(SERIAL_DAY_ZERO_MS[1904] + days).getUTCFullYear();
    throw invalidValue(
      `${name} ${year} looks like a date (${year1900}; ${year1904} in a workbook that counts dates from 1904), not a year; pass YEAR() of it`,
    );
  }
  if (!Number.isInteger(year)) throw invalidValue(`${name} must be a whole calendar year such as 2028; got ${year}`);
  throw notAvailable(
    `${name} ${year} is outside the path of set "${set.id}" (${set.baseYear}–${set.lastYear}; paths are cumulative from the end of ${set.baseYear})`,
  );
}

export function atLeast(name: string, value: number, min: number, unit = ""): number {
  return value >= min ? value : failAtLeast(name, value, min, unit);
}

export function above(name: string, value: number, min: number, unit = ""): number {
  return value > min ? value : failAbove(name, value, min, unit);
}

export function between(name: string, value: number, min: number, max: number, what = ""): number {
  return value >= min && value <= max ? value : failBetween(name, value, min, max, what);
}

/** A decimal share or probability (0.08, not 8). */
export function fraction(name: string, value: number): number {
  return value >= 0 && value <= 1 ? value : failFraction(name, value);
}

export function wholeNumber(name: string, value: number, min: number, max: number): number {
  return Number.isInteger(value) && value >= min && value <= max ? value : failWhole(name, value, min, max);
}

/**
 * Index of `year` in the set's paths. A fractional year is a #VALUE!; a year
 * outside base year … last path year is #N/A (the set has no figure for it).
 */
export function yearIndex(set: CompiledSet, name: string, year: number): number {
  return Number.isInteger(year) && year >= set.baseYear && year <= set.lastYear
    ? year - set.baseYear
    : failYear(set, name, year);
}

/**
 * For the pattern "one combined test on the common path, the named checks
 * only to explain a refusal": thrown after the named checks, which always
 * throw first when the combined test failed.
 */
export function unreachable(): Error {
  return new Error("a combined range test failed but no named check did");
}
