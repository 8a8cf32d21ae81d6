/**
 * Leverage and funding: what the build-out costs (USD bn for macro totals)
 * and who pays, plus the debt one project can carry (USD m).
 */
import { above, atLeast, between, fraction, unreachable, wholeNumber, yearIndex } from "./checks";
import type { CompiledSet } from "./compiled-set";
import { invalidValue, notAvailable, quoteGiven } from "./errors";
import { annuityFactor } from "./finance";
import { finiteTable, type TableCell } from "./table";

/** Share of the set's funding mix that `source` provides; #N/A naming the set's list otherwise. */
export function fundingShare(set: CompiledSet, source: string): number {
  const wanted = source.trim().toLowerCase();
  for (const [name, share] of set.fundingMix) if (name === wanted) return share;
  throw notAvailable(
    `source ${quoteGiven(source)} is not in the funding mix of set "${set.id}"; use one of ${set.fundingMix.map(([n]) => n).join(", ")}`,
  );
}

/**
 * USD bn to build `capacityGw`: GW × 1,000 MW/GW × USD m per MW ÷ 1,000 = GW × capex
 * (numerically). With `source`, only that source's share.
 */
export function aidcFunding(
  set: CompiledSet,
  capacityGw: number,
  capexMusdPerMw: number | null,
  source: string | null,
): number {
  const capex = capexMusdPerMw ?? set.scalars.capex_musd_per_mw;
  // A capex given is checked; the set's own was checked when the set was read.
  const valid = capacityGw >= 0 && (capexMusdPerMw === null || (capex >= 0.01 && capex <= 1000));
  const total = valid ? capacityGw * capex : aidcFundingRefused(capacityGw, capex);
  return source === null ? total : total * fundingShare(set, source);
}

function aidcFundingRefused(capacityGw: number, capex: number): never {
  atLeast("capacity_gw", capacityGw, 0, " GW");
  between("capex_musd_per_mw", capex, 0.01, 1000, " USD m per MW");
  throw unreachable();
}

const headers = new WeakMap<CompiledSet, readonly string[]>();

/** FUNDING_PLAN's header row (a fresh copy; the names are built once per set). */
export function fundingPlanHeader(set: CompiledSet): string[] {
  let header = headers.get(set);
  if (header === undefined) {
    // debt and equity come last: workbooks index into the columns before them.
    header = ["year", "gw_added", "capex_musd_per_mw", "total_usd_bn", ...set.fundingMix.map(([s]) => `${s}_usd_bn`), "debt_total_usd_bn", "equity_total_usd_bn"];
    headers.set(set, header);
  }
  return header.slice();
}

/** Years FUNDING_PLAN covers by default: the call's five-year window (2026–30 in the bundled sets). */
export const FUNDING_WINDOW_YEARS = 5;

/**
 * One row a year: GW added (the increase of the same demand path the power
 * functions use), capex per MW, total USD bn and each source's part; then a
 * total row whose capex is the GW-weighted average. By default the five years
 * to the path's last year (or to `toYear`), never before the first path year.
 */
export function fundingPlan(set: CompiledSet, fromYear: number | null, toYear: number | null): TableCell[][] {
  const to = toYear ?? set.lastYear;
  const from = fromYear ?? Math.max(set.baseYear + 1, Math.min(to, set.lastYear) - (FUNDING_WINDOW_YEARS - 1));
  const i0 = yearIndex(set, "from_year", from);
  const i1 = yearIndex(set, "to_year", to);
  if (i0 === 0) {
    throw notAvailable(`from_year ${from} is the base year of set "${set.id}"; funding starts in ${set.baseYear + 1}`);
  }
  if (i0 > i1) throw invalidValue(`from_year ${from} must not be after to_year ${to}`);
  const capex = set.scalars.capex_musd_per_mw;
  const mix = set.fundingMix;
  const { debt, equity } = set.fundingSplit; // sources the set does not class count in neither column
  const rows: TableCell[][] = [fundingPlanHeader(set)];
  let gwSum = 0;
  let totalSum = 0;
  let sum = capex; // every number written, for finiteTable
  // Plain loops (no per-row arrays of parts): this runs on every recalculation of the spill.
  const partSums = new Array<number>(mix.length).fill(0);
  for (let i = i0; i <= i1; i++) {
    const gw = set.demandGw[i] - set.demandGw[i - 1];
    const total = gw * capex;
    const row: TableCell[] = [set.baseYear + i, gw, capex, total];
    for (let k = 0; k < mix.length; k++) {
      const part = total * mix[k][1];
      partSums[k] += part;
      row.push(part);
      sum += part;
    }
    row.push(total * debt, total * equity);
    rows.push(row);
    gwSum += gw;
    totalSum += total;
    sum += gw + total + total * debt + total * equity;
  }
  const averageCapex = gwSum === 0 ? capex : totalSum / gwSum;
  const last: TableCell[] = ["total", gwSum, averageCapex, totalSum];
  for (let k = 0; k < mix.length; k++) {
    last.push(partSums[k]);
    sum += partSums[k];
  }
  last.push(totalSum * debt, totalSum * equity);
  rows.push(last);
  return finiteTable(rows, sum + gwSum + averageCapex + totalSum + totalSum * debt + totalSum * equity);
}

/**
 * USD bn of debt in the funding plan from `fromYear` to `toYear` (the same GW
 * and capex as FUNDING_PLAN × the shares of the sources the set classes as
 * debt); with `asShare`, debt ÷ total. #N/A when a source has no class.
 */
export function buildoutDebt(set: CompiledSet, fromYear: number, toYear: number, asShare: boolean): number {
  const i0 = yearIndex(set, "from_year", fromYear);
  const i1 = yearIndex(set, "to_year", toYear);
  if (i0 === 0) {
    throw notAvailable(`from_year ${fromYear} is the base year of set "${set.id}"; funding starts in ${set.baseYear + 1}`);
  }
  if (i0 > i1) throw invalidValue(`from_year ${fromYear} must not be after to_year ${toYear}`);
  const { debt, unclassed } = set.fundingSplit;
  if (unclassed.length) {
    throw notAvailable(`set "${set.id}" does not say whether ${unclassed.join(", ")} is debt or equity (funding_mix.classes)`);
  }
  if (asShare) return debt;
  const total = (set.demandGw[i1] - set.demandGw[i0 - 1]) * set.scalars.capex_musd_per_mw;
  return total * debt;
}

/**
 * Debt a project-financed site can carry, USD m: the lesser of
 * loan-to-cost × cost and the present value at `rate` over `tenor` years of
 * the debt service the NOI supports (noi ÷ dscr a year, end of year).
 */
export function projectDebt(
  costMusd: number,
  noiMusd: number,
  ltc: number,
  dscr: number,
  rate: number,
  tenorYears: number,
): number {
  above("cost_musd", costMusd, 0, " USD m");
  atLeast("noi_musd", noiMusd, 0, " USD m a year");
  fraction("ltc", ltc);
  // Below 1 the NOI does not cover the debt service it is sized on: no lender sizes a loan that way.
  between("dscr", dscr, 1, 10, " (times; below 1 the NOI would not cover debt service)");
  fraction("rate", rate);
  wholeNumber("tenor_years", tenorYears, 1, 50);
  const sized = (noiMusd / dscr) * annuityFactor(rate, tenorYears);
  return Math.min(ltc * costMusd, sized);
}
