/**
 * Reads the assumption state a workbook carries (its active set and saved
 * sets) from an .xlsx (opened with exceljs, or cell by cell), so `recalc` computes with the
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

/** A cell's value (1-based row and column) as Office.js `range.values` gives it. */
export type CellReader = (row: number, col: number) => unknown;

function values(read: CellReader, range: string): unknown[][] {
  const [from, to] = range.split(":").map((ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
    return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
  });
  const rows: unknown[][] = [];
  for (let r = from.row; r <= to.row; r++) {
    const row: unknown[] = [];
    for (let c = from.col; c <= to.col; c++) row.push(read(r, c));
    rows.push(row);
  }
  return rows;
}

export function readStoredState(workbook: ExcelJS.Workbook): StoredStateResult {
  const sheet = workbook.getWorksheet(STATE_SHEET);
  if (!sheet) return { kind: "empty" };
  return readStoredStateCells((r, c) => officeValue(sheet.getCell(r, c)), sheet.actualRowCount > 0);
}

/**
 * The state in a sheet named INFRA_Assumptions, read cell by cell; `hasData`
 * says whether the sheet holds anything at all.
 */
export function readStoredStateCells(read: CellReader, hasData: boolean): StoredStateResult {
  const result = interpretStateCells(values(read, META_RANGE), values(read, CHUNK_RANGE)).result;
  // Blank where INFRA writes but holding data elsewhere: someone else's sheet, as the Excel host judges it.
  if (result.kind === "empty" && hasData) {
    return {
      kind: "unreadable",
      reason: FOREIGN_SHEET_REASON,
      problems: [`${STATE_SHEET} has data but no INFRA marker`],
      foreign: true,
    };
  }
  return result;
}
