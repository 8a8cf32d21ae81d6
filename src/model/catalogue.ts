/**
 * The parameters every assumption set must carry: what each one means, its
 * unit, its kind (a single value, a path by year, or shares that sum to 1) and
 * the hard bounds no set may widen. A set's own `min`/`max` must lie inside
 * these bounds; its values inside its own range.
 */
export type ParameterKind = "scalar" | "path" | "shares";

export type ParameterGroup = "power" | "funding" | "valuation";

/**
 * The two MW bases: IT (critical) MW, as leases, hosting values and most build
 * costs are quoted, and grid (facility) MW, as grid demand and power supply
 * are. Grid MW = IT MW × PUE.
 */
export const MW_BASES = ["it", "grid"] as const;
export type MwBasis = (typeof MW_BASES)[number];

export interface ParameterSpec {
  readonly label: string;
  readonly unit: string;
  /** The MW basis of a parameter measured in (or per) MW or GW; a set must state the same. */
  readonly mwBasis?: MwBasis;
  readonly kind: ParameterKind;
  readonly group: ParameterGroup;
  /** Hard lower bound of any value (inclusive). */
  readonly floor: number;
  /** Hard upper bound of any value (inclusive). */
  readonly ceiling: number;
  /** True when 0 itself is not allowed (a divisor). */
  readonly positive?: boolean;
}

/** Power sources of `POWER_SUPPLY_GW`, in the column order of `POWER_BALANCE`. */
export const SUPPLY_SOURCES = [
  "grid",
  "construction",
  "gas",
  "fuel_cells",
  "nuclear",
  "miners",
  "storage",
  "diesel",
] as const;
export type SupplySource = (typeof SUPPLY_SOURCES)[number];

/** Sources counted in the headline gap; the rest are the "time-to-power" solutions. */
export const HEADLINE_SOURCES: readonly SupplySource[] = ["grid", "construction"];

export const supplyKey = (source: SupplySource): `supply_${SupplySource}_gw` => `supply_${source}_gw`;

const gwPath = (label: string) =>
  ({ label, unit: "GW", mwBasis: "grid", kind: "path", group: "power", floor: 0, ceiling: 2000 }) as const;

export const PARAMETERS = {
  demand_gw: gwPath("US data-center grid demand added since the base year (grid GW)"),
  supply_grid_gw: gwPath("Existing grid headroom"),
  supply_construction_gw: gwPath("Sites under construction with power secured"),
  supply_gas_gw: gwPath("Gas turbines and engines"),
  supply_fuel_cells_gw: gwPath("Fuel cells"),
  supply_nuclear_gw: gwPath("Nuclear restarts, uprates and SMRs"),
  supply_miners_gw: gwPath("Bitcoin-mining sites converted"),
  supply_storage_gw: gwPath("Battery storage"),
  supply_diesel_gw: gwPath("Diesel as primary power"),
  nuclear_plant_gw: {
    label: "Size of one nuclear reactor (net electric)",
    unit: "GW",
    mwBasis: "grid",
    kind: "scalar",
    group: "power",
    floor: 0.01,
    ceiling: 10,
    positive: true,
  },
  nuclear_capacity_factor: {
    label: "Nuclear capacity factor",
    unit: "decimal",
    kind: "scalar",
    group: "power",
    floor: 0.01,
    ceiling: 1,
    positive: true,
  },
  dc_load_factor: {
    label: "Data-center load factor (average draw ÷ capacity)",
    unit: "decimal",
    kind: "scalar",
    group: "power",
    floor: 0.01,
    ceiling: 1,
    positive: true,
  },
  pue: {
    label: "Power usage effectiveness (grid MW per IT MW)",
    unit: "ratio",
    kind: "scalar",
    group: "power",
    floor: 1,
    ceiling: 5,
    positive: true,
  },
  dc_energy_base_twh: {
    label: "US data-center electricity use in the base year",
    unit: "TWh",
    kind: "scalar",
    group: "power",
    floor: 0,
    ceiling: 10000,
  },
  capex_musd_per_mw: {
    label: "All-in build cost (shell + IT) per grid MW of demand",
    unit: "USD m per MW",
    mwBasis: "grid",
    kind: "scalar",
    group: "funding",
    floor: 0.01,
    ceiling: 1000,
    positive: true,
  },
  funding_mix: {
    label: "Funding mix by source",
    unit: "share (decimal)",
    kind: "shares",
    group: "funding",
    floor: 0,
    ceiling: 1,
  },
  project_ltc: {
    label: "Project-finance loan-to-cost",
    unit: "decimal",
    kind: "scalar",
    group: "funding",
    floor: 0,
    ceiling: 1,
  },
  project_dscr: {
    label: "Debt-service coverage ratio",
    unit: "×",
    kind: "scalar",
    group: "funding",
    floor: 0.1,
    ceiling: 10,
    positive: true,
  },
  project_rate: {
    label: "Project-finance interest rate",
    unit: "decimal per year",
    kind: "scalar",
    group: "funding",
    floor: 0,
    ceiling: 1,
  },
  project_tenor_years: {
    label: "Project-finance tenor",
    unit: "years",
    kind: "scalar",
    group: "funding",
    floor: 1,
    ceiling: 50,
    positive: true,
  },
  contracted_value_musd_per_mw: {
    label: "Value of contracted capacity per IT MW",
    unit: "USD m per MW",
    mwBasis: "it",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 1000,
  },
  uncontracted_value_musd_per_mw: {
    label: "Value of uncontracted, AI-earmarked power per IT MW",
    unit: "USD m per MW",
    mwBasis: "it",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 1000,
  },
  p_contract: {
    label: "Probability an uncontracted site signs",
    unit: "decimal",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 1,
  },
  discount_rate: {
    label: "Discount rate for hosting leases",
    unit: "decimal per year",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 1,
  },
  noi_margin: {
    label: "NOI margin of hosting revenue",
    unit: "decimal",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 1,
  },
  renewal_probability: {
    label: "Probability a lease renews",
    unit: "decimal",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 1,
  },
  renewal_term_years: {
    label: "Renewal term",
    unit: "years",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 50,
  },
} as const satisfies Record<string, ParameterSpec>;

export type ParameterKey = keyof typeof PARAMETERS;
export const PARAMETER_KEYS = Object.keys(PARAMETERS) as ParameterKey[];

type KeysOfKind<K extends ParameterKind> = {
  [P in ParameterKey]: (typeof PARAMETERS)[P]["kind"] extends K ? P : never;
}[ParameterKey];
export type ScalarKey = KeysOfKind<"scalar">;
export type PathKey = KeysOfKind<"path">;
export type SharesKey = KeysOfKind<"shares">;

/** The funding sources PRODUCT §3 names; a set may use its own list instead. */
export const STANDARD_FUNDING_SOURCES = [
  "hyperscaler_cash",
  "ig_bonds",
  "private_credit",
  "project_finance",
  "abs_cmbs",
  "equity",
] as const;
