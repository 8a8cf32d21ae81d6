/**
 * How a workbook's assumption state is written into cells and read back:
 * canonical JSON split into cell-sized parts, plus a readable table for the
 * analyst. Pure (no Office types), so the Excel host, the playground and the
 * tests share one reader. Everything read back is treated as untrusted text:
 * size-limited, parsed as JSON, and validated through `parseAssumptionSet`.
 */
import { pathText } from "../model/cell-text";
import { PARAMETERS, PARAMETER_KEYS, type ParameterKey } from "../model/catalogue";
import {
  MAX_SET_JSON_CHARS,
  parseAssumptionSet,
  SetValidationError,
  type AssumptionSet,
  type Parameter,
} from "../model/schema";
import { bundledSet } from "../model/sets";
import { editedId, storedSetStatus } from "../model/sets/versions";
import type { LoadResult, WorkbookState } from "./host";

/** Marker written beside the state, so a sheet of that name made by someone else is never taken for ours. */
export const STATE_FORMAT = "infra-workbook-state";
export const STATE_SCHEMA_VERSION = 1;
/** Whole stored state (active + saved sets), in characters of JSON text. */
export const MAX_STATE_CHARS = MAX_SET_JSON_CHARS;
/** User-edited sets a workbook keeps beside the active one. */
export const MAX_SAVED_SETS = 20;
/** Characters of JSON per cell: below Excel's 32,767-character cell limit, leaving room for the part label. */
export const CHUNK_CHARS = 32_000;
/** Cells the JSON may occupy; a declared count above this means more than MAX_STATE_CHARS. */
export const MAX_CHUNKS = Math.ceil(MAX_STATE_CHARS / CHUNK_CHARS);

/** The sheet that holds the state (hidden, not very hidden, so the analyst can audit it). */
export const STATE_SHEET = "INFRA_Assumptions";
/** Why a sheet of that name without the marker is neither read nor ever overwritten. */
export const FOREIGN_SHEET_REASON = `a sheet named ${STATE_SHEET} exists but was not written by INFRA; rename it`;
/** Label and key/value block the reader checks first: B2 format marker, B3 schema version, B4 parts, B5 characters. */
export const META_RANGE = "A1:B7";
/** The JSON parts, one per cell from row 2, in order. */
export const CHUNK_COLUMN = "J";
export const CHUNK_RANGE = `${CHUNK_COLUMN}2:${CHUNK_COLUMN}${1 + MAX_CHUNKS}`;
/**
 * The workbook's defined name on the cell holding the active set's handle
 * (id and content hash), rewritten by every apply: formulas that pass it as
 * their `scenario` follow the active set through Excel's dependency graph.
 */
export const ACTIVE_NAME = "INFRA_ACTIVE";
/** The cell INFRA_ACTIVE refers to, with its label in A8 (the reader ignores row 8). */
export const ACTIVE_CELL = "B8";
export const ACTIVE_LABEL_CELL = "A8";
export const ACTIVE_REFERENCE = `=${STATE_SHEET}!$B$8`;
/** First row (header) of the readable table. */
export const AUDIT_FIRST_ROW = 9;

const PART_LABEL = /^part (\d+) of (\d+): /;

export class StateReadError extends Error {
  readonly problems: string[];
  constructor(reason: string, problems: string[] = [reason]) {
    super(reason);
    this.name = "StateReadError";
    this.problems = problems;
  }
}

/** Canonical JSON of a workbook state (the sets' key order as built). */
export function encodeState(state: WorkbookState): string {
  const doc = {
    format: STATE_FORMAT,
    schema_version: STATE_SCHEMA_VERSION,
    active: state.active,
    saved: state.saved,
  };
  return JSON.stringify(doc);
}

/**
 * Validates a state before it is written: every set through the schema, ids
 * unique, within the size limits. Throws `SetValidationError` naming the problems.
 */
export function checkStateForWrite(state: WorkbookState): string {
  const problems: string[] = [];
  const sets: Array<[string, unknown]> = [["active", state.active], ...state.saved.map((s, i): [string, unknown] => [`saved[${i}]`, s])];
  for (const [at, set] of sets) {
    try {
      parseAssumptionSet(set);
    } catch (e) {
      if (!(e instanceof SetValidationError)) throw e;
      problems.push(...e.problems.map((p) => `${at}: ${p}`));
    }
  }
  if (state.saved.length > MAX_SAVED_SETS) problems.push(`a workbook keeps at most ${MAX_SAVED_SETS} saved sets; got ${state.saved.length}`);
  const dup = duplicateId(state.active, state.saved);
  if (dup) problems.push(dup);
  if (problems.length) throw new SetValidationError(problems);
  const json = encodeState(state);
  if (json.length > MAX_STATE_CHARS) {
    throw new SetValidationError([
      `the workbook state is ${(json.length / 1e6).toFixed(2)} MB of JSON; the limit is ${MAX_STATE_CHARS / 1e6} MB (remove saved sets)`,
    ]);
  }
  return json;
}

/** The problem with the ids of a state's sets, if two share one (reading refuses it as writing does). */
function duplicateId(active: { id: string }, saved: ReadonlyArray<{ id: string }>): string | null {
  const ids = saved.map((s) => s.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) return `saved sets must have distinct ids; "${dup}" appears twice`;
  if (ids.includes(active.id)) return `a saved set has the active set's id "${active.id}"`;
  return null;
}

/**
 * Checks every stored set against the bundled reference of its id. A set that
 * claims a reference's id and version but carries other values is renamed
 * "<id>-edited" with that reference recorded, so a formula naming the id gets
 * the add-in's reference and the pane never presents the copy as it; an older
 * (or newer) version is kept as is. Every finding becomes a notice.
 */
export function vetStoredState(state: WorkbookState): { state: WorkbookState; notices: string[] } {
  const notices: string[] = [];
  const taken = new Set([state.active.id, ...state.saved.map((s) => s.id)]);
  const vet = (set: AssumptionSet): AssumptionSet => {
    const status = storedSetStatus(set);
    if (status.kind === "older") {
      notices.push(
        `The workbook uses version ${set.version} of “${set.id}” and keeps computing with it; this add-in has version ${status.latest.version} (update it in the task pane).`,
      );
    } else if (status.kind === "newer") {
      notices.push(
        `The workbook holds version ${set.version} of “${set.id}”, newer than this add-in's version ${status.latest.version}; it is used as stored, unverified.`,
      );
    } else if (status.kind === "altered") {
      let id = editedId(set.id);
      for (let n = 2; taken.has(id); n++) id = `${editedId(set.id).slice(0, 36)}-${n}`;
      taken.add(id);
      notices.push(
        `The workbook's set “${set.id}” claims to be version ${set.version} of the bundled reference but its values differ from that version; it is shown as “${id}”, a set edited from it, and “${set.id}” in a formula means the add-in's reference.`,
      );
      return {
        ...set,
        id,
        name: `${set.name.slice(0, 111)} (edited)`,
        reference: { id: set.id, version: set.version, vintage: set.vintage },
      };
    }
    return set;
  };
  const active = vet(state.active);
  const saved = state.saved.map(vet);
  return { state: { active, saved }, notices };
}

/** Splits JSON into labelled cell texts ("part 1 of 3: ..."); the label keeps the text from being read as a number or formula. */
export function toChunks(json: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  do {
    let end = Math.min(start + CHUNK_CHARS, json.length);
    // Never cut between the two halves of a surrogate pair (an emoji, say): each cell would hold a lone half.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1)) && isLowSurrogate(json.charCodeAt(end))) end--;
    pieces.push(json.slice(start, end));
    start = end;
  } while (start < json.length);
  const n = pieces.length;
  return pieces.map((piece, i) => `part ${i + 1} of ${n}: ${piece}`);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Joins the cell texts back; throws `StateReadError` for missing, reordered or oversized parts. */
export function fromChunks(cells: readonly unknown[], declaredCount: number): string {
  if (!Number.isInteger(declaredCount) || declaredCount < 1) {
    throw new StateReadError(`the part count is ${String(declaredCount)}, not a whole number of at least 1`);
  }
  if (declaredCount > MAX_CHUNKS) {
    throw new StateReadError(
      `the stored state is in ${declaredCount} parts, over ${MAX_STATE_CHARS / 1e6} MB; the limit is ${MAX_CHUNKS} parts`,
    );
  }
  let json = "";
  for (let i = 0; i < declaredCount; i++) {
    const cell = cells[i];
    if (typeof cell !== "string") throw new StateReadError(`part ${i + 1} of the stored state is missing or not text`);
    const m = PART_LABEL.exec(cell);
    if (!m || Number(m[1]) !== i + 1 || Number(m[2]) !== declaredCount) {
      throw new StateReadError(`part ${i + 1} of the stored state is out of place or relabelled`);
    }
    json += cell.slice(m[0].length);
    if (json.length > MAX_STATE_CHARS) {
      throw new StateReadError(`the stored state is over ${MAX_STATE_CHARS / 1e6} MB; the limit is ${MAX_STATE_CHARS / 1e6} MB`);
    }
  }
  return json;
}

/**
 * Parses and validates stored JSON (migrating older set schemas) and vets the
 * sets against the bundled references (`vetStoredState`). Throws
 * `StateReadError` with every problem found.
 */
export function decodeState(json: string): WorkbookState & { notices: string[] } {
  if (json.length > MAX_STATE_CHARS) {
    throw new StateReadError(`the stored state is ${(json.length / 1e6).toFixed(2)} MB; the limit is ${MAX_STATE_CHARS / 1e6} MB`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new StateReadError(`the stored state is not valid JSON (${(e as Error).message})`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new StateReadError("the stored state is not a JSON object");
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== STATE_FORMAT) throw new StateReadError(`the stored state lacks the "${STATE_FORMAT}" format marker`);
  if (typeof d.schema_version === "number" && d.schema_version > STATE_SCHEMA_VERSION) {
    throw new StateReadError(
      `the stored state has schema_version ${d.schema_version}, newer than this add-in understands (${STATE_SCHEMA_VERSION}); update INFRA for Excel to read it`,
    );
  }
  if (d.schema_version !== STATE_SCHEMA_VERSION) {
    throw new StateReadError(`the stored state has schema_version ${JSON.stringify(d.schema_version)}; expected ${STATE_SCHEMA_VERSION}`);
  }
  const extra = Object.keys(d).filter((k) => !["format", "schema_version", "active", "saved"].includes(k));
  if (extra.length) throw new StateReadError(`the stored state has unknown fields: ${extra.slice(0, 5).join(", ")}`);
  if (!Array.isArray(d.saved)) throw new StateReadError("the stored state's saved sets are not a list");
  if (d.saved.length > MAX_SAVED_SETS) {
    throw new StateReadError(`the stored state keeps ${d.saved.length} saved sets; the limit is ${MAX_SAVED_SETS}`);
  }
  const problems: string[] = [];
  const parse = (at: string, x: unknown): AssumptionSet | null => {
    try {
      return parseAssumptionSet(x);
    } catch (e) {
      if (!(e instanceof SetValidationError)) throw e;
      problems.push(...e.problems.map((p) => `${at}: ${p}`));
      return null;
    }
  };
  const active = parse("active", d.active);
  const saved = d.saved.map((s, i) => parse(`saved[${i}]`, s));
  if (problems.length || !active) {
    const shown = problems.slice(0, 3).join("; ");
    throw new StateReadError(`the stored assumption set is invalid: ${shown}${problems.length > 3 ? " …" : ""}`, problems);
  }
  const dup = duplicateId(active, saved as AssumptionSet[]);
  if (dup) throw new StateReadError(`the stored state is invalid: ${dup}`);
  const vetted = vetStoredState({ active, saved: saved as AssumptionSet[] });
  return { ...vetted.state, notices: vetted.notices };
}

/** How a set relates to the bundled reference it came from, for notes and the audit table. */
export function editedFromReference(set: AssumptionSet): { edited: boolean; reference: string | null } {
  if (set.reference) return { edited: true, reference: set.reference.id };
  const bundled = bundledSet(set.id);
  if (!bundled) return { edited: true, reference: null };
  // An older version of the reference is not an edit (`vetStoredState` renamed any altered copy).
  return { edited: set.version === bundled.version && JSON.stringify(bundled) !== JSON.stringify(set), reference: bundled.id };
}

export type AuditCell = string | number;

export const AUDIT_HEADER = ["set", "parameter", "value or path", "unit", "valid range", "basis", "sources", "note"] as const;

/** A path shows each year's basis beside its value: "2028: 67 (calibrated)". */
function valueText(p: Parameter): AuditCell {
  if ("value" in p) return p.value;
  if ("path" in p) return pathText(p.path, p.path_basis);
  return Object.entries(p.shares).map(([s, v]) => `${s}: ${v}`).join("; ");
}

const MW_BASIS_TEXT = { it: "IT", grid: "grid" } as const;

/**
 * The readable table: one row per parameter of every set the workbook keeps,
 * active first. The unit says the MW basis, a path its basis year by year,
 * the basis column whether the value is inherited from the set's base.
 */
export function auditRows(state: WorkbookState): AuditCell[][] {
  const rows: AuditCell[][] = [];
  const sets: Array<[AssumptionSet, string]> = [[state.active, " (active)"], ...state.saved.map((s): [AssumptionSet, string] => [s, ""])];
  for (const [set, tag] of sets) {
    for (const key of PARAMETER_KEYS as readonly ParameterKey[]) {
      const p = set.parameters[key] as Parameter;
      const inherited = p.inherited && set.extends ? `; inherited from ${set.extends.id} v${set.extends.version}` : "";
      const notes = [p.derivation ? `Derivation: ${p.derivation}` : "", p.note ?? ""].filter(Boolean).join(" ");
      rows.push([
        `${set.id} v${set.version}${tag}`,
        `${key}: ${PARAMETERS[key].label}`,
        valueText(p),
        p.mw_basis ? `${p.unit} (${MW_BASIS_TEXT[p.mw_basis]})` : p.unit,
        `${p.min} to ${p.max}`,
        `${p.basis}${inherited}`,
        p.sources.map((s) => `${s.publisher}, ${s.title} (${s.date})${s.url ? ` ${s.url}` : ""}`).join("; "),
        notes,
      ]);
    }
  }
  return rows;
}

/**
 * Text bound for a cell: a leading = + - @ would make Excel read it as a
 * formula, so such text gets Excel's text prefix (an apostrophe).
 */
export function asCellText(value: AuditCell): AuditCell {
  if (typeof value !== "string") return value;
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

const isBlank = (v: unknown) => v === "" || v === null || v === undefined;

/**
 * Interprets the cells of the state sheet: `meta` is META_RANGE (7 × 2),
 * `parts` is CHUNK_RANGE (one column). Never throws: bad content becomes
 * "unreadable" with the reason. `key` identifies what was read.
 * Blank marker and JSON cells read as "empty"; the Excel host asks only when
 * the sheet's used range is not null, so there a sheet with data elsewhere
 * (from A9, columns C–H) is someone else's, never "empty".
 */
export function interpretStateCells(meta: unknown[][], parts: unknown[][]): { result: LoadResult; key: string } {
  const unreadable = (reason: string, problems: string[] = [reason]) => ({
    result: { kind: "unreadable" as const, reason, problems },
    key: `unreadable:${reason}`,
  });
  const cell = (r: number, c: number) => meta[r]?.[c];
  if (cell(1, 1) !== STATE_FORMAT) {
    const blank = meta.every((row) => row.every(isBlank)) && parts.every((row) => row.every(isBlank));
    if (blank) return { result: { kind: "empty" }, key: "empty" };
    const problems = [`B2 of ${STATE_SHEET} does not hold the "${STATE_FORMAT}" marker`];
    return { result: { kind: "unreadable", reason: FOREIGN_SHEET_REASON, problems, foreign: true }, key: `unreadable:${FOREIGN_SHEET_REASON}` };
  }
  const version = cell(2, 1);
  if (typeof version === "number" && version > STATE_SCHEMA_VERSION) {
    return unreadable(
      `the stored state has schema_version ${version}, newer than this add-in understands (${STATE_SCHEMA_VERSION}); update INFRA for Excel to read it`,
    );
  }
  if (version !== STATE_SCHEMA_VERSION) {
    return unreadable(`the stored state has schema_version ${JSON.stringify(version)}; expected ${STATE_SCHEMA_VERSION}`);
  }
  try {
    const json = fromChunks(
      parts.map((row) => row[0]),
      Number(cell(3, 1)),
    );
    if (json.length !== cell(4, 1)) {
      throw new StateReadError(`the stored state has ${json.length} characters; B5 says ${String(cell(4, 1))} (parts missing or edited)`);
    }
    const { notices, ...state } = decodeState(json);
    return { result: notices.length ? { kind: "stored", state, notices } : { kind: "stored", state }, key: json };
  } catch (e) {
    if (e instanceof StateReadError) return unreadable(e.message, e.problems);
    throw e;
  }
}

