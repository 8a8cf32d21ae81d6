/** A workbook's stored state written with exceljs as the Excel host lays it out (for recalc tests). */
import type ExcelJS from "exceljs";
import type { WorkbookState } from "../../src/workbook/host";
import { encodeState, STATE_FORMAT, STATE_SCHEMA_VERSION, STATE_SHEET, toChunks } from "../../src/workbook/state-format";

/** The state sheet as the Excel host writes it: marker block in A1:B5, JSON parts from J2, text that looks like a formula kept as text. */
export function writeState(wb: ExcelJS.Workbook, state: WorkbookState): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(STATE_SHEET, { state: "hidden" });
  const json = encodeState(state);
  const parts = toChunks(json);
  sheet.getCell("A1").value = "INFRA for Excel: the assumption set this workbook uses";
  sheet.getCell("A2").value = "format";
  sheet.getCell("B2").value = STATE_FORMAT;
  sheet.getCell("A3").value = "schema_version";
  sheet.getCell("B3").value = STATE_SCHEMA_VERSION;
  sheet.getCell("A4").value = "parts";
  sheet.getCell("B4").value = parts.length;
  sheet.getCell("A5").value = "characters";
  sheet.getCell("B5").value = json.length;
  parts.forEach((p, i) => (sheet.getCell(`J${i + 2}`).value = p));
  sheet.getCell("A9").value = "=not a formula, audit text";
  return sheet;
}
