/**
 * The MW basis, energy and citation functions, and the function-semantics
 * fixes of issue 10: each expectation is a hand calculation written here.
 */
import * as f from "../../src/functions/functions";
import { BUNDLED_SETS } from "../../src/model/sets";
import { cell, useSet } from "../helpers";

beforeEach(() => useSet());

test("IT_TO_GRID_MW and GRID_TO_IT_MW: × and ÷ PUE (100 IT MW at PUE 1.3 = 130 grid MW)", async () => {
  expect(await cell(() => f.itToGridMw(100, 1.3))).toEqual({ value: 130 });
  expect(await cell(() => f.gridToItMw(130, 1.3))).toEqual({ value: 100 });
  // 500 grid MW at PUE 1.3 = 384.6 IT MW (the "385 IT MW").
  expect((await cell(() => f.gridToItMw(500, 1.3)) as { value: number }).value).toBeCloseTo(384.615, 3);
});

test("without a PUE they use the set's pue", async () => {
  for (const set of BUNDLED_SETS) {
    const pue = set.parameters.pue.value;
    expect(await cell(() => f.itToGridMw(100, undefined, set.id as never))).toEqual({ value: 100 * pue });
    expect(await cell(() => f.gridToItMw(100, undefined, set.id as never))).toEqual({ value: 100 / pue });
  }
});

test("a PUE below 1 is refused, naming the argument", async () => {
  expect(await cell(() => f.itToGridMw(100, 0.9))).toEqual({ error: "#VALUE!", message: expect.stringMatching(/^pue must be between 1 and 5.*got 0\.9/) });
});

test("DC_ENERGY_TWH: base-year use + added demand × 8.76 × load factor", async () => {
  for (const set of BUNDLED_SETS) {
    const p = set.parameters;
    const base = p.dc_energy_base_twh.value;
    expect(await cell(() => f.dcEnergyTwh(set.base_year, set.id as never))).toEqual({ value: base });
    const expected = base + p.demand_gw.path["2028"] * 8.76 * p.dc_load_factor.value;
    expect((await cell(() => f.dcEnergyTwh(2028, set.id as never)) as { value: number }).value).toBeCloseTo(expected, 9);
  }
});

test("ASSUMPTION_SOURCE gives publisher, title and date of each source; a bad name is #N/A", async () => {
  const set = BUNDLED_SETS[0];
  const out = (await cell(() => f.assumptionSource("project_ltc"))) as { value: string };
  for (const s of set.parameters.project_ltc.sources) {
    expect(out.value).toContain(`${s.publisher}, ${s.title} (${s.date}`);
  }
  const mix = (await cell(() => f.assumptionSource("funding_mix.ig_bonds"))) as { value: string };
  expect(mix.value).toContain(set.parameters.funding_mix.sources[0].publisher);
  expect(await cell(() => f.assumptionSource("nope"))).toEqual({ error: "#N/A", message: expect.stringMatching(/name "nope" is not a parameter/) });
  expect(await cell(() => f.assumptionSource("funding_mix.nope"))).toEqual({ error: "#N/A", message: expect.stringMatching(/source "nope" is not in the funding mix/) });
});

test("PROJECT_DEBT refuses a DSCR below 1 (the NOI would not cover the debt service); 1 itself is allowed", async () => {
  expect(await cell(() => f.projectDebt(1000, 100, 0.8, 0.9, 0.065, 10))).toEqual({
    error: "#VALUE!",
    message: expect.stringMatching(/^dscr must be between 1 and 10.*got 0\.9/),
  });
  // Zero rate: 100 ÷ 1 × 10 years = 1,000; capped at 0.8 × 1,000 = 800.
  expect(await cell(() => f.projectDebt(1000, 100, 0.8, 1, 0, 10))).toEqual({ value: 800 });
});

test("a date serial passed as a year suggests YEAR(): DATE(2028,12,31) is serial 47118", async () => {
  expect(await cell(() => f.powerGapGw(47118))).toEqual({ error: "#VALUE!", message: expect.stringMatching(/year 47118 looks like a date \(2028\b.*YEAR\(/) });
  expect(await cell(() => f.fundingPlan(46023))).toEqual({ error: "#VALUE!", message: expect.stringMatching(/from_year 46023 looks like a date \(2026\b/) });
});

test("the date hint holds in a workbook that counts dates from 1904 too: serial 45291 is in 2023 counted from 1900, in 2028 counted from 1904", async () => {
  // Hand calculation: 45,291 days after 1899-12-30 is in 2023; after 1904-01-01 (the 1904 system's day 0), in 2028.
  const r = await cell(() => f.powerGapGw(45291));
  expect(r).toEqual({ error: "#VALUE!", message: expect.stringContaining("45291 looks like a date (2023; 2028 in a workbook that counts dates from 1904)") });
  expect((r as { message: string }).message).not.toMatch(/YEAR\(A1\) gives/);
});

test("FUNDING_PLAN() covers the call's five-year window, 2026–30", async () => {
  const table = (await cell(() => f.fundingPlan())) as { value: (string | number)[][] };
  const years = table.value.slice(1, -1).map((r) => r[0]);
  expect(years).toEqual([2026, 2027, 2028, 2029, 2030]);
  // With to_year only: the five years to it, never before the first path year (2025).
  const to2028 = (await cell(() => f.fundingPlan(undefined, 2028))) as { value: (string | number)[][] };
  expect(to2028.value.slice(1, -1).map((r) => r[0])).toEqual([2025, 2026, 2027, 2028]);
});

test("valuation calls that give every argument keep their results (hand: 200 × 12.5 + 500 × (0.5 × 12.5 + 0.5 × 3) = 6,375)", async () => {
  expect(await cell(() => f.sotpEv(200, 500, 0.5, 12.5, 3))).toEqual({ value: 6375 });
  // (5,000 − 0 − 200 × 12.5) ÷ 500 = 5.
  expect(await cell(() => f.uncontractedEvPerMw(5000, 200, 500, 12.5, 0))).toEqual({ value: 5 });
});
