/** `recalc` judges a workbook's state sheet as the Excel host does. */
import ExcelJS from "exceljs";
import { readStoredState, STATE_SHEET } from "../../src/engine/stored-state";

test("a workbook without a state sheet holds no state", () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  expect(readStoredState(wb)).toEqual({ kind: "empty" });
});

test("a blank state sheet holds no state", () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(STATE_SHEET);
  expect(readStoredState(wb)).toEqual({ kind: "empty" });
});

test("a sheet of that name with someone else's data (here only in A9 and D3) is foreign, not empty", () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(STATE_SHEET);
  sheet.getCell("A9").value = "my notes";
  sheet.getCell("D3").value = 42;
  expect(readStoredState(wb)).toMatchObject({ kind: "unreadable", foreign: true, reason: expect.stringMatching(/not written by INFRA/) });
});
