/**
 * Depreciation of a fleet bought over several years: each year's capex is a
 * vintage depreciated straight-line from its own first year, on the book life
 * and on the economic life; the charges of all vintages add up by year.
 */
import { between, wholeNumber } from "./checks";
import { invalidValue } from "./errors";
import { finiteTable, type TableCell } from "./table";
import { straightLineCharge } from "./valuation";

/** Longest capex path accepted, years. */
export const MAX_FLEET_YEARS = 50;

export const DEPRECIATION_FLEET_HEADER = ["year", "capex", "book_charge", "economic_charge", "gap"] as const;

/**
 * Header, then one row a year from the first capex year until the last
 * vintage is fully depreciated on both lives: capex, the charge on the book
 * life, on the economic life, and economic − book (positive: the books
 * understate the cost that year). `firstYear` labels the rows (default 1).
 */
export function depreciationGapFleet(
  capexByYear: readonly number[],
  bookLifeYears: number,
  economicLifeYears: number,
  firstYear: number,
): TableCell[][] {
  if (capexByYear.length === 0) throw invalidValue("capex_by_year must hold at least one year's capex");
  if (capexByYear.length > MAX_FLEET_YEARS) {
    throw invalidValue(`capex_by_year must hold at most ${MAX_FLEET_YEARS} years; got ${capexByYear.length}`);
  }
  for (let i = 0; i < capexByYear.length; i++) {
    const c = capexByYear[i];
    // The message (naming the value) is built only for a value refused.
    if (!(c >= 0 && c <= 1e12)) between(`capex_by_year (value ${i + 1})`, c, 0, 1e12, " USD m");
  }
  between("book_life_years", bookLifeYears, 0.25, 50, " years");
  between("economic_life_years", economicLifeYears, 0.25, 50, " years");
  wholeNumber("first_year", firstYear, -10_000, 10_000);
  const years = capexByYear.length + Math.ceil(Math.max(bookLifeYears, economicLifeYears)) - 1;
  const rows: TableCell[][] = [DEPRECIATION_FLEET_HEADER.slice()];
  let sum = 0; // every number written, for finiteTable
  for (let t = 1; t <= years; t++) {
    let book = 0;
    let economic = 0;
    for (let v = 1; v <= Math.min(t, capexByYear.length); v++) {
      const age = t - v + 1;
      // The arguments were checked above: GPU_DEPRECIATION's straight line without its checks again.
      book += straightLineCharge(capexByYear[v - 1], bookLifeYears, age);
      economic += straightLineCharge(capexByYear[v - 1], economicLifeYears, age);
    }
    const capex = t <= capexByYear.length ? capexByYear[t - 1] : 0;
    rows.push([firstYear + t - 1, capex, book, economic, economic - book]);
    sum += capex + book + economic + (economic - book);
  }
  return finiteTable(rows, sum);
}
