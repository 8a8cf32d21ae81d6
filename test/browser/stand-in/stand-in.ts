/**
 * An Excel stand-in for the browser tests: a `WorkbookHost` that keeps the
 * workbook's state as JSON text (as a workbook part would) and a few "cells"
 * holding INFRA formulas, evaluated with the real custom-function wrappers and
 * recalculated whenever the host saves, as Excel does after an apply. The same
 * pane as in Excel is mounted beside it. `?stored=corrupt|newer|edited` starts
 * from such a workbook.
 */
import { installCustomFunctionsShim } from "../../../src/functions/custom-functions-shim";
import * as fn from "../../../src/functions/functions";
import { store } from "../../../src/functions/store";
import { parseAssumptionSet, SetValidationError, type AssumptionSet } from "../../../src/model/schema";
import { bundledSet, defaultSet } from "../../../src/model/sets";
import { mountPane } from "../../../src/taskpane/pane";
import type { ApplyReport, LoadResult, SaveOptions, ShareResult, WorkbookHost, WorkbookState } from "../../../src/workbook/host";
import { vetStoredState } from "../../../src/workbook/state-format";

// Outside Excel, office.js defines a `CustomFunctions` holding only `associate`; the shim adds the
// `Error` and `ErrorCode` that Excel's runtime provides.
installCustomFunctionsShim();

// Layout only: a sheet on the left, the pane at a task pane's width on the right.
const layout = new CSSStyleSheet();
layout.replaceSync(`
  #layout { display: flex; gap: 16px; align-items: flex-start; }
  #sheet { flex: 0 0 390px; padding: 12px; font: 13px Consolas, monospace; color: var(--colorNeutralForeground1); }
  #sheet table { border-collapse: collapse; }
  #sheet td, #sheet th { border: 1px solid var(--colorNeutralStroke1); padding: 2px 6px; }
  #app { flex: 0 0 360px; width: 360px; min-width: 0; border-left: 1px solid var(--colorNeutralStroke2); min-height: 100vh; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, layout];

interface StandInCell {
  ref: string;
  formula: string;
  evaluate: () => unknown;
}

/** Excel passes null for an omitted optional argument; so do these cells. */
const N = null as unknown as undefined;
const CELLS: StandInCell[] = [
  { ref: "B2", formula: "=INFRA.POWER_GAP_GW(2028)", evaluate: () => fn.powerGapGw(2028, N, N) },
  { ref: "B3", formula: "=INFRA.POWER_GAP_GW(2028,TRUE)", evaluate: () => fn.powerGapGw(2028, true, N) },
  { ref: "B4", formula: '=INFRA.POWER_GAP_GW(2028,,"low")', evaluate: () => fn.powerGapGw(2028, N, "low" as never) },
  { ref: "B5", formula: "=INFRA.POWER_DEMAND_GW(2028)", evaluate: () => fn.powerDemandGw(2028, N) },
  { ref: "B6", formula: '=INFRA.AIDC_FUNDING(10,,"ig_bonds")', evaluate: () => fn.aidcFunding(10, N, "ig_bonds", N) },
  { ref: "B7", formula: "=INFRA.ACTIVE_SCENARIO()", evaluate: () => fn.activeScenario() },
];

const sheet = document.getElementById("sheet") as HTMLElement;
const valueCells = new Map<string, HTMLElement>();

function buildSheet(): void {
  const table = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = "Excel stand-in: Sheet1";
  table.appendChild(caption);
  for (const c of CELLS) {
    const tr = document.createElement("tr");
    const ref = document.createElement("th");
    ref.textContent = c.ref;
    const formula = document.createElement("td");
    formula.textContent = c.formula;
    const value = document.createElement("td");
    value.dataset.cell = c.ref;
    valueCells.set(c.ref, value);
    tr.append(ref, formula, value);
    table.appendChild(tr);
  }
  sheet.appendChild(table);
}

let recalcs = 0;
/** What each cell shows: the value, or the error code (Excel's display). */
async function recalculate(): Promise<void> {
  recalcs++;
  for (const c of CELLS) {
    let shown: string;
    try {
      shown = String(await c.evaluate());
    } catch (e) {
      shown = (e as { code?: string }).code ?? "#VALUE!";
    }
    const td = valueCells.get(c.ref) as HTMLElement;
    td.textContent = shown;
  }
  document.body.dataset.recalcs = String(recalcs);
}

class StandInHost implements WorkbookHost {
  readonly kind = "stand-in" as const;
  saves = 0;
  private readonly listeners = new Set<() => void>();
  constructor(public stored: string | null) {}

  async load(): Promise<LoadResult> {
    if (this.stored === null) return { kind: "empty" };
    try {
      const doc = JSON.parse(this.stored) as { active: unknown; saved: unknown[] };
      // Vetted against the bundled references as the Excel host's reader does.
      const { state, notices } = vetStoredState({ active: parseAssumptionSet(doc.active), saved: (doc.saved ?? []).map(parseAssumptionSet) });
      return notices.length ? { kind: "stored", state, notices } : { kind: "stored", state };
    } catch (e) {
      const problems = e instanceof SetValidationError ? e.problems : [];
      return { kind: "unreadable", reason: e instanceof SetValidationError ? "the stored set does not pass validation" : `not valid JSON (${(e as Error).message})`, problems };
    }
  }

  async save(state: WorkbookState, options: SaveOptions = {}): Promise<ApplyReport> {
    // A short wait, as Excel's round trip has, so the pane's busy state shows.
    await new Promise((r) => setTimeout(r, 30));
    if ((await this.load()).kind === "unreadable" && !options.replaceUnreadable) {
      throw new Error("the workbook's stored state cannot be read; it is not overwritten");
    }
    const active = parseAssumptionSet(state.active);
    const saved = state.saved.map(parseAssumptionSet);
    this.stored = JSON.stringify({ active, saved });
    this.saves++;
    document.body.dataset.saves = String(this.saves);
    store.activate(active, saved);
    if (options.recalculate !== false) await recalculate();
    return { syncs: 1 };
  }

  onExternalChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async insertPowerBalanceSheet(): Promise<void> {
    const rows = (await fn.powerBalance(N, N, N)) as (string | number)[][];
    document.body.dataset.powerBalanceRows = String(rows.length);
  }

  async shareAsValues(options: { sheets?: string[] }): Promise<ShareResult> {
    const set = store.active?.doc as AssumptionSet;
    return { description: `Shared ${options.sheets?.join(", ") || "the workbook"} as values (set ${set.id}).` };
  }
}

function initialState(kind: string | null): string | null {
  const call = defaultSet();
  if (kind === "corrupt") return '{"active": {"format": "infra-assumption-set", "id": ';
  if (kind === "newer") return JSON.stringify({ active: { ...call, schema_version: 99 }, saved: [] });
  if (kind === "low") return JSON.stringify({ active: bundledSet("low"), saved: [] });
  if (kind === "forged") {
    // The default set's id and version with 2028 demand edited by hand to 134 GW (gap 134 − 15 − 6 = 113).
    const forged = structuredClone(call) as AssumptionSet;
    Object.assign(forged.parameters.demand_gw.path, { 2028: 134, 2029: 140, 2030: 150 });
    return JSON.stringify({ active: forged, saved: [] });
  }
  return null;
}

Office.onReady(async () => {
  buildSheet();
  const host = new StandInHost(initialState(new URLSearchParams(location.search).get("stored")));
  // What the session does when a workbook opens: its stored set, else the default.
  const loaded = await host.load();
  if (loaded.kind === "stored") store.activate(loaded.state.active, loaded.state.saved);
  else if (loaded.kind === "empty") store.activate(defaultSet());
  else store.markUnreadable(loaded.reason);
  await recalculate();
  const pane = mountPane(document.getElementById("app") as HTMLElement, host, store);
  await pane.ready;
  document.body.dataset.ready = "true";
  (window as unknown as { standIn: unknown }).standIn = {
    stored: () => host.stored,
    external: (json: string) => {
      host.stored = json;
      void host.load().then((r) => {
        if (r.kind === "stored") store.activate(r.state.active, r.state.saved);
        void recalculate();
      });
      for (const l of (host as unknown as { listeners: Set<() => void> }).listeners) l();
    },
  };
});
