/**
 * The playground shows numbers as Excel's General format does in a
 * standard-width column: at most 11 characters (a minus sign aside), so about
 * 10 significant digits, trailing zeros dropped, scientific notation once the
 * digits do not fit. Expected texts are Excel's, as documented:
 * - 33.0097087378641 (the example, 3400/103) → 33.00970874; 33.333333333 × 3 → 100 but
 *   33.33333333 × 3 → 99.99999999 ("numbers are displayed using up to ten digits", techshadows.com,
 *   "Rounding in Results");
 * - 123456789012 → 1.23457E+11 ("12 or more digits use scientific notation", Microsoft's number
 *   format docs; the example is wisechecker.com's); 11 digits show in full.
 */
import { display, formulaBarValue, generalFormat } from "../../src/playground/grid";

test.each([
  [3400 / 103, "33.00970874"],
  [33.33333333 * 3, "99.99999999"],
  [33.333333333 * 3, "100"],
  [1 / 3, "0.333333333"],
  [2 / 3, "0.666666667"],
  [-1 / 3, "-0.333333333"],
  [46, "46"],
  [5580, "5580"],
  [40.800000000000004, "40.8"],
  [0.1 + 0.2, "0.3"],
  [12345678901, "12345678901"],
  [123456789012, "1.23457E+11"],
  [-123456789012, "-1.23457E+11"],
  [99999999999.6, "1E+11"],
  [1e21, "1E+21"],
  [0.0001234, "0.0001234"],
  [0.000123456789, "0.000123457"],
  [0.0000123456789, "1.23457E-05"],
  [1e-12, "1E-12"],
  [1.5e-300, "1.5E-300"],
  [0, "0"],
  [-0, "0"],
])("%d shows as %s", (n, text) => {
  expect(generalFormat(n)).toBe(text);
});

test("no number shows more than 11 characters (12 with a minus sign)", () => {
  for (let e = -307; e <= 308; e++) {
    for (const m of [1, 1.234567890123, 9.99999999999, 5.55555555555]) {
      const n = m * 10 ** e;
      if (!Number.isFinite(n) || n === 0) continue;
      expect(generalFormat(n).length).toBeLessThanOrEqual(11);
      expect(generalFormat(-n).length).toBeLessThanOrEqual(12);
      // What is shown reads back as the number to the digits shown: 10 significant digits at most, 5 or 6 in
      // scientific notation (1.2346E-300 leaves room for five).
      expect(Math.abs(Number(generalFormat(n)) - n) / n).toBeLessThan(5e-5);
    }
  }
});

test("a cell shows the General text; its tooltip and the formula line the value to 15 significant digits, as Excel's formula bar", () => {
  expect(display(3400 / 103)).toEqual({ text: "33.00970874", title: "33.0097087378641", error: false });
  expect(display(46)).toEqual({ text: "46", title: "", error: false });
  expect(formulaBarValue(3400 / 103)).toBe("33.0097087378641");
  expect(formulaBarValue(40.800000000000004)).toBe("40.8");
  expect(formulaBarValue(true)).toBe("TRUE");
  expect(formulaBarValue({ error: "#N/A", message: "why" })).toBe("#N/A (why)");
});

test("the formula line writes exponents as Excel does (and as the cell does, 1.23457E-05), with at least two digits: 1E-07", () => {
  expect(formulaBarValue(1e-7)).toBe("1E-07");
  expect(formulaBarValue(-2.5e-9)).toBe("-2.5E-09");
  expect(formulaBarValue(1e21)).toBe("1E+21");
  expect(formulaBarValue(1.5e-300)).toBe("1.5E-300");
  expect(formulaBarValue(0.000001)).toBe("0.000001");
});
