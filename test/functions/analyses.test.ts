/**
 * The analyses the call implies: lease returns, what the market implies, a
 * miner from its pipeline, the cost and time of closing the power gap, GPU
 * unit economics, the build-out's debt and fleet depreciation. Golden values
 * are hand calculations written beside each assertion (or published figures);
 * values flow through the wrappers Excel calls.
 */
import * as f from "../../src/functions/functions";
import { store } from "../../src/functions/store";
import { irr } from "../../src/model/returns";
import { cell, useSet } from "../helpers";

beforeEach(() => useSet("call-2026-02"));

async function value(fn: () => unknown): Promise<unknown> {
  const out = await cell(fn);
  if ("error" in out) throw new Error(`${out.error} ${out.message}`);
  return out.value;
}
const num = async (fn: () => unknown) => (await value(fn)) as number;
const table = async (fn: () => unknown) => (await value(fn)) as (string | number)[][];

/** NPV of end-of-year flows (index = year) at `rate`: Excel's NPV(rate, flows 1…n) + flow 0. */
const npv = (rate: number, flows: number[]) => flows.reduce((acc, cf, t) => acc + cf / Math.pow(1 + rate, t), 0);

describe("returns on a lease", () => {
  test("LEASE_IRR(1.45, 12, 10, 0.85, 0, 0) = 0.066: the CoreWeave–Core Scientific rent on USD 10m per IT MW", async () => {
    // Hand calculation: NOI = 1.45 × 0.85 = 1.2325 a year for 12 years against 10 at year 0.
    // At 6.6%: 1.066^12 = 2.15315, annuity factor (1 − 1/2.15315) ÷ 0.066 = 8.1146, × 1.2325 = 10.001 ≈ 10,
    // so the IRR rounds to 0.066 (a shade above: NPV at 6.6% is +0.001).
    const r = await num(() => f.leaseIrr(1.45, 12, 10, 0.85, 0, 0));
    expect(Math.round(r * 1000) / 1000).toBe(0.066);
    expect(r).toBeGreaterThan(0.066);
    expect(r).toBeLessThan(0.0661);
  });

  test("LEASE_IRR adds the escalator and the terminal value (a one-year lease solves by hand)", async () => {
    // 1 year: −10, then 2 × 0.5 + 10.5 = 11.5 → IRR = 11.5 ÷ 10 − 1 = 0.15.
    expect(await num(() => f.leaseIrr(2, 1, 10, 0.5, 0.03, 10.5))).toBeCloseTo(0.15, 12);
    // 2 years, escalator 10%, margin 1: −10, 5, 5.5 → 10x² − 5x − 5.5 = 0 with x = 1 + r → x = (5 + √(25 + 220)) ÷ 20 = 1.03262…
    expect(await num(() => f.leaseIrr(5, 2, 10, 1, 0.1, 0))).toBeCloseTo((5 + Math.sqrt(245)) / 20 - 1, 12);
  });

  test("LEASE_EQUITY_IRR: 50% debt at 10% over one year, hand calculation", async () => {
    // Equity −5 at year 0; year 1: NOI 2 + terminal value 10 − debt service 5 × 1.1 = 6.5 → IRR = 6.5 ÷ 5 − 1 = 0.3.
    expect(await num(() => f.leaseEquityIrr(2, 1, 10, 1, 0, 10, 0.5, 0.1, 1))).toBeCloseTo(0.3, 12);
  });

  test("LEASE_EQUITY_IRR with no debt equals LEASE_IRR; leverage below the IRR raises it", async () => {
    const unlevered = await num(() => f.leaseIrr(1.45, 12, 10, 0.85));
    expect(await num(() => f.leaseEquityIrr(1.45, 12, 10, 0.85, 0, 0, 0))).toBeCloseTo(unlevered, 10);
    // Debt at 5% (below the 6.6% unlevered return) over the lease's 12 years lifts the equity's return.
    expect(await num(() => f.leaseEquityIrr(1.45, 12, 10, 0.85, 0, 0, 0.5, 0.05, 12))).toBeGreaterThan(unlevered);
  });

  test("no IRR: #N/A that says why, never a number", async () => {
    // Rent 0: −10 and nothing back; every flow has the same sign.
    const none = await cell(() => f.leaseIrr(0, 10, 10));
    expect(none).toEqual({ error: "#N/A", message: expect.stringMatching(/has no IRR: its cash flows never change sign/) });
    // 3-year lease, 80% debt at 6.5% over 10 years repaid at the end: equity −2, +0.12, +0.12, −0.98: NPV < 0 at every rate.
    const levered = await cell(() => f.leaseEquityIrr(1.45, 3, 10, 0.85, 0, 5, 0.8, 0.065, 10));
    expect(levered).toEqual({ error: "#N/A", message: expect.stringMatching(/equity of this lease has no IRR/) });
    expect(await cell(() => f.leaseEquityIrr(1.45, 12, 10, 0.85, 0, 0, 1))).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/ltc 1 the equity puts in nothing/),
    });
  });

  test("several IRRs: #N/A naming them, never one of them (−1, +5, −6 has roots at 100% and 200%)", () => {
    // −1 + 5v − 6v² = 0 with v = 1 ÷ (1 + r): v = 1/2 or 1/3, i.e. r = 1 or 2.
    expect(() => irr([-1, 5, -6], "this project")).toThrow(/several IRRs \(at least (100|200)% and (100|200)%\)/);
    // One sign change: the single root, to full precision. −100 + 110 → 10%.
    expect(irr([-100, 110], "x")).toBeCloseTo(0.1, 14);
    // −1, 2.5, −1: v = 2 or 1/2, i.e. r = −50% and 100%.
    expect(() => irr([-1, 2.5, -1], "x")).toThrow(/several IRRs/);
  });

  test("LEASE_CASHFLOWS: one row a year, debt at level payments, and Excel's IRR on its columns gives LEASE_IRR", async () => {
    const rows = await table(() => f.leaseCashflows(1.45, 12, 10, 0.85, 0, 0, 0.8, 0.065, 10));
    expect(rows[0]).toEqual(["year", "rent", "noi", "debt_drawn", "interest", "principal", "debt_service", "debt_balance", "unlevered_cf", "equity_cf"]);
    expect(rows).toHaveLength(14); // header + years 0…12
    const col = (name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)] as number);
    // Year 0: 8 drawn (0.8 × 10), −10 unlevered, −2 equity.
    expect(rows[1]).toEqual([0, 0, 0, 8, 0, 0, 0, 8, -10, -2]);
    // Level payment: 8 × 0.065 ÷ (1 − 1.065^−10) = 1.112838; year-1 interest 8 × 0.065 = 0.52.
    expect(col("debt_service")[1]).toBeCloseTo((8 * 0.065) / (1 - Math.pow(1.065, -10)), 10);
    expect(col("interest")[1]).toBeCloseTo(0.52, 12);
    // The loan is repaid after 10 years; no service in years 11 and 12.
    expect(col("debt_balance")[10]).toBeCloseTo(0, 10);
    expect(col("debt_service").slice(11)).toEqual([0, 0]);
    // Equity = unlevered + drawn − service, every year.
    for (const r of rows.slice(1)) expect(r[9] as number).toBeCloseTo((r[8] as number) + (r[3] as number) - (r[6] as number), 12);
    // IRR of the unlevered column (what =IRR() on the spill does) is the LEASE_IRR.
    const r = await num(() => f.leaseIrr(1.45, 12, 10, 0.85, 0, 0));
    expect(npv(r, col("unlevered_cf"))).toBeCloseTo(0, 9);
    const re = await num(() => f.leaseEquityIrr(1.45, 12, 10, 0.85, 0, 0, 0.8, 0.065, 10));
    expect(npv(re, col("equity_cf"))).toBeCloseTo(0, 9);
  });

  test("LEASE_CASHFLOWS: a balance left at the lease's end is repaid then", async () => {
    const rows = await table(() => f.leaseCashflows(1.45, 3, 10, 0.85, 0, 5, 0.8, 0.065, 10));
    const last = rows[rows.length - 1];
    expect(last[7]).toBe(0);
    // Principal in year 3 = the balance after year 2: 8 − the first two years' principal.
    expect((rows[2][5] as number) + (rows[3][5] as number) + (last[5] as number)).toBeCloseTo(8, 12);
  });

  test("YIELD_ON_COST(1.45, 10) = 1.45 × 0.85 (the set's NOI margin) ÷ 10 = 0.12325", async () => {
    expect(await num(() => f.yieldOnCost(1.45, 10))).toBeCloseTo(0.12325, 14);
    expect(await num(() => f.yieldOnCost(1.45, 10, 1))).toBeCloseTo(0.145, 14);
  });
});

describe("what the market implies, and a miner from its pipeline", () => {
  test("IMPLIED_P_CONTRACT(13500, 500, 1000, 12, 3, 0) = 0.5", async () => {
    // 13,500 − 500 × 12 = 7,500 over 1,000 MW = 7.5 per MW = p × 12 + (1 − p) × 3 → 9p = 4.5 → p = 0.5.
    expect(await num(() => f.impliedPContract(13500, 500, 1000, 12, 3, 0))).toBeCloseTo(0.5, 14);
  });

  test("IMPLIED_P_CONTRACT inverts SOTP_EV, and is returned above 1 when the market pays more than a contract", async () => {
    const ev = await num(() => f.sotpEv(200, 500, 0.3));
    expect(await num(() => f.impliedPContract(ev, 200, 500))).toBeCloseTo(0.3, 12);
    // 500 × 12 + 1,000 × 12 + 900 → (18,900 − 6,000) ÷ 1,000 = 12.9 = 3 + 9p → p = 1.1.
    expect(await num(() => f.impliedPContract(18900, 500, 1000, 12, 3))).toBeCloseTo(1.1, 12);
    expect(await cell(() => f.impliedPContract(10000, 500, 1000, 5, 5))).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/values per MW are equal/),
    });
  });

  test("MINER_VALUE_PER_SHARE: 500 contracted of 1,000 IT MW, net debt 1,000, 300m shares (call-2026-02 values)", async () => {
    // Contracted 500 × 12.5 = 6,250; the other 500 × (0.5 × 12.5 + 0.5 × 3.9) = 4,100 (Bernstein's 3m per grid MW × PUE 1.3);
    // − 1,000 net debt = 9,350 ÷ 300 = 31.1667.
    expect(await num(() => f.minerValuePerShare(500, 200, 300, 500, 1000, 300))).toBeCloseTo(9350 / 300, 12);
    // Capex still to spend comes off: 2,000 more → 7,350 ÷ 300.
    expect(await num(() => f.minerValuePerShare(500, 200, 300, 500, 1000, 300, 2000))).toBeCloseTo(7350 / 300, 12);
  });

  test("MINER_IMPLIED_P_CONTRACT solves for the p the share price implies", async () => {
    const price = await num(() => f.minerValuePerShare(500, 200, 300, 400, -200, 250, 1500, 0.35));
    expect(await num(() => f.minerImpliedPContract(price, 500, 200, 300, 400, -200, 250, 1500))).toBeCloseTo(0.35, 10);
    expect(await cell(() => f.minerImpliedPContract(30, 500, 0, 0, 500, 0, 100))).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/every MW of the pipeline is contracted/),
    });
    expect(await cell(() => f.minerValuePerShare(500, 0, 0, 600, 0, 100))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/contracted_mw must be between 0 and 500/),
    });
  });
});

describe("closing the power gap", () => {
  test("POWER_SOLUTION_COST(gas, 10, 2400) = 24: 10 GW × USD 2,400/kW = USD 24bn", async () => {
    // 10 GW = 10⁷ kW × 2,400 = 2.4 × 10¹⁰ USD = 24bn.
    expect(await num(() => f.powerSolutionCost("gas", 10, 2400))).toBe(24);
    // Default: the set's combined-cycle cost, USD 2,400/kW (press, 2025).
    expect(await num(() => f.powerSolutionCost("gas", 10))).toBe(24);
    // A restart priced on Crane: USD 1.6bn ÷ 835 MW ≈ 1,916/kW, set at 1,900 → 1 GW = 1.9bn.
    expect(await num(() => f.powerSolutionCost("nuclear", 1))).toBeCloseTo(1.9, 12);
  });

  test("POWER_GAP_COST(y) is the sum over the solutions of POWER_SOLUTION_COST(s, POWER_SUPPLY_GW(y, s))", async () => {
    for (const year of [2025, 2028, 2030]) {
      let sum = 0;
      for (const s of ["gas", "fuel_cells", "nuclear", "miners", "storage", "diesel"]) {
        const part = await num(() => f.powerSolutionCost(s, f.powerSupplyGw(year, s) as number));
        expect(await num(() => f.powerGapCost(year, s))).toBeCloseTo(part, 10);
        sum += part;
      }
      expect(await num(() => f.powerGapCost(year))).toBeCloseTo(sum, 9);
    }
    // Gas through 2028: 16 GW × 2,400 = 38.4bn.
    expect(await num(() => f.powerGapCost(2028, "gas"))).toBeCloseTo(38.4, 10);
    expect(await cell(() => f.powerGapCost(2028, "grid"))).toEqual({ error: "#N/A", message: expect.stringMatching(/headline supply/) });
    expect(await cell(() => f.powerGapCost(2028, "gas_engines"))).toEqual({ error: "#N/A", message: expect.stringMatching(/no path of its own/) });
  });

  test("POWER_GAP_COST(2028, \"low\"): a set named where the source goes is refused with where it belongs", async () => {
    // The source option sits before scenario, as every function's options do; a set id or
    // handle in its place would otherwise get only the list of solutions.
    for (const given of ["low", "call-2026-02", "High", "high; pue=1.35"]) {
      expect(await cell(() => f.powerGapCost(2028, given))).toEqual({
        error: "#N/A",
        message: `"${given}" names an assumption set, not a time-to-power solution: name the set third, POWER_GAP_COST(2028, , "${given}"); the source, second, is one of gas, fuel_cells, nuclear, miners, storage, diesel`,
      });
    }
    // The formula the message suggests computes on the named set.
    expect(await num(() => f.powerGapCost(2028, undefined, [["low"]]))).toBeCloseTo(await num(() => f.powerGapCost(2028, undefined, "low" as unknown as string[][])), 12);
    expect(await num(() => f.powerGapCost(2028, undefined, [["low"]]))).not.toBeCloseTo(await num(() => f.powerGapCost(2028)), 3);
    // Describing a handle derives nothing: the store caches no set for it.
    const derivedBefore = store.derivations;
    await cell(() => f.powerGapCost(2028, "low; pue=1.41"));
    expect(store.derivations).toBe(derivedBefore);
    // Arguments are checked as before: the source's type, then the year.
    expect(await cell(() => f.powerGapCost("abc" as unknown as number, 5 as unknown as string))).toEqual({ error: "#VALUE!", message: "source must be text; got 5" });
    // Text that is neither keeps the plain message.
    expect(await cell(() => f.powerGapCost(2028, "wind"))).toEqual({ error: "#N/A", message: expect.stringMatching(/^source "wind" is not a time-to-power solution; use one of gas/) });
  });

  test("POWER_GAP_COST_TABLE(2028): GW through 2028 from the set's supply paths × USD/kW ÷ 1,000, and a total equal to POWER_GAP_COST(2028)", async () => {
    const rows = await table(() => f.powerGapCostTable(2028));
    // Hand calculation on call-2026-02 (paths from 2025, so 2028 is the fourth point):
    // gas 16 GW × 2,400 = 38.4; fuel cells 5 × 3,500 = 17.5; nuclear restarts 1.635 (Palisades 0.8 + Crane 0.835)
    // × 1,900 = 3.1065; miners 6 × 2,770 = 16.62 (Riot's ~USD 3,600 per IT kW ÷ PUE 1.3 = 2,769.2, rounded, per grid
    // kW); storage 2 × 660 = 1.32; diesel 0 × 800 = 0.
    // Total 30.635 GW, 38.4 + 17.5 + 3.1065 + 16.62 + 1.32 = 76.9465bn; weighted cost 76,946.5 ÷ 30.635 = 2,511.72 USD/kW.
    expect(rows[0]).toEqual(["source", "gw", "capex_usd_per_kw", "cost_usd_bn"]);
    const expected: [string, number, number, number][] = [
      ["gas", 16, 2400, 38.4],
      ["fuel_cells", 5, 3500, 17.5],
      ["nuclear", 1.635, 1900, 3.1065],
      ["miners", 6, 2770, 16.62],
      ["storage", 2, 660, 1.32],
      ["diesel", 0, 800, 0],
    ];
    expect(rows).toHaveLength(1 + expected.length + 1);
    expected.forEach(([source, gw, capex, cost], k) => {
      const [s, g, c, bn] = rows[k + 1];
      expect([s, g, c]).toEqual([source, gw, capex]);
      expect(bn).toBeCloseTo(cost, 10);
    });
    const total = rows[rows.length - 1];
    expect(total[0]).toBe("total");
    expect(total[1]).toBeCloseTo(30.635, 12);
    expect(total[2]).toBeCloseTo(76_946.5 / 30.635, 9);
    expect(total[2]).toBeCloseTo(2511.72, 2);
    expect(total[3]).toBeCloseTo(76.9465, 10);
    // The total is POWER_GAP_COST(year) exactly, in every bundled set and year.
    for (const scenario of ["call-2026-02", "low", "high"]) {
      for (const year of [2025, 2027, 2030]) {
        const t = await table(() => f.powerGapCostTable(year, scenario as never));
        expect(t[t.length - 1][3]).toBe(await num(() => f.powerGapCost(year, undefined, scenario as never)));
      }
    }
  });

  test("POWER_GAP_COST_TABLE: a year outside the path or not a number is refused with the argument named", async () => {
    expect(await cell(() => f.powerGapCostTable(2099))).toEqual({ error: "#N/A", message: expect.stringMatching(/year/) });
    expect(await cell(() => f.powerGapCostTable("x" as unknown as number))).toEqual({ error: "#VALUE!", message: expect.stringMatching(/year/) });
  });

  test("TIME_TO_POWER_MONTHS: engines 15 (midpoint of the 12–18 months reported), Crane's restart 39", async () => {
    expect(await num(() => f.timeToPowerMonths("gas_engines"))).toBe(15);
    expect(await num(() => f.timeToPowerMonths(" Nuclear "))).toBe(39); // September 2024 → end of 2027
    expect(await cell(() => f.timeToPowerMonths("coal"))).toEqual({ error: "#N/A", message: expect.stringMatching(/not a time-to-power solution; use one of gas, gas_engines/) });
  });
});

describe("GPU unit economics", () => {
  test("GPU_PAYBACK_YEARS(30000, 2, 0.7, 1, 80, 1.3, 0) = 2.58", async () => {
    // Revenue 2 × 8,760 × 0.7 = 12,264; power 1 × 1.3 × 8,760 × 0.7 × 80 ÷ 1,000 = 637.73; margin 11,626.27;
    // 30,000 ÷ 11,626.27 = 2.5804.
    const years = await num(() => f.gpuPaybackYears(30000, 2, 0.7, 1, 80, 1.3, 0));
    expect(Math.round(years * 100) / 100).toBe(2.58);
    expect(years).toBeCloseTo(30000 / (12264 - 637.728), 10);
  });

  test("GPU_PAYBACK_YEARS: #N/A 'never pays back' when rent does not cover power and opex", async () => {
    // At USD 0.10 an hour: 613.2 of revenue against 637.73 of power.
    expect(await cell(() => f.gpuPaybackYears(30000, 0.1, 0.7, 1, 80, 1.3, 0))).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/^never pays back/),
    });
  });

  test("GPU_BREAKEVEN_RENT: (30,000 ÷ 4 + 637.73) ÷ 6,132 = USD 1.327 an hour; payback at that rent is the life", async () => {
    const rent = await num(() => f.gpuBreakevenRent(30000, 4, 0.7, 1, 80, 1.3, 0));
    expect(rent).toBeCloseTo((7500 + 637.728) / 6132, 10);
    expect(await num(() => f.gpuPaybackYears(30000, rent, 0.7, 1, 80, 1.3, 0))).toBeCloseTo(4, 10);
    // At 10%: the capital charge is 30,000 ÷ 3.1699 (the 4-year annuity factor) = 9,464.12 a year.
    const discounted = await num(() => f.gpuBreakevenRent(30000, 4, 0.7, 1, 80, 1.3, 0, 0.1));
    expect(discounted).toBeCloseTo((30000 / ((1 - Math.pow(1.1, -4)) / 0.1) + 637.728) / 6132, 10);
  });

  test("the H100 rent in the set is the latest published before the vintage: USD 1.70 (October 2025)", async () => {
    expect(await num(() => f.assumption("gpu_rent_h100_usd_per_hour"))).toBe(1.7);
    // At that rent, defaults from the set (70% billed, 1.275 kW, USD 80/MWh, PUE 1.3): a USD 25,000 GPU
    // earns 1.7 × 6,132 = 10,424.4 less 1.275 × 1.3 × 6,132 × 80 ÷ 1,000 = 813.1 → 25,000 ÷ 9,611.3 = 2.60 years.
    const pue = (await num(() => f.assumption("pue"))) as number;
    const power = (1.275 * pue * 6132 * 80) / 1000;
    expect(await num(() => f.gpuPaybackYears(25000, 1.7))).toBeCloseTo(25000 / (1.7 * 6132 - power), 10);
     // Rent omitted: the set's, the latest point of its dated path at or before the vintage (1.70, October 2025).
    expect(await num(() => f.gpuPaybackYears(25000))).toBe(await num(() => f.gpuPaybackYears(25000, 1.7)));
    expect(await num(() => f.gpuPaybackYears(25000, null as unknown as number))).toBe(await num(() => f.gpuPaybackYears(25000, 1.7)));
     // jpm-jun-2026 (vintage 2026-06-25) carries the March 2026 point: USD 2.35, so 25,000 ÷ (2.35 × 6,132 − 813.1) = 1.84 years.
    const jpm = [["jpm-jun-2026"]] as never;
    expect(await num(() => f.assumption("gpu_rent_h100_usd_per_hour", undefined, jpm))).toBe(2.35);
    const none = undefined as unknown as number;
    expect(await num(() => f.gpuPaybackYears(25000, none, none, none, none, none, none, jpm))).toBeCloseTo(25000 / (2.35 * 6132 - power), 10);
  });
});

describe("leverage of the build-out", () => {
  test("FUNDING_PLAN(2026, 2030): the first columns are unchanged; debt + equity = total on every row", async () => {
    const rows = await table(() => f.fundingPlan(2026, 2030));
    const header = rows[0];
    expect(header.slice(0, 10)).toEqual([
      "year",
      "gw_added",
      "capex_musd_per_mw",
      "total_usd_bn",
      "hyperscaler_cash_usd_bn",
      "ig_bonds_usd_bn",
      "private_credit_usd_bn",
      "project_finance_usd_bn",
      "abs_cmbs_usd_bn",
      "equity_usd_bn",
    ]);
    expect(header.slice(10)).toEqual(["debt_total_usd_bn", "equity_total_usd_bn"]);
    // Total row: 93 GW × 55 = 5,115; 30/30/21/10/4/5% of it, as before the debt and equity columns.
    const total = rows[rows.length - 1];
    expect(total.slice(0, 10).map((v) => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v))).toEqual([
      "total", 93, 55, 5115, 1534.5, 1534.5, 1074.15, 511.5, 204.6, 255.75,
    ]);
    for (const r of rows.slice(1)) expect((r[10] as number) + (r[11] as number)).toBeCloseTo(r[3] as number, 9);
    // Debt: IG bonds, private credit, project finance, ABS/CMBS = 65% → 3,324.75.
    expect(total[10]).toBeCloseTo(3324.75, 9);
  });

  test("BUILDOUT_DEBT(2026, 2030) = 3,324.75 (65% of 5,115), against JPMorgan's 4.1T of 5.5T (75%)", async () => {
    expect(await num(() => f.buildoutDebt(2026, 2030))).toBeCloseTo(3324.75, 9);
    expect(await num(() => f.buildoutDebt(2026, 2030, true))).toBeCloseTo(0.65, 12);
    expect(4.1 / 5.5).toBeGreaterThan(0.65); // the call's default mix carries less debt than JPMorgan's June 2026 update
    // jpm-jun-2026 carries JPMorgan's own split: 4.1T of debt over 2026–30
    expect(await num(() => f.buildoutDebt(2026, 2030, false, [["jpm-jun-2026"]]))).toBeCloseTo(4100, 0);
    expect(await cell(() => f.buildoutDebt(2024, 2030))).toEqual({ error: "#N/A", message: expect.stringMatching(/base year/) });
  });
});

describe("fleet depreciation", () => {
  test("one vintage of 600 on 6 and 3 years: 100 against 200 for three years, then 100 against 0", async () => {
    const rows = await table(() => f.depreciationGapFleet([[600]], 6, 3));
    expect(rows).toEqual([
      ["year", "capex", "book_charge", "economic_charge", "gap"],
      [1, 600, 100, 200, 100],
      [2, 0, 100, 200, 100],
      [3, 0, 100, 200, 100],
      [4, 0, 100, 0, -100],
      [5, 0, 100, 0, -100],
      [6, 0, 100, 0, -100],
    ]);
  });

  test("vintages layer: 600 a year for two years, rows from first_year; a column works as a row does; gaps sum to 0", async () => {
    const rows = await table(() => f.depreciationGapFleet([[600, 600]], 6, 3, 2026));
    // 2027: two vintages: book 100 + 100, economic 200 + 200.
    expect(rows[2]).toEqual([2027, 600, 200, 400, 200]);
    expect(rows[rows.length - 1][0]).toBe(2032); // the 2027 vintage's sixth year
    expect(await table(() => f.depreciationGapFleet([[600], [600]], 6, 3, 2026))).toEqual(rows);
    // Over the whole life both bases charge the full 1,200, so the gaps cancel.
    expect(rows.slice(1).reduce((a, r) => a + (r[4] as number), 0)).toBeCloseTo(0, 9);
    // Blank cells count as 0.
    expect((await table(() => f.depreciationGapFleet([[600, null, ""]] as unknown as number[][], 6, 3)))[3]).toEqual([3, 0, 100, 200, 100]);
  });

  test("a 2-D block or text in the path is refused, naming the argument", async () => {
    expect(await cell(() => f.depreciationGapFleet([[1, 2], [3, 4]], 6, 3))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/capex_by_year must be one row or one column/),
    });
    expect(await cell(() => f.depreciationGapFleet([["x" as unknown as number]], 6, 3))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/capex_by_year: value 1 must be a number or blank; got text "x"/),
    });
  });
});
