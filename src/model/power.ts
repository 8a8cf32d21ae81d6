/**
 * Energy constraint: demand, supply by source, the gap, and unit conversions.
 * GW are cumulative additions from the end of the set's base year.
 */
import { SUPPLY_SOURCES, type SupplySource } from "./catalogue";
import { above, between, fraction, unreachable, yearIndex } from "./checks";
import type { CompiledSet } from "./compiled-set";
import { describeGiven, invalidValue, notAvailable, quoteGiven } from "./errors";
import { finiteTable, type TableCell } from "./table";

/** Hours in a year ÷ 1,000: GW × 8.76 × load factor = TWh. */
export const TWH_PER_GW_YEAR = 8.76;

export function powerDemandGw(set: CompiledSet, year: number): number {
  return set.demandGw[yearIndex(set, "year", year)];
}

const SOURCE_NAMES: ReadonlySet<string> = new Set(SUPPLY_SOURCES);

export function parseSupplySource(source: string): SupplySource {
  if (SOURCE_NAMES.has(source)) return source as SupplySource; // the usual case: typed as documented
  const s = source.trim().toLowerCase();
  if (SOURCE_NAMES.has(s)) return s as SupplySource;
  throw notAvailable(`source ${quoteGiven(source)} is not a power source; use one of ${SUPPLY_SOURCES.join(", ")}`);
}

export function powerSupplyGw(set: CompiledSet, year: number, source: SupplySource): number {
  return set.supplyGw[source][yearIndex(set, "year", year)];
}

/** Demand − grid − construction; with `afterSolutions`, minus every other source too. */
export function powerGapGw(set: CompiledSet, year: number, afterSolutions: boolean): number {
  const i = yearIndex(set, "year", year);
  return afterSolutions ? set.gapAfterSolutionsGw[i] : set.gapGw[i];
}

export const POWER_BALANCE_HEADER = [
  "year",
  "demand_gw",
  ...SUPPLY_SOURCES.map((s) => `${s}_gw`),
  "gap_gw",
  "gap_after_solutions_gw",
] as const;

/** Header row, then one row a year from `fromYear` to `toYear` (defaults: the whole path). */
export function powerBalance(set: CompiledSet, fromYear: number | null, toYear: number | null): TableCell[][] {
  const from = fromYear ?? set.baseYear + 1;
  const to = toYear ?? set.lastYear;
  const i0 = yearIndex(set, "from_year", from);
  const i1 = yearIndex(set, "to_year", to);
  if (i0 > i1) throw invalidValue(`from_year ${from} must not be after to_year ${to}`);
  // One array literal a row, the sources named (the header's order; test/model/power-balance.test.ts
  // checks every column against its source): this runs on every recalculation of the spill.
  const g = set.supplyGw;
  const rows: TableCell[][] = [POWER_BALANCE_HEADER.slice()];
  let sum = 0;
  for (let i = i0; i <= i1; i++) {
    const demand = set.demandGw[i];
    const grid = g.grid[i];
    const construction = g.construction[i];
    const gas = g.gas[i];
    const fuelCells = g.fuel_cells[i];
    const nuclear = g.nuclear[i];
    const miners = g.miners[i];
    const storage = g.storage[i];
    const diesel = g.diesel[i];
    const gap = set.gapGw[i];
    const after = set.gapAfterSolutionsGw[i];
    rows.push([set.baseYear + i, demand, grid, construction, gas, fuelCells, nuclear, miners, storage, diesel, gap, after]);
    sum += demand + grid + construction + gas + fuelCells + nuclear + miners + storage + diesel + gap + after;
  }
  return finiteTable(rows, sum);
}

export type NuclearBasis = "capacity" | "energy";

export function parseNuclearBasis(basis: string): NuclearBasis {
  if (basis === "capacity" || basis === "energy") return basis; // as documented: no normalising needed
  const b = basis.trim().toLowerCase();
  if (b === "capacity" || b === "energy") return b;
  throw invalidValue(`basis must be "capacity" or "energy"; got ${describeGiven(basis)}`);
}

/**
 * Nuclear reactors (the call's "plants") equivalent to `gw`. Capacity: gw ÷ reactor size. Energy: the
 * plants whose output matches the data centers' consumption:
 * gw × DC load factor ÷ (plant size × nuclear capacity factor).
 */
export function nuclearEquiv(set: CompiledSet, gw: number, basis: NuclearBasis): number {
  const plant = set.scalars.nuclear_plant_gw;
  if (basis === "capacity") return gw / plant;
  return (gw * set.scalars.dc_load_factor) / (plant * set.scalars.nuclear_capacity_factor);
}

/** Total US data-center electricity use in `year`, TWh: base-year use + added demand × 8.76 × load factor. */
export function dcEnergyTwh(set: CompiledSet, year: number): number {
  const added = set.demandGw[yearIndex(set, "year", year)];
  return set.scalars.dc_energy_base_twh + added * TWH_PER_GW_YEAR * set.scalars.dc_load_factor;
}

function checkPue(pue: number): number {
  return between("pue", pue, 1, 5, " (grid MW per IT MW)");
}

/** IT (critical) MW → grid (facility) MW: × PUE. */
export function itToGridMw(mw: number, pue: number): number {
  return mw * checkPue(pue);
}

/** Grid (facility) MW → IT (critical) MW: ÷ PUE. */
export function gridToItMw(mw: number, pue: number): number {
  return mw / checkPue(pue);
}

function loadFactor(value: number): number {
  return value > 0 && value <= 1 ? value : loadFactorRefused(value);
}

function loadFactorRefused(value: number): never {
  above("load_factor", value, 0);
  fraction("load_factor", value);
  throw unreachable();
}

/** TWh a year ÷ (8.76 × load factor) = GW of capacity. */
export function twhToGw(twh: number, load: number): number {
  return twh / (TWH_PER_GW_YEAR * loadFactor(load));
}

/** GW × 8.76 × load factor = TWh a year. */
export function gwToTwh(gw: number, load: number): number {
  return gw * TWH_PER_GW_YEAR * loadFactor(load);
}

