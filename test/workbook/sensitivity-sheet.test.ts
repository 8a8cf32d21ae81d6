/** The pane's "Insert Sensitivity sheet": a live SENSITIVITY reading its inputs from cells, and a native bar chart. */
import "./jest-office-mock";
import { AssumptionStore } from "../../src/functions/store";
import { ExcelHost } from "../../src/workbook/excel-host";
import { SENSITIVITY_CHART, SENSITIVITY_SHEET } from "../../src/workbook/excel-sensitivity-sheet";
import { installCustomFunctionsShim } from "../../src/functions/custom-functions-shim";
import { set } from "./fixtures";
import { FakeWorkbook } from "./mock-excel";

installCustomFunctionsShim();

async function workbook() {
  const wb = new FakeWorkbook();
  wb.addSheet("Model");
  const store = new AssumptionStore();
  const host = new ExcelHost({ store, run: wb.run });
  await host.save({ active: set("call-2026-02"), saved: [] });
  return { wb, host };
}

test("inputs in cells, the live formula reading them, and a bar chart over the rows the table has", async () => {
  const { wb, host } = await workbook();
  await host.insertSensitivitySheet({ functionName: "power_gap_gw", args: [2028] });
  const sheet = wb.sheet(SENSITIVITY_SHEET)!;
  expect(sheet.value("B4")).toBe("POWER_GAP_GW");
  expect(sheet.value("B5")).toBe(2028);
  expect(sheet.value("B6")).toBe(0.1);
  // The inputs row is as wide as the widest function's arguments (ten: B..K), so B4 may name any of them.
  expect(sheet.cell(9, 1)?.formula).toBe("=INFRA.SENSITIVITY(B4,B5:K5,,B6,B7)");
  const charts = sheet.charts.filter((c) => !c.deleted);
  expect(charts).toHaveLength(1);
  const chart = charts[0];
  expect(chart.name).toBe(SENSITIVITY_CHART);
  expect(chart.type).toBe("BarClustered");
  // The headline gap moves with demand, grid and construction: three rows under the header in row 9.
  expect(chart.source).toBe("E9:F12");
  expect(chart.series.map((s) => [s.name, s.xValues])).toEqual([
    ["", "A10:A12"],
    ["", "A10:A12"],
  ]);
  expect(sheet.activated).toBe(1);
});

test("inserting again refreshes the same sheet; a user's own sheet of that name is left alone; bad input changes nothing", async () => {
  const { wb, host } = await workbook();
  await host.insertSensitivitySheet({ functionName: "POWER_GAP_GW", args: [2028] });
  await host.insertSensitivitySheet({ functionName: "AIDC_FUNDING", args: [10, null, "ig_bonds"] });
  expect(wb.sheets.filter((s) => s.name === SENSITIVITY_SHEET)).toHaveLength(1);
  expect(wb.sheet(SENSITIVITY_SHEET)!.charts.filter((c) => !c.deleted)).toHaveLength(1);
  expect(wb.sheet(SENSITIVITY_SHEET)!.value("D5")).toBe("ig_bonds");

  const other = await workbook();
  other.wb.addSheet(SENSITIVITY_SHEET).put(1, 1, { value: "my notes" });
  await expect(other.host.insertSensitivitySheet({ functionName: "POWER_GAP_GW", args: [2028] })).rejects.toThrow(/already exists and was not made by INFRA/);
  expect(other.wb.sheet(SENSITIVITY_SHEET)!.value("A1")).toBe("my notes");

  const third = await workbook();
  await expect(third.host.insertSensitivitySheet({ functionName: "NOPE", args: [] })).rejects.toThrow(/function_name "NOPE"/);
  expect(third.wb.sheet(SENSITIVITY_SHEET)).toBeUndefined();
});

test("a function with more than six arguments keeps every one: the inputs row and the formula reach its last argument", async () => {
  const { wb, host } = await workbook();
  // MINER_VALUE_PER_SHARE: operating, construction, development, contracted MW, net debt, shares, capex to spend, p_contract (8th).
  await host.insertSensitivitySheet({ functionName: "MINER_VALUE_PER_SHARE", args: [100, 50, 200, 80, 500, 100, 0, 0.3] });
  const sheet = wb.sheet(SENSITIVITY_SHEET)!;
  expect(sheet.value("I5")).toBe(0.3);
  // MINER_VALUE_PER_SHARE and MINER_IMPLIED_P_CONTRACT take ten arguments before scenario: B..K.
  expect(sheet.cell(9, 1)?.formula).toBe("=INFRA.SENSITIVITY(B4,B5:K5,,B6,B7)");
});
