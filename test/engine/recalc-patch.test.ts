/**
 * recalc patches cached values in the sheet XML and nothing else. Workbooks
 * here are SpreadsheetML text (test/engine/xlsx-fixture.ts), so each test
 * states the exact bytes a cell should have afterwards.
 *
 * Figures are hand calculations from the default set call-2026-02 (demand,
 * grid headroom and construction paths, GW): 2026: 30 − 7.5 − 3 = 19.5;
 * 2027: 49 − 11.25 − 4.5 = 33.25; 2028: 67 − 15 − 6 = 46 (the call's figure).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { recalcWorkbook, RecalcInputError, type RecalcReport } from "../../src/engine/recalc";
import { run } from "../../src/cli/main";
import { buildXlsx, partsOf, text, type FixtureOptions, type FixtureSheet } from "./xlsx-fixture";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-patch-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
async function recalc(sheets: FixtureSheet[], options: FixtureOptions = {}): Promise<{ report: RecalcReport; before: Map<string, Buffer>; after: Map<string, Buffer>; lines: string[]; input: Buffer }> {
  const input = buildXlsx(sheets, options);
  const n = ++counter;
  const inPath = path.join(dir, `in${n}.xlsx`);
  const outPath = path.join(dir, `out${n}.xlsx`);
  fs.writeFileSync(inPath, input);
  const lines: string[] = [];
  const report = await recalcWorkbook(inPath, outPath, { progress: (l) => lines.push(l) });
  expect(fs.readFileSync(inPath).equals(input)).toBe(true);
  const after = report.written ? partsOf(fs.readFileSync(outPath)) : new Map<string, Buffer>();
  return { report, before: partsOf(input), after, lines, input };
}

/** Every part but `except` is byte for byte what it was. */
function othersUnchanged(before: Map<string, Buffer>, after: Map<string, Buffer>, except: string[]): void {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, data] of before) if (!except.includes(name)) expect([name, after.get(name)!.equals(data)]).toEqual([name, true]);
}

const SHEET1 = "xl/worksheets/sheet1.xml";
const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData></worksheet>`;

describe("cached values", () => {
  test("only <v>, and t where the type changes, of the recomputed cells change", async () => {
    const rows =
      '<row r="1"><c r="A1" s="1"><v>2028</v></c><c r="B1" s="2"><f>INFRA.POWER_GAP_GW(A1)</f><v>1</v></c><c r="C1" s="2" t="str"><f>B1*2</f><v>stale</v></c>' +
      '<c r="D1"><f>SUM(1,2)</f><v>999</v></c><c r="E1" t="e"><f>_xldudf_INFRA_ACTIVE_SCENARIO()</f><v>#NAME?</v></c><c r="F1"><f>INFRA.POWER_GAP_GW(2099)</f></c></row>';
    const { report, before, after } = await recalc([{ name: "Model", rows }]);
    othersUnchanged(before, after, [SHEET1]);
    expect(text(after, SHEET1)).toBe(
      sheetXml(
        '<row r="1"><c r="A1" s="1"><v>2028</v></c><c r="B1" s="2"><f>INFRA.POWER_GAP_GW(A1)</f><v>46</v></c><c r="C1" s="2"><f>B1*2</f><v>92</v></c>' +
          '<c r="D1"><f>SUM(1,2)</f><v>999</v></c><c r="E1" t="str"><f>_xldudf_INFRA_ACTIVE_SCENARIO()</f><v>call-2026-02</v></c><c r="F1" t="e"><f>INFRA.POWER_GAP_GW(2099)</f><v>#N/A</v></c></row>',
      ),
    );
    expect(report).toMatchObject({ written: true, computed: 4, changed: 4 });
    expect(report.failed).toEqual([expect.objectContaining({ cell: "Model!F1", error: "#N/A", message: expect.stringContaining("2099") })]);
  });

  test("cells anywhere Excel allows them compute: the last row (1,048,576) and the last column (XFD)", async () => {
    // Excel's grid is 1,048,576 rows by 16,384 columns (A to XFD); the embedded engine's own default
    // stops at 40,000 rows, so a formula below that row once ended recalc with an internal error.
    const rows =
      '<row r="2"><c r="A2"><v>2028</v></c></row>' +
      '<row r="1048576"><c r="A1048576"><f>INFRA.POWER_GAP_GW(A2)</f><v>0</v></c><c r="XFD1048576"><f>INFRA.POWER_GAP_GW(2028)</f><v>0</v></c></row>';
    const { report, before, after } = await recalc([{ name: "Model", rows }]);
    othersUnchanged(before, after, [SHEET1]);
    expect(text(after, SHEET1)).toContain('<c r="A1048576"><f>INFRA.POWER_GAP_GW(A2)</f><v>46</v></c><c r="XFD1048576"><f>INFRA.POWER_GAP_GW(2028)</f><v>46</v></c>');
    expect(report).toMatchObject({ written: true, changed: 2 });
  });

  test("a workbook that counts dates from 1904 is computed with 1904 dates", async () => {
    // Hand calculation: 2028-07-01 is day 45,473 from 1904-01-01 (46,935 from 1899-12-30 less the 1,462 days
    // between the two origins); 2027-01-01 is day 44,926. Read as a 1900 date, 45,473 would be 2024-06-30.
    const rows =
      '<row r="1"><c r="A1"><v>45473</v></c><c r="B1"><f>INFRA.POWER_GAP_GW(YEAR(A1))</f><v>0</v></c><c r="C1"><f>DATE(2027,1,1)+B1*0</f><v>0</v></c></row>' +
      '<row r="2"><c r="A2" t="d"><v>2028-07-01T00:00:00</v></c><c r="B2"><f>INFRA.POWER_GAP_GW(YEAR(A2))</f><v>0</v></c><c r="C2"><f>A2+B2*0</f><v>0</v></c></row>';
    const { report, after } = await recalc([{ name: "Model", rows }], { date1904: true });
    const xml = text(after, SHEET1);
    expect(xml).toContain('<c r="B1"><f>INFRA.POWER_GAP_GW(YEAR(A1))</f><v>46</v></c><c r="C1"><f>DATE(2027,1,1)+B1*0</f><v>44926</v></c>');
    expect(xml).toContain('<c r="B2"><f>INFRA.POWER_GAP_GW(YEAR(A2))</f><v>46</v></c><c r="C2"><f>A2+B2*0</f><v>45473</v></c>');
    expect(report.warnings).toEqual([]);
  });

  test("numbers written as Excel saves them (uppercase exponent) are read, in cells and in formulas", async () => {
    const rows = '<row r="1"><c r="A1"><v>2.028E+3</v></c><c r="B1"><f>INFRA.POWER_GAP_GW(A1)</f><v>0</v></c><c r="C1"><f>INFRA.EV_PER_MW(4.5E+3,1E+3)</f><v>0</v></c><c r="D1"><f>INFRA.POWER_GAP_GW(20.27E+2)</f><v>0</v></c></row>';
    const { after } = await recalc([{ name: "Model", rows }]);
    // EV_PER_MW: 4,500 ÷ 1,000 = 4.5 USD m per MW.
    expect(text(after, SHEET1)).toContain('<c r="B1"><f>INFRA.POWER_GAP_GW(A1)</f><v>46</v></c><c r="C1"><f>INFRA.EV_PER_MW(4.5E+3,1E+3)</f><v>4.5</v></c><c r="D1"><f>INFRA.POWER_GAP_GW(20.27E+2)</f><v>33.25</v></c>');
  });

  test("defined names are loaded, workbook-wide and sheet-local", async () => {
    const rows = '<row r="1"><c r="A1"><v>2028</v></c><c r="B1"><f>INFRA.POWER_GAP_GW(Year)</f><v>0</v></c><c r="C1"><f>INFRA.POWER_GAP_GW(Earlier)</f><v>0</v></c></row><row r="2"><c r="A2"><v>2027</v></c></row>';
    const { after, report } = await recalc([{ name: "Model", rows }], {
      definedNames: '<definedName name="Year">Model!$A$1</definedName><definedName name="Earlier" localSheetId="0">Model!$A$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Model!$A$1:$C$2</definedName>',
    });
    expect(report.unreadable).toEqual([]);
    expect(text(after, SHEET1)).toContain("<f>INFRA.POWER_GAP_GW(Year)</f><v>46</v></c><c r=\"C1\"><f>INFRA.POWER_GAP_GW(Earlier)</f><v>33.25</v>");
  });

  test("values read through ranges and other sheets reach the engine (it is given only the values formulas read)", async () => {
    const data = '<row r="1"><c r="A1"><v>2026</v></c><c r="B1"><v>999</v></c></row><row r="2"><c r="A2"><v>2028</v></c></row><row r="3"><c r="A3"><v>2027</v></c></row>';
    const rows = '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(MAX(Data!A1:A3))</f><v>0</v></c><c r="B1"><f>INFRA.POWER_GAP_GW(MIN(Data!$A:$A))</f><v>0</v></c><c r="C1"><f>A1+\'Other data\'!A1</f><v>0</v></c></row>';
    const { after } = await recalc([
      { name: "Model", rows },
      { name: "Data", rows: data },
      { name: "Other data", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    ]);
    // MAX = 2028 → 46; MIN = 2026 → 19.5; 46 + 1 = 47.
    expect(text(after, SHEET1)).toContain('<c r="A1"><f>INFRA.POWER_GAP_GW(MAX(Data!A1:A3))</f><v>46</v></c><c r="B1"><f>INFRA.POWER_GAP_GW(MIN(Data!$A:$A))</f><v>19.5</v></c><c r="C1"><f>A1+\'Other data\'!A1</f><v>47</v></c>');
  });

  test("shared formulas stay shared: the master and its children get values, their formulas are untouched", async () => {
    const rows =
      '<row r="1"><c r="A1"><v>2026</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">INFRA.POWER_GAP_GW(A1)</f><v>0</v></c></row>' +
      '<row r="2"><c r="A2"><v>2027</v></c><c r="B2"><f t="shared" si="0"/><v>0</v></c></row>' +
      '<row r="3"><c r="A3"><v>2028</v></c><c r="B3"><f t="shared" si="0"/><v>0</v></c></row>';
    const { after } = await recalc([{ name: "Model", rows }]);
    expect(text(after, SHEET1)).toBe(
      sheetXml(
        '<row r="1"><c r="A1"><v>2026</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">INFRA.POWER_GAP_GW(A1)</f><v>19.5</v></c></row>' +
          '<row r="2"><c r="A2"><v>2027</v></c><c r="B2"><f t="shared" si="0"/><v>33.25</v></c></row>' +
          '<row r="3"><c r="A3"><v>2028</v></c><c r="B3"><f t="shared" si="0"/><v>46</v></c></row>',
      ),
    );
  });

  test("sheet names that are JavaScript property names, or need quotes, or look like numbers, work", async () => {
    const sheets = ["__proto__", "constructor", "toString", "O'Brien", "2024"].map((name) => ({ name, rows: '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)</f><v>0</v></c></row>' }));
    sheets.push({ name: "Sum", rows: "<row r=\"1\"><c r=\"A1\"><f>'__proto__'!A1+constructor!A1+'O''Brien'!A1+'2024'!A1</f><v>0</v></c></row>" });
    const { after, report } = await recalc(sheets);
    expect(report.computed).toBe(6);
    for (const i of [1, 2, 3, 4, 5]) expect(text(after, `xl/worksheets/sheet${i}.xml`)).toContain("<v>46</v>");
    expect(text(after, "xl/worksheets/sheet6.xml")).toContain("<v>184</v>"); // 4 × 46
  });

  test("a workbook with nothing to compute is not written, and the run says so", async () => {
    const { report, lines } = await recalc([{ name: "Model", rows: '<row r="1"><c r="A1"><f>SUM(1,2)</f><v>3</v></c></row>' }]);
    expect(report.written).toBe(false);
    expect(fs.existsSync(path.join(dir, `out${counter}.xlsx`))).toBe(false);
    expect(lines.join("\n")).toMatch(/has no INFRA formulas; nothing to compute, out\d+\.xlsx not written/);
  });

  test("a workbook whose cached values are already right is not written either", async () => {
    const { report, lines } = await recalc([{ name: "Model", rows: '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)</f><v>46</v></c></row>' }]);
    expect(report).toMatchObject({ written: false, computed: 1, changed: 0 });
    expect(lines.join("\n")).toMatch(/already the cached value; nothing changed/);
  });
});

describe("spilled tables", () => {
  // POWER_BALANCE(2027, 2028): a header row and two years, 12 columns (C…N): year, demand, grid, construction,
  // gas, fuel cells, nuclear, miners, storage, diesel, gap, gap after solutions.
  const HEADER = ["year", "demand_gw", "grid_gw", "construction_gw", "gas_gw", "fuel_cells_gw", "nuclear_gw", "miners_gw", "storage_gw", "diesel_gw", "gap_gw", "gap_after_solutions_gw"];
  const COLS = "CDEFGHIJKLMN".split("");
  const years = '<c r="A1"><v>2027</v></c>';

  test("a dynamic array keeps its metadata and shrinks to its result: stale cells of the old area are emptied, styles kept", async () => {
    const stale = (r: number) => COLS.slice(1).map((c) => `<c r="${c}${r}" s="3"><v>1</v></c>`).join("");
    const rows =
      `<row r="1">${years}<c r="C1" cm="1"><f t="array" ref="C1:N9">_xlfn._xlws.INFRA.POWER_BALANCE(A1,A2)</f><v>0</v></c>${stale(1)}<c r="O1"><v>7</v></c></row>` +
      `<row r="2"><c r="A2"><v>2028</v></c>${stale(2)}</row>` +
      [4, 9].map((r) => `<row r="${r}"><c r="C${r}" s="3"><v>1</v></c>${stale(r)}</row>`).join("");
    const { after, before } = await recalc([{ name: "Model", rows }], { dynamicArrays: true });
    othersUnchanged(before, after, [SHEET1]);
    const xml = text(after, SHEET1);
    expect(xml).toContain('<c r="C1" t="str" cm="1"><f t="array" ref="C1:N3">_xlfn._xlws.INFRA.POWER_BALANCE(A1,A2)</f><v>year</v></c>');
    // The header row: text cells (inline strings: the shared-string table is left as it is), style kept.
    expect(xml).toContain('<c r="D1" s="3" t="inlineStr"><is><t>demand_gw</t></is></c>');
    expect(xml).toContain(`<c r="N1" s="3" t="inlineStr"><is><t>${HEADER[11]}</t></is></c><c r="O1"><v>7</v></c>`);
    // Row 3 did not exist: it is added, in order, with the 2028 figures.
    expect(xml).toContain('<row r="3"><c r="C3"><v>2028</v></c><c r="D3"><v>67</v></c>');
    // after solutions: 46 − 16 − 5 − 1.635 − 6 − 2 = 15.365, written as JavaScript holds it (Excel shows 15.365)
    expect(xml).toContain('<c r="M3"><v>46</v></c><c r="N3"><v>15.364999999999998</v></c></row><row r="4">');
    // Rows 4 and 9 were the old table's: emptied, their style kept.
    expect(xml).toContain('<row r="4"><c r="C4" s="3"/><c r="D4" s="3"/>');
    expect(xml).not.toMatch(/<c r="[C-N][49]"[^/]*>/);
    expect(text(after, "xl/metadata.xml")).toBe(text(before, "xl/metadata.xml"));
  });

  test("a dynamic array grows over its result: cells added in row and column order", async () => {
    const rows = `<row r="1">${years}<c r="C1" cm="1"><f t="array" ref="C1">INFRA.POWER_BALANCE(A1,A2)</f><v>0</v></c><c r="Z1"><v>5</v></c></row><row r="2"><c r="A2"><v>2028</v></c><c r="B2" s="1"/></row>`;
    const { after } = await recalc([{ name: "Model", rows }], { dynamicArrays: true });
    const xml = text(after, SHEET1);
    expect(xml).toContain('<f t="array" ref="C1:N3">INFRA.POWER_BALANCE(A1,A2)</f><v>year</v></c><c r="D1" t="inlineStr"><is><t>demand_gw</t></is></c>');
    expect(xml).toContain('<c r="N1" t="inlineStr"><is><t>gap_after_solutions_gw</t></is></c><c r="Z1"><v>5</v></c></row>');
    // Row 2: after the styled empty B2, the 2027 figures (demand 49, grid 11.25, construction 4.5).
    expect(xml).toContain('<row r="2"><c r="A2"><v>2028</v></c><c r="B2" s="1"/><c r="C2"><v>2027</v></c><c r="D2"><v>49</v></c><c r="E2"><v>11.25</v></c><c r="F2"><v>4.5</v></c>');
    expect(xml).toContain('<row r="3"><c r="C3"><v>2028</v></c>');
  });

  test("a value in the way of a dynamic array gives #SPILL!, as in Excel", async () => {
    const rows = `<row r="1">${years}<c r="C1" cm="1"><f t="array" ref="C1">INFRA.POWER_BALANCE(A1,A2)</f><v>0</v></c></row><row r="2"><c r="A2"><v>2028</v></c><c r="E2"><v>1</v></c></row>`;
    const { after } = await recalc([{ name: "Model", rows }], { dynamicArrays: true });
    expect(text(after, SHEET1)).toContain('<c r="C1" t="e" cm="1"><f t="array" ref="C1">INFRA.POWER_BALANCE(A1,A2)</f><v>#SPILL!</v></c>');
  });

  test("a legacy array formula keeps its area; cells beyond the result show #N/A, as in Excel", async () => {
    const rows = `<row r="1">${years}<c r="C1"><f t="array" ref="C1:D4">INFRA.POWER_BALANCE(A1,A2)</f><v>0</v></c><c r="D1"><v>0</v></c></row><row r="2"><c r="A2"><v>2028</v></c></row>`;
    const { after } = await recalc([{ name: "Model", rows }]);
    const xml = text(after, SHEET1);
    expect(xml).toContain('<f t="array" ref="C1:D4">');
    expect(xml).toContain('<c r="D1" t="inlineStr"><is><t>demand_gw</t></is></c>');
    expect(xml).toContain('<row r="4"><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="e"><v>#N/A</v></c></row>');
  });
});

describe("formulas the engine cannot read", () => {
  const long = (term: string, n: number) => Array.from({ length: n }, () => term).join("+");

  test("keep their cached value and are listed; their dependents are not recomputed from a wrong value and are listed too", async () => {
    const rows =
      '<row r="1"><c r="A1"><v>2028</v></c><c r="B1"><f>INFRA.POWER_GAP_GW(A1)</f><v>0</v></c>' +
      `<c r="C1"><f>${long("B1", 1300)}</f><v>11</v></c><c r="D1"><f>C1*2</f><v>22</v></c>` +
      '<c r="E1"><f>_xlfn.LET(_xlpm.x,B1,_xlpm.x*2)</f><v>33</v></c><c r="F1"><f>SUM(T1[gap])+B1</f><v>44</v></c><c r="G1"><f>MYADDIN(B1)</f><v>55</v></c>' +
      `<c r="H1"><f>E1+1</f><v>66</v></c><c r="I1"><f>${long("A1", 1300)}</f><v>2636400</v></c><c r="J1"><f>B1+1</f><v>0</v></c>` +
      // A reference across sheets (3-D), which Excel reads and the engine cannot parse.
      '<c r="K1"><f>SUM(Model:Other!B1)</f><v>77</v></c><c r="L1"><f>K1/7</f><v>11</v></c></row>';
    const { after, report } = await recalc([
      { name: "Model", rows },
      { name: "Other", rows: "" },
    ]);
    const xml = text(after, SHEET1);
    // B1 and J1 computed (46, 47); every cached value of the others kept, byte for byte.
    expect(xml).toContain('<c r="B1"><f>INFRA.POWER_GAP_GW(A1)</f><v>46</v></c>');
    expect(xml).toContain('<c r="J1"><f>B1+1</f><v>47</v></c>');
    for (const [cell, v] of [["C1", 11], ["D1", 22], ["E1", 33], ["F1", 44], ["G1", 55], ["H1", 66], ["I1", 2636400], ["K1", 77], ["L1", 11]]) expect(xml).toMatch(new RegExp(`<c r="${cell}"><f>[^<]*</f><v>${v}</v></c>`));
    const reasons = Object.fromEntries(report.unreadable.map((u) => [u.cell, u.reason]));
    expect(Object.keys(reasons).sort()).toEqual(["Model!C1", "Model!E1", "Model!F1", "Model!G1", "Model!K1"]);
    expect(reasons["Model!K1"]).toMatch(/cannot parse/);
    expect(reasons["Model!C1"]).toMatch(/nested too deeply/);
    expect(reasons["Model!E1"]).toMatch(/LET/);
    expect(reasons["Model!F1"]).toMatch(/structured reference/);
    expect(reasons["Model!G1"]).toMatch(/function MYADDIN/);
    // I1 reads no INFRA cell: its cached value is right, and it is not listed.
    expect(report.withheld.map((w) => w.cell).sort()).toEqual(["Model!D1", "Model!H1", "Model!L1"]);
    expect(report.withheld.find((w) => w.cell === "Model!D1")!.reason).toMatch(/depends on Model!C1/);
  });

  test("a formula longer than Excel allows (8,192 characters) is listed with its length", async () => {
    const rows = `<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)+${long("0", 4200)}</f><v>5</v></c></row>`;
    const { report } = await recalc([{ name: "Model", rows }]);
    expect(report.unreadable).toEqual([{ cell: "Model!A1", reason: expect.stringMatching(/8,4\d\d characters long; Excel allows 8,192/) }]);
    expect(report.written).toBe(false);
  });

  test("only error values Excel defines are written: a circular reference keeps its cached value and is listed", async () => {
    const rows = '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)+B1</f><v>1</v></c><c r="B1"><f>A1</f><v>2</v></c><c r="C1"><f>INFRA.POWER_GAP_GW(2028)</f><v>0</v></c></row>';
    const { report, after } = await recalc([{ name: "Model", rows }]);
    const xml = text(after, SHEET1);
    expect(xml).not.toMatch(/#CYCLE!|#ERROR!/);
    expect(xml).toContain('<c r="A1"><f>INFRA.POWER_GAP_GW(2028)+B1</f><v>1</v></c><c r="B1"><f>A1</f><v>2</v></c>');
    expect(report.withheld.map((w) => w.cell).sort()).toEqual(["Model!A1", "Model!B1"]);
    expect(report.withheld[0].reason).toMatch(/circular reference/);
  });
});

describe("files", () => {
  test("a package without xl/workbook.xml is refused cleanly, leaving no temp file", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "noworkbook-"));
    const input = path.join(sub, "in.xlsx");
    fs.writeFileSync(input, buildXlsx([{ name: "Model", rows: '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)</f></c></row>' }], { withoutWorkbook: true }));
    const { out, code } = await run(["recalc", input, path.join(sub, "out.xlsx")]);
    expect(code).toBe(2);
    expect(out).toMatch(/has no workbook part \(xl\/workbook\.xml\)/);
    expect(fs.readdirSync(sub)).toEqual(["in.xlsx"]);
  });

  test("output goes through a private temp folder and is renamed over OUT: a planted link is replaced, not followed", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "link-"));
    const input = path.join(sub, "in.xlsx");
    fs.writeFileSync(input, buildXlsx([{ name: "Model", rows: '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)</f></c></row>' }]));
    const victim = path.join(sub, "victim.txt");
    fs.writeFileSync(victim, "keep me");
    const output = path.join(sub, "out.xlsx");
    fs.symlinkSync(victim, output);
    const report = await recalcWorkbook(input, output);
    expect(report.written).toBe(true);
    expect(fs.readFileSync(victim, "utf8")).toBe("keep me");
    expect(fs.lstatSync(output).isSymbolicLink()).toBe(false);
    expect(text(partsOf(fs.readFileSync(output)), SHEET1)).toContain("<v>46</v>");
    expect(fs.readdirSync(sub).sort()).toEqual(["in.xlsx", "out.xlsx", "victim.txt"]);
  });

  test("a refused file leaves the input untouched and writes nothing", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "refused-"));
    const input = path.join(sub, "in.xlsx");
    const bytes = buildXlsx([{ name: "Model", rows: '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)</f></c></row>' }], { withoutWorkbook: true });
    fs.writeFileSync(input, bytes);
    await expect(recalcWorkbook(input, input, { force: true })).rejects.toThrow(RecalcInputError);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    expect(fs.readdirSync(sub)).toEqual(["in.xlsx"]);
  });
});

describe("progress messages", () => {
  test("count one sheet and one cell in the singular, several in the plural", async () => {
    const one = await recalc([{ name: "Model", rows: '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)</f></c></row>' }]);
    // One sheet holding one cell (A1), which is the one cell to compute.
    expect(one.lines).toEqual(expect.arrayContaining([expect.stringMatching(/: 1 sheet, 1 cell$/), expect.stringMatching(/^recalc: 1 cell to compute /)]));
    expect(one.lines.join("\n")).not.toMatch(/\b1 (sheets|cells|formulas|parts)\b/);
    const two = await recalc([
      { name: "Model", rows: '<row r="1"><c r="A1"><v>2028</v></c><c r="B1"><f>INFRA.POWER_GAP_GW(A1)</f></c></row>' },
      { name: "Other", rows: '<row r="1"><c r="A1"><f>Model!B1*2</f></c></row>' },
    ]);
    // Two sheets, three cells; B1 and Other!A1 (which reads it) are computed.
    expect(two.lines).toEqual(expect.arrayContaining([expect.stringMatching(/: 2 sheets, 3 cells$/), expect.stringMatching(/^recalc: 2 cells to compute /)]));
  });
});
