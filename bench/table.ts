/**
 * Baselines for the functions that spill a table or return text, as
 * bench/scalar.ts has them for numbers: per function, argument tuples as Excel
 * passes them, a bare baseline (the table or text built with no checks) and an
 * inline one (the same table built by hand in one function, with the same
 * argument checks, reading the set's figures directly). Each baseline is
 * checked to return the wrapper's exact table (same shape, same text, the same
 * numbers to the last bit) on every input before it is timed.
 *
 * SCENARIO, SENSITIVITY and COMPARE have no baseline here (NO_BASELINE says why):
 * the what-if keys measure them against the direct calls a sheet would make.
 */
import { store } from "../src/functions/store";
import { PARAMETERS, solutionCapexKey } from "../src/model/catalogue";
import { DEPRECIATION_FLEET_HEADER } from "../src/model/fleet";
import { fundingPlanHeader } from "../src/model/funding";
import { POWER_BALANCE_HEADER } from "../src/model/power";
import { GAP_SOLUTIONS, POWER_GAP_COST_HEADER } from "../src/model/power-cost";
import { LEASE_CASHFLOWS_HEADER } from "../src/model/returns";
import type { CompiledSet } from "../src/model/compiled-set";
import type { Source } from "../src/model/schema";
import {
  between,
  checkLease,
  inRange,
  leaseInputs,
  num,
  optNum,
  pick,
  sometimes,
  text,
  whole,
  yearIndex,
  yearOf,
  type Args,
} from "./scalar";

export type Cell = number | string;

export interface TableCase {
  result: "table";
  inputs(rand: () => number, set: CompiledSet): Args[];
  bare(set: CompiledSet): (a: Args) => Cell[][];
  inline(set: CompiledSet): (a: Args) => Cell[][];
}

export interface TextCase {
  result: "text";
  inputs(rand: () => number, set: CompiledSet): Args[];
  bare(set: CompiledSet): (a: Args) => string;
  inline(set: CompiledSet): (a: Args) => string;
}

/** Functions measured elsewhere, or with no fair hand-written equivalent, and why. */
export const NO_BASELINE: Record<string, string> = {
  SCENARIO:
    "no fair inline baseline: its work is checking the overrides by deriving and validating the set (schema rules for every parameter), which scenario_handle_vs_id and what_if.derive_ms_per_handle measure",
  SENSITIVITY: "measured by sensitivity_vs_calls (one SENSITIVITY table ÷ the SCENARIO and function cells a sheet would need for it)",
  COMPARE: "measured with the what-if keys: each row is one call of the function named under a scenario handle (scenario_handle_vs_id)",
};

// Headers and the solutions' order from the model: the baselines are checked cell for cell
// against the wrappers, and a copy here would only be one more place to edit for a new column.
const GAP_CAPEX_KEYS = GAP_SOLUTIONS.map((g) => solutionCapexKey(g) as keyof CompiledSet["scalars"]);

function fraction(name: string, v: number): number {
  return inRange(name, v, 0, 1);
}

/** Two years of the path in order (each the year after the base year or later). */
function yearPair(r: () => number, s: CompiledSet): [number, number] {
  const a = yearOf(r, s);
  const b = yearOf(r, s);
  return [Math.min(a, b), Math.max(a, b)];
}

function balanceRows(s: CompiledSet, i0: number, i1: number): Cell[][] {
  const rows: Cell[][] = [POWER_BALANCE_HEADER.slice()];
  const g = s.supplyGw;
  for (let i = i0; i <= i1; i++) {
    rows.push([
      s.baseYear + i,
      s.demandGw[i],
      g.grid[i],
      g.construction[i],
      g.gas[i],
      g.fuel_cells[i],
      g.nuclear[i],
      g.miners[i],
      g.storage[i],
      g.diesel[i],
      s.gapGw[i],
      s.gapAfterSolutionsGw[i],
    ]);
  }
  return rows;
}

/** The funding plan's rows from index i0 to i1 (header names built once per set). */
function fundingRows(s: CompiledSet, header: readonly string[], i0: number, i1: number): Cell[][] {
  const capex = s.scalars.capex_musd_per_mw;
  const mix = s.fundingMix;
  const n = mix.length;
  const debt = s.fundingSplit.debt;
  const equity = s.fundingSplit.equity;
  const rows: Cell[][] = [header.slice()];
  const partSums = new Array<number>(n).fill(0);
  let gwSum = 0;
  let totalSum = 0;
  for (let i = i0; i <= i1; i++) {
    const gw = s.demandGw[i] - s.demandGw[i - 1];
    const total = gw * capex;
    const row: Cell[] = [s.baseYear + i, gw, capex, total];
    for (let k = 0; k < n; k++) {
      const part = total * mix[k][1];
      partSums[k] += part;
      row.push(part);
    }
    row.push(total * debt, total * equity);
    rows.push(row);
    gwSum += gw;
    totalSum += total;
  }
  const last: Cell[] = ["total", gwSum, gwSum === 0 ? capex : totalSum / gwSum, totalSum];
  for (let k = 0; k < n; k++) last.push(partSums[k]);
  last.push(totalSum * debt, totalSum * equity);
  rows.push(last);
  return rows;
}

/** The lease's table: year 0 (the build) to the term, the loan's schedule alongside. */
function leaseRows(rent: number, term: number, capex: number, margin: number, esc: number, tv: number, ltc: number, rate: number, tenor: number): Cell[][] {
  const drawn = ltc * capex;
  const payment = drawn === 0 ? 0 : rate === 0 ? drawn / tenor : (drawn * rate) / (1 - Math.pow(1 + rate, -tenor));
  const rows: Cell[][] = [LEASE_CASHFLOWS_HEADER.slice(), [0, 0, 0, drawn, 0, 0, 0, drawn, -capex, -capex + drawn]];
  let balance = drawn;
  for (let y = 1; y <= term; y++) {
    const rentY = rent * Math.pow(1 + esc, y - 1);
    const noi = rentY * margin;
    const interest = balance * rate;
    let principal = y <= tenor ? Math.min(balance, payment - interest) : 0;
    if (y === term) principal = balance;
    balance -= principal;
    if (Math.abs(balance) < 1e-12 * drawn) balance = 0;
    const service = interest + principal;
    const unlevered = y === term ? noi + tv : noi;
    rows.push([y, rentY, noi, 0, interest, principal, service, balance, unlevered, unlevered - service]);
  }
  return rows;
}

function gapCostRows(s: CompiledSet, i: number): Cell[][] {
  const rows: Cell[][] = [POWER_GAP_COST_HEADER.slice()];
  let totalGw = 0;
  let total = 0;
  for (let k = 0; k < GAP_SOLUTIONS.length; k++) {
    const source = GAP_SOLUTIONS[k];
    const gw = s.supplyGw[source][i];
    const capex = s.scalars[GAP_CAPEX_KEYS[k]];
    rows.push([source, gw, capex, (gw * capex) / 1000]);
    totalGw += gw;
    total += gw * capex;
  }
  rows.push(["total", totalGw, totalGw > 0 ? total / totalGw : "", total / 1000]);
  return rows;
}

/** Straight-line charge of a vintage in its `age`-th year (the last year takes the fraction left). */
const charge = (capex: number, life: number, age: number) => (capex / life) * Math.min(1, Math.max(0, life - (age - 1)));

function fleetRows(capex: readonly number[], book: number, economic: number, firstYear: number): Cell[][] {
  const n = capex.length;
  const years = n + Math.ceil(Math.max(book, economic)) - 1;
  const rows: Cell[][] = [DEPRECIATION_FLEET_HEADER.slice()];
  for (let t = 1; t <= years; t++) {
    let b = 0;
    let e = 0;
    for (let v = 1; v <= Math.min(t, n); v++) {
      b += charge(capex[v - 1], book, t - v + 1);
      e += charge(capex[v - 1], economic, t - v + 1);
    }
    rows.push([firstYear + t - 1, t <= n ? capex[t - 1] : 0, b, e, e - b]);
  }
  return rows;
}

/** A row or column of numbers, blanks as 0, at most 1,000 cells (what a careful function accepts). */
function capexList(v: unknown): number[] {
  if (!Array.isArray(v)) return [num("capex_by_year", v)];
  const rows = v.length;
  const cols = rows > 0 && Array.isArray(v[0]) ? (v[0] as unknown[]).length : 0;
  if (rows === 0 || cols === 0 || (rows > 1 && cols > 1) || rows * cols > 1000) throw new Error("capex_by_year shape");
  const out: number[] = [];
  for (const row of v as unknown[][]) {
    if (!Array.isArray(row)) throw new Error("capex_by_year shape");
    for (const cell of row) out.push(cell === null || cell === undefined || cell === "" ? 0 : num("capex_by_year", cell));
  }
  return out;
}

function citation(sources: readonly Source[]): string {
  let out = "";
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k];
    if (k > 0) out += "; ";
    out += `${s.publisher}, ${s.title} (${s.date}${s.via ? `, via ${s.via}` : ""})`;
  }
  return out;
}

const PARAMETER_NAMES = Object.keys(PARAMETERS);

export const TABLE_CASES: Record<string, TableCase> = {
  POWER_BALANCE: {
    result: "table",
    inputs: (r, s) => {
      const [from, to] = yearPair(r, s);
      return [[sometimes(r, from), sometimes(r, to), null]];
    },
    bare: (s) => (a) => balanceRows(s, ((a[0] as number | null) ?? s.baseYear + 1) - s.baseYear, ((a[1] as number | null) ?? s.lastYear) - s.baseYear),
    inline: (s) => (a) => {
      const i0 = yearIndex(s, optNum("from_year", a[0], s.baseYear + 1));
      const i1 = yearIndex(s, optNum("to_year", a[1], s.lastYear));
      if (i0 > i1) throw new Error("from_year after to_year");
      return balanceRows(s, i0, i1);
    },
  },
  FUNDING_PLAN: {
    result: "table",
    inputs: (r, s) => {
      const [from, to] = yearPair(r, s);
      return [[sometimes(r, from), sometimes(r, to), null]];
    },
    bare: (s) => {
      const header = fundingPlanHeader(s);
      return (a) => {
        const to = (a[1] as number | null) ?? s.lastYear;
        const from = (a[0] as number | null) ?? Math.max(s.baseYear + 1, Math.min(to, s.lastYear) - 4);
        return fundingRows(s, header, from - s.baseYear, to - s.baseYear);
      };
    },
    inline: (s) => {
      const header = fundingPlanHeader(s);
      return (a) => {
        const to = optNum("to_year", a[1], s.lastYear);
        const from = a[0] === null ? Math.max(s.baseYear + 1, Math.min(to, s.lastYear) - 4) : num("from_year", a[0]);
        const i0 = yearIndex(s, from);
        const i1 = yearIndex(s, to);
        if (i0 === 0) throw new Error("from_year is the base year");
        if (i0 > i1) throw new Error("from_year after to_year");
        return fundingRows(s, header, i0, i1);
      };
    },
  },
  LEASE_CASHFLOWS: {
    result: "table",
    inputs: (r) => [[...leaseInputs(r), sometimes(r, between(r, 0, 0.7)), sometimes(r, between(r, 0.03, 0.08)), sometimes(r, 5 + Math.floor(r() * 20)), null]],
    bare: (s) => (a) =>
      leaseRows(
        a[0] as number,
        a[1] as number,
        a[2] as number,
        (a[3] as number | null) ?? s.scalars.noi_margin,
        (a[4] as number | null) ?? 0,
        (a[5] as number | null) ?? 0,
        (a[6] as number | null) ?? s.scalars.project_ltc,
        (a[7] as number | null) ?? s.scalars.project_rate,
        (a[8] as number | null) ?? s.scalars.project_tenor_years,
      ),
    inline: (s) => (a) => {
      const l = checkLease(a, s);
      const ltc = fraction("ltc", optNum("ltc", a[6], s.scalars.project_ltc));
      const rate = fraction("rate", optNum("rate", a[7], s.scalars.project_rate));
      const tenor = whole("tenor_years", optNum("tenor_years", a[8], s.scalars.project_tenor_years), 1, 50);
      return leaseRows(l.rent, l.term, l.capex, l.margin, l.esc, l.tv, ltc, rate, tenor);
    },
  },
  POWER_GAP_COST_TABLE: {
    result: "table",
    inputs: (r, s) => [[yearOf(r, s), null]],
    bare: (s) => (a) => gapCostRows(s, (a[0] as number) - s.baseYear),
    inline: (s) => (a) => gapCostRows(s, yearIndex(s, a[0])),
  },
  DEPRECIATION_GAP_FLEET: {
    result: "table",
    inputs: (r) => {
      const years = 1 + Math.floor(r() * 8);
      const cells = Array.from({ length: years }, () => (r() < 0.1 ? null : between(r, 0, 5000)));
      const range = r() < 0.5 ? cells.map((c) => [c]) : [cells];
      return [[range, between(r, 3, 8), between(r, 1, 6), sometimes(r, 2020 + Math.floor(r() * 10))]];
    },
    bare: () => (a) => fleetRows((a[0] as (number | null)[][]).flat().map((c) => c ?? 0), a[1] as number, a[2] as number, (a[3] as number | null) ?? 1),
    inline: () => (a) => {
      const capex = capexList(a[0]);
      if (capex.length > 50) throw new Error("at most 50 years");
      for (const c of capex) inRange("capex_by_year", c, 0, 1e12);
      const book = inRange("book_life_years", num("book_life_years", a[1]), 0.25, 50);
      const economic = inRange("economic_life_years", num("economic_life_years", a[2]), 0.25, 50);
      const firstYear = whole("first_year", optNum("first_year", a[3], 1), -10_000, 10_000);
      return fleetRows(capex, book, economic, firstYear);
    },
  },
};

export const TEXT_CASES: Record<string, TextCase> = {
  ASSUMPTION_SOURCE: {
    result: "text",
    inputs: (r, s) => [[r() < 0.85 ? pick(r, PARAMETER_NAMES) : `funding_mix.${pick(r, s.fundingMix.map(([n]) => n))}`, null]],
    bare: (s) => (a) => citation(s.doc.parameters[(a[0] as string).split(".", 1)[0] as keyof typeof PARAMETERS].sources),
    inline: (s) => (a) => {
      const name = text("name", a[0]);
      if (name === null) throw new Error("name is required");
      const dot = name.indexOf(".");
      const key = dot < 0 ? name : name.slice(0, dot);
      if (!Object.hasOwn(PARAMETERS, key)) throw new Error("not a parameter");
      if (dot >= 0) {
        if (key !== "funding_mix") throw new Error("only funding_mix takes a source");
        const source = name.slice(dot + 1);
        if (!s.fundingMix.some(([n]) => n === source)) throw new Error("not in the mix");
      }
      return citation(s.doc.parameters[key as keyof typeof PARAMETERS].sources);
    },
  },
  // Which set is active is the function's whole answer, and it lives in the store (it changes when
  // the workbook applies a set): both baselines read it there, not from the set they were given.
  ACTIVE_SCENARIO: {
    result: "text",
    inputs: () => [[]],
    bare: () => () => (store.active as CompiledSet).id,
    inline: () => () => {
      const active = store.active;
      if (active === null) throw new Error("the workbook's set is not loaded");
      return active.id;
    },
  },
};
