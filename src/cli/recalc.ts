/**
 * `infra recalc IN.xlsx OUT.xlsx [--scenario ID]`: recomputes the INFRA
 * formulas of a workbook (and the cells that depend on them) without Excel.
 * Prints a JSON report (cells that could not be computed, and why); progress
 * goes to stderr.
 */
import { recalcWorkbook, RecalcInputError } from "../engine/recalc";
import { CommandUsageError } from "./usage-error";

export async function recalcCommand(
  files: string[],
  scenario: string | null,
  progress: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<string> {
  if (files.length !== 2) {
    throw new CommandUsageError(`recalc needs an input and an output file, e.g. recalc in.xlsx out.xlsx; got ${files.length} file names`);
  }
  const [input, output] = files;
  try {
    const report = await recalcWorkbook(input, output, { scenario, progress });
    for (const w of report.warnings) progress(`recalc: warning: ${w}`);
    for (const f of report.failed) progress(`recalc: ${f.cell}: ${f.error} ${f.message}`.trimEnd());
    return JSON.stringify(report, null, 2);
  } catch (e) {
    if (e instanceof RecalcInputError) throw new CommandUsageError(e.message);
    throw e;
  }
}
