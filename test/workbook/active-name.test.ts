/** INFRA_ACTIVE: every apply rewrites the handle cell and keeps the defined name on it, in the same round trips. */
import "./jest-office-mock";
import { AssumptionStore } from "../../src/functions/store";
import { hashedHandle } from "../../src/model/scenario";
import { ExcelHost, type ExcelRun } from "../../src/workbook/excel-host";
import { ACTIVE_CELL, ACTIVE_NAME, ACTIVE_REFERENCE, STATE_SHEET } from "../../src/workbook/state-format";
import { installCustomFunctionsShim } from "../../src/functions/custom-functions-shim";
import { measureApplySyncs } from "./apply-sync-count";
import { editedSet, set } from "./fixtures";
import { FakeWorkbook } from "./mock-excel";

installCustomFunctionsShim();

function counting(wb: FakeWorkbook): { run: ExcelRun; syncs: () => number } {
  let n = 0;
  const run: ExcelRun = (batch) =>
    wb.run((context) => {
      const original = context.sync.bind(context);
      context.sync = (<T>(value?: T) => {
        n++;
        return original(value);
      }) as typeof context.sync;
      return batch(context);
    });
  return { run, syncs: () => n };
}

test("an apply writes the active set's handle and names its cell INFRA_ACTIVE, in at most 3 round trips as before", async () => {
  const counts = await measureApplySyncs(10);
  expect(counts.syncs).toBeLessThanOrEqual(3);

  const wb = new FakeWorkbook();
  wb.addSheet("Model");
  const store = new AssumptionStore();
  const first = counting(wb);
  await new ExcelHost({ store, run: first.run }).save({ active: set("low"), saved: [] });
  // A new workbook: find the (missing) state sheet, then write; the name rides on those two as before.
  expect(first.syncs()).toBe(2);
  const state = wb.sheet(STATE_SHEET)!;
  const lowHandle = state.value(ACTIVE_CELL);
  expect(lowHandle).toMatch(/^low#[0-9a-f]{8}$/);
  expect(lowHandle).toBe(store.activeHandle());
  expect(wb.names.get(ACTIVE_NAME)?.formula).toBe(ACTIVE_REFERENCE);

  // A second apply (the name exists already: not added twice, which Excel refuses) rewrites the cell.
  const second = counting(wb);
  const edited = editedSet("low", "low-edited");
  await new ExcelHost({ store, run: second.run }).save({ active: edited, saved: [] });
  expect(second.syncs()).toBe(3);
  expect(state.value(ACTIVE_CELL)).toBe(hashedHandle(edited));
  expect(state.value(ACTIVE_CELL)).toMatch(/^low-edited#[0-9a-f]{8}$/);
  expect(wb.names.size).toBe(1);
});

test("the handle cell is text, so a hash of digits and e is never read as a number", async () => {
  const wb = new FakeWorkbook();
  const store = new AssumptionStore();
  await new ExcelHost({ store, run: wb.run }).save({ active: set("high"), saved: [] });
  const cell = wb.sheet(STATE_SHEET)!.cell(8, 2);
  expect(cell?.numberFormat).toBe("@");
  expect(typeof cell?.value).toBe("string");
});

test("a stale INFRA_ACTIVE (pointing elsewhere) is replaced by one on the handle cell", async () => {
  const wb = new FakeWorkbook();
  wb.names.set(ACTIVE_NAME, { formula: "=#REF!$B$8", comment: "" });
  const store = new AssumptionStore();
  const c = counting(wb);
  await new ExcelHost({ store, run: c.run }).save({ active: set("high"), saved: [] });
  expect(c.syncs()).toBe(2);
  expect(wb.names.get(ACTIVE_NAME)?.formula).toBe(ACTIVE_REFERENCE);
});

test("a handle made from INFRA_ACTIVE is #N/A once the set it names changes", async () => {
  const wb = new FakeWorkbook();
  const store = new AssumptionStore();
  const host = new ExcelHost({ store, run: wb.run });
  const before = editedSet("call-2026-02", "my-case", 0.5);
  await host.save({ active: before, saved: [] });
  const handle = wb.sheet(STATE_SHEET)!.value(ACTIVE_CELL) as string;
  expect(store.resolve(handle).id).toBe("my-case");
  // The same id, other content (a co-author's edit): the old handle no longer stands for it.
  await host.save({ active: editedSet("call-2026-02", "my-case", 0.25), saved: [] });
  expect(() => store.resolve(handle)).toThrow(/"my-case" has changed since this scenario was made/);
  expect(store.resolve(wb.sheet(STATE_SHEET)!.value(ACTIVE_CELL) as string).id).toBe("my-case");
});
