/**
 * Every error path a cell can show: #VALUE! naming the argument, what was
 * given and what is allowed; #N/A for unknown scenarios, sources and years
 * outside the set's path; #NUM! for a result too large to show.
 */
import * as f from "../../src/functions/functions";
import { cell, useSet } from "../helpers";

beforeEach(() => useSet());

const omitted = null as unknown as number & string & boolean;

async function expectError(fn: () => unknown, code: string, ...fragments: RegExp[]): Promise<void> {
  const out = await cell(fn);
  expect(out).toHaveProperty("error", code);
  for (const fragment of fragments) expect((out as { message: string }).message).toMatch(fragment);
}

type Row = [label: string, fn: () => unknown, ...fragments: RegExp[]];

test.each<Row>([
  ["EV_PER_MW(4000, 0)", () => f.evPerMw(4000, 0), /^mw must be greater than 0/, /got 0/],
  ["EV_PER_MW(text, 1)", () => f.evPerMw("abc" as unknown as number, 1), /enterprise_value_musd must be a number/, /text "abc"/],
  ["EV_PER_MW(TRUE, 1)", () => f.evPerMw(true as unknown as number, 1), /enterprise_value_musd must be a number; got TRUE/],
  ["EV_PER_MW(omitted, 1)", () => f.evPerMw(omitted, 1), /enterprise_value_musd is required/],
  ["EV_PER_MW(2×2 range, 1)", () => f.evPerMw([[1, 2], [3, 4]] as unknown as number, 1), /single value, not a 2×2 range/],
  ["POWER_GAP_GW(2028.5)", () => f.powerGapGw(2028.5), /year must be a whole calendar year/],
  ["POWER_GAP_GW(2028, 'maybe')", () => f.powerGapGw(2028, "maybe" as unknown as boolean), /after_solutions must be TRUE or FALSE/],
  ["NUCLEAR_EQUIV(46, 'power')", () => f.nuclearEquiv(46, "power"), /basis must be "capacity" or "energy"/],
  ["TWH_TO_GW(100, 0)", () => f.twhToGw(100, 0), /load_factor must be greater than 0/],
  ["TWH_TO_GW(100, 86)", () => f.twhToGw(100, 86), /load_factor must be a decimal between 0 and 1 \(0\.08, not 8\)/],
  ["GW_TO_TWH(1, 1.5)", () => f.gwToTwh(1, 1.5), /load_factor must be between 0 and 1/],
  ["AIDC_FUNDING(-1)", () => f.aidcFunding(-1), /capacity_gw must be at least 0/],
  ["AIDC_FUNDING(10, 0)", () => f.aidcFunding(10, 0), /capex_musd_per_mw must be between 0\.01 and 1000/],
  ["FUNDING_PLAN(2030, 2026)", () => f.fundingPlan(2030, 2026), /from_year 2030 must not be after to_year 2026/],
  ["POWER_BALANCE(2029, 2025)", () => f.powerBalance(2029, 2025), /from_year 2029 must not be after to_year 2025/],
  ["PROJECT_DEBT(0, 10)", () => f.projectDebt(0, 10), /cost_musd must be greater than 0/],
  ["PROJECT_DEBT(100, -1)", () => f.projectDebt(100, -1), /noi_musd must be at least 0/],
  ["PROJECT_DEBT(100, 10, 8)", () => f.projectDebt(100, 10, 8), /ltc must be a decimal/],
  ["PROJECT_DEBT(100, 10, 0.8, 1.3, 0.06, 10.5)", () => f.projectDebt(100, 10, 0.8, 1.3, 0.06, 10.5), /tenor_years must be a whole number from 1 to 50/],
  ["UNCONTRACTED_EV_PER_MW(100, 10, 0)", () => f.uncontractedEvPerMw(100, 10, 0), /uncontracted_mw must be greater than 0/],
  ["SOTP_EV(-1, 10)", () => f.sotpEv(-1, 10), /contracted_mw must be at least 0/],
  ["SOTP_EV(1, 1, 1.5)", () => f.sotpEv(1, 1, 1.5), /p_contract must be between 0 and 1/],
  ["RENT_PER_MW(100, 0, 10)", () => f.rentPerMw(100, 0, 10), /term_years must be greater than 0/],
  ["KW_MONTH(-1)", () => f.kwMonth(-1), /rent_musd_per_mw_year must be at least 0/],
  ["LEASE_VALUE_PER_MW(1, 0)", () => f.leaseValuePerMw(1, 0), /term_years must be a whole number from 1 to 50/],
  ["LEASE_VALUE_PER_MW(1, 10, 8)", () => f.leaseValuePerMw(1, 10, 8), /discount_rate must be a decimal/],
  ["GPU_DEPRECIATION(100, 5, 0)", () => f.gpuDepreciation(100, 5, 0), /year must be a whole number from 1/],
  ["GPU_DEPRECIATION(100, 0)", () => f.gpuDepreciation(100, 0), /useful_life_years must be between 0\.25 and 50/],
  ["DEPRECIATION_GAP(100, 6, 0)", () => f.depreciationGap(100, 6, 0), /economic_life_years must be between/],
  ["ASSUMPTION('demand_gw')", () => f.assumption("demand_gw"), /year is required for "demand_gw"/],
  ["ASSUMPTION('funding_mix')", () => f.assumption("funding_mix"), /needs a source/],
])("%s → #VALUE! with a message", async (_label, fn, ...fragments) => {
  await expectError(fn, "#VALUE!", ...fragments);
});

test.each<Row>([
  ["POWER_GAP_GW(2040)", () => f.powerGapGw(2040), /year 2040 is outside the path of set "call-2026-02" \(2024–2030/],
  ["POWER_DEMAND_GW(2020)", () => f.powerDemandGw(2020), /year 2020 is outside the path/],
  ["POWER_GAP_GW(2028, , 'nope')", () => f.powerGapGw(2028, omitted, "nope" as never), /scenario "nope" is not a known assumption set; use one of call-2026-02, low, high/],
  ["POWER_SUPPLY_GW(2028, 'coal')", () => f.powerSupplyGw(2028, "coal"), /source "coal" is not a power source; use one of grid, construction/],
  ["AIDC_FUNDING(10, , 'crypto')", () => f.aidcFunding(10, omitted, "crypto"), /source "crypto" is not in the funding mix of set "call-2026-02"; use one of hyperscaler_cash/],
  ["FUNDING_PLAN(2024)", () => f.fundingPlan(2024), /from_year 2024 is the base year/],
  ["FUNDING_PLAN(2026, 2031)", () => f.fundingPlan(2026, 2031), /to_year 2031 is outside the path/],
  ["ASSUMPTION('nope')", () => f.assumption("nope"), /name "nope" is not a parameter/],
])("%s → #N/A with a message", async (_label, fn, ...fragments) => {
  await expectError(fn, "#N/A", ...fragments);
});

test("a result too large to show is #NUM!, never Infinity", async () => {
  await expectError(() => f.evPerMw(1e308, 1e-300), "#NUM!");
});

test("a 1×1 range counts as a single value; numeric text converts as Excel converts it", async () => {
  expect(await cell(() => f.evPerMw([[4500]] as unknown as number, "1000" as unknown as number))).toEqual({ value: 4.5 });
});

test("empty text counts as an omitted optional argument", async () => {
  expect(await cell(() => f.powerGapGw(2028, "" as unknown as boolean, "" as never))).toEqual({ value: 46 });
});

test("scenario and source names ignore case and surrounding spaces", async () => {
  expect(await cell(() => f.powerSupplyGw(2028, " Grid ", "CALL-2026-02" as never))).toEqual({ value: 15 });
});

describe("inputs a reviewer tried", () => {
  test("ASSUMPTION refuses JavaScript's own property names as parameters (#N/A, no internal error)", async () => {
    await expectError(() => f.assumption("__proto__", 2028), "#N/A", /name "__proto__" is not a parameter/);
    await expectError(() => f.assumption("constructor"), "#N/A", /name "constructor" is not a parameter/);
    await expectError(() => f.assumption("capex_musd_per_mw.x"), "#VALUE!", /only funding_mix takes a "\.source" suffix/);
    await expectError(() => f.assumption("funding_mix.Crypto"), "#N/A", /source "Crypto" is not in the funding mix/);
  });

  test("numeric text converts as Excel reads it: decimals, exponents and percentages; not hex or binary", async () => {
    expect(await cell(() => f.gwToTwh("1e0" as unknown as number, "50%" as unknown as number))).toEqual({ value: 4.38 }); // 1 × 8.76 × 0.5
    await expectError(() => f.powerGapGw("0x7EC" as unknown as number), "#VALUE!", /year must be a number; got text "0x7EC"/);
    await expectError(() => f.powerGapGw("0b11111101100" as unknown as number), "#VALUE!", /year must be a number/);
  });

  test("any non-zero number is TRUE for a TRUE/FALSE argument, as in Excel", async () => {
    // after solutions: 46 − 16 − 5 − 1.635 − 6 − 2 − 0 = 15.365 (hand calculation, call-2026-02)
    expect(await cell(() => f.powerGapGw(2028, 2 as unknown as boolean))).toEqual({ value: expect.closeTo(15.365, 10) });
    expect(await cell(() => f.powerGapGw(2028, 0 as unknown as boolean))).toEqual({ value: 46 });
  });
});
