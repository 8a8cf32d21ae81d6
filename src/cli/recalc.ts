/**
 * `infra recalc IN.xlsx OUT.xlsx [--scenario ID] [--force]`: recomputes the
 * INFRA formulas of a workbook (and the cells that depend on them) without
 * Excel. Prints a JSON report (cells that could not be computed, and why);
 * progress goes to stderr. OUT may be IN only with `--force`.
 */
import { recalcWorkbook, RecalcInputError } from "../engine/recalc";
import { CommandUsageError } from "./usage-error";

export async function recalcCommand(
  files: string[],
  scenario: string | null,
  options: { force?: boolean; progress?: (line: string) => void } = {},
): Promise<string> {
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (files.length !== 2) {
    throw new CommandUsageError(`recalc needs an input and an output file, e.g. recalc in.xlsx out.xlsx; got ${files.length} file names`);
  }
  const [input, output] = files;
  try {
    const report = await recalcWorkbook(input, output, { scenario, progress, force: options.force === true });
    for (const w of report.warnings) progress(`recalc: warning: ${w}`);
    for (const f of report.failed) progress(`recalc: ${f.cell}: ${f.error} ${f.message}`.trimEnd());
    return JSON.stringify(report, null, 2);
  } catch (e) {
    if (e instanceof RecalcInputError) throw new CommandUsageError(e.message);
    throw e;
  }
}
