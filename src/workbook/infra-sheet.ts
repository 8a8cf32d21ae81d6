/**
 * A sheet INFRA writes whole (the Power balance and Sensitivity sheets): made
 * when missing; when present, rewritten only if INFRA made it (its A1 holds
 * INFRA's title), its chart deleted and its cells cleared first. A user's own
 * sheet of that name is refused and left as it is.
 */
export async function infraSheet(context: Excel.RequestContext, name: string, title: string, chartName: string): Promise<Excel.Worksheet> {
  const sheets = context.workbook.worksheets;
  const sheet = sheets.getItemOrNullObject(name);
  sheet.load("isNullObject");
  await context.sync();
  if (sheet.isNullObject) return sheets.add(name);
  const a1 = sheet.getRange("A1").load("values");
  const chart = sheet.charts.getItemOrNullObject(chartName);
  chart.load("isNullObject");
  await context.sync();
  if (a1.values[0][0] !== title) {
    throw new Error(`A sheet named "${name}" already exists and was not made by INFRA; rename it and try again.`);
  }
  if (!chart.isNullObject) chart.delete();
  sheet.getRange().clear();
  return sheet;
}
