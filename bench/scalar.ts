/**
 * Per scalar function: calls per second through the Excel wrapper and the
 * model, against two baselines on the same inputs in the same run:
 * - bare: only the formula's arithmetic (or table lookup), no checks at all;
 * - inline: the same formula with the same argument checks written by hand in
 *   one function (type, finiteness, range, year in the path, known source),
 *   reading the set's figures directly.
 * The distance model ÷ inline is what our layers (wrapper, coercion, set
 * lookup, error mapping) cost. Inputs vary call to call so the JIT cannot fold
 * them, and each baseline is checked to return the wrapper's result.
 */
import { SUPPLY_SOURCES } from "../src/model/catalogue";
import type { CompiledSet } from "../src/model/compiled-set";

export type Args = unknown[];

export interface ScalarCase {
  /** Argument tuples as Excel passes them (null = omitted optional). */
  inputs(rand: () => number, set: CompiledSet): Args[];
  bare(set: CompiledSet): (a: Args) => number;
  inline(set: CompiledSet): (a: Args) => number;
}

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
export const between = (rand: () => number, lo: number, hi: number) => lo + rand() * (hi - lo);
export const sometimes = <T>(rand: () => number, v: T): T | null => (rand() < 0.5 ? v : null);
export const yearOf = (rand: () => number, s: CompiledSet) => s.baseYear + 1 + Math.floor(rand() * (s.lastYear - s.baseYear));

// The hand-written checks: what a careful single function would test before computing.
export function num(name: string, v: unknown): number {
  if (typeof v === "number" && v - v === 0) return v;
  throw new Error(`${name} must be a number`);
}
export function optNum(name: string, v: unknown, fallback: number): number {
  return v === null || v === undefined ? fallback : num(name, v);
}
export function inRange(name: string, v: number, lo: number, hi: number): number {
  if (v >= lo && v <= hi) return v;
  throw new Error(`${name} out of range`);
}
function atLeast(name: string, v: number, lo: number): number {
  if (v >= lo) return v;
  throw new Error(`${name} below ${lo}`);
}
function above(name: string, v: number, lo: number): number {
  if (v > lo) return v;
  throw new Error(`${name} not above ${lo}`);
}
export function whole(name: string, v: number, lo: number, hi: number): number {
  if (Number.isInteger(v) && v >= lo && v <= hi) return v;
  throw new Error(`${name} not whole`);
}
export function yearIndex(s: CompiledSet, v: unknown): number {
  const y = num("year", v);
  if (!Number.isInteger(y) || y < s.baseYear || y > s.lastYear) throw new Error("year outside path");
  return y - s.baseYear;
}
export function text(name: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim().toLowerCase();
  throw new Error(`${name} must be text`);
}
const annuity = (r: number, n: number) => (r === 0 ? n : (1 - Math.pow(1 + r, -n)) / r);

const SOURCES: readonly string[] = SUPPLY_SOURCES;

/** Baselines by function id. A scalar function of the catalogue without one is reported as missing. */
export const SCALAR_CASES: Record<string, ScalarCase> = {
  POWER_DEMAND_GW: {
    inputs: (r, s) => [[yearOf(r, s), null]],
    bare: (s) => (a) => s.demandGw[(a[0] as number) - s.baseYear],
    inline: (s) => (a) => s.demandGw[yearIndex(s, a[0])],
  },
  POWER_SUPPLY_GW: {
    inputs: (r, s) => [[yearOf(r, s), pick(r, SOURCES), null]],
    bare: (s) => (a) => s.supplyGw[a[1] as (typeof SUPPLY_SOURCES)[number]][(a[0] as number) - s.baseYear],
    inline: (s) => (a) => {
      const i = yearIndex(s, a[0]);
      const src = text("source", a[1]);
      if (src === null || !SOURCES.includes(src)) throw new Error("unknown source");
      return s.supplyGw[src as (typeof SUPPLY_SOURCES)[number]][i];
    },
  },
  POWER_GAP_GW: {
    inputs: (r, s) => [[yearOf(r, s), pick(r, [true, false, null]), null]],
    bare: (s) => (a) => (a[1] ? s.gapAfterSolutionsGw : s.gapGw)[(a[0] as number) - s.baseYear],
    inline: (s) => (a) => {
      const i = yearIndex(s, a[0]);
      const after = a[1];
      if (after !== null && typeof after !== "boolean") throw new Error("after_solutions must be TRUE or FALSE");
      return (after ? s.gapAfterSolutionsGw : s.gapGw)[i];
    },
  },
  DC_ENERGY_TWH: {
    inputs: (r, s) => [[yearOf(r, s), null]],
    bare: (s) => (a) => s.scalars.dc_energy_base_twh + s.demandGw[(a[0] as number) - s.baseYear] * 8.76 * s.scalars.dc_load_factor,
    inline: (s) => (a) => s.scalars.dc_energy_base_twh + s.demandGw[yearIndex(s, a[0])] * 8.76 * s.scalars.dc_load_factor,
  },
  NUCLEAR_EQUIV: {
    inputs: (r) => [[between(r, 0, 200), pick(r, ["capacity", "energy", null]), null]],
    bare: (s) => (a) =>
      a[1] === "energy"
        ? ((a[0] as number) * s.scalars.dc_load_factor) / (s.scalars.nuclear_plant_gw * s.scalars.nuclear_capacity_factor)
        : (a[0] as number) / s.scalars.nuclear_plant_gw,
    inline: (s) => (a) => {
      const gw = num("gw", a[0]);
      const basis = text("basis", a[1]) ?? "capacity";
      if (basis !== "capacity" && basis !== "energy") throw new Error("basis");
      return basis === "energy"
        ? (gw * s.scalars.dc_load_factor) / (s.scalars.nuclear_plant_gw * s.scalars.nuclear_capacity_factor)
        : gw / s.scalars.nuclear_plant_gw;
    },
  },
  TWH_TO_GW: {
    inputs: (r) => [[between(r, 0, 1000), sometimes(r, between(r, 0.3, 1)), null]],
    bare: (s) => (a) => (a[0] as number) / (8.76 * ((a[1] as number | null) ?? s.scalars.dc_load_factor)),
    inline: (s) => (a) => {
      const twh = num("twh", a[0]);
      const lf = above("load_factor", inRange("load_factor", optNum("load_factor", a[1], s.scalars.dc_load_factor), 0, 1), 0);
      return twh / (8.76 * lf);
    },
  },
  GW_TO_TWH: {
    inputs: (r) => [[between(r, 0, 200), sometimes(r, between(r, 0.3, 1)), null]],
    bare: (s) => (a) => (a[0] as number) * 8.76 * ((a[1] as number | null) ?? s.scalars.dc_load_factor),
    inline: (s) => (a) => {
      const gw = num("gw", a[0]);
      const lf = above("load_factor", inRange("load_factor", optNum("load_factor", a[1], s.scalars.dc_load_factor), 0, 1), 0);
      return gw * 8.76 * lf;
    },
  },
  IT_TO_GRID_MW: {
    inputs: (r) => [[between(r, 0, 2000), sometimes(r, between(r, 1, 2)), null]],
    bare: (s) => (a) => (a[0] as number) * ((a[1] as number | null) ?? s.scalars.pue),
    inline: (s) => (a) => num("mw", a[0]) * inRange("pue", optNum("pue", a[1], s.scalars.pue), 1, 5),
  },
  GRID_TO_IT_MW: {
    inputs: (r) => [[between(r, 0, 2000), sometimes(r, between(r, 1, 2)), null]],
    bare: (s) => (a) => (a[0] as number) / ((a[1] as number | null) ?? s.scalars.pue),
    inline: (s) => (a) => num("mw", a[0]) / inRange("pue", optNum("pue", a[1], s.scalars.pue), 1, 5),
  },
  AIDC_FUNDING: {
    inputs: (r, s) => [[between(r, 0, 100), sometimes(r, between(r, 5, 60)), sometimes(r, pick(r, s.fundingMix.map(([n]) => n))), null]],
    bare: (s) => {
      const shares = new Map(s.fundingMix);
      return (a) => (a[0] as number) * ((a[1] as number | null) ?? s.scalars.capex_musd_per_mw) * (a[2] === null ? 1 : (shares.get(a[2] as string) as number));
    },
    inline: (s) => (a) => {
      const gw = atLeast("capacity_gw", num("capacity_gw", a[0]), 0);
      const capex = a[1] === null ? s.scalars.capex_musd_per_mw : inRange("capex", num("capex", a[1]), 0.01, 1000);
      const source = text("source", a[2]);
      if (source === null) return gw * capex;
      for (const [name, share] of s.fundingMix) if (name === source) return gw * capex * share;
      throw new Error("unknown funding source");
    },
  },
  PROJECT_DEBT: {
    inputs: (r) => [
      [
        between(r, 100, 5000),
        between(r, 10, 500),
        sometimes(r, between(r, 0.5, 0.9)),
        sometimes(r, between(r, 1.1, 2)),
        sometimes(r, between(r, 0.03, 0.1)),
        sometimes(r, 5 + Math.floor(r() * 20)),
        null,
      ],
    ],
    bare: (s) => (a) => {
      const ltc = (a[2] as number | null) ?? s.scalars.project_ltc;
      const dscr = (a[3] as number | null) ?? s.scalars.project_dscr;
      const rate = (a[4] as number | null) ?? s.scalars.project_rate;
      const tenor = (a[5] as number | null) ?? s.scalars.project_tenor_years;
      return Math.min(ltc * (a[0] as number), ((a[1] as number) / dscr) * annuity(rate, tenor));
    },
    inline: (s) => (a) => {
      const cost = above("cost", num("cost", a[0]), 0);
      const noi = atLeast("noi", num("noi", a[1]), 0);
      const ltc = inRange("ltc", optNum("ltc", a[2], s.scalars.project_ltc), 0, 1);
      const dscr = inRange("dscr", optNum("dscr", a[3], s.scalars.project_dscr), 0.1, 10);
      const rate = inRange("rate", optNum("rate", a[4], s.scalars.project_rate), 0, 1);
      const tenor = whole("tenor", optNum("tenor", a[5], s.scalars.project_tenor_years), 1, 50);
      return Math.min(ltc * cost, (noi / dscr) * annuity(rate, tenor));
    },
  },
  EV_PER_MW: {
    inputs: (r) => [[between(r, 0, 50_000), between(r, 1, 3000)]],
    bare: () => (a) => (a[0] as number) / (a[1] as number),
    inline: () => (a) => num("ev", a[0]) / above("mw", num("mw", a[1]), 0),
  },
  UNCONTRACTED_EV_PER_MW: {
    inputs: (r) => [[between(r, 0, 50_000), between(r, 0, 2000), between(r, 1, 2000), sometimes(r, between(r, 5, 20)), sometimes(r, between(r, 0, 5000)), null]],
    bare: (s) => (a) =>
      ((a[0] as number) - ((a[4] as number | null) ?? 0) - (a[1] as number) * ((a[3] as number | null) ?? s.scalars.contracted_value_musd_per_mw)) /
      (a[2] as number),
    inline: (s) => (a) => {
      const ev = num("ev", a[0]);
      const c = atLeast("contracted_mw", num("contracted_mw", a[1]), 0);
      const u = above("uncontracted_mw", num("uncontracted_mw", a[2]), 0);
      const vc = atLeast("vc", optNum("vc", a[3], s.scalars.contracted_value_musd_per_mw), 0);
      const other = optNum("other", a[4], 0);
      return (ev - other - c * vc) / u;
    },
  },
  SOTP_EV: {
    inputs: (r) => [[between(r, 0, 2000), between(r, 0, 2000), sometimes(r, r()), sometimes(r, between(r, 5, 20)), sometimes(r, between(r, 0, 5)), null]],
    bare: (s) => (a) => {
      const p = (a[2] as number | null) ?? s.scalars.p_contract;
      const vc = (a[3] as number | null) ?? s.scalars.contracted_value_musd_per_mw;
      const vu = (a[4] as number | null) ?? s.scalars.uncontracted_value_musd_per_mw;
      return (a[0] as number) * vc + (a[1] as number) * (p * vc + (1 - p) * vu);
    },
    inline: (s) => (a) => {
      const c = atLeast("contracted_mw", num("contracted_mw", a[0]), 0);
      const u = atLeast("uncontracted_mw", num("uncontracted_mw", a[1]), 0);
      const p = inRange("p", optNum("p", a[2], s.scalars.p_contract), 0, 1);
      const vc = atLeast("vc", optNum("vc", a[3], s.scalars.contracted_value_musd_per_mw), 0);
      const vu = atLeast("vu", optNum("vu", a[4], s.scalars.uncontracted_value_musd_per_mw), 0);
      return c * vc + u * (p * vc + (1 - p) * vu);
    },
  },
  RENT_PER_MW: {
    inputs: (r) => [[between(r, 0, 20_000), between(r, 1, 20), between(r, 1, 1000)]],
    bare: () => (a) => (a[0] as number) / (a[1] as number) / (a[2] as number),
    inline: () => (a) =>
      atLeast("value", num("value", a[0]), 0) / above("term", num("term", a[1]), 0) / above("mw", num("mw", a[2]), 0),
  },
  KW_MONTH: {
    inputs: (r) => [[between(r, 0, 5)]],
    bare: () => (a) => ((a[0] as number) * 1e6) / 1000 / 12,
    inline: () => (a) => (atLeast("rent", num("rent", a[0]), 0) * 1e6) / 1000 / 12,
  },
  LEASE_VALUE_PER_MW: {
    inputs: (r) => [
      [between(r, 0.5, 3), 1 + Math.floor(r() * 20), sometimes(r, between(r, 0.05, 0.12)), sometimes(r, between(r, 0.6, 0.95)), sometimes(r, r()), sometimes(r, Math.floor(r() * 15)), null],
    ],
    bare: (s) => (a) => {
      const rate = (a[2] as number | null) ?? s.scalars.discount_rate;
      const noi = (a[0] as number) * ((a[3] as number | null) ?? s.scalars.noi_margin);
      const p = (a[4] as number | null) ?? s.scalars.renewal_probability;
      const n2 = (a[5] as number | null) ?? s.scalars.renewal_term_years;
      const n = a[1] as number;
      return noi * annuity(rate, n) + p * noi * annuity(rate, n2) * Math.pow(1 + rate, -n);
    },
    inline: (s) => (a) => {
      const rent = atLeast("rent", num("rent", a[0]), 0);
      const n = whole("term", num("term", a[1]), 1, 50);
      const rate = inRange("rate", optNum("rate", a[2], s.scalars.discount_rate), 0, 1);
      const margin = inRange("margin", optNum("margin", a[3], s.scalars.noi_margin), 0, 1);
      const p = inRange("p", optNum("p", a[4], s.scalars.renewal_probability), 0, 1);
      const n2 = whole("renewal", optNum("renewal", a[5], s.scalars.renewal_term_years), 0, 50);
      const noi = rent * margin;
      return noi * annuity(rate, n) + p * noi * annuity(rate, n2) * Math.pow(1 + rate, -n);
    },
  },
  GPU_DEPRECIATION: {
    inputs: (r) => [[between(r, 0, 10_000), between(r, 1, 8), sometimes(r, 1 + Math.floor(r() * 10))]],
    bare: () => (a) => {
      const life = a[1] as number;
      const year = (a[2] as number | null) ?? 1;
      return ((a[0] as number) / life) * Math.min(1, Math.max(0, life - (year - 1)));
    },
    inline: () => (a) => {
      const capex = atLeast("capex", num("capex", a[0]), 0);
      const life = inRange("life", num("life", a[1]), 0.25, 50);
      const year = whole("year", optNum("year", a[2], 1), 1, 1000);
      return (capex / life) * Math.min(1, Math.max(0, life - (year - 1)));
    },
  },
  DEPRECIATION_GAP: {
    inputs: (r) => [[between(r, 0, 10_000), between(r, 3, 8), between(r, 1, 6)]],
    bare: () => (a) => (a[0] as number) / (a[2] as number) - (a[0] as number) / (a[1] as number),
    inline: () => (a) => {
      const capex = atLeast("capex", num("capex", a[0]), 0);
      const book = inRange("book", num("book", a[1]), 0.25, 50);
      const econ = inRange("econ", num("econ", a[2]), 0.25, 50);
      return capex / econ - capex / book;
    },
  },
  ASSUMPTION: {
    inputs: (r, s) => [
      rand3(r) === 0
        ? [pick(r, Object.keys(s.scalars)), null, null]
        : rand3(r) === 1
          ? ["demand_gw", yearOf(r, s), null]
          : [`funding_mix.${pick(r, s.fundingMix.map(([n]) => n))}`, null, null],
    ],
    bare: (s) => {
      const values = new Map<string, number>([
        ...Object.entries(s.scalars),
        ...s.fundingMix.map(([n, v]) => [`funding_mix.${n}`, v] as [string, number]),
      ]);
      return (a) => (a[0] === "demand_gw" ? s.demandGw[(a[1] as number) - s.baseYear] : (values.get(a[0] as string) as number));
    },
    inline: (s) => (a) => {
      const name = text("name", a[0]);
      if (name === null) throw new Error("name is required");
      if (name.startsWith("funding_mix.")) {
        const src = name.slice("funding_mix.".length);
        for (const [n, v] of s.fundingMix) if (n === src) return v;
        throw new Error("unknown funding source");
      }
      if (name in s.scalars) return s.scalars[name as keyof CompiledSet["scalars"]];
      if (name !== "demand_gw") throw new Error("unknown parameter");
      return s.demandGw[yearIndex(s, a[1])];
    },
  },
};

function rand3(r: () => number): number {
  return Math.floor(r() * 3);
}

// ───────────── The analyses: lease returns, market, power cost, GPUs, build-out debt ─────────────

const HOURS = 8760;

/** The IRR a careful single function would compute: sign changes counted, one root bracketed in v = 1 ÷ (1 + r), bisection. */
function inlineIrr(flows: Float64Array): number {
  let changes = 0;
  let last = 0;
  for (let i = 0; i < flows.length; i++) {
    const s = Math.sign(flows[i]);
    if (s !== 0 && last !== 0 && s !== last) changes++;
    if (s !== 0) last = s;
  }
  if (changes !== 1) throw new Error("no single IRR");
  const at = (v: number) => {
    let acc = 0;
    for (let i = flows.length - 1; i >= 0; i--) acc = acc * v + flows[i];
    return acc;
  };
  let lo = 1 / 10_001;
  let hi = 1 / (1 - 0.999);
  let fLo = at(lo);
  if (Math.sign(fLo) === Math.sign(at(hi))) throw new Error("no IRR in range");
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = 0.5 * (lo + hi);
    const f = at(mid);
    if (f === 0) return 1 / mid - 1;
    if (Math.sign(f) === Math.sign(fLo)) {
      lo = mid;
      fLo = f;
    } else hi = mid;
  }
  return 1 / (0.5 * (lo + hi)) - 1;
}

function leaseFlows(rent: number, term: number, capex: number, margin: number, esc: number, tv: number): Float64Array {
  const flows = new Float64Array(term + 1);
  flows[0] = -capex;
  for (let y = 1; y <= term; y++) flows[y] = rent * Math.pow(1 + esc, y - 1) * margin;
  flows[term] += tv;
  return flows;
}

function levered(flows: Float64Array, capex: number, ltc: number, rate: number, tenor: number): Float64Array {
  const drawn = ltc * capex;
  const term = flows.length - 1;
  const payment = drawn === 0 ? 0 : rate === 0 ? drawn / tenor : (drawn * rate) / (1 - Math.pow(1 + rate, -tenor));
  flows[0] += drawn;
  let balance = drawn;
  for (let y = 1; y <= term; y++) {
    const interest = balance * rate;
    let principal = y <= tenor ? Math.min(balance, payment - interest) : 0;
    if (y === term) principal = balance;
    balance -= principal;
    flows[y] -= interest + principal;
  }
  return flows;
}

export function checkLease(a: Args, s: CompiledSet) {
  const rent = inRange("rent", num("rent", a[0]), 0, 100_000);
  const term = whole("term", num("term", a[1]), 1, 50);
  const capex = inRange("capex", num("capex", a[2]), 0.01, 1000);
  const margin = inRange("margin", optNum("margin", a[3], s.scalars.noi_margin), 0, 1);
  const esc = inRange("esc", optNum("esc", a[4], 0), -0.5, 1);
  const tv = inRange("tv", optNum("tv", a[5], 0), 0, 100_000);
  return { rent, term, capex, margin, esc, tv };
}

export const leaseInputs = (r: () => number) => [
  between(r, 0.8, 2),
  10 + Math.floor(r() * 11),
  between(r, 6, 12),
  sometimes(r, between(r, 0.8, 0.95)),
  sometimes(r, between(r, 0, 0.03)),
  sometimes(r, between(r, 0, 8)),
];

function minerArgs(a: Args, s: CompiledSet, offset: number) {
  const op = atLeast("op", num("op", a[offset]), 0);
  const con = atLeast("con", num("con", a[offset + 1]), 0);
  const dev = atLeast("dev", num("dev", a[offset + 2]), 0);
  const pipeline = op + con + dev;
  const contracted = inRange("contracted", num("contracted", a[offset + 3]), 0, pipeline);
  const netDebt = num("net_debt", a[offset + 4]);
  const shares = inRange("shares", num("shares", a[offset + 5]), 1e-6, 1e6);
  const capex = atLeast("capex", optNum("capex", a[offset + 6], 0), 0);
  return { pipeline, contracted, netDebt, shares, capex, s };
}

const minerInputs = (r: () => number) => {
  const op = between(r, 0, 800);
  const con = between(r, 0, 500);
  const dev = between(r, 50, 1500);
  return [op, con, dev, between(r, 0, op + con), between(r, -500, 2000), between(r, 50, 500), sometimes(r, between(r, 0, 3000))];
};

const GAP_SOURCES = ["gas", "fuel_cells", "nuclear", "miners", "storage", "diesel"] as const;
const TECHS = ["gas", "gas_engines", "fuel_cells", "nuclear", "miners", "storage", "diesel"] as const;
type ScalarName = keyof CompiledSet["scalars"];
const CAPEX_NAME = Object.fromEntries(TECHS.map((t) => [t, `solution_capex_${t}_usd_per_kw`])) as Record<string, ScalarName>;
const LEAD_NAME = Object.fromEntries(TECHS.map((t) => [t, `lead_time_${t}_months`])) as Record<string, ScalarName>;
const capexOf = (s: CompiledSet, t: string) => s.scalars[CAPEX_NAME[t]];
function tech(v: unknown): (typeof TECHS)[number] {
  const t = text("source", v);
  if (t === null || !(TECHS as readonly string[]).includes(t)) throw new Error("unknown solution");
  return t as (typeof TECHS)[number];
}

function gpuOp(a: Args, s: CompiledSet, offset: number) {
  const u = above("u", inRange("u", optNum("u", a[offset], s.scalars.gpu_utilisation), 0, 1), 0);
  const kw = inRange("kw", optNum("kw", a[offset + 1], s.scalars.gpu_power_kw), 0, 100);
  const price = inRange("price", optNum("price", a[offset + 2], s.scalars.power_price_usd_per_mwh), 0, 10_000);
  const pue = inRange("pue", optNum("pue", a[offset + 3], s.scalars.pue), 1, 5);
  const opex = inRange("opex", optNum("opex", a[offset + 4], 0), 0, 1e9);
  return { u, running: (kw * pue * HOURS * u * price) / 1000 + opex };
}
const gpuInputs = (r: () => number) => [
  sometimes(r, between(r, 0.5, 1)),
  sometimes(r, between(r, 0.7, 1.5)),
  sometimes(r, between(r, 40, 120)),
  sometimes(r, between(r, 1.1, 1.5)),
  sometimes(r, between(r, 0, 1000)),
];

Object.assign(SCALAR_CASES, {
  LEASE_IRR: {
    inputs: (r) => [[...leaseInputs(r), null]],
    bare: (s) => (a) =>
      inlineIrr(leaseFlows(a[0] as number, a[1] as number, a[2] as number, (a[3] as number | null) ?? s.scalars.noi_margin, (a[4] as number | null) ?? 0, (a[5] as number | null) ?? 0)),
    inline: (s) => (a) => {
      const l = checkLease(a, s);
      return inlineIrr(leaseFlows(l.rent, l.term, l.capex, l.margin, l.esc, l.tv));
    },
  },
  LEASE_EQUITY_IRR: {
    // Rent above the debt service, so the equity flows change sign once (the usual case being timed).
    inputs: (r) => [[between(r, 1.5, 2), ...leaseInputs(r).slice(1), between(r, 0.2, 0.5), sometimes(r, between(r, 0.03, 0.07)), 5 + Math.floor(r() * 6), null]],
    bare: (s) => (a) => {
      const capex = a[2] as number;
      const flows = leaseFlows(a[0] as number, a[1] as number, capex, (a[3] as number | null) ?? s.scalars.noi_margin, (a[4] as number | null) ?? 0, (a[5] as number | null) ?? 0);
      return inlineIrr(levered(flows, capex, (a[6] as number | null) ?? s.scalars.project_ltc, (a[7] as number | null) ?? s.scalars.project_rate, (a[8] as number | null) ?? s.scalars.project_tenor_years));
    },
    inline: (s) => (a) => {
      const l = checkLease(a, s);
      const ltc = inRange("ltc", optNum("ltc", a[6], s.scalars.project_ltc), 0, 1);
      const rate = inRange("rate", optNum("rate", a[7], s.scalars.project_rate), 0, 1);
      const tenor = whole("tenor", optNum("tenor", a[8], s.scalars.project_tenor_years), 1, 50);
      if (ltc === 1) throw new Error("ltc 1");
      return inlineIrr(levered(leaseFlows(l.rent, l.term, l.capex, l.margin, l.esc, l.tv), l.capex, ltc, rate, tenor));
    },
  },
  YIELD_ON_COST: {
    inputs: (r) => [[between(r, 0.5, 3), between(r, 5, 15), sometimes(r, between(r, 0.7, 1)), null]],
    bare: (s) => (a) => ((a[0] as number) * ((a[2] as number | null) ?? s.scalars.noi_margin)) / (a[1] as number),
    inline: (s) => (a) => {
      const rent = inRange("rent", num("rent", a[0]), 0, 100_000);
      const capex = inRange("capex", num("capex", a[1]), 0.01, 1000);
      return (rent * inRange("margin", optNum("margin", a[2], s.scalars.noi_margin), 0, 1)) / capex;
    },
  },
  IMPLIED_P_CONTRACT: {
    inputs: (r) => [[between(r, 1000, 30_000), between(r, 0, 1000), between(r, 1, 2000), sometimes(r, between(r, 8, 17)), sometimes(r, between(r, 1, 5)), sometimes(r, between(r, 0, 2000)), null]],
    bare: (s) => (a) => {
      const vc = (a[3] as number | null) ?? s.scalars.contracted_value_musd_per_mw;
      const vu = (a[4] as number | null) ?? s.scalars.uncontracted_value_musd_per_mw;
      return (((a[0] as number) - ((a[5] as number | null) ?? 0) - (a[1] as number) * vc) / (a[2] as number) - vu) / (vc - vu);
    },
    inline: (s) => (a) => {
      const ev = num("ev", a[0]);
      const c = atLeast("c", num("c", a[1]), 0);
      const u = above("u", num("u", a[2]), 0);
      const vc = atLeast("vc", optNum("vc", a[3], s.scalars.contracted_value_musd_per_mw), 0);
      const vu = atLeast("vu", optNum("vu", a[4], s.scalars.uncontracted_value_musd_per_mw), 0);
      const other = optNum("other", a[5], 0);
      if (vc === vu) throw new Error("equal values");
      return ((ev - other - c * vc) / u - vu) / (vc - vu);
    },
  },
  MINER_VALUE_PER_SHARE: {
    inputs: (r) => [[...minerInputs(r), sometimes(r, r()), sometimes(r, between(r, 8, 17)), sometimes(r, between(r, 1, 5)), null]],
    bare: (s) => (a) => {
      const pipeline = (a[0] as number) + (a[1] as number) + (a[2] as number);
      const p = (a[7] as number | null) ?? s.scalars.p_contract;
      const vc = (a[8] as number | null) ?? s.scalars.contracted_value_musd_per_mw;
      const vu = (a[9] as number | null) ?? s.scalars.uncontracted_value_musd_per_mw;
      const c = a[3] as number;
      return (c * vc + (pipeline - c) * (p * vc + (1 - p) * vu) - ((a[6] as number | null) ?? 0) - (a[4] as number)) / (a[5] as number);
    },
    inline: (s) => (a) => {
      const m = minerArgs(a, s, 0);
      const p = inRange("p", optNum("p", a[7], s.scalars.p_contract), 0, 1);
      const vc = atLeast("vc", optNum("vc", a[8], s.scalars.contracted_value_musd_per_mw), 0);
      const vu = atLeast("vu", optNum("vu", a[9], s.scalars.uncontracted_value_musd_per_mw), 0);
      return (m.contracted * vc + (m.pipeline - m.contracted) * (p * vc + (1 - p) * vu) - m.capex - m.netDebt) / m.shares;
    },
  },
  MINER_IMPLIED_P_CONTRACT: {
    inputs: (r) => [[between(r, 1, 100), ...minerInputs(r), sometimes(r, between(r, 8, 17)), sometimes(r, between(r, 1, 5)), null]],
    bare: (s) => (a) => {
      const pipeline = (a[1] as number) + (a[2] as number) + (a[3] as number);
      const vc = (a[8] as number | null) ?? s.scalars.contracted_value_musd_per_mw;
      const vu = (a[9] as number | null) ?? s.scalars.uncontracted_value_musd_per_mw;
      const c = a[4] as number;
      const ev = (a[0] as number) * (a[6] as number) + (a[5] as number) + ((a[7] as number | null) ?? 0);
      return ((ev - c * vc) / (pipeline - c) - vu) / (vc - vu);
    },
    inline: (s) => (a) => {
      const m = minerArgs(a, s, 1);
      const price = num("price", a[0]);
      const vc = atLeast("vc", optNum("vc", a[8], s.scalars.contracted_value_musd_per_mw), 0);
      const vu = atLeast("vu", optNum("vu", a[9], s.scalars.uncontracted_value_musd_per_mw), 0);
      const u = m.pipeline - m.contracted;
      if (u === 0 || vc === vu) throw new Error("no implied p");
      return ((price * m.shares + m.netDebt + m.capex - m.contracted * vc) / u - vu) / (vc - vu);
    },
  },
  POWER_SOLUTION_COST: {
    inputs: (r) => [[pick(r, TECHS), between(r, 0, 50), sometimes(r, between(r, 500, 4000)), null]],
    bare: (s) => (a) => ((a[1] as number) * ((a[2] as number | null) ?? capexOf(s, a[0] as string))) / 1000,
    inline: (s) => (a) => {
      const t = tech(a[0]);
      const gw = inRange("gw", num("gw", a[1]), 0, 100_000);
      return (gw * inRange("capex", optNum("capex", a[2], capexOf(s, t)), 0, 100_000)) / 1000;
    },
  },
  POWER_GAP_COST: {
    inputs: (r, s) => [[yearOf(r, s), sometimes(r, pick(r, GAP_SOURCES)), null]],
    bare: (s) => (a) => {
      const i = (a[0] as number) - s.baseYear;
      if (a[1] !== null) return (s.supplyGw[a[1] as (typeof GAP_SOURCES)[number]][i] * capexOf(s, a[1] as string)) / 1000;
      let total = 0;
      for (const g of GAP_SOURCES) total += s.supplyGw[g][i] * capexOf(s, g);
      return total / 1000;
    },
    inline: (s) => (a) => {
      const i = yearIndex(s, a[0]);
      const src = text("source", a[1]);
      if (src !== null) {
        if (!(GAP_SOURCES as readonly string[]).includes(src)) throw new Error("unknown solution");
        return (s.supplyGw[src as (typeof GAP_SOURCES)[number]][i] * capexOf(s, src)) / 1000;
      }
      let total = 0;
      for (const g of GAP_SOURCES) total += s.supplyGw[g][i] * capexOf(s, g);
      return total / 1000;
    },
  },
  TIME_TO_POWER_MONTHS: {
    inputs: (r) => [[pick(r, TECHS), null]],
    bare: (s) => (a) => s.scalars[LEAD_NAME[a[0] as string]],
    inline: (s) => (a) => s.scalars[LEAD_NAME[tech(a[0])]],
  },
  GPU_PAYBACK_YEARS: {
    inputs: (r) => [[between(r, 15_000, 40_000), sometimes(r, between(r, 1.5, 4)), ...gpuInputs(r), null]],
    bare: (s) => (a) => {
      const u = (a[2] as number | null) ?? s.scalars.gpu_utilisation;
      const kw = (a[3] as number | null) ?? s.scalars.gpu_power_kw;
      const price = (a[4] as number | null) ?? s.scalars.power_price_usd_per_mwh;
      const pue = (a[5] as number | null) ?? s.scalars.pue;
      const rent = (a[1] as number | null) ?? s.scalars.gpu_rent_h100_usd_per_hour;
      return (a[0] as number) / (rent * HOURS * u - (kw * pue * HOURS * u * price) / 1000 - ((a[6] as number | null) ?? 0));
    },
    inline: (s) => (a) => {
      const capex = inRange("capex", num("capex", a[0]), 0, 1e9);
      const rent = inRange("rent", optNum("rent", a[1], s.scalars.gpu_rent_h100_usd_per_hour), 0, 10_000);
      const o = gpuOp(a, s, 2);
      const margin = rent * HOURS * o.u - o.running;
      if (!(margin > 0)) throw new Error("never pays back");
      return capex / margin;
    },
  },
  GPU_BREAKEVEN_RENT: {
    inputs: (r) => [[between(r, 15_000, 40_000), between(r, 2, 7), ...gpuInputs(r), sometimes(r, between(r, 0, 0.15)), null]],
    bare: (s) => (a) => {
      const u = (a[2] as number | null) ?? s.scalars.gpu_utilisation;
      const kw = (a[3] as number | null) ?? s.scalars.gpu_power_kw;
      const price = (a[4] as number | null) ?? s.scalars.power_price_usd_per_mwh;
      const pue = (a[5] as number | null) ?? s.scalars.pue;
      const rate = (a[7] as number | null) ?? 0;
      const running = (kw * pue * HOURS * u * price) / 1000 + ((a[6] as number | null) ?? 0);
      return ((a[0] as number) / annuity(rate, a[1] as number) + running) / (HOURS * u);
    },
    inline: (s) => (a) => {
      const capex = inRange("capex", num("capex", a[0]), 0, 1e9);
      const life = inRange("life", num("life", a[1]), 0.25, 50);
      const o = gpuOp(a, s, 2);
      const rate = inRange("rate", optNum("rate", a[7], 0), 0, 1);
      return (capex / annuity(rate, life) + o.running) / (HOURS * o.u);
    },
  },
  BUILDOUT_DEBT: {
    inputs: (r, s) => {
      const a = yearOf(r, s);
      const b = yearOf(r, s);
      return [[Math.min(a, b), Math.max(a, b), pick(r, [true, false, null]), null]];
    },
    bare: (s) => {
      let debt = 0;
      s.fundingMix.forEach(([, share], k) => {
        if (s.fundingClasses[k] === "debt") debt += share;
      });
      return (a) => (a[2] ? debt : (s.demandGw[(a[1] as number) - s.baseYear] - s.demandGw[(a[0] as number) - s.baseYear - 1]) * s.scalars.capex_musd_per_mw * debt);
    },
    inline: (s) => (a) => {
      const i0 = yearIndex(s, a[0]);
      const i1 = yearIndex(s, a[1]);
      if (i0 === 0 || i0 > i1) throw new Error("years");
      const asShare = a[2];
      if (asShare !== null && typeof asShare !== "boolean") throw new Error("as_share must be TRUE or FALSE");
      let debt = 0;
      for (let k = 0; k < s.fundingMix.length; k++) {
        const c = s.fundingClasses[k];
        if (c === null) throw new Error("unclassed source");
        if (c === "debt") debt += s.fundingMix[k][1];
      }
      return asShare ? debt : (s.demandGw[i1] - s.demandGw[i0 - 1]) * s.scalars.capex_musd_per_mw * debt;
    },
  },
} satisfies Record<string, ScalarCase>);
