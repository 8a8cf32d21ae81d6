/** The bundled, read-only reference sets. The first is the default for a new workbook. */
import { parseAssumptionSet, registerBaseSets, type AssumptionSet } from "../schema";
import { CALL_2026_02_SET } from "./call-2026-02";
import { HIGH_SET } from "./high";
import { JPM_JUN_2026_SET } from "./jpm-jun-2026";
import { LBNL_2024_HIGH_SET, LBNL_2024_LOW_SET } from "./lbnl-2024";
import { LOW_SET } from "./low";
import { MS_DEC_2025_SET } from "./ms-dec-2025";

export const DEFAULT_SET_ID = "call-2026-02";

/** Validated once at load: a bundled set that breaks the schema fails every test at once. */
export const BUNDLED_SETS: readonly AssumptionSet[] = [
  CALL_2026_02_SET,
  LOW_SET,
  HIGH_SET,
  MS_DEC_2025_SET,
  LBNL_2024_LOW_SET,
  LBNL_2024_HIGH_SET,
  JPM_JUN_2026_SET,
].map((s) =>
  Object.freeze(parseAssumptionSet(s)),
);

export function bundledSet(id: string): AssumptionSet | undefined {
  return BUNDLED_SETS.find((s) => s.id === id);
}

export function defaultSet(): AssumptionSet {
  return bundledSet(DEFAULT_SET_ID) as AssumptionSet;
}

// An imported set may `extends` a bundled set and leave out what it does not change.
registerBaseSets((id, version) => {
  const base = bundledSet(id);
  return base && base.version === version ? base : undefined;
});
