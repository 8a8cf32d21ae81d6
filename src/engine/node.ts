/**
 * The embedded engine in Node (command line, tests, benchmark): the catalog
 * from the same generator the build uses, the shared assumption store.
 *
 *   const engine = await createEngine({ Sheet1: [[2028, "=INFRA.POWER_GAP_GW(A1)"]] }, { scenario: "low" });
 *   engine.value("Sheet1", 0, 1); // → the low set's gap through 2028, GW
 */
import type { SerializedNamedExpression } from "hyperformula";
import { loadCatalog } from "../functions/catalog";
import { store } from "../functions/store";
import { quoteGiven } from "../model/errors";
import { bundledSet, BUNDLED_SETS, defaultSet } from "../model/sets";
import type { AssumptionSet } from "../model/schema";
import { InfraEngine, type EngineValue, type Sheets } from "./engine";

export { InfraEngine, type EngineValue, type Sheets } from "./engine";

export class UnknownScenarioError extends Error {}

export interface CreateEngineOptions {
  /** A bundled set id to make the active set (as the task pane's "load" would). */
  scenario?: string | null;
  /** The workbook's own state (e.g. read from an .xlsx): takes the place of `scenario`. */
  workbookSets?: { active: AssumptionSet; saved: AssumptionSet[] } | null;
  /**
   * Why the workbook's stored set cannot be read, when it cannot: cells that
   * rely on the active set show #N/A with the reason (as in Excel). Set before
   * the engine is built, so it computes once.
   */
  unreadable?: string | null;
  /** Defined names (a workbook read from a file), given to the engine when it is built. */
  names?: SerializedNamedExpression[];
  /** The workbook counts dates from 1904 (workbookPr date1904): serial 0 is 1904-01-01. */
  date1904?: boolean;
}

/** The bundled set of `id`, or an UnknownScenarioError naming the known ids. */
export function bundledOrThrow(id: string): AssumptionSet {
  const set = bundledSet(id.trim().toLowerCase());
  if (!set) {
    throw new UnknownScenarioError(
      `scenario ${quoteGiven(id)} is not a known assumption set; use one of ${BUNDLED_SETS.map((s) => s.id).join(", ")}`,
    );
  }
  return set;
}

/**
 * Makes the store ready the way a workbook would: its own sets, else the named
 * bundled set, else its unreadable stored set, else (when nothing is loaded
 * yet) the default set.
 */
export function prepareStore(options: CreateEngineOptions = {}): void {
  if (options.workbookSets) store.activate(options.workbookSets.active, options.workbookSets.saved);
  else if (options.scenario) store.activate(bundledOrThrow(options.scenario));
  else if (options.unreadable) store.markUnreadable(options.unreadable);
  else if (!store.isReady()) store.activate(defaultSet());
}

/** A workbook in the embedded engine with every INFRA function registered. */
export async function createEngine(sheets: Sheets = { Sheet1: [] }, options: CreateEngineOptions = {}): Promise<InfraEngine> {
  const catalog = await loadCatalog();
  prepareStore(options);
  return new InfraEngine({ entries: catalog.entries, store, date1904: options.date1904 === true }, sheets, options.names ?? []);
}

/** Evaluates one formula (with or without the leading "=") in an empty workbook. */
export async function evaluateFormula(
  formula: string,
  options: CreateEngineOptions = {},
): Promise<EngineValue | EngineValue[][]> {
  const text = formula.trim().startsWith("=") ? formula.trim() : `=${formula.trim()}`;
  const engine = await createEngine({ Sheet1: [[text]] }, options);
  try {
    return engine.result("Sheet1", 0, 0);
  } finally {
    engine.destroy();
  }
}
