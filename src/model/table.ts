/**
 * Tables the model spills vouch for their own numbers. A builder adds up the
 * numbers it writes (any NaN or ±Infinity makes that sum NaN or infinite, so
 * sum × 0 is 0 only when every number is finite) and hands the table with the
 * sum to `finiteTable`. The Excel edge (functions/invoke.ts) returns the table
 * it has just been vouched for as it is, and walks every cell of any other
 * table looking for NaN and ±Infinity, as before.
 *
 * Why: reading the cells back at the edge is most of a spilled table's cost,
 * because a loop there reads rows of numbers and rows with text (a header, a
 * "total" row) at one place, and the engine then boxes every number it reads.
 * The builder has each number in hand already. A sum that overflows only sends
 * the table to the full walk: a false alarm costs time, never a wrong cell.
 *
 * One slot, not a set: the edge asks about the table the model function has
 * just returned, and the answer clears the slot.
 */
export type TableCell = string | number;

let vouched: readonly (readonly TableCell[])[] | null = null;

/** `rows`, vouched for when `sumOfNumbers` (every number written, added up) is finite. */
export function finiteTable<T extends readonly (readonly TableCell[])[]>(rows: T, sumOfNumbers: number): T {
  vouched = sumOfNumbers - sumOfNumbers === 0 ? rows : null;
  return rows;
}

/** True when `rows` is the table just vouched for by its builder (the slot is cleared either way). */
export function takeVouched(rows: unknown): boolean {
  const ok = rows === vouched;
  vouched = null;
  return ok;
}
