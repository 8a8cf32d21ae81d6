import "./jest-office-mock";
import { store } from "../../src/functions/store";
import { ExcelHost, STATE_SHEET } from "../../src/workbook/excel-host";
import { measureApplySyncs } from "./apply-sync-count";
import { evaluateInfra, set } from "./fixtures";
import { FakeWorkbook } from "./mock-excel";

test("an apply takes the same number of round trips for 10 and 1,000 INFRA cells, at most 3", async () => {
  const ten = await measureApplySyncs(10);
  const thousand = await measureApplySyncs(1000);
  expect(ten.syncs).toBe(thousand.syncs);
  expect(ten.syncs).toBeLessThanOrEqual(3);
  // The host's own count agrees with the spy on context.sync.
  expect(ten.reported).toBe(ten.syncs);
  expect(thousand.reported).toBe(thousand.syncs);
  // Recalculation is queued per sheet, never per cell.
  expect(ten.sheetCalculations).toBe(1);
  expect(thousand.sheetCalculations).toBe(1);
});

test("after an apply, cells on the active set show the new set's values; a cell naming a scenario keeps its value", async () => {
  const wb = new FakeWorkbook();
  wb.evaluate = evaluateInfra;
  const sheet = wb.addSheet("Model");
  sheet.setFormula("A1", "=INFRA.POWER_GAP_GW(2028)");
  sheet.setFormula("A2", '=INFRA.POWER_GAP_GW(2028,FALSE,"call-2026-02")');
  store.activate(set("call-2026-02"));
  wb.recalcSheet(sheet);
  // The conference call of 2026-02-04: a 46 GW gap in 2028.
  expect(sheet.value("A1")).toBe(46);
  expect(sheet.value("A2")).toBe(46);

  await new ExcelHost({ store, run: wb.run }).save({ active: set("high"), saved: [] });

  // high: demand − grid − construction in 2028, from the set (not 46).
  const high = set("high").parameters;
  const expected = high.demand_gw.path["2028"] - high.supply_grid_gw.path["2028"] - high.supply_construction_gw.path["2028"];
  expect(sheet.value("A1")).toBeCloseTo(expected, 9);
  expect(expected).not.toBe(46);
  expect(sheet.value("A2")).toBe(46);
  // Every sheet of this workbook marked dirty and recalculated, then a recalculation of what is still dirty.
  expect(sheet.calculations).toEqual([true]);
  // The state sheet was added by this apply (it holds no formulas), so it was not among the sheets recalculated.
  expect(wb.sheet(STATE_SHEET)?.calculations).toEqual([]);
  expect(wb.appCalculations).toEqual(["Recalculate"]);
});
