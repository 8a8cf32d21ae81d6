/**
 * Runs recalc on each file named on the command line, in this one process,
 * and prints what happened and the process's peak memory, as JSON. Used by
 * recalc-hostile.test.ts, which cannot measure the memory of its own worker.
 */
import { recalcWorkbook } from "../../src/engine/recalc";

async function main(): Promise<void> {
  const results: { file: string; refused: boolean; message: string; ms: number }[] = [];
  for (const file of process.argv.slice(2)) {
    const t0 = performance.now();
    try {
      const report = await recalcWorkbook(file, file.replace(/\.xlsx$/, "-out.xlsx"));
      results.push({ file, refused: false, message: JSON.stringify(report), ms: performance.now() - t0 });
    } catch (e) {
      results.push({ file, refused: true, message: (e as Error).message, ms: performance.now() - t0 });
    }
  }
  process.stdout.write(`${JSON.stringify({ results, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

void main();
