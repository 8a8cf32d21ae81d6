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
import { PARAMETERS, PARAMETER_KEYS, type ParameterKey, type ParameterSpec } from "./catalogue";
import { EXCEL_CELL_CHARS, pathText } from "./cell-text";

// Before any schema is built (objects read it when constructed). zod/mini has no default
// locale: English gives the messages the classic API gives. Jitless: zod never probes
// `new Function`, which the pages' CSP (no 'unsafe-eval') would report as a violation.
z.config({ ...en(), jitless: true });

export const SET_FORMAT = "infra-assumption-set";
export const SCHEMA_VERSION = 1;
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

const BASES = ["published", "derived", "calibrated", "chosen"] as const;

const parameterCommon = {
  unit: text(40),
  min: z.number(),
  max: z.number(),
  sources: z.array(SourceSchema).check(z.minLength(1), z.maxLength(20)),
  /** How the figure was arrived at; a note is required unless it is published as is. */
  basis: z.enum(BASES),
  note: z.optional(text(3000)),
};

export const ScalarParameterSchema = z.strictObject({ ...parameterCommon, value: z.number() });
export const PathParameterSchema = z.strictObject({
  ...parameterCommon,
  path: z.record(yearKey, z.number()),
});
export const SharesParameterSchema = z.strictObject({
  ...parameterCommon,
  shares: z.record(sourceId, z.number()),
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
  name: nonEmptyText(120),
  summary: nonEmptyText(300),
  description: text(4000),
  vintage: isoDate,
  base_year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
  /** For a user-edited set: the bundled reference it started from. */
  reference: z.optional(z.strictObject({ id: setId, vintage: isoDate })),
  parameters: z.strictObject(parametersShape),
});

export type AssumptionSet = z.infer<typeof AssumptionSetSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type ScalarParameter = z.infer<typeof ScalarParameterSchema>;
export type PathParameter = z.infer<typeof PathParameterSchema>;
export type SharesParameter = z.infer<typeof SharesParameterSchema>;
export type Parameter = ScalarParameter | PathParameter | SharesParameter;

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
    if (p.basis !== "published" && !p.note) problems.push(`${at}: a ${p.basis} figure needs a note saying how`);
    const inRange = (v: number, where: string) => {
      if (v < p.min || v > p.max) problems.push(`${where} is ${v}; allowed ${p.min}–${p.max}`);
    };
    if ("value" in p) inRange(p.value, `${at}.value`);
    if ("path" in p) {
      const years = Object.keys(p.path).map(Number).sort((a, b) => a - b);
      if (years.length === 0) problems.push(`${at}.path is empty`);
      years.forEach((y, i) => {
        if (y !== firstYear + i) {
          problems.push(`${at}.path must cover consecutive years from ${firstYear} (base year + 1); found ${y}`);
        }
      });
      for (const [y, v] of Object.entries(p.path)) inRange(v, `${at}.path.${y}`);
      years.forEach((y, i) => {
        if (i > 0 && p.path[String(y)] < p.path[String(years[i - 1])]) {
          problems.push(`${at}.path falls in ${y}; a cumulative path must not decrease`);
        }
      });
      // The workbook's audit table writes a path into one cell; the other fields' limits keep theirs within it.
      const textLength = pathText(p.path).length;
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
      if (entries.length === 0 || entries.length > 20) problems.push(`${at}.shares must list 1–20 sources`);
      for (const [s, v] of entries) inRange(v, `${at}.shares.${s}`);
      const sum = entries.reduce((acc, [, v]) => acc + v, 0);
      if (Math.abs(sum - 1) > SHARES_TOLERANCE) problems.push(`${at}.shares must sum to 1, got ${sum}`);
    }
  }
  return [...new Set(problems)];
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

