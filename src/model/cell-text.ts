/** How a set's values are written as text into one Excel cell (the workbook's audit table, the shared copy's note). */

/** Characters one Excel cell holds. */
export const EXCEL_CELL_CHARS = 32_767;

/** A path by year as one line of text: "2025: 13; 2026: 30", or with each year's basis, "2025: 13 (chosen); …". */
export function pathText(path: Readonly<Record<string, number>>, basis?: Readonly<Record<string, string>>): string {
  return Object.entries(path)
    .map(([year, value]) => (basis ? `${year}: ${value} (${basis[year] ?? "basis not given"})` : `${year}: ${value}`))
    .join("; ");
}
