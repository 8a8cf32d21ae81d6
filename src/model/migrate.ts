/**
 * Converting set documents of an older schema to the current one. Schema 1
 * (INFRA for Excel up to the first release) had no set version, no MW basis,
 * no per-year provenance, no PUE and no base-year energy. A schema-1 document
 * keeps every value it had (a workbook recalculates to the numbers it showed);
 * what schema 1 did not say is filled in as stated here and marked
 * `migrated_from_schema: 1`.
 */
import { PARAMETERS, PARAMETER_KEYS, standardFundingClass, type ParameterKey } from "./catalogue";
import { scalar } from "./sets/build";
import { SOLUTIONS_AND_GPUS } from "./sets/solutions";
import { LBNL_2024, RIOT_RETROFIT_2025, UPTIME_PUE_2024 } from "./sets/sources";

type Doc = Record<string, unknown>;

const isObject = (x: unknown): x is Doc => typeof x === "object" && x !== null && !Array.isArray(x);

/** Per-year basis of a schema-1 path: schema 1 gave one basis per parameter; `derived` paths spread or extend published end points. */
const YEAR_BASIS_OF_SCHEMA1: Record<string, string> = {
  published: "published",
  derived: "interpolated",
  calibrated: "calibrated",
  chosen: "chosen",
};

/**
 * Parameters schema 2 added, with the values a schema-1 set gets. The bundled
 * version-1 sets carry the same, so a workbook holding one of them is still
 * recognised as that reference.
 */
export const SCHEMA1_ADDED_PARAMETERS = {
  pue: {
    unit: "ratio",
    min: 1,
    max: 3,
    sources: [UPTIME_PUE_2024],
    basis: "chosen",
    note: "Not in schema 1; added on migration: 1.3, the upper bound Uptime Institute gives for new large AI sites (fleet average 1.56–1.58).",
    value: 1.3,
  },
  dc_energy_base_twh: {
    unit: "TWh",
    min: 0,
    max: 2000,
    sources: [LBNL_2024],
    basis: "chosen",
    note: "Not in schema 1; added on migration: LBNL's 176 TWh for 2023, the latest year it reports, used for the base year.",
    value: 176,
  },
} as const;

type SolutionKey = keyof typeof SOLUTIONS_AND_GPUS;

/**
 * The build costs, lead times and GPU figures (which no schema-1 function read)
 * as version 1 of every set holds them: the version-1 fingerprints in
 * ./sets/versions are of these values, so a schema-1 document gets them
 * whatever the bundled sets carry now (schema1Solution).
 * test/migration/schema1.test.ts checks that a migrated set holds exactly these.
 */
export const SCHEMA1_SOLUTION_VALUES: Readonly<Record<SolutionKey, number>> = {
  solution_capex_gas_usd_per_kw: 2400,
  lead_time_gas_months: 48,
  solution_capex_gas_engines_usd_per_kw: 2000,
  lead_time_gas_engines_months: 15,
  solution_capex_fuel_cells_usd_per_kw: 3500,
  lead_time_fuel_cells_months: 6,
  solution_capex_nuclear_usd_per_kw: 1900,
  lead_time_nuclear_months: 39,
  solution_capex_miners_usd_per_kw: 3600,
  lead_time_miners_months: 12,
  solution_capex_storage_usd_per_kw: 660,
  lead_time_storage_months: 12,
  solution_capex_diesel_usd_per_kw: 800,
  lead_time_diesel_months: 12,
  gpu_rent_h100_usd_per_hour: 1.7,
  gpu_utilisation: 0.7,
  gpu_power_kw: 1.275,
  power_price_usd_per_mwh: 80,
};

/** Where the bundled sets have since changed a value: the version-1 parameter, with a note true to it. */
const VERSION1_SOLUTION_PARAMETERS: Partial<Record<SolutionKey, (typeof SOLUTIONS_AND_GPUS)[SolutionKey]>> = {
  solution_capex_miners_usd_per_kw: scalar("solution_capex_miners_usd_per_kw", SCHEMA1_SOLUTION_VALUES.solution_capex_miners_usd_per_kw, {
    sources: [RIOT_RETROFIT_2025],
    basis: "chosen",
    note:
      "Not in schema 1; added on migration at its version-1 value, so the workbook computes as it did: Riot's " +
      "retrofit, ~USD 3.6m per IT MW, counted per grid kW of supply, ~30% high at PUE 1.3. The bundled sets' " +
      "later versions carry 3,600 ÷ 1.3 = 2,770 per grid kW.",
  }),
};

/**
 * The parameter a schema-1 document gets for `key`: the bundled one while it
 * still holds version 1's value; the written version-1 parameter where one
 * exists; otherwise the bundled one at version 1's value, saying so (a value
 * changed later without its version-1 parameter written here still migrates
 * as version 1 had it).
 */
function schema1Solution(key: SolutionKey): unknown {
  const written = VERSION1_SOLUTION_PARAMETERS[key];
  if (written) return structuredClone(written);
  const current = structuredClone(SOLUTIONS_AND_GPUS[key]) as Record<string, unknown>;
  const value = SCHEMA1_SOLUTION_VALUES[key];
  if (current.value === value) return current;
  delete current.derivation;
  delete current.dated_path;
  return {
    ...current,
    value,
    basis: "chosen",
    note: `Not in schema 1; added on migration at its version-1 value, ${value}, so the workbook computes as it did; later versions of the bundled sets carry ${String(current.value)}.`,
  };
}

function migrateParameter(key: ParameterKey, p: unknown): unknown {
  if (!isObject(p)) return p;
  const spec = PARAMETERS[key];
  const { unit, min, max, sources, basis, note, ...rest } = p;
  const out: Doc = { unit };
  if ("mwBasis" in spec) out.mw_basis = spec.mwBasis;
  Object.assign(out, { min, max, sources, basis });
  if (basis === "derived" && typeof note === "string") out.derivation = note;
  if (note !== undefined) out.note = note;
  Object.assign(out, rest);
  if (isObject(rest.shares) && rest.classes === undefined) {
    // Schema 1 did not class its funding sources: the standard names get their class; a set's own names stay unclassed.
    const classes = Object.fromEntries(
      Object.keys(rest.shares).flatMap((s) => {
        const c = standardFundingClass(s);
        return c ? [[s, c]] : [];
      }),
    );
    if (Object.keys(classes).length) out.classes = classes;
  }
  if (isObject(rest.path)) {
    const yearBasis = YEAR_BASIS_OF_SCHEMA1[String(basis)] ?? "chosen";
    out.path_basis = Object.fromEntries(Object.keys(rest.path).map((y) => [y, yearBasis]));
  }
  return out;
}

function fromSchema1(doc: Doc): Doc {
  const { format, schema_version: _v, id, reference, parameters, ...rest } = doc;
  void _v;
  const out: Doc = { format, schema_version: 2, id, version: 1, ...rest };
  if (isObject(reference)) out.reference = { id: reference.id, version: 1, vintage: reference.vintage };
  else if (reference !== undefined) out.reference = reference;
  out.migrated_from_schema = 1;
  if (!isObject(parameters)) return { ...out, parameters };
  const migrated: Doc = {};
  for (const key of PARAMETER_KEYS) {
    if (Object.hasOwn(parameters, key)) migrated[key] = migrateParameter(key, parameters[key]);
    else if (Object.hasOwn(SCHEMA1_ADDED_PARAMETERS, key)) {
      migrated[key] = structuredClone(SCHEMA1_ADDED_PARAMETERS[key as keyof typeof SCHEMA1_ADDED_PARAMETERS]);
    } else if (Object.hasOwn(SOLUTIONS_AND_GPUS, key)) {
      // Build costs, lead times and GPU figures no schema-1 function read: version 1's, with their sources.
      migrated[key] = schema1Solution(key as SolutionKey);
    }
  }
  // Unknown keys stay, so validation names them.
  for (const [k, v] of Object.entries(parameters)) if (!Object.hasOwn(PARAMETERS, k)) migrated[k] = v;
  return { ...out, parameters: migrated };
}

/** The document in the current schema; a document already current (or unrecognised) is returned as is. */
export function migrateSetDocument(doc: Doc): Doc {
  if (doc.schema_version === 1) return fromSchema1(doc);
  return doc;
}
