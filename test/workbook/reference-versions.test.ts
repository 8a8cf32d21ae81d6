/**
 * A stored set is never presented as a bundled reference unless it is one
 * (issue 8, item 6): a copy with a reference's id and version but other
 * values is renamed "<id>-edited" (recording the reference) in the add-in and
 * in `recalc`; an older version is kept and computed with; duplicate ids are
 * refused when reading as when writing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { AssumptionStore } from "../../src/functions/store";
import { powerGapGw } from "../../src/model/power";
import { recalcWorkbook } from "../../src/engine/recalc";
import { writeState } from "../engine/state-sheet";
import type { AssumptionSet } from "../../src/model/schema";
import { checkStateForWrite, interpretStateCells, STATE_FORMAT, STATE_SCHEMA_VERSION, toChunks } from "../../src/workbook/state-format";
import { bundledSet } from "../../src/model/sets";

const set = (id: string): AssumptionSet => bundledSet(id)!;
const stateJson = (active: unknown, saved: unknown[] = []) => JSON.stringify({ format: STATE_FORMAT, schema_version: 1, active, saved });

/** The call set as someone edited it by hand: 2028 demand 134 GW, id and version untouched (gap 134 − 15 − 6 = 113). */
function forgedCall(): AssumptionSet {
  const s = structuredClone(set("call-2026-02")) as AssumptionSet;
  Object.assign(s.parameters.demand_gw.path, { "2028": 134, "2029": 140, "2030": 150 });
  return s;
}

/** The same forgery as a schema-1 add-in would have stored it (no version, schema_version 1). */
function forgedSchema1(): unknown {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "schema-1", "schema1-call-2026-02.state.json"), "utf8"));
  Object.assign(raw.active.parameters.demand_gw.path, { "2028": 134, "2029": 140, "2030": 150 });
  return raw.active;
}

function cells(json: string): [unknown[][], unknown[][]] {
  const parts = toChunks(json);
  return [
    [["INFRA"], ["format", STATE_FORMAT], ["schema_version", STATE_SCHEMA_VERSION], ["parts", parts.length], ["characters", json.length]],
    parts.map((p) => [p]),
  ];
}

function load(json: string) {
  const { result } = interpretStateCells(...cells(json));
  if (result.kind !== "stored") throw new Error(`not stored: ${JSON.stringify(result)}`);
  const store = new AssumptionStore();
  store.activate(result.state.active, result.state.saved);
  return { result, store };
}

test.each([
  // schema 2: the forgery of the add-in's own version; schema 1: of version 1, which the schema-1 add-in stored
  ["schema 2", () => forgedCall(), set("call-2026-02").version],
  ["schema 1", () => forgedSchema1(), 1],
])("a stored %s set with call-2026-02's id and version but other values is renamed, and the id names the reference (46, not 113)", (_label, forged, version) => {
  const { result, store } = load(stateJson(forged()));
  // Hand calculation with the bundled set: 67 − 15 − 6 = 46.
  expect(powerGapGw(store.resolve("call-2026-02"), 2028, false)).toBe(46);
  expect(result.state.active.id).toBe("call-2026-02-edited");
  expect(result.state.active.reference).toEqual({ id: "call-2026-02", version, vintage: "2026-02-04" });
  expect(result.state.active.name).toMatch(/\(edited\)$/);
  // The workbook's own numbers are kept, under the new name: 134 − 15 − 6 = 113.
  expect(powerGapGw(store.resolve(null), 2028, false)).toBe(113);
  expect(result.notices).toEqual([expect.stringMatching(new RegExp(`“call-2026-02” claims to be version ${version} .* shown as “call-2026-02-edited”`))]);
});

test("a saved set named like a bundled one (low) with other values is renamed too; a free edited id is chosen", () => {
  const low = structuredClone(set("low")) as AssumptionSet;
  low.parameters.capex_musd_per_mw.value = 99;
  const taken = { ...structuredClone(set("high")), id: "low-edited", name: "Mine" } as AssumptionSet;
  const { result, store } = load(stateJson(set("call-2026-02"), [low, taken]));
  expect(result.state.saved.map((s) => s.id)).toEqual(["low-edited-2", "low-edited"]);
  expect(store.resolve("low").scalars.capex_musd_per_mw).toBe(35); // the bundled low's capex
  expect(result.notices).toHaveLength(1);
});

test("the bundled set itself, stored unchanged, reads back with no notice", () => {
  const { result } = load(stateJson(set("call-2026-02"), [set("low")]));
  expect(result.state.active.id).toBe("call-2026-02");
  expect(result.notices).toBeUndefined();
});

test("duplicate ids are refused when reading, as when writing", () => {
  const mine = { ...structuredClone(set("low")), id: "mine" } as AssumptionSet;
  for (const [active, saved] of [
    [set("call-2026-02"), [mine, mine]],
    [mine, [mine]],
  ] as const) {
    const { result } = interpretStateCells(...cells(stateJson(active, [...saved])));
    expect(result).toMatchObject({ kind: "unreadable", reason: expect.stringMatching(/distinct ids|the active set's id "mine"/) });
    expect(() => checkStateForWrite({ active, saved: [...saved] })).toThrow(/distinct ids|the active set's id "mine"/);
  }
});

test("recalc: a workbook holding the forged set computes POWER_GAP_GW(2028,,\"call-2026-02\") = 46 and says why", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-forged-"));
  try {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Model");
    ws.getCell("A1").value = { formula: 'INFRA.POWER_GAP_GW(2028,,"call-2026-02")', result: 0 };
    ws.getCell("A2").value = { formula: "INFRA.ACTIVE_SCENARIO()", result: "" };
    writeState(wb, { active: forgedCall(), saved: [] });
    const input = path.join(dir, "in.xlsx");
    const output = path.join(dir, "out.xlsx");
    await wb.xlsx.writeFile(input);
    const report = await recalcWorkbook(input, output);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(output);
    const result = (a: string) => (back.getWorksheet("Model")!.getCell(a).value as { result: unknown }).result;
    expect(result("A1")).toBe(46);
    expect(result("A2")).toBe("call-2026-02-edited");
    expect(report.warnings.join(" ")).toContain(`claims to be version ${set("call-2026-02").version}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
