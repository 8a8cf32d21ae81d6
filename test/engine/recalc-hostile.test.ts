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
import { fixtureParts } from "./xlsx-fixture";

const ROOT = path.resolve(__dirname, "..", "..");

interface RawEntry {
  name: string;
  /** Raw deflate data. */
  data: Buffer;
  /** The size the zip directory declares. */
  declared: number;
  crc: number;
}

/** A zip written field by field, so a test can make its directory lie. */
function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const records: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(e.crc, 16);
    record.writeUInt32LE(e.data.length, 20);
    record.writeUInt32LE(e.declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    records.push(record, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const honest = (name: string, content: Buffer): RawEntry => ({ name, data: zlib.deflateRawSync(content), declared: content.length, crc: zlib.crc32(content) });

/** `unit` repeated `times` times, deflated once and the compressed block repeated (each block refers only to itself). */
function repeated(unit: string, times: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.from(unit), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: times }, () => block), zlib.deflateRawSync(Buffer.alloc(0))]);
}

/** A workbook with one INFRA formula whose sheet part is replaced by `sheet`. */
function workbookWithSheet(sheet: RawEntry): Buffer {
  const parts = fixtureParts([{ name: "Model", rows: '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)</f></c></row>' }]);
  return rawZip(Object.entries(parts).map(([name, data]) => (name === "xl/worksheets/sheet1.xml" ? { ...sheet, name } : honest(name, Buffer.from(data as Uint8Array)))));
}

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
