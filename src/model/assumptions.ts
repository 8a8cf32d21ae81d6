/** Reading one parameter of a set by name, for the ASSUMPTION function and the command line. */
import { PARAMETERS, type ParameterKey } from "./catalogue";
import { yearIndex } from "./checks";
import type { CompiledSet } from "./compiled-set";
import { invalidValue, notAvailable } from "./errors";
import { fundingShare } from "./funding";

export function assumptionValue(set: CompiledSet, name: string, year: number | null): number {
  // Names as documented hit the compiled table directly; anything else is normalised and explained.
  const found = set.byName.get(name) ?? set.byName.get(name.trim().toLowerCase());
  if (typeof found === "number") return found;
  if (found !== undefined) {
    if (year === null) throw invalidValue(`year is required for "${name.trim().toLowerCase()}", a path by year`);
    return found[yearIndex(set, "year", year)];
  }
  return explainUnknown(set, name, year);
}

/** The name is not in the table: say why (unknown, a path without a year, a bad suffix), or read it. */
function explainUnknown(set: CompiledSet, name: string, year: number | null): number {
  const wanted = name.trim().toLowerCase();
  const [key, sub] = wanted.split(".", 2) as [string, string | undefined];
  if (!(key in PARAMETERS)) {
    throw notAvailable(`name "${name}" is not a parameter; use one of ${Object.keys(PARAMETERS).join(", ")}`);
  }
  const spec = PARAMETERS[key as ParameterKey];
  if (spec.kind === "shares") {
    if (!sub) throw invalidValue(`name "${name}" needs a source, e.g. "funding_mix.ig_bonds"`);
    return fundingShare(set, sub);
  }
  if (sub) throw invalidValue(`name "${name}": only funding_mix takes a ".source" suffix`);
  if (spec.kind === "scalar") return set.scalars[key as keyof CompiledSet["scalars"]];
  if (year === null) throw invalidValue(`year is required for "${key}", a path by year`);
  const i = yearIndex(set, "year", year);
  const p = set.doc.parameters[key as ParameterKey] as { path: Record<string, number> };
  return i === 0 ? 0 : (p.path[String(set.baseYear + i)] ?? 0);
}
