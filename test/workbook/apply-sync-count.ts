/**
 * Counts the Excel round trips (`context.sync` calls) of one apply — writing
 * a set into a workbook that already holds one and recalculating — against
 * the office-addin-mock stand-in with `cells` INFRA formulas. No jest: the
 * benchmark imports it too.
 */
import { installCustomFunctionsShim } from "../../src/functions/custom-functions-shim";
import { AssumptionStore } from "../../src/functions/store";
import { bundledSet } from "../../src/model/sets";
import { ExcelHost, type ExcelRun } from "../../src/workbook/excel-host";
import { FakeWorkbook } from "./mock-excel";

export interface ApplySyncCount {
  /** `context.sync` calls seen by wrapping the mock context's sync. */
  syncs: number;
  /** What the host itself reported. */
  reported: number;
  /** Sheets recalculated (one call per sheet, none per cell). */
  sheetCalculations: number;
}

export async function measureApplySyncs(cells: number): Promise<ApplySyncCount> {
  installCustomFunctionsShim();
  const wb = new FakeWorkbook();
  const model = wb.addSheet("Model");
  for (let i = 0; i < cells; i++) model.setFormula(`A${i + 1}`, `=INFRA.POWER_GAP_GW(${2025 + (i % 6)})`);
  const store = new AssumptionStore();
  const low = bundledSet("low");
  const high = bundledSet("high");
  if (!low || !high) throw new Error("bundled sets low and high are missing");
  await new ExcelHost({ store, run: wb.run }).save({ active: low, saved: [] });

  let syncs = 0;
  const counted: ExcelRun = (batch) =>
    wb.run((context) => {
      const original = context.sync.bind(context);
      context.sync = (<T>(value?: T) => {
        syncs++;
        return original(value);
      }) as typeof context.sync;
      return batch(context);
    });
  const before = model.calculations.length;
  const report = await new ExcelHost({ store, run: counted }).save({ active: high, saved: [low] });
  return { syncs, reported: report.syncs, sheetCalculations: model.calculations.length - before };
}

export async function countApplySyncs(cells: number): Promise<number> {
  return (await measureApplySyncs(cells)).syncs;
}
