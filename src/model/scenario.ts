/**
 * Scenario handles: an assumption set named by a base set and a few
 * overrides, written as one short canonical text a cell can hold and pass to
 * any function's `scenario` argument:
 *
 *   call-2026-02; capex_musd_per_mw=45; demand_gw@2028=70
 *   low-edited#1a2b3c4d; funding_mix.ig_bonds=0.4
 *
 * The base is a set id, optionally followed by `#` and the short content hash
 * of that set (a workbook set, which can change; a hash that no longer matches
 * is #N/A). Overrides are sorted by name, so the same overrides in any order
 * give the same text. Override names are those ASSUMPTION reads
 * (`capex_musd_per_mw`, `funding_mix.ig_bonds`) plus `<path>@<year>` for one
 * year of a path and `<path>*` to scale a whole path by a factor.
 *
 * Deriving applies the overrides to the base document and passes the result
 * through `parseAssumptionSet`, the door every set goes through: a derived set
 * is valid like any set, or refused naming the override at fault. Pure: no
 * cache here (the store keeps one, src/functions/store.ts).
 */
import { PARAMETERS, PARAMETER_KEYS, type ParameterKey, type PathKey, type ScalarKey } from "./catalogue";
import { invalidValue, notAvailable, quoteGiven } from "./errors";
import { MAX_SHARE_SOURCES, parseDerivedSet, SetValidationError, type AssumptionSet, type Parameter } from "./schema";

/** Longest handle text accepted, in characters (checked before any parsing). */
export const MAX_HANDLE_CHARS = 4000;
/** Most overrides one handle may carry. */
export const MAX_OVERRIDES = 200;

export type Override =
  | { readonly kind: "scalar"; readonly name: string; readonly key: ScalarKey; readonly value: number }
  | { readonly kind: "year"; readonly name: string; readonly key: PathKey; readonly year: number; readonly value: number }
  | { readonly kind: "scale"; readonly name: string; readonly key: PathKey; readonly value: number }
  | { readonly kind: "share"; readonly name: string; readonly source: string; readonly value: number };

export interface ParsedHandle {
  /** Base set id, lower case. */
  readonly base: string;
  /** Content hash the base must have, or null. */
  readonly hash: string | null;
  /** Sorted by name, one per name. */
  readonly overrides: readonly Override[];
}

const SET_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const HASH = /^[0-9a-f]{8}$/;

/** True when the text is a handle rather than a plain set id (it carries a hash or an override). */
export function looksLikeHandle(text: string): boolean {
  return text.includes(";") || text.includes("#") || text.includes("=");
}

const OVERRIDE_HELP =
  'a parameter ASSUMPTION reads (e.g. "capex_musd_per_mw", "funding_mix.ig_bonds"), one year of a path ("demand_gw@2028") or a whole path scaled ("demand_gw*")';

/** Reads one override name (any case, trimmed) into its canonical form; #VALUE! naming it when it is not one. */
export function parseOverrideName(raw: string, value: number): Override {
  const name = raw.trim().toLowerCase();
  const fail = (why: string) => invalidValue(`override ${quoteGiven(raw.trim())}: ${why}`);
  const star = name.endsWith("*");
  const at = name.indexOf("@");
  const dot = name.indexOf(".");
  const keyText = star ? name.slice(0, -1) : at >= 0 ? name.slice(0, at) : dot >= 0 ? name.slice(0, dot) : name;
  // hasOwn, not `in`: "constructor" is not a parameter.
  if (!Object.hasOwn(PARAMETERS, keyText)) throw fail(`not a parameter; use ${OVERRIDE_HELP}`);
  const key = keyText as ParameterKey;
  const kind = PARAMETERS[key].kind;
  if (kind === "path") {
    if (star) return { kind: "scale", name: `${key}*`, key: key as PathKey, value };
    if (at < 0) throw fail(`${key} is a path by year: name one year ("${key}@2028") or scale it whole ("${key}*")`);
    const yearText = name.slice(at + 1);
    if (!/^\d{4}$/.test(yearText)) throw fail(`the year after "@" must be four digits, e.g. "${key}@2028"`);
    return { kind: "year", name: `${key}@${yearText}`, key: key as PathKey, year: Number(yearText), value };
  }
  if (kind === "shares") {
    const source = dot >= 0 && !star && at < 0 ? name.slice(dot + 1) : "";
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(source)) throw fail(`name one source of the mix, e.g. "${key}.ig_bonds"`);
    return { kind: "share", name: `${key}.${source}`, source, value };
  }
  if (star || at >= 0 || dot >= 0) throw fail(`${key} is a single value: write it without "*", "@" or "."`);
  return { kind: "scalar", name: key, key: key as ScalarKey, value };
}

/** Sorted, one per name; #VALUE! when a name is given twice or there are too many. */
export function canonicalOverrides(overrides: readonly Override[]): Override[] {
  if (overrides.length > MAX_OVERRIDES) throw invalidValue(`a scenario takes at most ${MAX_OVERRIDES} overrides; got ${overrides.length}`);
  const sorted = [...overrides].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].name === sorted[i - 1].name) throw invalidValue(`override "${sorted[i].name}" is given twice`);
  }
  return sorted;
}

/** Replaces the base's overrides of the same names by `later` (a handle built on a handle). */
export function mergeOverrides(base: readonly Override[], later: readonly Override[]): Override[] {
  const names = new Set(later.map((o) => o.name));
  return canonicalOverrides([...base.filter((o) => !names.has(o.name)), ...later]);
}

/** A number as the handle writes it: JavaScript's shortest round-trip form, so reading it back gives the same double. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** The canonical text of a handle. */
export function formatHandle(handle: ParsedHandle): string {
  const base = handle.hash ? `${handle.base}#${handle.hash}` : handle.base;
  return [base, ...handle.overrides.map((o) => `${o.name}=${numberText(o.value)}`)].join("; ");
}

/** Parses handle text (any spacing, any case, overrides in any order); #VALUE! saying what is wrong. */
export function parseHandle(text: string): ParsedHandle {
  if (text.length > MAX_HANDLE_CHARS) {
    throw invalidValue(`scenario is ${text.length} characters; a handle has at most ${MAX_HANDLE_CHARS}`);
  }
  const [head, ...items] = text.split(";").map((s) => s.trim());
  const [idPart, hashPart, extra] = head.toLowerCase().split("#").map((s) => s.trim());
  if (!SET_ID.test(idPart) || extra !== undefined || (hashPart !== undefined && !HASH.test(hashPart))) {
    throw invalidValue(
      `scenario ${quoteGiven(text)} is not a set id or a handle; a handle reads "base-id; name=value; …", the base optionally followed by "#" and its 8-character hash`,
    );
  }
  const overrides = items
    .filter((item) => item !== "")
    .map((item) => {
      const eq = item.lastIndexOf("=");
      if (eq <= 0) throw invalidValue(`scenario ${quoteGiven(text)}: ${quoteGiven(item)} is not name=value`);
      const valueText = item.slice(eq + 1).trim();
      const value = Number(valueText);
      if (valueText === "" || !Number.isFinite(value)) {
        throw invalidValue(`scenario ${quoteGiven(text)}: the value of ${quoteGiven(item.slice(0, eq).trim())} must be a number; got ${quoteGiven(valueText)}`);
      }
      return parseOverrideName(item.slice(0, eq), value);
    });
  return { base: idPart, hash: hashPart ?? null, overrides: canonicalOverrides(overrides) };
}

// ───────────────────────────── content hash ─────────────────────────────

/** JSON with object keys sorted at every level: the same content always gives the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

const hashes = new WeakMap<AssumptionSet, string>();

/**
 * Short content hash of a set (8 hex digits, FNV-1a over its key-sorted
 * JSON): enough to tell that a workbook set changed since a handle was made,
 * not a security measure.
 */
export function contentHash(set: AssumptionSet): string {
  const hit = hashes.get(set);
  if (hit) return hit;
  const text = stableJson(set);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const hex = (h >>> 0).toString(16).padStart(8, "0");
  hashes.set(set, hex);
  return hex;
}

/** A set named with its hash (what the workbook's INFRA_ACTIVE cell holds): "low-edited#1a2b3c4d". */
export function hashedHandle(set: AssumptionSet): string {
  return formatHandle({ base: set.id, hash: contentHash(set), overrides: [] });
}

// ───────────────────────────── deriving a set ─────────────────────────────

const MAX_NOTE = 3000;

/**
 * The overridden parameter keeps its sources; its basis becomes "chosen" with
 * a note saying what changed (a derivation no longer describes the value, and
 * it is no longer the base's: not inherited).
 */
function provenance<P extends Parameter>(p: P, what: string): P {
  const prior = p.note ? ` Set's note: ${p.note}` : p.derivation ? ` The set's figure was derived: ${p.derivation}` : "";
  const note = `Changed by a scenario: ${what}.${prior}`;
  const { derivation: _derivation, inherited: _inherited, ...rest } = p;
  void _derivation;
  void _inherited;
  return { ...rest, basis: "chosen", note: note.length > MAX_NOTE ? `${note.slice(0, MAX_NOTE - 1)}…` : note } as P;
}

/** Id of a derived set: its base's, marked, within the 40 characters an id may have. */
export function derivedSetId(baseId: string): string {
  return `${baseId.slice(0, 31).replace(/-+$/, "")}-scenario`;
}

const ORDER: Record<Override["kind"], number> = { scale: 0, year: 1, scalar: 2, share: 3 };

/**
 * The base set with the overrides applied, validated like any set. Paths are
 * scaled before single years are set; funding shares given are set and the
 * others rescaled in proportion so the mix still sums to 1. #VALUE! names the
 * override at fault and what is allowed.
 */
export function deriveSet(base: AssumptionSet, overrides: readonly Override[]): AssumptionSet {
  if (overrides.length === 0) return base;
  const params: Record<string, Parameter> = { ...base.parameters };
  const applied = [...overrides].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const shareOverrides: Extract<Override, { kind: "share" }>[] = [];
  for (const o of applied) {
    switch (o.kind) {
      case "scale": {
        const p = params[o.key] as Extract<Parameter, { path: unknown }>;
        if (o.value < 0) throw invalidValue(`override ${o.name}=${numberText(o.value)}: the factor must be 0 or more`);
        const path = Object.fromEntries(Object.entries(p.path).map(([y, v]) => [y, v * o.value]));
        const pathBasis = Object.fromEntries(Object.keys(p.path).map((y) => [y, "chosen" as const]));
        params[o.key] = provenance({ ...p, path, path_basis: pathBasis }, `the whole path × ${numberText(o.value)}`);
        break;
      }
      case "year": {
        const p = params[o.key] as Extract<Parameter, { path: unknown }>;
        if (!Object.hasOwn(p.path, String(o.year))) {
          const years = Object.keys(p.path).map(Number).sort((a, b) => a - b);
          throw notAvailable(`override ${o.name}: ${o.year} is outside the set's path (${years[0]}–${years[years.length - 1]})`);
        }
        params[o.key] = provenance(
          { ...p, path: { ...p.path, [String(o.year)]: o.value }, path_basis: { ...p.path_basis, [String(o.year)]: "chosen" as const } },
          `${o.year} set to ${numberText(o.value)}`,
        );
        break;
      }
      case "scalar": {
        const p = params[o.key] as Extract<Parameter, { value: unknown }>;
        params[o.key] = provenance({ ...p, value: o.value }, `set to ${numberText(o.value)} (the set's: ${numberText(p.value)})`);
        break;
      }
      case "share":
        shareOverrides.push(o);
        break;
    }
  }
  if (shareOverrides.length) params.funding_mix = rescaledMix(params.funding_mix as Extract<Parameter, { shares: unknown }>, shareOverrides);
  // As a set that extends its base (schema 2's `extends`): every parameter not overridden is the base's, marked inherited.
  const changed = [...new Set(overrides.map((o) => (o.kind === "share" ? "funding_mix" : o.key)))] as ParameterKey[];
  for (const key of PARAMETER_KEYS) if (!changed.includes(key)) params[key] = { ...base.parameters[key], inherited: true };
  const { reference: _reference, ...fields } = base;
  void _reference;
  const doc = {
    ...fields,
    id: derivedSetId(base.id),
    name: base.name.length > 105 ? `${base.name.slice(0, 104)}… (scenario)` : `${base.name} (scenario)`,
    extends: { id: base.id, version: base.version },
    parameters: params,
  } as AssumptionSet;
  try {
    return parseDerivedSet(doc, changed);
  } catch (e) {
    if (e instanceof SetValidationError) throw refusal(e, overrides);
    throw e;
  }
}

function rescaledMix(
  mix: Extract<Parameter, { shares: unknown }>,
  overrides: readonly Extract<Override, { kind: "share" }>[],
): Extract<Parameter, { shares: unknown }> {
  const sources = Object.keys(mix.shares);
  for (const o of overrides) {
    if (!sources.includes(o.source)) {
      throw invalidValue(`override ${o.name}: "${o.source}" is not a source of the set's funding mix; use one of ${sources.join(", ")}`);
    }
  }
  const given = new Map(overrides.map((o) => [o.source, o.value]));
  const givenSum = overrides.reduce((s, o) => s + o.value, 0);
  const others = sources.filter((s) => !given.has(s));
  const othersSum = others.reduce((s, k) => s + mix.shares[k], 0);
  const names = overrides.map((o) => `${o.name}=${numberText(o.value)}`).join(", ");
  const remaining = 1 - givenSum;
  if (others.length > 0 && remaining < -1e-9) {
    throw invalidValue(`override ${names}: the shares given sum to ${numberText(givenSum)}, more than 1, leaving nothing for ${others.join(", ")}`);
  }
  if (others.length > 0 && othersSum <= 0 && remaining > 1e-9) {
    throw invalidValue(`override ${names}: the other sources hold 0, so nothing can be rescaled to make the mix sum to 1`);
  }
  const factor = others.length > 0 && othersSum > 0 ? Math.max(0, remaining) / othersSum : 1;
  const shares = Object.fromEntries(sources.map((s) => [s, given.has(s) ? (given.get(s) as number) : mix.shares[s] * factor]));
  return provenance({ ...mix, shares }, `${names}; the other sources rescaled in proportion to sum to 1`);
}

/** A validation refusal of a derived set, as a #VALUE! naming the overrides at fault. */
function refusal(e: SetValidationError, overrides: readonly Override[]) {
  const keyOf = (o: Override) => (o.kind === "share" ? "funding_mix" : o.key);
  const atFault = overrides.filter((o) => e.problems.some((p) => p.startsWith(`parameters.${keyOf(o)}`)));
  const named = (atFault.length ? atFault : overrides).map((o) => `${o.name}=${numberText(o.value)}`).join(", ");
  const relevant = atFault.length
    ? e.problems.filter((p) => atFault.some((o) => p.startsWith(`parameters.${keyOf(o)}`)))
    : e.problems;
  return invalidValue(`override ${named} is not allowed: ${relevant.slice(0, 5).join("; ")}`);
}

// ───────────────────────────── what can be varied ─────────────────────────────

/** A parameter a sensitivity can vary: a scalar, a share of the mix, or a path scaled whole. */
export interface Varied {
  /** As ASSUMPTION names it (a path by its key). */
  readonly name: string;
  /** The override that varies it (a path: `<key>*`). */
  readonly override: string;
  readonly kind: "scalar" | "share" | "scale";
}

/** The most parameters any valid set can vary: each scalar and path, and a share for each source a shares parameter may list. */
export const MOST_VARIED_PARAMETERS = PARAMETER_KEYS.reduce((n, key) => n + (PARAMETERS[key].kind === "shares" ? MAX_SHARE_SOURCES : 1), 0);

/** Everything a set lets a sensitivity vary, in catalogue order. */
export function variedParameters(set: AssumptionSet): Varied[] {
  const out: Varied[] = [];
  for (const key of PARAMETER_KEYS) {
    const kind = PARAMETERS[key].kind;
    if (kind === "scalar") out.push({ name: key, override: key, kind: "scalar" });
    else if (kind === "path") out.push({ name: key, override: `${key}*`, kind: "scale" });
    else for (const source of Object.keys(set.parameters.funding_mix.shares)) out.push({ name: `${key}.${source}`, override: `${key}.${source}`, kind: "share" });
  }
  return out;
}
