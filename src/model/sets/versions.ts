/**
 * Versions of the bundled reference sets, and how a set stored in a workbook
 * relates to them. A workbook keeps the version it holds (and computes with
 * it); a stored set that claims a reference's id and version but carries other
 * values was edited by hand or forged, and is never presented as the reference.
 */
import { PARAMETER_KEYS } from "../catalogue";
import type { AssumptionSet, Parameter } from "../schema";
import { bundledSet } from "./index";

/** The numbers a set computes with, in a fixed order: what a version pins. */
export function valuesOf(set: AssumptionSet): string {
  const parts: unknown[] = [set.base_year];
  for (const key of PARAMETER_KEYS) {
    const p = set.parameters[key] as Parameter;
    if ("value" in p) parts.push(p.value);
    else if ("path" in p) parts.push(Object.entries(p.path).sort(([a], [b]) => a.localeCompare(b)));
    else parts.push(Object.entries(p.shares), Object.entries(p.classes ?? {})); // the classes move BUILDOUT_DEBT
  }
  return JSON.stringify(parts);
}

/** A short, stable fingerprint of `valuesOf` (cyrb53: 53 bits, as hex). */
export function valuesFingerprint(set: AssumptionSet): string {
  const text = valuesOf(set);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/**
 * Fingerprints of every version of a bundled set's values, the current one
 * included (a test checks the current set against its entry, so values never
 * change without a new version). Add a line when a set's version rises.
 */
export const REFERENCE_VERSIONS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  // The last version of each: the miner-conversion cost restated per grid kW (3,600 per IT kW ÷ PUE 1.3 = 2,770).
  "call-2026-02": { 1: "0df2151bfdf847", 2: "0f71defca98030", 3: "132f536d5811dd" },
  low: { 1: "09fc6bc8fda648", 2: "0197693b4df9e7", 3: "0c181ddf32b117" },
  high: { 1: "0c208c869108e1", 2: "1da8066234296e", 3: "07bc01119e2b19" },
  "ms-dec-2025": { 1: "036486891b8b02", 2: "15d7e56e3bad1d" },
  "lbnl-2024-low": { 1: "1051815c245c25", 2: "09f0a879aab5d9" },
  "lbnl-2024-high": { 1: "0d6635491e9913", 2: "02853171cd019f" },
  "jpm-jun-2026": { 1: "07f507b381f136", 2: "05eb7e5f4ffbce", 3: "08b73a9fd2e4d5" },
};

export type StoredSetStatus =
  /** Not a bundled id: the workbook's own set. */
  | { kind: "own" }
  /** The add-in's reference, same version and values. */
  | { kind: "current" }
  /** An earlier version of the reference, with that version's values: the workbook keeps it. */
  | { kind: "older"; latest: AssumptionSet }
  /** A later version than this add-in ships (saved by a newer add-in): kept, not verifiable here. */
  | { kind: "newer"; latest: AssumptionSet }
  /** The reference's id and a version it had, but other values. */
  | { kind: "altered"; reference: AssumptionSet };

/** How a stored set relates to the bundled reference of the same id. */
export function storedSetStatus(set: AssumptionSet): StoredSetStatus {
  const latest = bundledSet(set.id);
  if (!latest) return { kind: "own" };
  if (set.version > latest.version) return { kind: "newer", latest };
  const recorded = set.version === latest.version ? valuesFingerprint(latest) : Object.hasOwn(REFERENCE_VERSIONS, set.id) ? REFERENCE_VERSIONS[set.id][set.version] : undefined;
  if (recorded === undefined || recorded !== valuesFingerprint(set)) return { kind: "altered", reference: latest };
  return set.version === latest.version ? { kind: "current" } : { kind: "older", latest };
}

/** Id of the edited copy of a bundled set: "call-2026-02" → "call-2026-02-edited" (ids stay ≤ 40 chars). */
export function editedId(refId: string): string {
  const suffix = "-edited";
  return `${refId.slice(0, 40 - suffix.length).replace(/-+$/, "")}${suffix}`;
}
