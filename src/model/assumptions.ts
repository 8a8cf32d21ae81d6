/** Reading one parameter of a set by name, for the ASSUMPTION function and the command line. */
import { PARAMETERS, type ParameterKey } from "./catalogue";
import { yearIndex } from "./checks";
import type { CompiledSet } from "./compiled-set";
import { invalidValue, notAvailable, quoteGiven } from "./errors";
import { fundingShare } from "./funding";
import type { DatedPoint, Parameter, Source } from "./schema";

export function assumptionValue(set: CompiledSet, name: string, year: number | null): number {
  // Names as documented hit the compiled table directly; anything else is normalised and explained.
  const found = set.byName.get(name) ?? set.byName.get(name.trim().toLowerCase());
  if (typeof found === "number") return found;
  if (found !== undefined) {
    if (year === null) throw invalidValue(`year is required for "${name.trim().toLowerCase()}", a path by year`);
    return found[yearIndex(set, "year", year)];
  }
  return explainUnknown(set, name);
}

/** "Publisher, title (date)" of each source, "; "-separated, with "via press" where the figure is known from press coverage. */
export function citationText(sources: readonly Source[]): string {
  return sources.map((s) => `${s.publisher}, ${s.title} (${s.date}${s.via ? `, via ${s.via}` : ""})`).join("; ");
}

/** A dated path as one line, oldest first: "8 (2023) → 2.85 (2024-02) → 1.7 (2025-10)". */
export function datedPathText(points: readonly DatedPoint[]): string {
  return points.map((pt) => `${pt.value} (${pt.date})`).join(" → ");
}

/**
 * The citation of a parameter as text, for a cell: every source's publisher,
 * title and date. A funding share ("funding_mix.ig_bonds") cites the mix's sources.
 */
export function assumptionSource(set: CompiledSet, name: string): string {
  // A sheet cites the same few parameters on every recalculation: the text is built once per set and name.
  const known = citations.get(set)?.get(name);
  if (known !== undefined) return known;
  const text = citationOf(set, name);
  let bySet = citations.get(set);
  if (bySet === undefined) citations.set(set, (bySet = new Map()));
  if (bySet.size < MAX_CITATIONS_PER_SET) bySet.set(name, text);
  return text;
}

/** Citations built, by set (dropped with it) and name as given; names refused are never kept. */
const citations = new WeakMap<CompiledSet, Map<string, string>>();
/** Names kept per set: every parameter several times over (spellings), still small. */
const MAX_CITATIONS_PER_SET = 512;

function citationOf(set: CompiledSet, name: string): string {
  const key = name.trim().toLowerCase().split(".", 1)[0];
  if (!Object.hasOwn(PARAMETERS, key)) {
    throw notAvailable(`name "${name}" is not a parameter; use one of ${Object.keys(PARAMETERS).join(", ")}`);
  }
  if (key !== name.trim().toLowerCase()) assumptionValue(set, name, null); // checks the ".source" part
  return citationText((set.doc.parameters[key as ParameterKey] as Parameter).sources);
}

/** The name is not in the table: say why (unknown, no source, a suffix where none belongs), or read a share. */
function explainUnknown(set: CompiledSet, name: string): number {
  const trimmed = name.trim();
  const [key, sub] = trimmed.toLowerCase().split(".", 2) as [string, string | undefined];
  // hasOwn, not `in`: "__proto__" or "constructor" are not parameters.
  if (!Object.hasOwn(PARAMETERS, key)) {
    throw notAvailable(`name ${quoteGiven(name)} is not a parameter; use one of ${Object.keys(PARAMETERS).join(", ")}`);
  }
  if (PARAMETERS[key as ParameterKey].kind !== "shares") {
    throw invalidValue(`name ${quoteGiven(name)}: only funding_mix takes a ".source" suffix`);
  }
  if (!sub) throw invalidValue(`name ${quoteGiven(name)} needs a source, e.g. "funding_mix.ig_bonds"`);
  return fundingShare(set, trimmed.slice(key.length + 1)); // echoes the source as typed
}
