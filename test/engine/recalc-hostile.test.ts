/**
 * Hostile files are refused early, naming the part and the limit, with
 * little memory, leaving the input untouched and writing nothing. The files
 * are made here: deflate blocks repeated, so a few MB on disk stand for
 * gigabytes unpacked.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { MAX_CELLS } from "../../src/engine/recalc";
import { repeated, workbookWithSheet } from "./xlsx-fixture";

const ROOT = path.resolve(__dirname, "..", "..");

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const MB = 1024 * 1024;

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-hostile-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("each hostile file is refused, naming the part and the limit, under 300 MB of memory, input untouched, nothing written", () => {
  // 1,000 cells a row, 6,000 rows: 6 million cells, about 90 MB unpacked (declared truthfully), 0.2 MB on disk.
  const row = `<row>${'<c><v>1</v></c>'.repeat(1000)}</row>`;
  const cells = repeated(row, 6000);
  const cases: { file: string; bytes: Buffer; message: RegExp }[] = [
    {
      // The directory says 10 kB; the part unpacks to 3 GB of cells.
      file: "understated.xlsx",
      bytes: workbookWithSheet({ name: "", data: Buffer.concat([zlib.deflateRawSync(Buffer.from(HEAD), { finishFlush: zlib.constants.Z_SYNC_FLUSH }), repeated(" ".repeat(MB), 3 * 1024)]), declared: 10_000, crc: 0 }),
      message: /xl\/worksheets\/sheet1\.xml unpacks to more than the 10,000 bytes its zip directory declares/,
    },
    {
      // Truthful about its 300 MB: refused before anything is inflated.
      file: "declared-large.xlsx",
      bytes: workbookWithSheet({ name: "", data: repeated(" ".repeat(MB), 300), declared: 300 * MB, crc: 0 }),
      message: /xl\/worksheets\/sheet1\.xml declares 300 MB, which takes the workbook past 200 MB unpacked/,
    },
    {
      file: "six-million-cells.xlsx",
      bytes: workbookWithSheet({ name: "", data: Buffer.concat([zlib.deflateRawSync(Buffer.from(HEAD), { finishFlush: zlib.constants.Z_SYNC_FLUSH }), cells]), declared: HEAD.length + row.length * 6000, crc: 0 }),
      message: new RegExp(`xl/worksheets/sheet1\\.xml takes the workbook past ${MAX_CELLS.toLocaleString("en-US")} cells`),
    },
  ];
  for (const c of cases) {
    expect(c.bytes.length).toBeLessThan(5 * MB);
    fs.writeFileSync(path.join(dir, c.file), c.bytes);
  }
  const child = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(__dirname, "recalc-hostile-child.ts"), ...cases.map((c) => path.join(dir, c.file))], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const out = JSON.parse(child.stdout.trim().split("\n").pop() as string) as { results: { file: string; refused: boolean; message: string; ms: number }[]; maxRssMb: number };
  cases.forEach((c, i) => {
    const r = out.results[i];
    expect([c.file, r.refused]).toEqual([c.file, true]);
    expect(r.message).toMatch(c.message);
    expect(fs.readFileSync(path.join(dir, c.file)).equals(c.bytes)).toBe(true);
  });
  expect(fs.readdirSync(dir).sort()).toEqual(cases.map((c) => c.file).sort());
  expect(out.maxRssMb).toBeLessThan(300);
  if (process.env.INFRA_SHOW_HOSTILE) process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}, 120_000);
