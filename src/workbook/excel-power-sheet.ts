/**
 * The "Power balance" sheet behind `ExcelHost.insertPowerBalanceSheet`. Only
 * the pane's button uses it, so the host loads this module on demand and it
 * stays out of functions.js (an on-demand chunk of its own).
 */
import type { CompiledSet } from "../model/compiled-set";
import { powerBalance, POWER_BALANCE_HEADER } from "../model/power";
import { columnLetters } from "../model/a1";
import { infraSheet } from "./infra-sheet";
import { POWER_CHART, POWER_SHEET, type ExcelRun } from "./excel-host";

const POWER_TITLE = "Power balance, GW: INFRA.POWER_BALANCE() on the workbook's active set";
const POWER_TABLE_ROW = 4;

/**
 * Inserts (or refreshes) the "Power balance" sheet: the live spilling
 * formula =INFRA.POWER_BALANCE(), so the table follows the active set, and a
 * native combo chart (stacked columns for supply by source, lines for
 * demand and the gaps) that travels with the workbook.
 */
export async function insertPowerBalanceSheet(run: ExcelRun, set: CompiledSet): Promise<void> {
  const table = powerBalance(set, null, null);
  const header = POWER_TABLE_ROW;
  const first = header + 1;
  const last = header + table.length - 1;
  const col = (name: (typeof POWER_BALANCE_HEADER)[number]) => columnLetters(POWER_BALANCE_HEADER.indexOf(name));
  await run(async (context) => {
    const sheet = await infraSheet(context, POWER_SHEET, POWER_TITLE, POWER_CHART);
    sheet.getRange("A1").values = [[POWER_TITLE]];
    sheet.getRange("A1").format.font.bold = true;
    sheet.getRange("A2").values = [
      ["The table below is a live formula: it follows the set chosen in the INFRA pane. Cumulative GW from the set's base year."],
    ];
    sheet.getRange(`A${header}`).formulas = [["=INFRA.POWER_BALANCE()"]];
    sheet.getRange(`A${header}:${col("gap_after_solutions_gw")}${header}`).format.font.bold = true;

    const years = sheet.getRange(`${col("year")}${first}:${col("year")}${last}`);
    const chart = sheet.charts.add("ColumnStacked", sheet.getRange(`${col("grid_gw")}${header}:${col("diesel_gw")}${last}`), "Columns");
    chart.name = POWER_CHART;
    chart.title.text = "US data-center power: demand, supply by source and the gap (GW, cumulative)";
    chart.legend.position = "Bottom";
    const sourceCount = POWER_BALANCE_HEADER.indexOf("diesel_gw") - POWER_BALANCE_HEADER.indexOf("grid_gw") + 1;
    for (let i = 0; i < sourceCount; i++) chart.series.getItemAt(i).setXAxisValues(years);
    const lines: Array<[(typeof POWER_BALANCE_HEADER)[number], string]> = [
      ["demand_gw", "Demand"],
      ["gap_gw", "Gap before solutions"],
      ["gap_after_solutions_gw", "Gap after solutions"],
    ];
    for (const [column, name] of lines) {
      const series = chart.series.add(name);
      series.setValues(sheet.getRange(`${col(column)}${first}:${col(column)}${last}`));
      series.setXAxisValues(years);
      series.chartType = "Line";
    }
    chart.setPosition(`N${header}`, `X${header + 22}`);
    sheet.activate();
    await context.sync();
  });
}
