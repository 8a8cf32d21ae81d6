/**
 * Range checks the model applies to its (already typed) arguments. Each names
 * the argument, echoes what was given, and says what is allowed.
 */
import { invalidValue, notAvailable } from "./errors";
import type { CompiledSet } from "./compiled-set";

export function atLeast(name: string, value: number, min: number, unit = ""): number {
  if (!(value >= min)) throw invalidValue(`${name} must be at least ${min}${unit}; got ${value}`);
  return value;
}

export function above(name: string, value: number, min: number, unit = ""): number {
  if (!(value > min)) throw invalidValue(`${name} must be greater than ${min}${unit}; got ${value}`);
  return value;
}

export function between(name: string, value: number, min: number, max: number, what = ""): number {
  if (!(value >= min && value <= max)) {
    throw invalidValue(`${name} must be between ${min} and ${max}${what}; got ${value}`);
  }
  return value;
}

/** A decimal share or probability (0.08, not 8). */
export function fraction(name: string, value: number): number {
  if (value >= 2 && value <= 100) {
    // Looks like a percentage typed as a whole number.
    throw invalidValue(`${name} must be a decimal between 0 and 1 (0.08, not 8); got ${value}`);
  }
  return between(name, value, 0, 1, " as a decimal");
}

export function wholeNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidValue(`${name} must be a whole number from ${min} to ${max}; got ${value}`);
  }
  return value;
}

/**
 * Index of `year` in the set's paths. A fractional year is a #VALUE!; a year
 * outside base year … last path year is #N/A (the set has no figure for it).
 */
export function yearIndex(set: CompiledSet, name: string, year: number): number {
  if (!Number.isInteger(year)) throw invalidValue(`${name} must be a whole calendar year such as 2028; got ${year}`);
  if (year < set.baseYear || year > set.lastYear) {
    throw notAvailable(
      `${name} ${year} is outside the path of set "${set.id}" (${set.baseYear}–${set.lastYear}; paths are cumulative from the end of ${set.baseYear})`,
    );
  }
  return year - set.baseYear;
}
