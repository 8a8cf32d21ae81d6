/** `recalc` on a workbook that uses scenario handles and INFRA_ACTIVE, as the Excel host writes them. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { recalcWorkbook } from "../../src/engine/recalc";
import { hashedHandle } from "../../src/model/scenario";
import { bundledSet } from "../../src/model/sets";
import { ACTIVE_NAME, STATE_SHEET } from "../../src/workbook/state-format";
import { writeState } from "./state-sheet";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-whatif-recalc-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const gap = (id: string, demandFactor = 1) => {
  const p = bundledSet(id)!.parameters;
  return p.demand_gw.path["2028"] * demandFactor - p.supply_grid_gw.path["2028"] - p.supply_construction_gw.path["2028"];
};

test("INFRA_ACTIVE, a handle and a (name, value) range recompute with the workbook's stored set", async () => {
  const low = bundledSet("low")!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Model");
  ws.getCell("B1").value = { formula: "INFRA.POWER_GAP_GW(2028,,INFRA_ACTIVE)", result: 0 };
  ws.getCell("B2").value = { formula: 'INFRA.POWER_GAP_GW(2028,,"call-2026-02; demand_gw*=1.1")', result: 0 };
  ws.getCell("D1").value = "demand_gw*";
  ws.getCell("E1").value = 0.9;
  ws.getCell("B3").value = { formula: "INFRA.POWER_GAP_GW(2028,,D1:E1)", result: 0 };
  // The state sheet and the defined name as an apply leaves them.
  const sheet = writeState(wb, { active: low, saved: [] });
  sheet.getCell("B8").value = hashedHandle(low);
  wb.definedNames.add(`${STATE_SHEET}!$B$8`, ACTIVE_NAME);
  const input = path.join(dir, "in.xlsx");
  const output = path.join(dir, "out.xlsx");
  await wb.xlsx.writeFile(input);

  await recalcWorkbook(input, output);
  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(output);
  const model = out.getWorksheet("Model")!;
  const result = (a: string) => (model.getCell(a).value as { result?: unknown }).result;
  expect(result("B1")).toBeCloseTo(gap("low"), 9);
  expect(result("B2")).toBeCloseTo(gap("call-2026-02", 1.1), 9);
  // No base row: the active set, here the stored low.
  expect(result("B3")).toBeCloseTo(gap("low", 0.9), 9);
});
