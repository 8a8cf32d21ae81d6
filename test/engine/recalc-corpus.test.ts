/**
 * recalc on 50 real workbooks (test/fixtures/corpus: written by Excel and
 * other tools; MIT, see its README): as they are, nothing is written; with
 * INFRA formulas appended to the first sheet (its XML edited directly), every
 * part but that sheet comes back byte for byte, and in that sheet only the
 * appended cells' cached values change, to the right values.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { recalcWorkbook, RecalcInputError } from "../../src/engine/recalc";
import { openZip, writeZip } from "../../src/engine/xlsx-zip";
import { partsOf } from "./xlsx-fixture";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
const FILES = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx")).sort();

/** Files that are not readable workbooks, and what recalc says about them. */
const REFUSED: Record<string, RegExp> = {
  // An encrypted package (a compound file, not a zip).
  "pass_protected.xlsx": /password-protected or an old \.xls file/,
  // A damaged part: its deflate stream does not end where the directory says (unzip reports a bad CRC).
  "issue252.xlsx": /xl\/_rels\/workbook\.xml\.rels unpacks to more than the 697 bytes its zip directory declares/,
};

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-corpus-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the corpus is all there, with its licence", () => {
  expect(FILES).toHaveLength(50);
  expect(fs.readFileSync(path.join(CORPUS, "LICENSE-MIT.md"), "utf8")).toContain("Permission is hereby granted");
});

test("the zip writer copies every entry of every corpus workbook byte for byte when nothing is replaced", () => {
  for (const file of FILES.filter((f) => !REFUSED[f])) {
    const bytes = fs.readFileSync(path.join(CORPUS, file));
    expect([file, writeZip(openZip(bytes), new Map()).equals(bytes)]).toEqual([file, true]);
  }
});

/** The first worksheet's part name, through the package's relationships. */
function firstSheetPart(parts: Record<string, Uint8Array>): string {
  // issue_530.xlsx names its parts with backslashes.
  const actual = (name: string) => Object.keys(parts).find((k) => k.replace(/\\/g, "/") === name) as string;
  const decode = (name: string) => Buffer.from(parts[actual(name)]).toString("utf8");
  const main = /Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(decode("_rels/.rels"));
  const workbook = (main?.[1] ?? main?.[2] ?? "xl/workbook.xml").replace(/^\//, "");
  const rels = decode(path.posix.join(path.posix.dirname(workbook), "_rels", `${path.posix.basename(workbook)}.rels`));
  const sheetTag = /<(?:\w+:)?sheet\b[^>]*>/.exec(decode(workbook))![0];
  const id = /\b\w+:id="([^"]+)"/.exec(sheetTag)![1];
  const rel = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)![0];
  const target = /Target="([^"]+)"/.exec(rel)![1];
  return actual(target.startsWith("/") ? target.slice(1) : path.posix.join(path.posix.dirname(workbook), target));
}

interface Appended {
  bytes: Buffer;
  part: string;
  before: string;
  expected: string;
}

/**
 * The workbook with a row of INFRA cells after the first sheet's last row:
 * a year, POWER_GAP_GW of it (no cached value), a dependent (stale cache 0)
 * and ACTIVE_SCENARIO as saved where the add-in was not loaded (stale text).
 * `expected` is the sheet with the right cached values, written by hand.
 */
function appendInfra(file: string): Appended {
  const parts = unzipSync(fs.readFileSync(path.join(CORPUS, file)));
  const part = firstSheetPart(parts);
  const xml = Buffer.from(parts[part]).toString("latin1");
  const p = /<(\w+:)?sheetData\b/.exec(xml)![1] ?? "";
  const rows = [...xml.matchAll(/<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/g)].map((m) => Number(m[1]));
  const n = (rows.length ? Math.max(...rows) : [...xml.matchAll(/<(?:\w+:)?row\b/g)].length) + 2;
  const row = (b: string, c: string, d: string) =>
    `<${p}row r="${n}"><${p}c r="A${n}"><${p}v>2028</${p}v></${p}c><${p}c r="B${n}">${b}</${p}c><${p}c r="C${n}">${c}</${p}c><${p}c r="D${n}" t="str">${d}</${p}c></${p}row>`;
  const before = row(
    `<${p}f>INFRA.POWER_GAP_GW(A${n})</${p}f>`,
    `<${p}f>B${n}*2</${p}f><${p}v>0</${p}v>`,
    `<${p}f>_xldudf_INFRA_ACTIVE_SCENARIO()</${p}f><${p}v>stale</${p}v>`,
  );
  // Default set call-2026-02 (no stored set), hand calculation: 2028 demand 67 − grid 15 − construction 6 = 46 GW; 46 × 2 = 92.
  const after = row(
    `<${p}f>INFRA.POWER_GAP_GW(A${n})</${p}f><${p}v>46</${p}v>`,
    `<${p}f>B${n}*2</${p}f><${p}v>92</${p}v>`,
    `<${p}f>_xldudf_INFRA_ACTIVE_SCENARIO()</${p}f><${p}v>call-2026-02</${p}v>`,
  );
  const insert = (s: string, r: string) =>
    /<(\w+:)?sheetData\s*\/>/.test(s) ? s.replace(/<((?:\w+:)?sheetData)\s*\/>/, `<$1>${r}</$1>`) : s.replace(/<\/(?:\w+:)?sheetData>/, (close) => `${r}${close}`);
  const edited = insert(xml, before);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) zippable[name] = name === part ? Buffer.from(edited, "latin1") : data;
  return { bytes: Buffer.from(zipSync(zippable)), part, before: edited, expected: insert(xml, after) };
}

describe.each(FILES)("%s", (file) => {
  test("as it is: nothing to compute, nothing written (or refused, saying why)", async () => {
    const output = path.join(dir, `asis-${file}`);
    const lines: string[] = [];
    const run = recalcWorkbook(path.join(CORPUS, file), output, { progress: (l) => lines.push(l) });
    if (REFUSED[file]) {
      await expect(run).rejects.toThrow(RecalcInputError);
      await expect(run).rejects.toThrow(REFUSED[file]);
    } else {
      const report = await run;
      expect(report.written).toBe(false);
      expect(lines.join("\n")).toMatch(/no INFRA formulas; nothing to compute, .* not written/);
    }
    expect(fs.existsSync(output)).toBe(false);
  });

  if (REFUSED[file]) return;
  test("with INFRA formulas appended: only those cells' cached values change, to the right values", async () => {
    const appended = appendInfra(file);
    const input = path.join(dir, `in-${file}`);
    const output = path.join(dir, `out-${file}`);
    fs.writeFileSync(input, appended.bytes);
    const report = await recalcWorkbook(input, output);
    expect(report).toMatchObject({ written: true, computed: 3, changed: 3, failed: [], unreadable: [], withheld: [] });
    const before = partsOf(appended.bytes);
    const after = partsOf(fs.readFileSync(output));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, data] of before) {
      if (name === appended.part) continue;
      expect([name, after.get(name)!.equals(data)]).toEqual([name, true]);
    }
    expect(after.get(appended.part)!.toString("latin1")).toBe(appended.expected);
    // The input is untouched.
    expect(fs.readFileSync(input).equals(appended.bytes)).toBe(true);
  });
});
