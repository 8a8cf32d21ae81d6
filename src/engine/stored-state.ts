/**
 * Reads the assumption state a workbook carries (its active set and saved
 * sets), from an .xlsx opened with exceljs, so `recalc` computes with the
 * workbook's own set as Excel would.
 *
 * The state lives on a hidden sheet named "INFRA_Assumptions": JSON text in
 * column A, split over consecutive cells when longer than a cell holds
 * (32,767 characters); the cells' texts joined in row order are the JSON.
 */
import type ExcelJS from "exceljs";
import { parseAssumptionSet, SetValidationError, type AssumptionSet } from "../model/schema";
import type { LoadResult } from "../workbook/host";

export const STATE_SHEET = "INFRA_Assumptions";
/** The stored JSON is refused beyond this size (a set is far smaller). */
export const MAX_STATE_CHARS = 10_000_000;

export type StoredStateResult = LoadResult;

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return "";
}

function problemsOf(e: unknown): string[] {
  if (e instanceof SetValidationError) return e.problems;
  return [e instanceof Error ? e.message : String(e)];
}

/** Parses the stored JSON: `{active, saved}`, or a single set document (treated as the active set). */
export function parseStoredState(json: string): StoredStateResult {
  if (json.length > MAX_STATE_CHARS) {
    return { kind: "unreadable", reason: `the stored state is ${json.length} characters, more than ${MAX_STATE_CHARS}`, problems: [] };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return { kind: "unreadable", reason: "the stored state is not valid JSON", problems: problemsOf(e) };
  }
  try {
    const record = doc as { active?: unknown; saved?: unknown };
    if (record && typeof record === "object" && "active" in record) {
      const active: AssumptionSet = parseAssumptionSet(record.active);
      const saved = Array.isArray(record.saved) ? record.saved.map((s) => parseAssumptionSet(s)) : [];
      return { kind: "stored", state: { active, saved } };
    }
    return { kind: "stored", state: { active: parseAssumptionSet(doc), saved: [] } };
  } catch (e) {
    return { kind: "unreadable", reason: e instanceof Error ? e.message : String(e), problems: problemsOf(e) };
  }
}

export function readStoredState(workbook: ExcelJS.Workbook): StoredStateResult {
  const sheet = workbook.worksheets.find((ws) => ws.name.toLowerCase() === STATE_SHEET.toLowerCase());
  if (!sheet) return { kind: "empty" };
  const parts: string[] = [];
  sheet.getColumn(1).eachCell({ includeEmpty: false }, (cell) => {
    parts.push(cellText(cell));
  });
  const json = parts.join("").trim();
  if (json === "") return { kind: "empty" };
  return parseStoredState(json);
}
