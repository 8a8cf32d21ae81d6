/**
 * "Share as values" at its edges: sheet names as a user types them, and
 * error values in the file. SpreadsheetML (ECMA-376 Part 1, §18.17.4.3 and
 * ST_CellType "e") defines seven error literals for a cell; Excel writes its
 * newer errors (#SPILL!, #CALC!, #BUSY!, …) as #VALUE! plus rich-value
 * metadata, so any other literal in <v> is a file Excel must repair.
 */
import "./jest-office-mock";
import { unzipSync, strFromU8 } from "fflate";
import { AssumptionStore } from "../../src/functions/store";
import { ExcelHost } from "../../src/workbook/excel-host";
import { buildValuesWorkbook, NOTE_SHEET } from "../../src/workbook/share-values";
import { set } from "./fixtures";
import { FakeWorkbook } from "./mock-excel";

const FILE_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

async function workbook() {
  const wb = new FakeWorkbook();
  wb.addSheet("Model").put(1, 1, { value: "model" });
  wb.addSheet("Notes").put(1, 1, { value: "notes" });
  const store = new AssumptionStore();
  const host = new ExcelHost({ store, run: wb.run, createWorkbook: wb.createWorkbook, now: () => new Date("2026-03-01T09:30:00Z") });
  await host.save({ active: set("call-2026-02"), saved: [] });
  return { wb, host };
}

function files(base64: string): Record<string, string> {
  const zip = unzipSync(Uint8Array.from(Buffer.from(base64, "base64")));
  return Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const sheetNames = (base64: string) => [...files(base64)["xl/workbook.xml"].matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);

describe("sheets to share as typed", () => {
  test("a name typed twice, or in another case, is shared once, under the workbook's own name", async () => {
    const { wb, host } = await workbook();
    const result = await host.shareAsValues({ sheets: ["Model", "model", "Notes", "MODEL", "notes"] });
    expect(sheetNames(wb.created[0])).toEqual([NOTE_SHEET, "Model", "Notes"]);
    expect(result.description).toContain('"Model", "Notes" as values');
  });

  test("the state sheet in another case is still refused; a long unknown name is cut", async () => {
    const { wb, host } = await workbook();
    await expect(host.shareAsValues({ sheets: ["infra_assumptions"] })).rejects.toThrow(/holds the add-in's state/);
    await expect(host.shareAsValues({ sheets: ["y".repeat(5000)] })).rejects.toThrow(new RegExp(`no sheet named "${"y".repeat(40)}…" in this workbook`));
    expect(wb.created).toHaveLength(0);
  });

  test("the file writer refuses two sheets whose names Excel holds equal", async () => {
    const snapshot = (name: string) => ({ name, address: null, values: [], numberFormat: [] });
    const input = {
      sourceName: "Book",
      sharedAt: new Date("2026-03-01T09:30:00Z"),
      set: set("call-2026-02"),
      edited: false,
      reference: "call-2026-02",
      state: { active: set("call-2026-02"), saved: [] },
    };
    await expect(buildValuesWorkbook({ ...input, sheets: [snapshot("Model"), snapshot("MODEL")] })).rejects.toThrow(/"MODEL".*once/);
    await expect(buildValuesWorkbook({ ...input, sheets: [snapshot("Model"), snapshot("Notes")] })).resolves.toEqual(expect.any(String));
  });
});

describe("error values in the shared file", () => {
  test("only the seven error literals SpreadsheetML defines are written as errors; newer ones stay as the text shown", async () => {
    const { wb, host } = await workbook();
    const model = wb.sheet("Model")!;
    const shown = ["#N/A", "#VALUE!", "#DIV/0!", "#SPILL!", "#CALC!", "#BUSY!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#PYTHON!"];
    shown.forEach((value, i) => model.put(i + 2, 2, { formula: "=X()", value }));
    await host.shareAsValues({ sheets: ["Model"] });
    const xml = files(wb.created[0])["xl/worksheets/sheet2.xml"];
    const errors = [...xml.matchAll(/t="e"><v>([^<]*)<\/v>/g)].map((m) => m[1]);
    expect(errors).toEqual(["#N/A", "#VALUE!", "#DIV/0!"]);
    for (const e of errors) expect(FILE_ERRORS).toContain(e);
    for (const text of ["#SPILL!", "#CALC!", "#BUSY!", "#GETTING_DATA", "#PYTHON!"]) expect(xml).toContain(`<t xml:space="preserve">${text}</t>`);
  });
});
