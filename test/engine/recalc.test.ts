/**
 * `recalc`: an .xlsx made here with exceljs, recalculated, reread. INFRA cells
 * and their dependents get new cached results; every other cell keeps its
 * bytes in the sheet XML.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { recalcWorkbook, MAX_INPUT_BYTES, MAX_UNCOMPRESSED_BYTES } from "../../src/engine/recalc";
import { InfraEngine } from "../../src/engine/engine";
import { STATE_SHEET } from "../../src/engine/stored-state";
import { run } from "../../src/cli/main";
import { bundledSet } from "../../src/model/sets";
import { workbookWithSheet, repeated } from "./xlsx-fixture";
import { STATE_FORMAT, STATE_SCHEMA_VERSION } from "../../src/workbook/state-format";
import { writeState } from "./state-sheet";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-recalc-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const UNTOUCHED = ["A1", "D1", "E1", "F1", "H1"];

/** A workbook with INFRA formulas, a dependent, a plain formula with a stale cache, styled text, a date and a second sheet. */
async function makeWorkbook(file: string, options: { storedSetId?: string } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Model");
  ws.getCell("A1").value = 2028;
  ws.getCell("B1").value = { formula: "INFRA.POWER_GAP_GW(A1)", result: 0 };
  ws.getCell("C1").value = { formula: "B1*2", result: 0 };
  // Not INFRA and not dependent: its (deliberately stale) cached result must stay.
  ws.getCell("D1").value = { formula: "SUM(1,2)", result: 999 };
  ws.getCell("E1").value = "hello";
  ws.getCell("E1").font = { bold: true };
  ws.getCell("F1").value = new Date(Date.UTC(2026, 1, 4));
  ws.getCell("F1").numFmt = "yyyy-mm-dd";
  ws.getCell("G1").value = { formula: "INFRA.POWER_GAP_GW(2099)", result: 0 };
  ws.getCell("H1").value = 0.25;
  ws.getCell("H1").numFmt = "0.0%";
  // Saved without array marking (as before dynamic arrays): Excel shows the table's top-left value (implicit intersection).
  ws.getCell("A3").value = { formula: "INFRA.POWER_BALANCE(2025,2026)", result: 0 };
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "Figures from the INFRA add-in";
  notes.getCell("B2").value = { formula: "Model!E1&\"!\"", result: "hello!" };
  if (options.storedSetId) writeState(wb, { active: bundledSet(options.storedSetId)!, saved: [] });
  await wb.xlsx.writeFile(file);
}

async function reread(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet("Model")!;
}

const result = (ws: ExcelJS.Worksheet, a: string) => (ws.getCell(a).value as { result?: unknown }).result;

/**
 * The raw `<c r="X">…</c>` XML of the given cells of a sheet part. exceljs
 * renumbers the shared-string table when it writes, so a shared-string index
 * is replaced by its text; everything else is compared byte for byte.
 */
async function cellXml(file: string, part: string, cells: string[]): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file(part)!.async("string");
  const shared = [...((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "").matchAll(/<si>(.*?)<\/si>/g)].map((m) => m[1]);
  const out: Record<string, string> = {};
  for (const c of cells) {
    const m = xml.match(new RegExp(`<c r="${c}"[^>]*?(/>|>.*?</c>)`));
    out[c] = m ? m[0].replace(/(t="s"[^>]*><v>)(\d+)(<\/v>)/, (_all, a: string, i: string, b: string) => `${a}${shared[Number(i)]}${b}`) : "(missing)";
  }
  return out;
}

test("writes INFRA results and dependents as cached results; leaves everything else as it was", async () => {
  const input = path.join(dir, "in.xlsx");
  const output = path.join(dir, "out.xlsx");
  await makeWorkbook(input);
  const lines: string[] = [];
  const report = await recalcWorkbook(input, output, { progress: (l) => lines.push(l) });

  const ws = await reread(output);
  // Hand calculation, default set call-2026-02: 2028 demand 67 − grid 15 − construction 6 = 46 GW (the call's figure).
  expect(ws.getCell("B1").formula).toBe("INFRA.POWER_GAP_GW(A1)");
  expect(result(ws, "B1")).toBe(46);
  expect(result(ws, "C1")).toBe(92); // 46 × 2
  expect(result(ws, "D1")).toBe(999); // untouched
  // The table's top-left cell (its header "year"); the cells beside it are not the formula's.
  expect(ws.getCell("A3").formula).toBe("INFRA.POWER_BALANCE(2025,2026)");
  expect(result(ws, "A3")).toBe("year");
  expect(ws.getCell("A5").value).toBe(null);
  // The year outside the path: listed with its reason, cached as #N/A.
  expect(result(ws, "G1")).toEqual({ error: "#N/A" });
  expect(report.failed).toEqual([expect.objectContaining({ cell: "Model!G1", error: "#N/A", message: expect.stringContaining("2099") })]);
  expect(report.computed).toBe(4); // B1, C1, G1, A3
  expect(lines.some((l) => l.includes("cells to compute"))).toBe(true);

  // Untouched cells: byte-for-byte the same XML; every other part the same bytes.
  expect(await cellXml(output, "xl/worksheets/sheet1.xml", UNTOUCHED)).toEqual(await cellXml(input, "xl/worksheets/sheet1.xml", UNTOUCHED));
  const zipIn = await JSZip.loadAsync(fs.readFileSync(input));
  const zipOut = await JSZip.loadAsync(fs.readFileSync(output));
  for (const name of Object.keys(zipIn.files).filter((n) => !zipIn.files[n].dir && n !== "xl/worksheets/sheet1.xml")) {
    expect([name, await zipOut.file(name)?.async("string")]).toEqual([name, await zipIn.file(name)!.async("string")]);
  }
});

test("uses the assumption set stored in the workbook; --scenario overrides it", async () => {
  const input = path.join(dir, "stored.xlsx");
  await makeWorkbook(input, { storedSetId: "low" });
  const out1 = path.join(dir, "stored-out.xlsx");
  const report = await recalcWorkbook(input, out1);
  // low set, hand calculation: 2028 demand 55 − grid 15 − under construction 10 = 30 GW.
  expect(result(await reread(out1), "B1")).toBe(30);
  expect(report.set).toContain('"low"');
  const out2 = path.join(dir, "stored-high.xlsx");
  await recalcWorkbook(input, out2, { scenario: "high" });
  // high set: 90 − 15 − 6 = 69 GW.
  expect(result(await reread(out2), "B1")).toBe(69);
});

/** A state sheet with INFRA's marker whose JSON part is corrupt. */
function addCorruptState(wb: ExcelJS.Workbook): void {
  const state = wb.addWorksheet(STATE_SHEET, { state: "hidden" });
  state.getCell("B2").value = STATE_FORMAT;
  state.getCell("B3").value = STATE_SCHEMA_VERSION;
  state.getCell("B4").value = 1;
  state.getCell("B5").value = 9;
  state.getCell("J2").value = "part 1 of 1: {not json";
}

test("an unreadable stored set is reported in the cells that rely on it, not replaced by the default", async () => {
  const input = path.join(dir, "corrupt.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Model").getCell("A1").value = { formula: "INFRA.POWER_GAP_GW(2028)", result: 0 };
  wb.getWorksheet("Model")!.getCell("A2").value = { formula: 'INFRA.POWER_GAP_GW(2028,,"low")', result: 0 };
  addCorruptState(wb);
  await wb.xlsx.writeFile(input);
  const output = path.join(dir, "corrupt-out.xlsx");
  const report = await recalcWorkbook(input, output);
  const ws = await reread(output);
  expect(result(ws, "A1")).toEqual({ error: "#N/A" });
  expect(report.failed[0].message).toContain("cannot be read");
  expect(result(ws, "A2")).toBe(30); // a named bundled scenario still works (low: 55 − 15 − 10)
});

test("shows progress on a large workbook", async () => {
  const input = path.join(dir, "large.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Big");
  for (let r = 1; r <= 3000; r++) {
    ws.getCell(r, 1).value = 2025 + (r % 6);
    ws.getCell(r, 2).value = { formula: `INFRA.POWER_DEMAND_GW(A${r})`, result: 0 };
  }
  await wb.xlsx.writeFile(input);
  const lines: string[] = [];
  const report = await recalcWorkbook(input, path.join(dir, "large-out.xlsx"), { progress: (l) => lines.push(l) });
  expect(report.computed).toBe(3000);
  // Each tenth once, at the exact cell count (300, 600, …; not 901 from adding 0.1 ten times).
  expect(lines.filter((l) => /\d+% \(/.test(l))).toEqual(Array.from({ length: 10 }, (_, i) => `recalc: ${(i + 1) * 10}% (${((i + 1) * 300).toLocaleString("en-US")} of 3,000)`));
});

describe("refuses bad input with a clear message and exit 2, writing nothing", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a missing file", () => path.join(dir, "nope.xlsx"), /does not exist/],
    [
      "a file that is not an xlsx",
      () => {
        const f = path.join(dir, "text.xlsx");
        fs.writeFileSync(f, "year,gap\n2028,46\n");
        return f;
      },
      /not an \.xlsx workbook/,
    ],
    [
      "a zip that is not a workbook",
      () => {
        const f = path.join(dir, "empty-zip.xlsx");
        // The smallest zip: an end-of-central-directory record after a local-file magic.
        fs.writeFileSync(f, Buffer.concat([Buffer.from("PK\x03\x04", "binary"), Buffer.alloc(26)]));
        return f;
      },
      /not a readable \.xlsx workbook/,
    ],
    [
      "a file that is too large",
      () => {
        const f = path.join(dir, "huge.xlsx");
        fs.writeFileSync(f, "");
        fs.truncateSync(f, MAX_INPUT_BYTES + 1);
        return f;
      },
      /recalc reads files up to 50 MB/,
    ],
    [
      "a small file that unpacks to more than the limit (a zip bomb)",
      () => {
        const f = path.join(dir, "bomb.xlsx");
        fs.writeFileSync(f, bomb);
        return f;
      },
      /xl\/worksheets\/sheet1\.xml declares 200 MB, which takes the workbook past 200 MB unpacked/,
    ],
  ];
  // A workbook whose sheet part declares, truthfully, 1 byte past the limit: about 200 kB on disk (deflate blocks repeated).
  const bomb = workbookWithSheet({ name: "", data: repeated(" ".repeat(1024 * 1024), 200), declared: MAX_UNCOMPRESSED_BYTES + 1, crc: 0 });
  test.each(cases)("%s", async (_name, make, message) => {
    const input = make();
    const output = path.join(dir, `never-${path.basename(input)}`);
    const { out, code } = await run(["recalc", input, output]);
    expect(code).toBe(2);
    expect(out).toMatch(message);
    expect(fs.existsSync(output)).toBe(false);
  });

  test("wrong number of files", async () => {
    const { out, code } = await run(["recalc", "only-one.xlsx"]);
    expect(code).toBe(2);
    expect(out).toMatch(/needs an input and an output file/);
  });

  test("an output that is a folder (named .xlsx): refused before any work, the folder untouched", async () => {
    const input = path.join(dir, "in-folder-out.xlsx");
    await makeWorkbook(input);
    const output = path.join(dir, "a-folder.xlsx");
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, "keep.txt"), "kept");
    const { out, code } = await run(["recalc", input, output]);
    expect(code).toBe(2);
    expect(out).toMatch(/output .*a-folder\.xlsx is a folder/);
    expect(out).not.toMatch(/internal error|EISDIR/);
    expect(fs.readdirSync(output)).toEqual(["keep.txt"]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(".infra-recalc-"))).toEqual([]);
  });

  test("a file system refusal while writing (here: no permission to rename) names OUT, leaves nothing behind", async () => {
    const input = path.join(dir, "in-refused.xlsx");
    await makeWorkbook(input);
    const output = path.join(dir, "refused.xlsx");
    const rename = jest.spyOn(fs, "renameSync").mockImplementation(() => {
      throw Object.assign(new Error("EACCES: permission denied, rename"), { code: "EACCES" });
    });
    try {
      const { out, code } = await run(["recalc", input, output]);
      expect(code).toBe(2);
      expect(out).toMatch(/cannot write .*refused\.xlsx \(EACCES: permission denied, rename\); nothing was written/);
    } finally {
      rename.mockRestore();
    }
    expect(fs.existsSync(output)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(".infra-recalc-"))).toEqual([]);
  });

  test("an unknown --scenario", async () => {
    const input = path.join(dir, "in-unknown.xlsx");
    await makeWorkbook(input);
    const { out, code } = await run(["recalc", input, path.join(dir, "x.xlsx"), "--scenario", "nope"]);
    expect(code).toBe(2);
    expect(out).toMatch(/scenario "nope" is not a known assumption set/);
  });
});

test("refuses to overwrite its input unless --force is given", async () => {
  const input = path.join(dir, "inplace.xlsx");
  await makeWorkbook(input);
  const before = fs.readFileSync(input);
  for (const output of [input, path.join(dir, ".", "sub", "..", "inplace.xlsx")]) {
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    const { out, code } = await run(["recalc", input, output]);
    expect(code).toBe(2);
    expect(out).toMatch(/is the input file.*--force/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  }
  const link = path.join(dir, "inplace-link.xlsx");
  fs.symlinkSync(input, link);
  expect((await run(["recalc", input, link])).code).toBe(2);
  expect(fs.readFileSync(input).equals(before)).toBe(true);

  const { code } = await run(["recalc", input, input, "--force"]);
  expect(code).toBe(0);
  expect(result(await reread(input), "B1")).toBe(46);
});

test("an unreadable stored set is computed once, not computed with the default set and then again", async () => {
  const input = path.join(dir, "corrupt-once.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Model").getCell("A1").value = { formula: "INFRA.POWER_GAP_GW(2028)", result: 0 };
  addCorruptState(wb);
  await wb.xlsx.writeFile(input);
  const recalculate = jest.spyOn(InfraEngine.prototype, "recalculate");
  try {
    const report = await recalcWorkbook(input, path.join(dir, "corrupt-once-out.xlsx"));
    expect(report.failed[0]).toEqual(expect.objectContaining({ error: "#N/A", message: expect.stringContaining("cannot be read") }));
    expect(recalculate).not.toHaveBeenCalled();
  } finally {
    recalculate.mockRestore();
  }
});
