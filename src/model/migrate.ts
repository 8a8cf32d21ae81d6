/**
 * Converting set documents of an older schema to the current one. Schema 1
 * (INFRA for Excel up to the first release) had no set version, no MW basis,
 * no per-year provenance, no PUE and no base-year energy. A schema-1 document
 * keeps every value it had (a workbook recalculates to the numbers it showed);
 * what schema 1 did not say is filled in as stated here and marked
 * `migrated_from_schema: 1`.
 */
import { PARAMETERS, PARAMETER_KEYS, standardFundingClass, type ParameterKey } from "./catalogue";
import { SOLUTIONS_AND_GPUS } from "./sets/solutions";
import { LBNL_2024, UPTIME_PUE_2024 } from "./sets/sources";

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
      // Build costs, lead times and GPU figures no schema-1 function read: the default set's, with its sources.
      migrated[key] = structuredClone(SOLUTIONS_AND_GPUS[key as keyof typeof SOLUTIONS_AND_GPUS]);
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
