/**
 * Small helpers that keep the bundled set files readable: the unit comes from
 * the catalogue, the editable range from `RANGES`, years from the base year.
 */
import { leadTimeKey, PARAMETERS, SOLUTION_TECHNOLOGIES, solutionCapexKey, type ParameterKey } from "../catalogue";
import type { PathParameter, ScalarParameter, SharesParameter, Source } from "../schema";

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

type Basis = ScalarParameter["basis"];
interface Cite {
  sources: Source[];
  basis: Basis;
  note?: string;
}

/** The citation of an existing parameter, to reuse it with another value. */
export function citeOf(p: { sources: Source[]; basis: Basis; note?: string }): Cite {
  return p.note === undefined ? { sources: p.sources, basis: p.basis } : { sources: p.sources, basis: p.basis, note: p.note };
}

function common(key: ParameterKey, cite: Cite) {
  const [min, max] = RANGES[key];
  return { unit: PARAMETERS[key].unit, min, max, ...cite };
}

export function scalar(key: ParameterKey, value: number, cite: Cite): ScalarParameter {
  return { ...common(key, cite), value };
}

/** `values[i]` is the cumulative figure at the end of `firstYear + i`. */
export function path(key: ParameterKey, firstYear: number, values: readonly number[], cite: Cite): PathParameter {
  return {
    ...common(key, cite),
    path: Object.fromEntries(values.map((v, i) => [String(firstYear + i), v])),
  };
}

export function shares(key: ParameterKey, mix: Record<string, number>, cite: Cite): SharesParameter {
  return { ...common(key, cite), shares: { ...mix } };
}
