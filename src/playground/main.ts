/**
 * The browser playground: try the INFRA functions and the task pane without
 * Excel. A small grid on the embedded engine (HyperFormula) beside the real
 * task pane, which works against a PlaygroundHost: loading a set in the pane
 * recalculates the grid. Served locally (`npm start`), never part of the
 * add-in's bundles.
 */
import "./associations"; // first: records the build's CustomFunctions.associate calls
import { loadBrowserCatalog } from "./catalog";
import { InfraEngine } from "../engine/engine";
import { store } from "../functions/store";
import { defaultSet } from "../model/sets";
import { mountPane } from "../taskpane/pane";
import type { RawCellContent } from "hyperformula";
import { mountGrid, parseRef, parseTyped } from "./grid";
import { PlaygroundHost } from "./host";

/** What the grid starts with: the call's headline figures, a nested formula and a spilled table. */
export const EXAMPLE: Record<string, string> = {
  A1: "Year",
  B1: "2028",
  A2: "Gap, GW",
  B2: "=INFRA.POWER_GAP_GW(B1)",
  A3: "Nuclear reactors",
  B3: "=INFRA.NUCLEAR_EQUIV(B2)",
  A4: "USD bn for 10 GW at 45m/MW",
  B4: "=ROUND(INFRA.AIDC_FUNDING(10, 45), 0)",
  A5: "Active set",
  B5: "=INFRA.ACTIVE_SCENARIO()",
  A7: "=INFRA.POWER_BALANCE(2025, 2030)",
};

function sheetFrom(typed: Map<string, string>) {
  const rows: RawCellContent[][] = [];
  for (const [ref, text] of typed) {
    const at = parseRef(ref);
    if (at) (rows[at.row] ??= [])[at.col] = parseTyped(text);
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

async function start(): Promise<void> {
  const gridRoot = document.getElementById("grid");
  const paneRoot = document.getElementById("pane");
  const status = document.getElementById("status");
  if (!gridRoot || !paneRoot || !status) return;
  try {
    const entries = await loadBrowserCatalog();
    // A new workbook starts with the default set; the pane's "Load" switches it.
    if (!store.isReady()) store.activate(defaultSet());
    const typed = new Map(Object.entries(EXAMPLE));
    const engine = new InfraEngine({ entries, store }, { Sheet1: sheetFrom(typed) });
    mountGrid(gridRoot, engine, "Sheet1", typed);
    const host = new PlaygroundHost(store, engine);
    await mountPane(paneRoot, host, store).ready;
    status.textContent = `${entries.length} INFRA functions and the Excel built-ins are ready.`;
    document.body.dataset.ready = "true";
  } catch (e) {
    status.textContent = `The playground could not start: ${e instanceof Error ? e.message : String(e)}`;
    status.setAttribute("role", "alert");
  }
}

void start();
