/**
 * Identities the functions must keep whatever the inputs: conversions invert,
 * parts sum to totals, and the gap after solutions is the headline gap minus
 * every solution source. Checked through the Excel wrappers, for every
 * bundled set.
 */
import fc from "fast-check";
import {
  aidcFunding,
  fundingPlan,
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
