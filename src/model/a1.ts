/** A1 notation shared by the workbook writers, the recalc engine and the playground grid. */

/** A column's letters from its 0-based index, as Excel names columns: 0 → A, 25 → Z, 26 → AA, 16,383 → XFD. */
export function columnLetters(index0: number): string {
  let letters = "";
  for (let n = index0 + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
