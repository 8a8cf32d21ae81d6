/**
 * `infra recalc IN.xlsx OUT.xlsx [--scenario ID] [--force]`: recomputes the
 * INFRA formulas of a workbook (and the cells that depend on them) without
 * Excel, changing only those cells' cached values in the file. Prints a JSON
 * report (cells that could not be computed or read, and why); progress goes
 * to stderr. OUT may be IN only with `--force`; OUT is not written when
 * there is nothing to compute.
 */
import { recalcWorkbook, RecalcInputError } from "../engine/recalc";
import { CommandRefusal, CommandUsageError } from "./usage-error";

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
    for (const u of report.unreadable) progress(`recalc: ${u.cell} kept its cached value: ${u.reason}`);
    for (const w of report.withheld) progress(`recalc: ${w.cell} not recomputed: ${w.reason}`);
    return JSON.stringify(report, null, 2);
  } catch (e) {
    if (e instanceof RecalcInputError) throw new CommandRefusal(e.message);
    throw e;
  }
}
