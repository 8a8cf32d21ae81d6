/**
 * The "Sensitivity" sheet behind `ExcelHost.insertSensitivitySheet`: its
 * inputs in cells, a live =INFRA.SENSITIVITY(...) reading them, and a native
 * bar chart of the result at the low and the high input of each parameter.
 * Only the pane's button uses it, so the host loads it on demand.
 */
import { ANALYSABLE } from "../functions/functions";
import type { AssumptionStore } from "../functions/store";
import { SENSITIVITY_HEADER, sensitivityTable } from "../functions/what-if";
import { columnLetters } from "../model/a1";
import { infraSheet } from "./infra-sheet";
import type { ExcelRun } from "./excel-host";
import type { SensitivityRequest } from "./host";

export const SENSITIVITY_SHEET = "Sensitivity";
export const SENSITIVITY_CHART = "INFRA sensitivity";
const SENSITIVITY_TITLE = "Sensitivity: INFRA.SENSITIVITY on the inputs below (tornado table, sorted by swing)";
/** Row of the table's header (the formula's cell); inputs above it. */
export const SENSITIVITY_TABLE_ROW = 9;
/** Most arguments a function SENSITIVITY runs takes before `scenario`: the inputs row holds that many, whichever function B4 names. */
const MAX_ARGS = Math.max(...Object.values(ANALYSABLE).map((fn) => fn.arity));

/**
 * Inserts (or refreshes) the "Sensitivity" sheet. The table is computed once
 * here (same code as the cell) to size the chart and to refuse bad input
 * before the workbook is touched; the cell itself stays live.
 */
export async function insertSensitivitySheet(run: ExcelRun, store: AssumptionStore, request: SensitivityRequest): Promise<void> {
  const active = store.resolve(null);
  const args = [...request.args];
  while (args.length && args[args.length - 1] === null) args.pop();
  const table = sensitivityTable(store, ANALYSABLE, active, request.functionName, [args], null, null, null);
  const fn = request.functionName.trim().toUpperCase().replace(/^=?INFRA\./, "");
  const header = SENSITIVITY_TABLE_ROW;
  const first = header + 1;
  const last = header + Math.max(1, table.length - 1);
  const argsEnd = columnLetters(MAX_ARGS); // B..K for ten arguments
  await run(async (context) => {
    const sheet = await infraSheet(context, SENSITIVITY_SHEET, SENSITIVITY_TITLE, SENSITIVITY_CHART);
    sheet.getRange("A1").values = [[SENSITIVITY_TITLE]];
    sheet.getRange("A1").format.font.bold = true;
    sheet.getRange("A2").values = [
      ["Change the inputs and the table follows. An empty scenario is the workbook's active set; put =INFRA_ACTIVE, a set id or a SCENARIO handle there instead."],
    ];
    const labels = sheet.getRange("A4:A7");
    labels.values = [["function"], ["arguments"], ["change"], ["scenario"]];
    labels.format.font.bold = true;
    const fnCell = sheet.getRange("B4");
    fnCell.numberFormat = [["@"]];
    fnCell.values = [[fn]];
    const argRow = Array.from({ length: MAX_ARGS }, (_, i) => args[i] ?? "");
    sheet.getRange(`B5:${argsEnd}5`).values = [argRow];
    sheet.getRange("B6").values = [[0.1]];
    sheet.getRange("B7").numberFormat = [["@"]];
    sheet.getRange(`A${header}`).formulas = [[`=INFRA.SENSITIVITY(B4,B5:${argsEnd}5,,B6,B7)`]];
    sheet.getRange(`A${header}:${columnLetters(SENSITIVITY_HEADER.length - 1)}${header}`).format.font.bold = true;

    // Bars of the result at the low and at the high input, one pair per parameter.
    const col = (name: string) => columnLetters(SENSITIVITY_HEADER.indexOf(name));
    const chart = sheet.charts.add("BarClustered", sheet.getRange(`${col("result_low")}${header}:${col("result_high")}${last}`), "Columns");
    chart.name = SENSITIVITY_CHART;
    chart.title.text = `${fn}: result at the low and the high input of each parameter (±change)`;
    chart.legend.position = "Bottom";
    const names = sheet.getRange(`${col("parameter")}${first}:${col("parameter")}${last}`);
    for (let i = 0; i < 2; i++) chart.series.getItemAt(i).setXAxisValues(names);
    chart.setPosition(`J${header}`, `R${header + 22}`);
    sheet.activate();
    await context.sync();
  });
}
