/**
 * Returns on a hosting lease, per IT MW: the cash flows a year (year 0 = the
 * build), the unlevered and equity IRR, and the yield on cost. Money in USD m
 * per MW; rates as decimals; end-of-year flows, as Excel's IRR and NPV read them.
 */
import { between, fraction, unreachable, wholeNumber } from "./checks";
import { notAvailable } from "./errors";
import { finiteTable, type TableCell } from "./table";

/** Longest lease term the functions accept, years. */
export const MAX_LEASE_TERM_YEARS = 50;

export interface LeaseTerms {
  rentMusdPerMwYear: number;
  termYears: number;
  capexMusdPerMw: number;
  noiMargin: number;
  /** Annual rent escalator, a decimal (0.03 = +3% a year from year 2). */
  escalator: number;
  terminalValueMusdPerMw: number;
}

export interface DebtTerms {
  ltc: number;
  rate: number;
  tenorYears: number;
}

function checkLease(t: LeaseTerms): void {
  between("rent_musd_per_mw_year", t.rentMusdPerMwYear, 0, 100_000, " USD m per MW-year");
  wholeNumber("term_years", t.termYears, 1, MAX_LEASE_TERM_YEARS);
  between("capex_musd_per_mw", t.capexMusdPerMw, 0.01, 1000, " USD m per MW");
  fraction("noi_margin", t.noiMargin);
  between("escalator", t.escalator, -0.5, 1, " as a decimal a year");
  between("terminal_value_musd_per_mw", t.terminalValueMusdPerMw, 0, 100_000, " USD m per MW");
}

function checkDebt(d: DebtTerms): void {
  fraction("ltc", d.ltc);
  fraction("rate", d.rate);
  wholeNumber("tenor_years", d.tenorYears, 1, 50);
}

/** NOI in year t (1-based): rent × (1 + escalator)^(t − 1) × margin. */
function noiAt(t: LeaseTerms, year: number): number {
  return t.rentMusdPerMwYear * Math.pow(1 + t.escalator, year - 1) * t.noiMargin;
}

/** Level annual payment that repays `principal` at `rate` over `years` (rate 0: straight repayment). */
export function levelPayment(principal: number, rate: number, years: number): number {
  if (rate === 0) return principal / years;
  return (principal * rate) / (1 - Math.pow(1 + rate, -years));
}

/** Unlevered flows, year 0 … term: −capex, then NOI, plus the terminal value at the term. */
function unleveredFlows(t: LeaseTerms, out: Float64Array): Float64Array {
  out[0] = -t.capexMusdPerMw;
  for (let y = 1; y <= t.termYears; y++) out[y] = noiAt(t, y);
  out[t.termYears] += t.terminalValueMusdPerMw;
  return out;
}

/** Level payment of the loan: ltc × capex drawn at year 0, repaid over the tenor (0 when nothing is drawn). */
function loanPayment(drawn: number, d: DebtTerms): number {
  return drawn === 0 ? 0 : levelPayment(drawn, d.rate, d.tenorYears);
}

/**
 * Principal repaid in year `y`: the level payment less interest over the
 * tenor, nothing after it, and whatever is left when the lease ends.
 */
function principalAt(y: number, termYears: number, d: DebtTerms, balance: number, payment: number, interest: number): number {
  if (y === termYears) return balance; // the lease ends: repay what is left
  return y <= d.tenorYears ? Math.min(balance, payment - interest) : 0;
}

/** The balance after a repayment, rounding noise of the level payments cleared. */
function settled(balance: number, drawn: number): number {
  return Math.abs(balance) < 1e-12 * drawn ? 0 : balance;
}

function equityFlows(t: LeaseTerms, d: DebtTerms): Float64Array {
  const flows = unleveredFlows(t, new Float64Array(t.termYears + 1));
  const drawn = d.ltc * t.capexMusdPerMw;
  const payment = loanPayment(drawn, d);
  flows[0] += drawn;
  let balance = drawn;
  for (let y = 1; y <= t.termYears; y++) {
    const interest = balance * d.rate;
    const principal = principalAt(y, t.termYears, d, balance, payment, interest);
    balance = settled(balance - principal, drawn);
    flows[y] -= interest + principal;
  }
  return flows;
}

export const LEASE_CASHFLOWS_HEADER = [
  "year",
  "rent",
  "noi",
  "debt_drawn",
  "interest",
  "principal",
  "debt_service",
  "debt_balance",
  "unlevered_cf",
  "equity_cf",
] as const;

/** Header, then one row a year from 0 (the build) to the term, USD m per MW. */
export function leaseCashflows(t: LeaseTerms, d: DebtTerms): TableCell[][] {
  checkLease(t);
  checkDebt(d);
  const drawn = d.ltc * t.capexMusdPerMw;
  const payment = loanPayment(drawn, d);
  // Year 0: the build (capex out, the loan drawn); then one row a year, the loan's schedule alongside.
  const rows: TableCell[][] = [LEASE_CASHFLOWS_HEADER.slice(), [0, 0, 0, drawn, 0, 0, 0, drawn, -t.capexMusdPerMw, -t.capexMusdPerMw + drawn]];
  let balance = drawn;
  let sum = drawn - t.capexMusdPerMw; // every number written, for finiteTable
  for (let y = 1; y <= t.termYears; y++) {
    const rent = t.rentMusdPerMwYear * Math.pow(1 + t.escalator, y - 1);
    const noi = rent * t.noiMargin; // noiAt(t, y), the power computed once
    const interest = balance * d.rate;
    const principal = principalAt(y, t.termYears, d, balance, payment, interest);
    balance = settled(balance - principal, drawn);
    const service = interest + principal;
    const unlevered = y === t.termYears ? noi + t.terminalValueMusdPerMw : noi;
    rows.push([y, rent, noi, 0, interest, principal, service, balance, unlevered, unlevered - service]);
    sum += rent + noi + interest + principal + service + balance + unlevered + (unlevered - service);
  }
  return finiteTable(rows, sum);
}

// ───────────────────────────── IRR ─────────────────────────────

/** Sign changes in a sequence, zeros skipped (Descartes' bound on the number of IRRs). */
function signChanges(flows: ArrayLike<number>): number {
  let changes = 0;
  let last = 0;
  for (let i = 0; i < flows.length; i++) {
    const s = Math.sign(flows[i]);
    if (s === 0) continue;
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}

/** NPV as a polynomial in v = 1 ÷ (1 + r): Σ flow_t × v^t (Horner). */
function npvAtV(flows: ArrayLike<number>, v: number): number {
  let acc = 0;
  for (let i = flows.length - 1; i >= 0; i--) acc = acc * v + flows[i];
  return acc;
}

/** Root of npvAtV in [lo, hi] where it changes sign (bisection on v; converges to full precision). */
function bisect(flows: ArrayLike<number>, lo: number, hi: number): number {
  let fLo = npvAtV(flows, lo);
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = 0.5 * (lo + hi);
    const fMid = npvAtV(flows, mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** IRRs are searched between −99.9% and 1,000,000% a year (v up to 1,000 keeps v^50 × flows finite). */
const V_MIN = 1 / (1 + 10_000);
const V_MAX = 1 / (1 - 0.999);
/** Grid over v for flows with several sign changes, log-spaced. */
const SCAN_POINTS = 4000;

/**
 * The internal rate of return of end-of-year flows (index = year), as a
 * decimal. Exactly one IRR in (−99%, 1,000,000%) or a #N/A saying why: the
 * flows never change sign (no IRR), or the NPV crosses zero more than once
 * (several IRRs; IRR alone cannot rank this investment).
 */
export function irr(flows: ArrayLike<number>, what: string): number {
  const changes = signChanges(flows);
  if (changes === 0) {
    throw notAvailable(`${what} has no IRR: its cash flows never change sign (every year is an inflow, or every year an outflow)`);
  }
  if (changes === 1) {
    // One sign change: NPV is monotonic in v, so at most one root (Descartes).
    const fLo = npvAtV(flows, V_MIN);
    const fHi = npvAtV(flows, V_MAX);
    if (Math.sign(fLo) === Math.sign(fHi)) throw noRootInRange(what, fLo);
    return 1 / bisect(flows, V_MIN, V_MAX) - 1;
  }
  // Several sign changes: find every crossing on a fine grid; accept only one.
  const roots: number[] = [];
  const ratio = Math.pow(V_MAX / V_MIN, 1 / SCAN_POINTS);
  let vPrev = V_MIN;
  let fPrev = npvAtV(flows, vPrev);
  for (let k = 1; k <= SCAN_POINTS && roots.length < 2; k++) {
    const v = k === SCAN_POINTS ? V_MAX : vPrev * ratio;
    const f = npvAtV(flows, v);
    if (f === 0) {
      // An exact root on the grid: record it, and compare what follows with the value just past it.
      roots.push(v);
      fPrev = npvAtV(flows, v * (1 + 1e-9));
    } else {
      if (Math.sign(f) !== Math.sign(fPrev) && fPrev !== 0) roots.push(bisect(flows, vPrev, v));
      fPrev = f;
    }
    vPrev = v;
  }
  if (roots.length === 0) throw noRootInRange(what, fPrev);
  if (roots.length > 1) {
    const shown = roots.map((v) => `${round4((1 / v - 1) * 100)}%`).join(" and ");
    throw notAvailable(
      `${what} has several IRRs (at least ${shown}): its cash flows change sign ${changes} times, so no single IRR describes them; use NPV at a chosen rate`,
    );
  }
  return 1 / roots[0] - 1;
}

function noRootInRange(what: string, npvSign: number): Error {
  const side = npvSign < 0 ? "its NPV is below 0 at every rate" : "its NPV is above 0 at every rate";
  return notAvailable(`${what} has no IRR between −99.9% and 1,000,000% a year: ${side}`);
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Unlevered IRR: −capex, then NOI for t = 1…term, plus the terminal value at the term. */
export function leaseIrr(t: LeaseTerms): number {
  checkLease(t);
  return irr(unleveredFlows(t, new Float64Array(t.termYears + 1)), "this lease");
}

/** Equity IRR: the unlevered flows plus the loan drawn at year 0, less its service (the balance repaid at the term). */
export function leaseEquityIrr(t: LeaseTerms, d: DebtTerms): number {
  checkLease(t);
  checkDebt(d);
  if (d.ltc === 1) throw notAvailable("with ltc 1 the equity puts in nothing at year 0, so the lease has no equity IRR; use an ltc below 1");
  return irr(equityFlows(t, d), "the equity of this lease");
}

/** First-year NOI ÷ capex: rent × margin ÷ capex. */
export function yieldOnCost(rentMusdPerMwYear: number, capexMusdPerMw: number, noiMargin: number): number {
  if (!(rentMusdPerMwYear >= 0 && rentMusdPerMwYear <= 100_000 && capexMusdPerMw >= 0.01 && capexMusdPerMw <= 1000 && noiMargin >= 0 && noiMargin <= 1)) {
    between("rent_musd_per_mw_year", rentMusdPerMwYear, 0, 100_000, " USD m per MW-year");
    between("capex_musd_per_mw", capexMusdPerMw, 0.01, 1000, " USD m per MW");
    fraction("noi_margin", noiMargin);
    throw unreachable();
  }
  return (rentMusdPerMwYear * noiMargin) / capexMusdPerMw;
}
