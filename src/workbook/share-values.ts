/**
 * Builds the "Share as values" workbook (.xlsx, as base64) with exceljs:
 * the chosen sheets' used ranges with every formula replaced by its current
 * value, number formats kept, and a first sheet "About these values" naming
 * the assumption set and listing its parameters. Loaded on demand (dynamic
 * import), so exceljs only reaches the pane when someone shares.
 */
import ExcelJS from "exceljs";
import type { AssumptionSet } from "../model/schema";
import type { WorkbookState } from "./host";
import { AUDIT_HEADER, auditRows } from "./state-format";

export interface SheetSnapshot {
  name: string;
  /** Address of the used range ("Sheet1!B2:F20"), or null for an empty sheet. */
  address: string | null;
  values: unknown[][];
  numberFormat: unknown[][];
}

export interface ValuesWorkbookInput {
  sourceName: string;
  sharedAt: Date;
  set: AssumptionSet;
  edited: boolean;
  reference: string | null;
  state: WorkbookState;
  sheets: SheetSnapshot[];
}

export const NOTE_SHEET = "About these values";

const EXCEL_ERRORS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#BUSY!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"]);

/** Top-left cell of a used-range address, 1-based. */
export function topLeft(address: string): { row: number; col: number } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(local);
  if (!m) throw new Error(`cannot read the range address "${address}"`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

function cellValue(v: unknown): ExcelJS.CellValue {
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") {
    if (v === "") return null;
    if (EXCEL_ERRORS.has(v)) return { error: v as ExcelJS.CellErrorValue["error"] };
    return v;
  }
  return null;
}

export async function buildValuesWorkbook(input: ValuesWorkbookInput): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "INFRA for Excel";
  wb.created = input.sharedAt;
  const used = new Set(input.sheets.map((s) => s.name.toLowerCase()));
  let noteName = NOTE_SHEET;
  for (let i = 2; used.has(noteName.toLowerCase()); i++) noteName = `${NOTE_SHEET} ${i}`;

  const note = wb.addWorksheet(noteName);
  const set = input.set;
  const rows: Array<[string, string | number]> = [
    ["Shared from", input.sourceName],
    ["Shared at (UTC)", input.sharedAt.toISOString().replace("T", " ").slice(0, 16)],
    ["Assumption set", set.id],
    ["Set name", set.name],
    ["Vintage", set.vintage],
    ["Base year", set.base_year],
    ["Edited", input.edited ? `yes${input.reference ? `, from reference set ${input.reference}` : ""}` : "no, as published in the add-in"],
    [
      "What this is",
      "A copy with every formula replaced by the value it showed, for readers without the INFRA add-in (who would see #NAME? in INFRA cells). Values do not update; charts and other objects are not carried.",
    ],
    ["Sheets", input.sheets.map((s) => s.name).join(", ")],
  ];
  note.getCell(1, 1).value = "INFRA for Excel: values shared from an assumption set";
  note.getCell(1, 1).font = { bold: true };
  rows.forEach(([k, v], i) => {
    note.getCell(i + 3, 1).value = k;
    note.getCell(i + 3, 2).value = v;
  });
  const tableTop = rows.length + 5;
  note.getCell(tableTop - 1, 1).value = "Parameters of the sets the workbook kept (active first)";
  note.getCell(tableTop - 1, 1).font = { bold: true };
  [[...AUDIT_HEADER], ...auditRows(input.state)].forEach((row, r) =>
    row.forEach((v, c) => {
      note.getCell(tableTop + r, c + 1).value = v;
      if (r === 0) note.getCell(tableTop + r, c + 1).font = { bold: true };
    }),
  );
  note.getColumn(1).width = 24;
  note.getColumn(2).width = 60;

  for (const snap of input.sheets) {
    const ws = wb.addWorksheet(snap.name);
    if (!snap.address) continue;
    const origin = topLeft(snap.address);
    snap.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const value = cellValue(v);
        if (value === null) return;
        const cell = ws.getCell(origin.row + r, origin.col + c);
        cell.value = value;
        const fmt = snap.numberFormat[r]?.[c];
        if (typeof fmt === "string" && fmt !== "General") cell.numFmt = fmt;
      }),
    );
  }
  const buffer = await wb.xlsx.writeBuffer();
  return toBase64(new Uint8Array(buffer as ArrayBuffer));
}

/** Base64 with the platform's btoa (browsers and Node alike), in slices to keep argument lists short. */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
