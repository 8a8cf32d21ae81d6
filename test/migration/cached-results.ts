/** What a workbook file shows, read with exceljs (a reader of its own, not ours): the cached results of its formula cells. */
import ExcelJS from "exceljs";

/**
 * Cached results of the formula cells of `sheets`, by "Sheet!A1"; on the
 * sheets in `plainToo`, plain values as well.
 */
export async function cachedResults(file: string, sheets: readonly string[], plainToo: readonly string[] = []): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown>();
  for (const sheetName of sheets) {
    wb.getWorksheet(sheetName)!.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { result?: unknown } | null;
        if (v && typeof v === "object" && "result" in v) out.set(`${sheetName}!${cell.address}`, v.result);
        else if (plainToo.includes(sheetName)) out.set(`${sheetName}!${cell.address}`, v);
      }),
    );
  }
  return out;
}
