/** Time-value helpers shared by the funding and valuation functions. End-of-year cash flows. */

/**
 * Present value of 1 a year for `years` years at `rate`: (1 − (1 + rate)^−years) ÷ rate,
 * the number of years at a zero rate. Computed as −expm1(−years·log1p(rate)) ÷ rate:
 * the textbook form cancels near 0 (1 + 1e-17 is 1 in floating point, so it gives 0;
 * at 1e-15 it is 11% off), this one stays accurate to the last digits at every rate.
 */
export function annuityFactor(rate: number, years: number): number {
  if (rate === 0) return years;
  return -Math.expm1(-years * Math.log1p(rate)) / rate;
}

/** Present value of 1 received `years` years from now. */
export function discountFactor(rate: number, years: number): number {
  return Math.pow(1 + rate, -years);
}
