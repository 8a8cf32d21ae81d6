/**
 * Identities the functions must keep whatever the inputs: conversions invert,
 * parts sum to totals, and the gap after solutions is the headline gap minus
 * every solution source. Checked through the Excel wrappers, for every
 * bundled set.
 */
import fc from "fast-check";
import {
  aidcFunding,
  buildoutDebt,
  fundingPlan,
  impliedPContract,
  leaseIrr,
  minerImpliedPContract,
  minerValuePerShare,
  sotpEv,
  gwToTwh,
  powerGapGw,
  powerSupplyGw,
  twhToGw,
} from "../../src/functions/functions";
import { store } from "../../src/functions/store";
import { BUNDLED_SETS } from "../../src/model/sets";
import { useSet } from "../helpers";

const SET_IDS = BUNDLED_SETS.map((s) => s.id);
/** The sources PRODUCT.md lists as "solutions" (every source but grid and construction). */
const SOLUTIONS = ["gas", "fuel_cells", "nuclear", "miners", "storage", "diesel"];

const num = (v: unknown): number => {
  if (typeof v !== "number") throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v;
};

function closeTo(actual: number, expected: number, relative: number, absolute = 0): boolean {
  return Math.abs(actual - expected) <= Math.max(absolute, relative * Math.max(Math.abs(actual), Math.abs(expected)));
}

beforeAll(() => useSet());

test("GW_TO_TWH(TWH_TO_GW(x)) = x, with the set's load factor or a given one", () => {
  fc.assert(
    fc.property(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: null }),
      fc.constantFrom(null, ...SET_IDS),
      (x, loadFactor, scenario) => {
        const gw = num(twhToGw(x, loadFactor as number, scenario as never));
        const back = num(gwToTwh(gw, loadFactor as number, scenario as never));
        return closeTo(back, x, 1e-12, 1e-300);
      },
    ),
    { numRuns: 5000 },
  );
});

test("AIDC_FUNDING by source sums to the total, for every set's funding mix", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...SET_IDS),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.option(fc.double({ min: 0.01, max: 1000, noNaN: true }), { nil: null }),
      (scenario, capacityGw, capex) => {
        const total = num(aidcFunding(capacityGw, capex as number, null as unknown as string, scenario as never));
        const sources = store.resolve(scenario).fundingMix.map(([s]) => s);
        const parts = sources.map((s) => num(aidcFunding(capacityGw, capex as number, s, scenario as never)));
        return closeTo(parts.reduce((a, b) => a + b, 0), total, 1e-9, 1e-9);
      },
    ),
    { numRuns: 3000 },
  );
});

test("FUNDING_PLAN: the total row is the sum of its rows (capex: the GW-weighted average)", () => {
  const plans = SET_IDS.map((id) => {
    const set = store.resolve(id);
    return { id, first: set.baseYear + 1, last: set.lastYear };
  });
  fc.assert(
    fc.property(
      fc.constantFrom(...plans).chain((p) =>
        fc.tuple(fc.constant(p.id), fc.integer({ min: p.first, max: p.last }), fc.integer({ min: p.first, max: p.last })),
      ),
      ([scenario, a, b]) => {
        const table = fundingPlan(Math.min(a, b), Math.max(a, b), scenario as never) as (string | number)[][];
        const [header, ...body] = table;
        const rows = body.slice(0, -1);
        const total = body[body.length - 1];
        if (total[0] !== "total" || rows.length !== Math.abs(a - b) + 1) return false;
        for (let c = 1; c < header.length; c++) {
          if (header[c] === "capex_musd_per_mw") continue;
          const sum = rows.reduce((acc, r) => acc + num(r[c]), 0);
          if (!closeTo(num(total[c]), sum, 1e-12, 1e-9)) return false;
        }
        const gw = num(total[header.indexOf("gw_added")]);
        const usd = num(total[header.indexOf("total_usd_bn")]);
        const capex = num(total[header.indexOf("capex_musd_per_mw")]);
        return gw === 0 || closeTo(capex * gw, usd, 1e-12);
      },
    ),
    { numRuns: 500 },
  );
});

test("POWER_GAP_GW(y, TRUE) = POWER_GAP_GW(y) − Σ POWER_SUPPLY_GW of the solutions, every year of every set", () => {
  let checked = 0;
  for (const id of SET_IDS) {
    const set = store.resolve(id);
    for (let y = set.baseYear; y <= set.lastYear; y++) {
      const headline = num(powerGapGw(y, false, id as never));
      const solutions = SOLUTIONS.reduce((acc, s) => acc + num(powerSupplyGw(y, s, id as never)), 0);
      expect({ id, y, after: num(powerGapGw(y, true, id as never)) }).toEqual({
        id,
        y,
        after: expect.closeTo(headline - solutions, 9),
      });
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(SET_IDS.length * 5);
});

test("FUNDING_PLAN: debt + equity = total on every row, and BUILDOUT_DEBT is the debt column's total, for every bundled set", () => {
  for (const id of SET_IDS) {
    const set = store.resolve(id);
    const table = fundingPlan(set.baseYear + 1, set.lastYear, id as never) as (string | number)[][];
    const [header, ...body] = table;
    const debt = header.indexOf("debt_total_usd_bn");
    const equity = header.indexOf("equity_total_usd_bn");
    expect([debt, equity]).toEqual([header.length - 2, header.length - 1]);
    for (const r of body) expect({ id, row: r[0], sum: num(r[debt]) + num(r[equity]) }).toEqual({ id, row: r[0], sum: expect.closeTo(num(r[3]), 9) });
    const total = body[body.length - 1];
    expect(num(buildoutDebt(set.baseYear + 1, set.lastYear, false, id as never))).toBeCloseTo(num(total[debt]), 9);
  }
});

test("IMPLIED_P_CONTRACT inverts SOTP_EV; MINER_IMPLIED_P_CONTRACT inverts MINER_VALUE_PER_SHARE", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 2000, noNaN: true }),
      fc.double({ min: 1, max: 2000, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 5, max: 20, noNaN: true }),
      fc.double({ min: 0, max: 4, noNaN: true }),
      fc.double({ min: -500, max: 500, noNaN: true }),
      (c, u, p, vc, vu, netDebt) => {
        const ev = num(sotpEv(c, u, p, vc, vu));
        if (!closeTo(num(impliedPContract(ev, c, u, vc, vu, 0)), p, 1e-9, 1e-9)) return false;
        const price = num(minerValuePerShare(c, u, 0, c, netDebt, 100, 0, p, vc, vu));
        return closeTo(num(minerImpliedPContract(price, c, u, 0, c, netDebt, 100, 0, vc, vu)), p, 1e-9, 1e-9);
      },
    ),
    { numRuns: 2000 },
  );
});

test("LEASE_IRR is a root: the NPV of the lease's flows at its IRR is 0", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.2, max: 5, noNaN: true }),
      fc.integer({ min: 1, max: 30 }),
      fc.double({ min: 1, max: 20, noNaN: true }),
      fc.double({ min: 0.3, max: 1, noNaN: true }),
      fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      fc.double({ min: 0, max: 20, noNaN: true }),
      (rent, term, capex, margin, escalator, terminal) => {
        const r = num(leaseIrr(rent, term, capex, margin, escalator, terminal));
        let npv = -capex;
        for (let t = 1; t <= term; t++) npv += (rent * Math.pow(1 + escalator, t - 1) * margin + (t === term ? terminal : 0)) / Math.pow(1 + r, t);
        return Math.abs(npv) <= 1e-8 * capex;
      },
    ),
    { numRuns: 2000 },
  );
});
