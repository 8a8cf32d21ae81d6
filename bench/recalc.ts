/**
 * recalc figures: a workbook of `rows` × 10 cells, one in ten an INFRA
 * formula (and one in ten a formula depending on it), recalculated in a
 * child process; the baseline is exceljs reading and writing the same file,
 * measured in the same run the same way.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { openZip } from "../src/engine/xlsx-zip";
import { fixtureParts } from "../test/engine/xlsx-fixture";
import { median } from "./lib/timing";

const ROOT = path.resolve(__dirname, "..");

export interface RecalcFigures {
  recalc_vs_exceljs_roundtrip: number;
  recalc_peak_rss_mb: number;
  recalc_unpacked_mb: number;
  recalc_ms: { recalc: number; exceljs: number; cells: number; infra_cells: number };
}

/** Row i: year, INFRA.POWER_GAP_GW(year), twice that, then seven plain cells (numbers and text). */
export function recalcWorkbook(rows: number): Buffer {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const plain = Array.from({ length: 7 }, (_, k) => (k % 2 ? `<c r="${"DEFGHIJ"[k]}${r}" t="inlineStr"><is><t>note ${r}</t></is></c>` : `<c r="${"DEFGHIJ"[k]}${r}"><v>${r * 10 + k}</v></c>`)).join("");
    out.push(`<row r="${r}"><c r="A${r}"><v>${2025 + (r % 6)}</v></c><c r="B${r}"><f>INFRA.POWER_GAP_GW(A${r})</f><v>0</v></c><c r="C${r}"><f>B${r}*2</f><v>0</v></c>${plain}</row>`);
  }
  return Buffer.from(zipSync(fixtureParts([{ name: "Model", rows: out.join("") }]), { level: 6 }));
}

function runChild(mode: "recalc" | "exceljs", input: string, output: string): { ms: number; maxRssMb: number } {
  const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(__dirname, "recalc-child.ts"), mode, input, output], { cwd: ROOT, encoding: "utf8" });
  const line = JSON.parse(r.stdout.trim().split("\n").pop() || "{}") as { ms?: number; maxRssMb?: number; error?: string };
  if (line.ms === undefined || line.maxRssMb === undefined) throw new Error(`${mode}: ${line.error ?? r.stderr.slice(0, 300)}`);
  return { ms: line.ms, maxRssMb: line.maxRssMb };
}

export function measureRecalc(quick: boolean): RecalcFigures {
  const rows = quick ? 1_000 : 10_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-bench-recalc-"));
  try {
    const input = path.join(dir, "in.xlsx");
    const bytes = recalcWorkbook(rows);
    fs.writeFileSync(input, bytes);
    const unpacked = unpackedBytes(bytes);
    const runs = { recalc: [] as number[], exceljs: [] as number[], rss: [] as number[] };
    for (let k = 0; k < (quick ? 1 : 3); k++) {
      const a = runChild("recalc", input, path.join(dir, "out-recalc.xlsx"));
      const b = runChild("exceljs", input, path.join(dir, "out-exceljs.xlsx"));
      runs.recalc.push(a.ms);
      runs.exceljs.push(b.ms);
      runs.rss.push(a.maxRssMb);
    }
    const recalcMs = median(runs.recalc);
    const exceljsMs = median(runs.exceljs);
    return {
      recalc_vs_exceljs_roundtrip: Math.round((recalcMs / exceljsMs) * 100) / 100,
      recalc_peak_rss_mb: Math.round(Math.max(...runs.rss)),
      recalc_unpacked_mb: Math.round((unpacked / 1024 / 1024) * 10) / 10,
      recalc_ms: { recalc: Math.round(recalcMs), exceljs: Math.round(exceljsMs), cells: rows * 10, infra_cells: rows },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The sizes a zip's central directory declares, summed (the directory as recalc reads it). */
function unpackedBytes(zip: Buffer): number {
  return openZip(zip).entries.reduce((total, entry) => total + entry.declaredSize, 0);
}
