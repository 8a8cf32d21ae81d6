/**
 * The annuity and discount factors against the closed form evaluated exactly
 * (BigInt rationals: every double is a fraction with a power-of-two
 * denominator), so the check holds at rates where the closed form in floating
 * point cancels to nothing (1 − (1 + 1e-17)^-n is 0 in doubles).
 */
import fc from "fast-check";
import { annuityFactor, discountFactor } from "../../src/model/finance";
import { run } from "../../src/cli/main";

/** A double as an exact fraction numerator / 2^k. */
function exact(x: number): { num: bigint; den: bigint } {
  let k = 0n;
  let y = x;
  while (!Number.isInteger(y)) {
    y *= 2; // exact in binary floating point
    k++;
  }
  return { num: BigInt(y), den: 1n << k };
}

const bitLength = (n: bigint) => n.toString(2).length;

/** num / den as the nearest double (to well within 1e-15 relative). */
function toDouble(num: bigint, den: bigint): number {
  const shift = bitLength(den) - bitLength(num) + 64;
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  return Number(q) * 2 ** -shift;
}

/** (1 − (1 + r)^−n) / r for a rate r > 0 and whole n, exactly: ((D + A)^n − D^n)·D / ((D + A)^n·A) with r = A/D. */
function exactAnnuity(rate: number, years: number): number {
  const { num: a, den: d } = exact(rate);
  const n = BigInt(years);
  const grown = (d + a) ** n;
  return toDouble((grown - d ** n) * d, grown * a);
}

/** (1 + r)^−n exactly: D^n / (D + A)^n. */
function exactDiscount(rate: number, years: number): number {
  const { num: a, den: d } = exact(rate);
  const n = BigInt(years);
  return toDouble(d ** n, (d + a) ** n);
}

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

/** Rates from 1e-300 to 1, spread over every order of magnitude (fc.double alone rarely gives tiny ones). */
const rate = fc.oneof(
  fc.double({ min: 1e-6, max: 1, noNaN: true }),
  fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -300, max: -1 })).map(([m, e]) => m * 10 ** e),
  fc.constantFrom(1e-17, 1e-15, 1e-12, 5e-324, Number.EPSILON, 0.065, 1),
);
const years = fc.integer({ min: 0, max: 50 });

test("the annuity factor is within 1e-12 relative of the exact closed form at every rate from 5e-324 to 1", () => {
  fc.assert(
    fc.property(rate.filter((r) => r > 0 && r <= 1), years.filter((n) => n > 0), (r, n) => relative(annuityFactor(r, n), exactAnnuity(r, n)) <= 1e-12),
    { numRuns: 3000 },
  );
});

test("the annuity factor is continuous at a zero rate: it tends to the number of years", () => {
  for (const n of [1, 10, 50]) {
    expect(annuityFactor(0, n)).toBe(n);
    // Near 0 the factor is n − n(n+1)/2 · r + O(r²): relative to n, off by (n + 1)/2 · r, below 1e-12 for these rates.
    for (const r of [5e-324, 1e-300, 1e-17, 1e-16]) expect(relative(annuityFactor(r, n), n)).toBeLessThanOrEqual(1e-12);
  }
  // Hand calculation at 1e-15 for 10 years: 10 − 55e-15, so 10 to 12 digits (the old formula gave 11.1).
  expect(annuityFactor(1e-15, 10)).toBeCloseTo(10, 12);
});

test("the discount factor is within 1e-12 relative of the exact (1 + r)^-n", () => {
  fc.assert(
    fc.property(rate.filter((r) => r > 0 && r <= 1), years, (r, n) => relative(discountFactor(r, n), exactDiscount(r, n)) <= 1e-12),
    { numRuns: 3000 },
  );
  expect(discountFactor(0, 10)).toBe(1);
});

describe("tiny rates through the functions", () => {
  // Zero-rate value, hand calculation: noi 100 ÷ dscr 1.3 × 10 years = 769.2307…, below 0.8 × 1,000 = 800.
  test.each(["1e-17", "1e-15", "0"])("PROJECT_DEBT(1000, 100, 0.8, 1.3, %s, 10) is the zero-rate 769.23…", async (r) => {
    const { out, code } = await run(["call", "PROJECT_DEBT", "1000", "100", "0.8", "1.3", r, "10"]);
    expect(code).toBe(0);
    expect(Number(out)).toBeCloseTo(1000 / 1.3, 9);
  });

  test("LEASE_VALUE_PER_MW at a rate of 1e-17 is the undiscounted NOI: 1 × 0.8 × (10 + 0.5 × 5) = 10", async () => {
    const { out } = await run(["call", "LEASE_VALUE_PER_MW", "1", "10", "1e-17", "0.8", "0.5", "5"]);
    expect(Number(out)).toBeCloseTo(10, 9);
  });
});
