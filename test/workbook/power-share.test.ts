import "./jest-office-mock";
import ExcelJS from "exceljs";
import { AssumptionStore } from "../../src/functions/store";
import { POWER_BALANCE_HEADER } from "../../src/model/power";
import { ExcelHost, POWER_CHART, POWER_SHEET, STATE_SHEET } from "../../src/workbook/excel-host";
import { NOTE_SHEET } from "../../src/workbook/share-values";
import { editedSet, set } from "./fixtures";
import { FakeWorkbook } from "./mock-excel";

async function workbookWith(active = set("call-2026-02")) {
  const wb = new FakeWorkbook();
  wb.addSheet("Model");
  const store = new AssumptionStore();
  const host = new ExcelHost({ store, run: wb.run, createWorkbook: wb.createWorkbook, now: () => new Date("2026-03-01T09:30:00Z") });
  await host.save({ active, saved: [] });
  return { wb, store, host };
}

describe("Power balance sheet", () => {
  test("holds the live POWER_BALANCE formula and a native combo chart of supply, demand and the gap", async () => {
    const { wb, host } = await workbookWith();
    await host.insertPowerBalanceSheet();
    const sheet = wb.sheet(POWER_SHEET)!;
    expect(sheet.cell(4, 1)?.formula).toBe("=INFRA.POWER_BALANCE()");
    // call-2026-02: base year 2024, paths to 2030 → header row 4, years 2025–2030 in rows 5–10.
    const live = sheet.charts.filter((c) => !c.deleted);
    expect(live).toHaveLength(1);
    const chart = live[0];
    expect(chart.name).toBe(POWER_CHART);
    expect(chart.type).toBe("ColumnStacked");
    expect(chart.source).toBe("C4:J10"); // grid_gw … diesel_gw with their header
    expect(POWER_BALANCE_HEADER.slice(2, 10)).toEqual(["grid_gw", "construction_gw", "gas_gw", "fuel_cells_gw", "nuclear_gw", "miners_gw", "storage_gw", "diesel_gw"]);
    const lines = chart.series.filter((s) => s.chartType === "Line");
    expect(lines.map((s) => [s.name, s.values])).toEqual([
      ["Demand", "B5:B10"],
      ["Gap before solutions", "K5:K10"],
      ["Gap after solutions", "L5:L10"],
    ]);
    expect(chart.series.every((s) => s.xValues === "A5:A10")).toBe(true);
    expect(chart.series).toHaveLength(8 + 3);
    expect(chart.legend).toBe("Bottom");
    expect(chart.position).toEqual(["N4", "X26"]);
  });

  test("inserting again refreshes the same sheet: one sheet, one chart", async () => {
    const { wb, host } = await workbookWith();
    await host.insertPowerBalanceSheet();
    await host.insertPowerBalanceSheet();
    expect(wb.sheets.filter((s) => s.name === POWER_SHEET)).toHaveLength(1);
    expect(wb.sheet(POWER_SHEET)!.charts.filter((c) => !c.deleted)).toHaveLength(1);
    expect(wb.sheet(POWER_SHEET)!.cell(4, 1)?.formula).toBe("=INFRA.POWER_BALANCE()");
  });

  test("a user's own sheet named Power balance is left alone", async () => {
    const { wb, host } = await workbookWith();
    wb.addSheet(POWER_SHEET).put(1, 1, { value: "my notes" });
    await expect(host.insertPowerBalanceSheet()).rejects.toThrow(/already exists and was not made by INFRA/);
    expect(wb.sheet(POWER_SHEET)!.value("A1")).toBe("my notes");
    expect(wb.sheet(POWER_SHEET)!.charts).toHaveLength(0);
  });
});

describe("Share as values", () => {
  async function open(base64: string) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
    return book;
  }

  test("a new workbook with INFRA formulas replaced by their values and a note of the set", async () => {
    const { wb, host } = await workbookWith(editedSet("call-2026-02", "call-tuned"));
    const model = wb.sheet("Model")!;
    // What Excel shows after computing: formulas with their values, a number format, a label, an error.
    model.put(1, 1, { value: "Gap 2028, GW" });
    model.put(1, 2, { formula: "=INFRA.POWER_GAP_GW(2028)", value: 44.5, numberFormat: "0.0" });
    model.put(2, 2, { formula: "=B1*2", value: 89 });
    model.put(3, 2, { formula: '=INFRA.POWER_GAP_GW(2099,FALSE,"nope")', value: "#N/A" });
    model.put(4, 1, { value: 'a < b & "c"' }); // text with XML's special characters
    const other = wb.addSheet("Other");
    other.put(1, 1, { value: "leave me out" });

    const result = await host.shareAsValues({ sheets: ["Model"] });
    expect(wb.created).toHaveLength(1);
    expect(result.file?.base64).toBe(wb.created[0]);
    expect(result.file?.name).toBe("Model (values 2026-03-01).xlsx");
    expect(result.description).toMatch(/Opened a new workbook with "Model" as values, computed from set call-tuned .*edited/);

    const book = await open(wb.created[0]);
    expect(book.worksheets.map((w) => w.name)).toEqual([NOTE_SHEET, "Model"]);
    const m = book.getWorksheet("Model")!;
    expect(m.getCell("A1").value).toBe("Gap 2028, GW");
    expect(m.getCell("B1").value).toBe(44.5);
    expect(m.getCell("B1").numFmt).toBe("0.0");
    expect(m.getCell("B2").value).toBe(89);
    expect(m.getCell("B3").value).toEqual({ error: "#N/A" });
    expect(m.getCell("A4").value).toBe('a < b & "c"');
    m.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));

    const note = book.getWorksheet(NOTE_SHEET)!;
    const facts = new Map<string, unknown>();
    note.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get("Assumption set")).toBe("call-tuned");
    expect(facts.get("Vintage")).toBe(set("call-2026-02").vintage);
    expect(facts.get("Edited")).toBe("yes, from reference set call-2026-02");
    expect(facts.get("Shared at (UTC)")).toBe("2026-03-01 09:30");
  });

  test("by default every visible sheet is shared, never the hidden state sheet", async () => {
    const { wb, host } = await workbookWith();
    wb.sheet("Model")!.put(1, 1, { value: 1 });
    wb.addSheet("Hidden notes").visibility = "Hidden";
    await host.shareAsValues({});
    const book = await open(wb.created[0]);
    expect(book.worksheets.map((w) => w.name)).toEqual([NOTE_SHEET, "Model"]);
    const note = book.getWorksheet(NOTE_SHEET)!;
    let edited: unknown;
    note.eachRow((row) => {
      if (row.getCell(1).value === "Edited") edited = row.getCell(2).value;
    });
    expect(edited).toBe("no, as published in the add-in");
    expect(wb.sheet(STATE_SHEET)?.visibility).toBe("Hidden");
  });

  test("an unknown sheet name is refused by name and nothing is created", async () => {
    const { wb, host } = await workbookWith();
    await expect(host.shareAsValues({ sheets: ["Nope"] })).rejects.toThrow(/no sheet named "Nope"/);
    expect(wb.created).toHaveLength(0);
  });

  test("where a new window cannot open, the file is still returned for download", async () => {
    const { wb } = await workbookWith();
    const store = new AssumptionStore();
    store.activate(set("low"));
    const host = new ExcelHost({ store, run: wb.run, createWorkbook: async () => Promise.reject(new Error("blocked")) });
    const result = await host.shareAsValues({});
    expect(result.description).toMatch(/^Prepared a file/);
    expect(result.file?.base64.length).toBeGreaterThan(100);
  });
});
