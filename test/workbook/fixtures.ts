/** Helpers for the workbook-layer tests: sets, raw state cells, and a tiny INFRA formula evaluator. */
import * as fns from "../../src/functions/functions";
import type { AssumptionSet } from "../../src/model/schema";
import { bundledSet } from "../../src/model/sets";
import { CHUNK_COLUMN, STATE_FORMAT, STATE_SHEET } from "../../src/workbook/state-format";
import { colIndex, type FakeWorkbook } from "./mock-excel";

export function set(id: string): AssumptionSet {
  const s = bundledSet(id);
  if (!s) throw new Error(`no bundled set ${id}`);
  return s;
}

/**
 * A user-edited copy of a bundled set (what the pane saves after an edit):
 * 2028 demand moved `share` of the way from the 2027 figure to the 2028 one,
 * so the path stays cumulative.
 */
export function editedSet(from: string, id: string, share = 0.5): AssumptionSet {
  const base = structuredClone(set(from)) as AssumptionSet;
  const demand = base.parameters.demand_gw;
  demand.path["2028"] = demand.path["2027"] + share * (demand.path["2028"] - demand.path["2027"]);
  return { ...base, id, name: `${base.name} (edited)`, reference: { id: base.id, version: base.version, vintage: base.vintage } };
}

/** Writes state cells by hand, as a corrupt file or a future add-in version would leave them. */
export function writeRawState(
  wb: FakeWorkbook,
  options: { json: string; version?: unknown; parts?: number; characters?: number; marker?: string; chunkLabels?: boolean },
): void {
  const sheet = wb.sheet(STATE_SHEET) ?? wb.addSheet(STATE_SHEET);
  sheet.visibility = "Hidden";
  const parts = options.parts ?? 1;
  sheet.put(2, 1, { value: "format" });
  sheet.put(2, 2, { value: options.marker ?? STATE_FORMAT });
  sheet.put(3, 2, { value: options.version ?? 1 });
  sheet.put(4, 2, { value: parts });
  sheet.put(5, 2, { value: options.characters ?? options.json.length });
  const size = Math.ceil(options.json.length / parts);
  for (let i = 0; i < parts; i++) {
    const chunk = options.json.slice(i * size, (i + 1) * size);
    sheet.put(2 + i, colIndex(CHUNK_COLUMN), { value: options.chunkLabels === false ? chunk : `part ${i + 1} of ${parts}: ${chunk}`, numberFormat: "@" });
  }
}

export function stateJson(active: unknown, saved: unknown[] = [], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: STATE_FORMAT, schema_version: 1, active, saved, ...extra });
}

type Wrapper = (...args: unknown[]) => unknown;
const WRAPPERS: Record<string, Wrapper> = {
  POWER_GAP_GW: fns.powerGapGw as Wrapper,
  POWER_DEMAND_GW: fns.powerDemandGw as Wrapper,
  NUCLEAR_EQUIV: fns.nuclearEquiv as Wrapper,
  POWER_BALANCE: fns.powerBalance as Wrapper,
};

function arg(text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  if (/^".*"$/.test(t)) return t.slice(1, -1);
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
  return Number(t);
}

/**
 * Evaluates `=INFRA.NAME(literal, ...)` with the real wrappers (as Excel calls
 * them), showing an error's code like a cell; a spilled table shows its top-left.
 */
export function evaluateInfra(formula: string): unknown {
  const m = /^=INFRA\.([A-Z_]+)\((.*)\)$/.exec(formula);
  if (!m || !WRAPPERS[m[1]]) return "#NAME?";
  const args = m[2].trim() === "" ? [] : m[2].split(",").map(arg);
  try {
    const out = WRAPPERS[m[1]](...args);
    if (out instanceof Promise) return "#BUSY!";
    return Array.isArray(out) ? out[0][0] : out;
  } catch (e) {
    return (e as { code?: string }).code ?? "#VALUE!";
  }
}
