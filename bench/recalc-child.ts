/**
 * Child-process entry of the recalc figures: one job in a fresh process, so
 * its peak memory is its own.
 *
 *   tsx bench/recalc-child.ts recalc|exceljs IN.xlsx OUT.xlsx
 *
 * prints one JSON line: {"ms": …, "maxRssMb": …}. `exceljs` reads and writes
 * the same file with exceljs (the baseline: what recalc did before it patched).
 */
import ExcelJS from "exceljs";
import { recalcWorkbook } from "../src/engine/recalc";

async function main(): Promise<void> {
  const [mode, input, output] = process.argv.slice(2);
  const t0 = performance.now();
  if (mode === "recalc") {
    const report = await recalcWorkbook(input, output);
    if (!report.written || report.failed.length) throw new Error(`recalc did not write the workbook: ${JSON.stringify(report).slice(0, 300)}`);
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    await wb.xlsx.writeFile(output);
  }
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((e) => {
  process.stdout.write(`${JSON.stringify({ error: (e as Error).message })}\n`);
});
