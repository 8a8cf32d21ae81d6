/** Time-value helpers shared by the funding and valuation functions. End-of-year cash flows. */

/** Present value of 1 a year for `years` years at `rate` (rate 0: the number of years). */
export function annuityFactor(rate: number, years: number): number {
  if (rate === 0) return years;
  return (1 - Math.pow(1 + rate, -years)) / rate;
}

/** Present value of 1 received `years` years from now. */
export function discountFactor(rate: number, years: number): number {
  return Math.pow(1 + rate, -years);
}
