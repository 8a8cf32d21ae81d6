/**
 * Helpers that keep the bundled set files readable: the unit and MW basis come
 * from the catalogue, the editable range from `RANGES`, years from the base
 * year, and `extendSet` builds a set that carries only what differs from its base.
 */
import {
  leadTimeKey,
  PARAMETERS,
  PARAMETER_KEYS,
  SOLUTION_TECHNOLOGIES,
  solutionCapexKey,
  standardFundingClass,
  type FundingClass,
  type ParameterKey,
  type ParameterSpec,
} from "../catalogue";
import type {
  AssumptionSet,
  Basis,
  Parameter,
  PathParameter,
  ScalarParameter,
  SharesParameter,
  Source,
  YearBasis,
} from "../schema";

/** Editable range of each parameter in the bundled sets (inside the catalogue's hard bounds). */
export const RANGES: Record<ParameterKey, readonly [number, number]> = {
  demand_gw: [0, 500],
  supply_grid_gw: [0, 500],
  supply_construction_gw: [0, 500],
  supply_gas_gw: [0, 500],
  supply_fuel_cells_gw: [0, 500],
  supply_nuclear_gw: [0, 500],
  supply_miners_gw: [0, 500],
  supply_storage_gw: [0, 500],
  supply_diesel_gw: [0, 500],
  nuclear_plant_gw: [0.1, 2],
  nuclear_capacity_factor: [0.5, 1],
  dc_load_factor: [0.2, 1],
  pue: [1, 3],
  dc_energy_base_twh: [0, 2000],
  capex_musd_per_mw: [1, 200],
  funding_mix: [0, 1],
  project_ltc: [0, 0.95],
  project_dscr: [1, 3],
  project_tenor_years: [1, 30],
  project_rate: [0, 0.25],
  contracted_value_musd_per_mw: [0, 100],
  uncontracted_value_musd_per_mw: [0, 100],
  p_contract: [0, 1],
  discount_rate: [0, 0.3],
  noi_margin: [0, 1],
  renewal_probability: [0, 1],
  renewal_term_years: [0, 30],
  ...(Object.fromEntries(
    SOLUTION_TECHNOLOGIES.flatMap((t) => [
      [solutionCapexKey(t), [0, 20_000]],
      [leadTimeKey(t), [0, 120]],
    ]),
  ) as unknown as Record<ReturnType<typeof solutionCapexKey> | ReturnType<typeof leadTimeKey>, readonly [number, number]>),
  gpu_rent_h100_usd_per_hour: [0, 50],
  gpu_utilisation: [0.05, 1],
  gpu_power_kw: [0.1, 10],
  power_price_usd_per_mwh: [0, 500],
};

/**
 * Where a figure comes from. `derivation` is required when `basis` is
 * "derived" (the arithmetic from the sources' figures); `note` when it is
 * "calibrated" or "chosen" (the target, or the judgement).
 */
export interface Cite {
  sources: Source[];
  basis: Basis;
  derivation?: string;
  note?: string;
}

/** A path's citation also gives the basis of each year, in the order of its values. */
export interface PathCite extends Cite {
  years: readonly YearBasis[];
}

/** The citation of an existing parameter, to reuse it with another value. */
export function citeOf(p: Parameter): Cite {
  const cite: Cite = { sources: p.sources, basis: p.basis };
  if (p.derivation !== undefined) cite.derivation = p.derivation;
  if (p.note !== undefined) cite.note = p.note;
  return cite;
}

function common(key: ParameterKey, cite: Cite): Omit<ScalarParameter, "value"> {
  const [min, max] = RANGES[key];
  const spec: ParameterSpec = PARAMETERS[key];
  // Key order as the schema lists them, so exported JSON reads the same for every set.
  const out: Omit<ScalarParameter, "value"> = {
    unit: spec.unit,
    ...(spec.mwBasis ? { mw_basis: spec.mwBasis } : {}),
    min,
    max,
    sources: cite.sources,
    basis: cite.basis,
  };
  if (cite.derivation !== undefined) out.derivation = cite.derivation;
  if (cite.note !== undefined) out.note = cite.note;
  return out;
}

export function scalar(key: ParameterKey, value: number, cite: Cite): ScalarParameter {
  return { ...common(key, cite), value };
}

/**
 * `values[i]` is the cumulative figure at the end of `firstYear + i`;
 * `cite.years[i]` how that year's figure was arrived at.
 */
export function path(key: ParameterKey, firstYear: number, values: readonly number[], cite: PathCite): PathParameter {
  if (cite.years.length !== values.length) {
    throw new Error(`${key}: ${values.length} values but ${cite.years.length} year bases`);
  }
  const { years, ...rest } = cite;
  return {
    ...common(key, rest),
    path: Object.fromEntries(values.map((v, i) => [String(firstYear + i), v])),
    path_basis: Object.fromEntries(years.map((b, i) => [String(firstYear + i), b])),
  };
}

/** `n` years of the same basis, to write `years: [...repeat("interpolated", 3), "calibrated"]`. */
export function repeat(basis: YearBasis, n: number): YearBasis[] {
  return Array.from({ length: n }, () => basis);
}

export function shares(key: ParameterKey, mix: Record<string, number>, cite: Cite): SharesParameter {
  return { ...common(key, cite), shares: { ...mix }, ...standardClasses(mix) };
}

/** Debt or equity for each standard source of a mix (the catalogue's classes). */
export function standardClasses(mix: Record<string, unknown>): { classes?: Record<string, FundingClass> } {
  const entries = Object.keys(mix).flatMap((s) => {
    const c = standardFundingClass(s);
    return c ? [[s, c] as const] : [];
  });
  return entries.length ? { classes: Object.fromEntries(entries) } : {};
}

/** A set's own fields when it extends a base: everything but the parameters, which default to the base's. */
export type ExtendedSetFields = Omit<AssumptionSet, "parameters" | "extends" | "format" | "schema_version"> & {
  parameters: Partial<AssumptionSet["parameters"]>;
};

/**
 * A set that extends `base`: the parameters given are its own; every other
 * parameter is the base's, marked `inherited` (the pane and the audit table
 * show the mark). The result is complete, so it validates and stores like any set.
 */
export function extendSet(base: AssumptionSet, own: ExtendedSetFields): AssumptionSet {
  const parameters = Object.fromEntries(
    PARAMETER_KEYS.map((k) => {
      const mine = own.parameters[k];
      if (mine) return [k, mine];
      const { inherited: _drop, ...inheritedParam } = structuredClone(base.parameters[k]) as Parameter;
      void _drop;
      return [k, { ...inheritedParam, inherited: true }];
    }),
  ) as AssumptionSet["parameters"];
  const { parameters: _own, ...fields } = own;
  void _own;
  return {
    format: "infra-assumption-set",
    schema_version: 2,
    ...fields,
    extends: { id: base.id, version: base.version },
    parameters,
  };
}
