/**
 * What the pane edits, without any DOM: the editable fields of a set (one per
 * scalar, one per year of a path, one per funding source), reading and
 * changing them immutably, checking a typed value, telling which values differ
 * from the reference set, and the key figures of a preview. Every change
 * still goes through `parseAssumptionSet` before it reaches the workbook.
 */
import { PARAMETERS, PARAMETER_KEYS, type ParameterGroup, type ParameterKey, type ParameterSpec } from "../model/catalogue";
import { compileSet } from "../model/compiled-set";
import { fundingPlan } from "../model/funding";
import { nuclearEquiv, powerGapGw } from "../model/power";
import { citationText } from "../model/assumptions";
import { parseAssumptionSet, SetValidationError, type AssumptionSet, type Parameter, type YearBasis } from "../model/schema";
import { bundledSet } from "../model/sets";
import { editedId, storedSetStatus, valuesOf } from "../model/sets/versions";

export { editedId };

/** One editable number: a scalar (`part` null), a path year ("2028") or a funding source ("ig_bonds"). */
export interface Field {
  key: ParameterKey;
  part: string | null;
}

export const GROUP_LABELS: Record<ParameterGroup, string> = {
  power: "Power",
  funding: "Funding",
  valuation: "Valuation",
};

export function spec(key: ParameterKey): ParameterSpec {
  return PARAMETERS[key];
}

export function parameter(set: AssumptionSet, key: ParameterKey): Parameter {
  return set.parameters[key] as Parameter;
}

/** The parts of a parameter in display order: [null] for a scalar, years for a path, sources for shares. */
export function partsOf(p: Parameter): (string | null)[] {
  if ("value" in p) return [null];
  if ("path" in p) return Object.keys(p.path).sort();
  return Object.keys(p.shares);
}

export function fieldsOf(set: AssumptionSet, key: ParameterKey): Field[] {
  return partsOf(parameter(set, key)).map((part) => ({ key, part }));
}

export function fieldId(f: Field): string {
  return f.part === null ? f.key : `${f.key}.${f.part}`;
}

export function valueOf(set: AssumptionSet, f: Field): number | undefined {
  const p = parameter(set, f.key);
  if ("value" in p) return p.value;
  if (f.part === null) return undefined;
  // Own keys only: a funding source named "constructor" is absent from a set without it, not Object's.
  const values: Readonly<Record<string, number>> = "path" in p ? p.path : p.shares;
  return Object.hasOwn(values, f.part) ? values[f.part] : undefined;
}

/**
 * A copy of `set` with one value changed (the document itself is never
 * mutated). A changed value is no longer inherited from the set's base, and a
 * changed path year is the analyst's choice.
 */
export function withValue(set: AssumptionSet, f: Field, value: number): AssumptionSet {
  const { inherited: _was, ...p } = parameter(set, f.key);
  void _was;
  let next: Parameter;
  if ("value" in p) next = { ...p, value };
  else if ("path" in p) {
    const year = f.part as string;
    const changed = p.path[year] !== value;
    next = { ...p, path: { ...p.path, [year]: value }, path_basis: changed ? { ...p.path_basis, [year]: "chosen" } : p.path_basis };
  } else next = { ...p, shares: { ...p.shares, [f.part as string]: value } };
  if (parameter(set, f.key).inherited && valueOf(set, f) === value) return set;
  return { ...set, parameters: { ...set.parameters, [f.key]: next } };
}

export type Checked = { ok: true; value: number } | { ok: false; message: string };

/** Parses what the user typed and checks it against the parameter's own range (and the catalogue's). */
export function checkInput(set: AssumptionSet, f: Field, raw: string): Checked {
  const text = raw.trim();
  if (text === "") return { ok: false, message: "Enter a number." };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    return { ok: false, message: `"${text.length > 20 ? `${text.slice(0, 20)}…` : text}" is not a number; use digits and a decimal point.` };
  }
  const value = Number(text);
  const p = parameter(set, f.key);
  const s = spec(f.key);
  const min = Math.max(p.min, s.floor);
  const max = Math.min(p.max, s.ceiling);
  if (value < min || value > max) return { ok: false, message: `Must be between ${fmt(min)} and ${fmt(max)} ${p.unit}.` };
  if (s.positive && value <= 0) return { ok: false, message: "Must be above 0." };
  return { ok: true, value };
}

/** The whole-set problems left after an edit (a falling path, shares not summing to 1), or none. */
export function setProblems(set: AssumptionSet): string[] {
  try {
    parseAssumptionSet(set);
    return [];
  } catch (e) {
    if (e instanceof SetValidationError) return e.problems;
    throw e;
  }
}

/** Problems that concern one parameter (by its `parameters.KEY` prefix). */
export function problemsFor(problems: readonly string[], key: ParameterKey): string[] {
  return problems.filter((p) => p.startsWith(`parameters.${key}`));
}

export function sharesSum(set: AssumptionSet): number {
  return Object.values(set.parameters.funding_mix.shares).reduce((a, b) => a + b, 0);
}

/**
 * The bundled set a set is compared with and reset to: its `reference`, or
 * itself when bundled, at the version it names. A workbook pinned to an older
 * version of a reference is that version (compared with itself); an edit of an
 * older version has no reference here to compare with (the update offer shows
 * what the newer version changes).
 */
export function referenceOf(set: AssumptionSet): AssumptionSet | undefined {
  const id = set.reference?.id ?? set.id;
  const version = set.reference?.version ?? set.version;
  const bundled = bundledSet(id);
  if (bundled && bundled.version === version) return bundled;
  return !set.reference && bundled ? set : undefined;
}

/** The basis of one year of a path ("calibrated"), or null for a scalar or a share. */
export function yearBasisOf(set: AssumptionSet, f: Field): YearBasis | null {
  const p = parameter(set, f.key);
  return "path" in p && f.part !== null ? (p.path_basis[f.part] ?? null) : null;
}

/** The base a parameter's value is inherited from ("call-2026-02 v1"), or null when the set gives its own. */
export function inheritedFrom(set: AssumptionSet, key: ParameterKey): string | null {
  return parameter(set, key).inherited && set.extends ? `${set.extends.id} v${set.extends.version}` : null;
}

export interface UpdateDifference {
  field: Field;
  old: number | undefined;
  new: number | undefined;
  /** The newer version's citation of the parameter. */
  source: string;
}

export interface UpdateOffer {
  latest: AssumptionSet;
  differences: UpdateDifference[];
}

/**
 * When the workbook holds an older version of a bundled reference: the add-in's
 * version and every value that differs (old, new, the new version's source).
 * Nothing changes until the analyst asks for the update.
 */
export function updateOffer(set: AssumptionSet): UpdateOffer | null {
  const status = storedSetStatus(set);
  if (status.kind !== "older") return null;
  const latest = status.latest;
  const fields = PARAMETER_KEYS.flatMap((k) => {
    const parts = new Set([...partsOf(parameter(set, k)), ...partsOf(parameter(latest, k))]);
    return [...parts].map((part) => ({ key: k, part }));
  });
  const differences = fields
    .filter((f) => valueOf(set, f) !== valueOf(latest, f))
    .map((f) => ({ field: f, old: valueOf(set, f), new: valueOf(latest, f), source: citationText(parameter(latest, f.key).sources) }));
  return { latest, differences };
}

export function differs(set: AssumptionSet, ref: AssumptionSet | undefined, f: Field): boolean {
  if (!ref) return false;
  return valueOf(set, f) !== valueOf(ref, f);
}

/** Fields whose value differs from the reference (a field the reference lacks counts as differing). */
export function changedFields(set: AssumptionSet, ref: AssumptionSet | undefined): Field[] {
  if (!ref) return [];
  return PARAMETER_KEYS.flatMap((k) => fieldsOf(set, k)).filter((f) => differs(set, ref, f));
}

/**
 * The set an edit produces. Editing a bundled set makes a new, user-owned set
 * that records where it came from; a user's set keeps its id.
 */
export function beginEdit(set: AssumptionSet, today: string): AssumptionSet {
  if (!bundledSet(set.id) || set.reference) return set;
  return {
    ...set,
    id: editedId(set.id),
    name: `${set.name} (edited)`.slice(0, 120),
    summary: `Edited from ${set.id} version ${set.version} (${set.vintage}).`,
    vintage: today,
    reference: { id: set.id, version: set.version, vintage: set.vintage },
  };
}

/** True when every parameter equals the reference's: the edit can collapse back to the reference. */
export function sameValues(set: AssumptionSet, ref: AssumptionSet): boolean {
  return valuesOf(set) === valuesOf(ref);
}

/** Today's date as the schema wants it (YYYY-MM-DD). */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface KeyFigure {
  label: string;
  value: string;
}

/** Headline figures of a set, computed by the model itself. */
export function keyFigures(set: AssumptionSet): KeyFigure[] {
  const c = compileSet(set);
  const year = Math.min(Math.max(2028, c.baseYear + 1), c.lastYear);
  const gap = powerGapGw(c, year, false);
  const after = powerGapGw(c, year, true);
  const from = Math.max(c.baseYear + 1, c.lastYear - 4);
  const plan = fundingPlan(c, from, c.lastYear);
  const total = plan[plan.length - 1][3] as number;
  return [
    { label: `Power gap through ${year}`, value: `${fmt(gap)} GW` },
    { label: `… after time-to-power solutions`, value: `${fmt(after)} GW` },
    { label: "Nuclear reactors equivalent", value: fmt(nuclearEquiv(c, gap, "capacity")) },
    { label: `Funding ${from}–${c.lastYear}`, value: `USD ${fmt(total / 1000)}T` },
    { label: "Capex (shell + IT)", value: `USD ${fmt(c.scalars.capex_musd_per_mw)}m per MW` },
  ];
}

/** Numbers as a reader wants them: at most 3 decimals, thousands separated, no float noise. */
export function fmt(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 3 });
}
