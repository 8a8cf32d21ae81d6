/**
 * Reads the assumption state a workbook carries (its active set and saved
 * sets) from an .xlsx opened with exceljs, so `recalc` computes with the
 * workbook's own set as Excel would. The cells are those the Excel host
 * writes (src/workbook/state-format.ts: a hidden sheet "INFRA_Assumptions",
 * a marker block in A1:B7, the JSON in parts in column J); the same pure
 * reader interprets them, so a corrupt or newer state is reported the same way.
 */
import type ExcelJS from "exceljs";
import type { LoadResult } from "../workbook/host";
import { CHUNK_RANGE, FOREIGN_SHEET_REASON, interpretStateCells, META_RANGE, STATE_SHEET } from "../workbook/state-format";

export { STATE_SHEET };

export type StoredStateResult = LoadResult;

/** A cell's value as Office.js `range.values` gives it: text, number, boolean, or "" when empty. */
function officeValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "result" in v) return v.result ?? "";
  return v;
}

function values(sheet: ExcelJS.Worksheet, range: string): unknown[][] {
  const [from, to] = range.split(":");
  const a = sheet.getCell(from);
  const b = sheet.getCell(to);
  const rows: unknown[][] = [];
  for (let r = Number(a.row); r <= Number(b.row); r++) {
    const row: unknown[] = [];
    for (let c = Number(a.col); c <= Number(b.col); c++) row.push(officeValue(sheet.getCell(r, c)));
    rows.push(row);
  }
  return rows;
}

export function readStoredState(workbook: ExcelJS.Workbook): StoredStateResult {
  const sheet = workbook.getWorksheet(STATE_SHEET);
  if (!sheet) return { kind: "empty" };
  const result = interpretStateCells(values(sheet, META_RANGE), values(sheet, CHUNK_RANGE)).result;
  // Blank where INFRA writes but holding data elsewhere: someone else's sheet, as the Excel host judges it.
  if (result.kind === "empty" && sheet.actualRowCount > 0) {
    return {
      kind: "unreadable",
      reason: FOREIGN_SHEET_REASON,
      problems: [`${STATE_SHEET} has data but no INFRA marker`],
      foreign: true,
    };
  }
  return result;
}
