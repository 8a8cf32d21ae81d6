/**
 * A set turned into the arrays the functions read: paths indexed by
 * `year - base_year` (index 0 is the base year itself, always 0 because paths
 * are cumulative from the end of the base year). Compiled once per set
 * document and cached, so 10,000 calls with varied years compute a path once.
 */
import {
  HEADLINE_SOURCES,
  PARAMETERS,
  PARAMETER_KEYS,
  SUPPLY_SOURCES,
  supplyKey,
  type FundingClass,
  type ScalarKey,
  type SupplySource,
} from "./catalogue";
import type { AssumptionSet, PathParameter } from "./schema";

export interface CompiledSet {
  readonly doc: AssumptionSet;
  readonly id: string;
  readonly baseYear: number;
  /** Last year every path covers. */
  readonly lastYear: number;
  /** Cumulative demand, GW, by `year - baseYear`. */
  readonly demandGw: Float64Array;
  /** Cumulative supply by source, GW, by `year - baseYear`. */
  readonly supplyGw: Readonly<Record<SupplySource, Float64Array>>;
  /** Gap before solutions (demand − grid − construction), GW. */
  readonly gapGw: Float64Array;
  /** Gap after every source, GW. */
  readonly gapAfterSolutionsGw: Float64Array;
  readonly scalars: Readonly<Record<ScalarKey, number>>;
  /** Funding sources in the set's order, with their shares. */
  readonly fundingMix: ReadonlyArray<readonly [source: string, share: number]>;
  /** Debt or equity for each source of `fundingMix`, in the same order (null: the set does not class it). */
  readonly fundingClasses: ReadonlyArray<FundingClass | null>;
  /** Shares of the mix the set classes as debt and as equity, and the sources it leaves unclassed. */
  readonly fundingSplit: { readonly debt: number; readonly equity: number; readonly unclassed: readonly string[] };
  /**
   * Every value ASSUMPTION can name, by its exact name: a scalar, a path
   * (indexed like the arrays above) or a share as "funding_mix.<source>".
   */
  readonly byName: ReadonlyMap<string, number | Float64Array>;
}

let pathComputations = 0;
const cache = new WeakMap<AssumptionSet, CompiledSet>();

/** How many times any set's paths have been computed in this process (for the benchmark). */
export function pathComputationCount(): number {
  return pathComputations;
}

function toArray(p: PathParameter, baseYear: number, lastYear: number): Float64Array {
  const out = new Float64Array(lastYear - baseYear + 1);
  for (let y = baseYear + 1; y <= lastYear; y++) out[y - baseYear] = p.path[String(y)] ?? 0;
  return out;
}

/** Compiles a validated set; repeated calls with the same document return the cached result. */
export function compileSet(doc: AssumptionSet): CompiledSet {
  const hit = cache.get(doc);
  if (hit) return hit;
  pathComputations++;
  const baseYear = doc.base_year;
  const years = Object.keys(doc.parameters.demand_gw.path).map(Number);
  const lastYear = Math.max(...years);
  const demandGw = toArray(doc.parameters.demand_gw, baseYear, lastYear);
  const supplyGw = Object.fromEntries(
    SUPPLY_SOURCES.map((s) => [s, toArray(doc.parameters[supplyKey(s)] as PathParameter, baseYear, lastYear)]),
  ) as Record<SupplySource, Float64Array>;
  const n = demandGw.length;
  const gapGw = new Float64Array(n);
  const gapAfterSolutionsGw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let gap = demandGw[i];
    for (const s of HEADLINE_SOURCES) gap -= supplyGw[s][i];
    let after = demandGw[i];
    for (const s of SUPPLY_SOURCES) after -= supplyGw[s][i];
    gapGw[i] = gap;
    gapAfterSolutionsGw[i] = after;
  }
  const scalars = Object.fromEntries(
    PARAMETER_KEYS.filter((k) => PARAMETERS[k].kind === "scalar").map((k) => [
      k,
      (doc.parameters[k] as { value: number }).value,
    ]),
  ) as Record<ScalarKey, number>;
  const fundingMix = Object.entries(doc.parameters.funding_mix.shares);
  const classes = doc.parameters.funding_mix.classes ?? {};
  const fundingClasses = fundingMix.map(([source]) => (Object.hasOwn(classes, source) ? classes[source] : null));
  const fundingSplit = { debt: 0, equity: 0, unclassed: [] as string[] };
  fundingMix.forEach(([source, share], k) => {
    const c = fundingClasses[k];
    if (c === null) fundingSplit.unclassed.push(source);
    else fundingSplit[c] += share;
  });
  const byName = new Map<string, number | Float64Array>([
    ...Object.entries(scalars),
    ["demand_gw", demandGw],
    ...SUPPLY_SOURCES.map((s) => [supplyKey(s), supplyGw[s]] as const),
    ...fundingMix.map(([source, share]) => [`funding_mix.${source}`, share] as const),
  ]);
  const compiled: CompiledSet = {
    doc,
    id: doc.id,
    baseYear,
    lastYear,
    demandGw,
    supplyGw,
    gapGw,
    gapAfterSolutionsGw,
    scalars,
    fundingMix,
    fundingClasses,
    fundingSplit,
    byName,
  };
  cache.set(doc, compiled);
  return compiled;
}
