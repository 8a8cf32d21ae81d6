/**
 * The assumption-set document: versioned, validated with zod, every parameter
 * carrying its unit, valid range and sources. `parseAssumptionSet` is the one
 * door every set passes through (bundled, imported, or read from a workbook).
 *
 * zod/mini (the functional API of the same package) keeps functions.js small:
 * the classic API carries every method and JSON Schema support whether used or not.
 */
import { en } from "zod/locales";
import * as z from "zod/mini";
import { FUNDING_CLASSES, MW_BASES, PARAMETERS, PARAMETER_KEYS, type ParameterKey, type ParameterSpec } from "./catalogue";
import { EXCEL_CELL_CHARS, pathText } from "./cell-text";
import { migrateSetDocument } from "./migrate";

// Before any schema is built (objects read it when constructed). zod/mini has no default
// locale: English gives the messages the classic API gives. Jitless: zod never probes
// `new Function`, which the pages' CSP (no 'unsafe-eval') would report as a violation.
z.config({ ...en(), jitless: true });

export const SET_FORMAT = "infra-assumption-set";
export const SCHEMA_VERSION = 2;
/** Highest version number a set may carry. */
export const MAX_SET_VERSION = 9999;
/** Largest set document accepted, in bytes of JSON text (UTF-16 code units). */
export const MAX_SET_JSON_CHARS = 1_000_000;

/** Text that reaches a page: bounded, no markup, no control characters. */
const text = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((s) => !/<\s*[a-zA-Z/!?]/.test(s), "must not contain markup (a < followed by a tag)"),
    // eslint-disable-next-line no-control-regex
    z.refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), "must not contain control characters"),
  );
/** `text(max)` that must not be empty. */
const nonEmptyText = (max: number) => text(max).check(z.minLength(1));

const isoDate = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"));
const setId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1–40 lower-case letters, digits or dashes"));
const sourceId = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, "must be 1–40 lower-case letters, digits or underscores"));
const yearKey = z.string().check(z.regex(/^\d{4}$/, "must be a four-digit year"));

export const SourceSchema = z.strictObject({
  publisher: nonEmptyText(200),
  title: nonEmptyText(300),
  date: isoDate,
  url: z.optional(z.string().check(z.maxLength(500), z.regex(/^https:\/\/[^\s<>"]+$/, "must be an https:// address"))),
  /** "press" when the figure is known from press coverage of the publisher's note. */
  via: z.optional(text(200)),
});

/**
 * How a parameter's figure was arrived at. `published`: as the source gives it;
 * `derived`: arithmetic on published figures, written out in `derivation`;
 * `calibrated`: set so a model output matches a target (say which, in the note);
 * `chosen`: a judgement, said in the note.
 */
export const BASES = ["published", "derived", "calibrated", "chosen"] as const;
export type Basis = (typeof BASES)[number];
/** How each year of a path was arrived at. */
export const YEAR_BASES = ["published", "interpolated", "extrapolated", "chosen", "calibrated"] as const;
export type YearBasis = (typeof YEAR_BASES)[number];

const setVersion = z.number().check(z.int(), z.gte(1), z.lte(MAX_SET_VERSION));

const parameterCommon = {
  unit: text(40),
  /** "it" or "grid" on every parameter measured in or per MW/GW (the catalogue says which). */
  mw_basis: z.optional(z.enum(MW_BASES)),
  min: z.number(),
  max: z.number(),
  sources: z.array(SourceSchema).check(z.minLength(1), z.maxLength(20)),
  /** How the figure was arrived at; a note is required unless it is published as is. */
  basis: z.enum(BASES),
  /** For a `derived` figure: the arithmetic from the sources' figures (required). */
  derivation: z.optional(text(1000)),
  note: z.optional(text(3000)),
  /** True when the value is the base set's (`extends`), carried unchanged. */
  inherited: z.optional(z.literal(true)),
};

/** One published observation of a scalar: its date, its value then, and the source that gives it. */
export const DatedPointSchema = z.strictObject({ date: isoDate, value: z.number(), source: SourceSchema });
export const MAX_DATED_POINTS = 40;
export const ScalarParameterSchema = z.strictObject({
  ...parameterCommon,
  value: z.number(),
  /**
   * The published points the value comes from (a price's history), oldest
   * first, none after the set's vintage. Documentation of the value: the
   * functions compute with `value` (the bundled sets: the latest point).
   */
  dated_path: z.optional(z.array(DatedPointSchema).check(z.minLength(1), z.maxLength(MAX_DATED_POINTS))),
});
export const PathParameterSchema = z.strictObject({
  ...parameterCommon,
  path: z.record(yearKey, z.number()),
  /** The basis of each year of the path (the same years as `path`). */
  path_basis: z.record(yearKey, z.enum(YEAR_BASES)),
});
export const SharesParameterSchema = z.strictObject({
  ...parameterCommon,
  shares: z.record(sourceId, z.number()),
  /** Debt or equity, for each source of `shares` (FUNDING_PLAN's debt and equity columns, BUILDOUT_DEBT). */
  classes: z.optional(z.record(sourceId, z.enum(FUNDING_CLASSES))),
});

const schemaFor = (spec: ParameterSpec) =>
  spec.kind === "scalar" ? ScalarParameterSchema : spec.kind === "path" ? PathParameterSchema : SharesParameterSchema;

const parametersShape = Object.fromEntries(PARAMETER_KEYS.map((k) => [k, schemaFor(PARAMETERS[k])])) as {
  [K in ParameterKey]: (typeof PARAMETERS)[K]["kind"] extends "scalar"
    ? typeof ScalarParameterSchema
    : (typeof PARAMETERS)[K]["kind"] extends "path"
      ? typeof PathParameterSchema
      : typeof SharesParameterSchema;
};

export const AssumptionSetSchema = z.strictObject({
  format: z.literal(SET_FORMAT),
  schema_version: z.literal(SCHEMA_VERSION),
  id: setId,
  /** Version of this set: a bundled reference set's version rises whenever its values change. */
  version: setVersion,
  name: nonEmptyText(120),
  summary: nonEmptyText(300),
  description: text(4000),
  vintage: isoDate,
  base_year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
  /** The bundled set this one builds on: parameters marked `inherited` are that set's, unchanged. */
  extends: z.optional(z.strictObject({ id: setId, version: setVersion })),
  /** For a user-edited set: the bundled reference (and its version) it started from. */
  reference: z.optional(z.strictObject({ id: setId, version: setVersion, vintage: isoDate })),
  /** Set when the document was read from an older schema and converted (see migrate.ts). */
  migrated_from_schema: z.optional(z.literal(1)),
  parameters: z.strictObject(parametersShape),
});

export type AssumptionSet = z.infer<typeof AssumptionSetSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type ScalarParameter = z.infer<typeof ScalarParameterSchema>;
export type DatedPoint = z.infer<typeof DatedPointSchema>;
export type PathParameter = z.infer<typeof PathParameterSchema>;
export type SharesParameter = z.infer<typeof SharesParameterSchema>;
export type Parameter = ScalarParameter | PathParameter | SharesParameter;
/** A set document before validation, as authored: with `extends`, parameters may be left out. */
export type AssumptionSetInput = Omit<AssumptionSet, "parameters"> & { parameters: Partial<AssumptionSet["parameters"]> };

/** A refusal of a set document, with every problem found (at most 20 listed). */
export class SetValidationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : "";
    super(`The assumption set was refused: ${shown.join("; ")}${more}`);
    this.name = "SetValidationError";
    this.problems = problems;
  }
}

const SHARES_TOLERANCE = 1e-6;
/** Most sources a shares parameter (the funding mix) may list. */
export const MAX_SHARE_SOURCES = 20;

/** The first day a date as YYYY, YYYY-MM or YYYY-MM-DD can mean ("2024" → "2024-01-01"), comparable as text. */
const firstDay = (date: string) => (date + "-01-01").slice(0, 10);

/** Checks that zod's structure cannot express: units, ranges, year coverage, shares summing to 1. */
function semanticProblems(set: AssumptionSet): string[] {
  const problems: string[] = [];
  const firstYear = set.base_year + 1;
  let pathYears: string | undefined;
  for (const key of PARAMETER_KEYS) {
    const spec: ParameterSpec = PARAMETERS[key];
    const p = set.parameters[key] as Parameter;
    const at = `parameters.${key}`;
    if (p.unit !== spec.unit) problems.push(`${at}.unit must be "${spec.unit}", got "${p.unit}"`);
    if (p.min > p.max) problems.push(`${at}: min ${p.min} is above max ${p.max}`);
    if (p.min < spec.floor || p.max > spec.ceiling) {
      problems.push(`${at}: range ${p.min}–${p.max} must lie within ${spec.floor}–${spec.ceiling}`);
    }
    if (spec.positive && p.min <= 0) problems.push(`${at}: min must be above 0`);
    if (p.basis !== "published" && p.basis !== "derived" && !p.note) problems.push(`${at}: a ${p.basis} figure needs a note saying how`);
    if (p.basis === "derived" && !p.derivation) problems.push(`${at}: a derived figure needs its derivation written (derivation)`);
    if (spec.mwBasis && p.mw_basis !== spec.mwBasis) {
      problems.push(`${at}.mw_basis must be "${spec.mwBasis}" (${spec.mwBasis === "it" ? "IT" : "grid"} MW), got ${p.mw_basis === undefined ? "none" : `"${p.mw_basis}"`}`);
    }
    if (!spec.mwBasis && p.mw_basis !== undefined) problems.push(`${at}.mw_basis: ${key} is not measured in MW`);
    if (p.inherited && !set.extends) problems.push(`${at} is marked inherited but the set extends no base`);
    const inRange = (v: number, where: string) => {
      if (v < p.min || v > p.max) problems.push(`${where} is ${v}; allowed ${p.min}–${p.max}`);
    };
    if ("value" in p) inRange(p.value, `${at}.value`);
    if ("value" in p && p.dated_path) {
      const days = p.dated_path.map((pt) => firstDay(pt.date));
      p.dated_path.forEach((pt, i) => {
        inRange(pt.value, `${at}.dated_path.${pt.date}`);
        if (days[i] > set.vintage) problems.push(`${at}.dated_path: the point of ${pt.date} is after the set's vintage ${set.vintage}`);
      });
      if (days.some((d, i) => i > 0 && d <= days[i - 1])) problems.push(`${at}.dated_path must run oldest first, one point a date`);
    }
    if ("path" in p) {
      const years = Object.keys(p.path).map(Number).sort((a, b) => a - b);
      if (years.length === 0) problems.push(`${at}.path is empty`);
      years.forEach((y, i) => {
        if (y !== firstYear + i) {
          problems.push(`${at}.path must cover consecutive years from ${firstYear} (base year + 1); found ${y}`);
        }
      });
      for (const [y, v] of Object.entries(p.path)) inRange(v, `${at}.path.${y}`);
      const basisYears = Object.keys(p.path_basis).sort().join(",");
      if (basisYears !== [...years].map(String).join(",")) {
        problems.push(`${at}.path_basis must give the basis of exactly the years of the path`);
      }
      years.forEach((y, i) => {
        if (i > 0 && p.path[String(y)] < p.path[String(years[i - 1])]) {
          problems.push(`${at}.path falls in ${y}; a cumulative path must not decrease`);
        }
      });
      // The workbook's audit table writes a path into one cell; the other fields' limits keep theirs within it.
      const textLength = pathText(p.path, p.path_basis).length;
      if (textLength > EXCEL_CELL_CHARS) {
        problems.push(
          `${at}.path runs to ${textLength.toLocaleString("en-US")} characters as text, over the ${EXCEL_CELL_CHARS.toLocaleString("en-US")} one Excel cell holds; cover fewer years`,
        );
      }
      const signature = years.join(",");
      if (pathYears === undefined) pathYears = signature;
      else if (signature !== pathYears) problems.push(`${at}.path must cover the same years as the other paths`);
    }
    if ("shares" in p) {
      const entries = Object.entries(p.shares);
      if (entries.length === 0 || entries.length > MAX_SHARE_SOURCES) problems.push(`${at}.shares must list 1–${MAX_SHARE_SOURCES} sources`);
      for (const [s, v] of entries) inRange(v, `${at}.shares.${s}`);
      const sum = entries.reduce((acc, [, v]) => acc + v, 0);
      if (Math.abs(sum - 1) > SHARES_TOLERANCE) problems.push(`${at}.shares must sum to 1, got ${sum}`);
      if (p.classes) {
        for (const s of Object.keys(p.classes)) {
          if (!Object.hasOwn(p.shares, s)) problems.push(`${at}.classes.${s}: not a source of ${at}.shares`);
        }
      }
    }
  }
  if (set.extends && set.extends.id === set.id) problems.push(`extends: a set cannot extend itself`);
  return [...new Set(problems)];
}

/** The bundled sets a document's `extends` may name (registered by ./sets, which imports this module). */
type BaseLookup = (id: string, version: number) => AssumptionSet | undefined;
let baseLookup: BaseLookup = () => undefined;
export function registerBaseSets(lookup: BaseLookup): void {
  baseLookup = lookup;
}

/**
 * A set that `extends` a base and leaves parameters out gets them from the
 * base, marked `inherited`. Stored and exported sets are always complete, so
 * a workbook never depends on the add-in still shipping that base version.
 */
function fillFromBase(doc: Record<string, unknown>): Record<string, unknown> | string {
  const ext = doc.extends as { id?: unknown; version?: unknown } | undefined;
  const params = doc.parameters;
  if (!ext || typeof params !== "object" || params === null || Array.isArray(params)) return doc;
  const missing = PARAMETER_KEYS.filter((k) => !Object.hasOwn(params, k));
  if (missing.length === 0) return doc;
  if (typeof ext.id !== "string" || typeof ext.version !== "number") return doc; // zod names the problem
  const base = baseLookup(ext.id, ext.version);
  if (!base) {
    return `extends: the base set "${ext.id}" version ${ext.version} is not bundled with this add-in, so the ${missing.length} parameters left out (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""}) cannot be filled in`;
  }
  const given = params as Record<string, unknown>;
  const filled: Record<string, unknown> = {};
  for (const k of PARAMETER_KEYS) filled[k] = Object.hasOwn(given, k) ? given[k] : { ...structuredClone(base.parameters[k]), inherited: true };
  for (const [k, v] of Object.entries(given)) if (!Object.hasOwn(PARAMETERS, k)) filled[k] = v; // named by validation
  return { ...doc, parameters: filled };
}

/**
 * Validates an already-parsed document. Throws `SetValidationError` naming
 * every problem; a document from a newer schema version is refused by name.
 */
export function parseAssumptionSet(doc: unknown): AssumptionSet {
  if (typeof doc === "object" && doc !== null && !Array.isArray(doc)) {
    const version = (doc as Record<string, unknown>).schema_version;
    if (typeof version === "number" && version > SCHEMA_VERSION) {
      throw new SetValidationError([
        `schema_version ${version} is newer than this add-in understands (${SCHEMA_VERSION}); update INFRA for Excel to read it`,
      ]);
    }
    // An older document is converted first; the result is validated like any other.
    doc = migrateSetDocument(doc as Record<string, unknown>);
    const filled = fillFromBase(doc as Record<string, unknown>);
    if (typeof filled === "string") throw new SetValidationError([filled]);
    doc = filled;
  }
  const result = AssumptionSetSchema.safeParse(doc);
  if (!result.success) {
    throw new SetValidationError(
      result.error.issues.map((issue) => {
        const at = issue.path.length ? issue.path.join(".") : "document";
        return `${at}: ${issue.message}`;
      }),
    );
  }
  const problems = semanticProblems(result.data);
  if (problems.length) throw new SetValidationError(problems);
  return result.data;
}

/** Parses JSON text (size-limited) into a validated set. */
export function parseAssumptionSetJson(json: string): AssumptionSet {
  if (json.length > MAX_SET_JSON_CHARS) {
    throw new SetValidationError([
      `the file is ${(json.length / 1e6).toFixed(1)} MB; the limit is ${MAX_SET_JSON_CHARS / 1e6} MB`,
    ]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new SetValidationError([`not valid JSON (${(e as Error).message})`]);
  }
  return parseAssumptionSet(doc);
}

/** Canonical JSON of a set (stable key order as built), for export and storage. */
export function serializeAssumptionSet(set: AssumptionSet): string {
  return JSON.stringify(set, null, 2);
}


const DerivedFieldsSchema = z.strictObject({
  id: setId,
  name: nonEmptyText(120),
  extends: z.optional(z.strictObject({ id: setId, version: setVersion })),
});

/**
 * Validates a set derived from an already-validated base by changing the
 * parameters `changed` (a scenario handle): those parameters and the set's
 * own fields through their schema, then every semantic check on the whole
 * set, so it is refused for exactly what `parseAssumptionSet` would refuse.
 * The unchanged parameters were validated with the base; not parsing them
 * again keeps a derived set cheap.
 */
export function parseDerivedSet(doc: AssumptionSet, changed: readonly ParameterKey[]): AssumptionSet {
  const problems: string[] = [];
  const parameters = { ...doc.parameters } as Record<ParameterKey, Parameter>;
  for (const key of changed) {
    const result = schemaFor(PARAMETERS[key]).safeParse(doc.parameters[key]);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`parameters.${key}${issue.path.length ? `.${issue.path.join(".")}` : ""}: ${issue.message}`);
    } else parameters[key] = result.data;
  }
  if (problems.length) throw new SetValidationError(problems);
  // Set-level fields differ from the base's only in what the caller derived (id, name, extends): checked here.
  const fields = DerivedFieldsSchema.safeParse({ id: doc.id, name: doc.name, extends: doc.extends });
  if (!fields.success) throw new SetValidationError(fields.error.issues.map((i) => `${i.path.join(".") || "document"}: ${i.message}`));
  const derived = { ...doc, parameters } as AssumptionSet;
  const semantic = semanticProblems(derived);
  if (semantic.length) throw new SetValidationError(semantic);
  return derived;
}
