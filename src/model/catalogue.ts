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

// ───────────── Time-to-power solutions and GPU economics (build cost, lead time, rent) ─────────────

/**
 * Technologies that close the power gap, with a build cost and a lead time
 * each. The first six are the solution sources of POWER_SUPPLY_GW (gas is
 * priced as combined cycle); gas_engines (reciprocating engines) is a
 * faster, dearer alternative for gas that no path counts separately.
 */
export const SOLUTION_TECHNOLOGIES = ["gas", "gas_engines", "fuel_cells", "nuclear", "miners", "storage", "diesel"] as const;
export type SolutionTechnology = (typeof SOLUTION_TECHNOLOGIES)[number];

export const solutionCapexKey = (t: SolutionTechnology): `solution_capex_${SolutionTechnology}_usd_per_kw` =>
  `solution_capex_${t}_usd_per_kw`;
export const leadTimeKey = (t: SolutionTechnology): `lead_time_${SolutionTechnology}_months` => `lead_time_${t}_months`;

const SOLUTION_LABELS: Record<SolutionTechnology, string> = {
  gas: "gas combined cycle",
  gas_engines: "gas reciprocating engines",
  fuel_cells: "fuel cells",
  nuclear: "a nuclear restart",
  miners: "converting a bitcoin-mining site's power",
  storage: "4-hour battery storage",
  diesel: "diesel generation",
};

const SOLUTION_PARAMETERS = Object.fromEntries(
  SOLUTION_TECHNOLOGIES.flatMap((t) => [
    [
      solutionCapexKey(t),
      { label: `Build cost of ${SOLUTION_LABELS[t]}, per grid kW of supply`, unit: "USD per kW", kind: "scalar", group: "power", floor: 0, ceiling: 100_000 },
    ],
    [
      leadTimeKey(t),
      { label: `Lead time of ${SOLUTION_LABELS[t]}`, unit: "months", kind: "scalar", group: "power", floor: 0, ceiling: 240 },
    ],
  ]),
) as Record<
  `solution_capex_${SolutionTechnology}_usd_per_kw` | `lead_time_${SolutionTechnology}_months`,
  { label: string; unit: string; kind: "scalar"; group: "power"; floor: number; ceiling: number }
>;

const GPU_PARAMETERS = {
  gpu_rent_h100_usd_per_hour: {
    label: "H100 rental price, latest at the set's vintage",
    unit: "USD per GPU-hour",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 1000,
  },
  gpu_utilisation: {
    label: "Share of hours a rented GPU is billed",
    unit: "decimal",
    kind: "scalar",
    group: "valuation",
    floor: 0.01,
    ceiling: 1,
    positive: true,
  },
  gpu_power_kw: {
    label: "IT power per GPU, server share included",
    unit: "kW",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 100,
  },
  power_price_usd_per_mwh: {
    label: "Electricity price paid by a data center",
    unit: "USD per MWh",
    kind: "scalar",
    group: "valuation",
    floor: 0,
    ceiling: 10_000,
  },
} as const;

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
  ...SOLUTION_PARAMETERS,
  ...GPU_PARAMETERS,
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

/** Whether a funding source is a lender's money or an owner's. */
export const FUNDING_CLASSES = ["debt", "equity"] as const;
export type FundingClass = (typeof FUNDING_CLASSES)[number];

/**
 * The class of each standard source: bonds, loans and securitisations are
 * debt; a hyperscaler's operating cash flow and stock issued are equity. A set
 * states the class of every source it lists (`funding_mix.classes`); sets and
 * schema-1 documents that use these names get these.
 */
export const STANDARD_FUNDING_CLASSES: Readonly<Record<(typeof STANDARD_FUNDING_SOURCES)[number], FundingClass>> = {
  hyperscaler_cash: "equity",
  ig_bonds: "debt",
  private_credit: "debt",
  project_finance: "debt",
  abs_cmbs: "debt",
  equity: "equity",
};

/** The standard class of `source`, or undefined for a set's own name. */
export function standardFundingClass(source: string): FundingClass | undefined {
  return Object.hasOwn(STANDARD_FUNDING_CLASSES, source)
    ? STANDARD_FUNDING_CLASSES[source as keyof typeof STANDARD_FUNDING_CLASSES]
    : undefined;
}
