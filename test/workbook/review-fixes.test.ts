/**
 * Review fixes in the workbook layer: a user's own INFRA_Assumptions sheet is
 * never wiped; a read that throws is not "unreadable content"; a failed write
 * restores what the workbook holds; change events are filtered cheaply; JSON
 * parts and shared XML never hold a lone surrogate half.
 */
import "./jest-office-mock";
import ExcelJS from "exceljs";
import { AssumptionStore } from "../../src/functions/store";
import { ExcelHost, ForeignSheetError, STATE_SHEET, type ExcelRun } from "../../src/workbook/excel-host";
import { startSession } from "../../src/workbook/session";
import { buildValuesWorkbook } from "../../src/workbook/share-values";
import { CHUNK_CHARS, fromChunks, toChunks } from "../../src/workbook/state-format";
import { set, writeRawState } from "./fixtures";
import { FakeWorkbook, type FakeSheet } from "./mock-excel";

const quiet = { warn: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const snapshot = (sheet: FakeSheet | undefined) => structuredClone([...(sheet?.cells ?? new Map())]);

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await sleep(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A user's own sheet named INFRA_Assumptions: blank in A1:B7 and J2:J33, data elsewhere. */
function usersOwnSheet(wb: FakeWorkbook, where: "A9" | "C-H"): FakeSheet {
  const sheet = wb.addSheet(STATE_SHEET);
  if (where === "A9") {
    sheet.put(9, 1, { value: "Region" });
    sheet.put(10, 1, { value: "North" });
    sheet.put(10, 2, { value: 42 });
  } else {
    sheet.put(1, 3, { value: "my model inputs" });
    sheet.put(3, 8, { value: 1.5 });
  }
  return sheet;
}

/** `wb.run` whose context fails its `n`-th sync (1-based, per batch), as a lost connection would. */
function failingSync(wb: FakeWorkbook, n: number): ExcelRun {
  return (batch) =>
    wb.run((context) => {
      const sync = context.sync.bind(context);
      let calls = 0;
      (context as unknown as { sync: () => Promise<void> }).sync = async () => {
        if (++calls === n) throw new Error("GeneralException: the connection was lost");
        await sync();
      };
      return batch(context);
    });
}

describe("a user's own sheet named INFRA_Assumptions", () => {
  test.each(["A9", "C-H"] as const)("with data only in %s is someone else's, not empty, and first use leaves it alone", async (where) => {
    const wb = new FakeWorkbook();
    const sheet = usersOwnSheet(wb, where);
    const before = snapshot(sheet);
    const result = await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).load();
    expect(result).toMatchObject({ kind: "unreadable", foreign: true });
    expect(result.kind === "unreadable" && result.reason).toBe(
      "a sheet named INFRA_Assumptions exists but was not written by INFRA; rename it",
    );

    const store = new AssumptionStore();
    const session = startSession(new ExcelHost({ store, run: wb.run }), store, quiet);
    expect((await session.ready).kind).toBe("unreadable");
    expect(snapshot(wb.sheet(STATE_SHEET))).toEqual(before);
    session.stop();
  });

  test("is never cleared, not even with replaceUnreadable or ifEmpty: the refusal says to rename it", async () => {
    const wb = new FakeWorkbook();
    const sheet = usersOwnSheet(wb, "A9");
    sheet.put(1, 1, { value: "my own notes" }); // data in A1 too: no marker in B2
    const before = snapshot(sheet);
    const store = new AssumptionStore();
    store.activate(set("low"));
    const host = new ExcelHost({ store, run: wb.run });
    for (const options of [{ replaceUnreadable: true }, { ifEmpty: true }, {}]) {
      const attempt = host.save({ active: set("high"), saved: [] }, options);
      await expect(attempt).rejects.toThrow(ForeignSheetError);
      await expect(attempt).rejects.toThrow(/exists but was not written by INFRA; rename it/);
    }
    expect(snapshot(wb.sheet(STATE_SHEET))).toEqual(before);
    expect(store.active?.id).toBe("low");
    expect(wb.appCalculations).toEqual([]);
  });

  test("a blank sheet of that name (nothing used) is still empty and gets the state", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet(STATE_SHEET);
    const host = new ExcelHost({ store: new AssumptionStore(), run: wb.run });
    expect(await host.load()).toEqual({ kind: "empty" });
    expect((await host.save({ active: set("low"), saved: [] }, { ifEmpty: true })).written).toBe(true);
  });
});

describe("replaceUnreadable when the state reads fine again", () => {
  test("nothing is overwritten; the stored state is activated and reported", async () => {
    const wb = new FakeWorkbook();
    writeRawState(wb, { json: "{ broken" });
    const store = new AssumptionStore();
    const mine = new ExcelHost({ store, run: wb.run });
    expect((await mine.load()).kind).toBe("unreadable");
    store.markUnreadable("broken");
    // A co-author repairs it before the user confirms the replacement.
    await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("high"), saved: [] }, { replaceUnreadable: true });
    const before = snapshot(wb.sheet(STATE_SHEET));

    const report = await mine.save({ active: set("call-2026-02"), saved: [] }, { replaceUnreadable: true });
    expect(report.written).toBe(false);
    expect(report.stored?.active.id).toBe("high");
    expect(store.active?.id).toBe("high");
    expect(snapshot(wb.sheet(STATE_SHEET))).toEqual(before);
  });
});

describe("a failed write restores what the workbook holds", () => {
  test("empty before: the store goes back to the default set, not to the unsaved one", async () => {
    const wb = new FakeWorkbook();
    const store = new AssumptionStore();
    const host = new ExcelHost({ store, run: failingSync(wb, 2) }); // no sheet: one read, then the write
    await expect(host.save({ active: set("high"), saved: [] })).rejects.toThrow(/connection was lost/);
    expect(store.active?.id).toBe("call-2026-02");
  });

  test("the state just read wins over the one cached at the last load", async () => {
    const wb = new FakeWorkbook();
    await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("low"), saved: [] });
    const store = new AssumptionStore();
    let fail = false;
    const run: ExcelRun = (batch) => (fail ? failingSync(wb, 3)(batch) : wb.run(batch));
    const host = new ExcelHost({ store, run });
    await host.load(); // caches "low"
    await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("high"), saved: [] }); // a co-author
    fail = true;
    await expect(host.save({ active: set("call-2026-02"), saved: [] })).rejects.toThrow(/connection was lost/);
    expect(store.active?.id).toBe("high");
  });
});

describe("a read that throws is not unreadable content", () => {
  test("at start it is retried; a transient failure does not mark the store unreadable", async () => {
    const wb = new FakeWorkbook();
    await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("high"), saved: [] });
    const store = new AssumptionStore();
    const host = new ExcelHost({ store, run: wb.run });
    const load = jest.spyOn(host, "load");
    load.mockRejectedValueOnce(new Error("GeneralException")).mockRejectedValueOnce(new Error("GeneralException"));
    const session = startSession(host, store, { ...quiet, retryDelayMs: 1 });
    const result = await session.ready;
    expect(result.kind).toBe("stored");
    expect(load).toHaveBeenCalledTimes(3);
    expect(store.active?.id).toBe("high");
    session.stop();
  });

  test("when every try fails: unreadable with 'could not be read', and a later retry recovers", async () => {
    const wb = new FakeWorkbook();
    await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("high"), saved: [] });
    const store = new AssumptionStore();
    const host = new ExcelHost({ store, run: wb.run });
    const load = jest.spyOn(host, "load");
    for (let i = 0; i < 3; i++) load.mockRejectedValueOnce(new Error("GeneralException"));
    const session = startSession(host, store, { ...quiet, retryDelayMs: 1, laterRetryMs: 10 });
    const result = await session.ready;
    expect(result.kind === "unreadable" && result.reason).toMatch(/^the workbook could not be read \(GeneralException\)/);
    expect(store.isReady() && store.active).toBeNull();
    await until(() => store.active?.id === "high", "the later retry");
    session.stop();
  });

  test("a co-author's change that cannot be read keeps the active set, and is read again later", async () => {
    const wb = new FakeWorkbook();
    await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("low"), saved: [] });
    const store = new AssumptionStore();
    const host = new ExcelHost({ store, run: wb.run, changeQuietMs: 1 });
    const session = startSession(host, store, { ...quiet, retryDelayMs: 1, laterRetryMs: 20 });
    await session.ready;
    await until(() => wb.handlers.length === 1, "the change subscription");
    await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("high"), saved: [] });
    const load = jest.spyOn(host, "load");
    for (let i = 0; i < 3; i++) load.mockRejectedValueOnce(new Error("GeneralException"));
    await expect(session.reload()).rejects.toThrow("GeneralException");
    expect(store.active?.id).toBe("low"); // not #N/A
    await until(() => store.active?.id === "high", "the later retry");
    session.stop();
  });
});

describe("change events", () => {
  test("without a state sheet, edits on other sheets read nothing; a sheet added is checked; our own save learns the id", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    const host = new ExcelHost({ store: new AssumptionStore(), run: wb.run, changeQuietMs: 1 });
    expect((await host.load()).kind).toBe("empty");
    const heard = jest.fn();
    const off = host.onExternalChange(heard);
    await until(() => wb.handlers.length === 1, "the change subscription");
    const syncs = wb.syncs;
    for (let i = 0; i < 5; i++) await wb.emitChanged("Sheet1", "Local");
    await sleep(30);
    expect(wb.syncs).toBe(syncs); // no read scheduled

    // A co-author's first apply adds the state sheet: one check, which reports the change.
    await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("high"), saved: [] });
    await wb.emitAdded(STATE_SHEET);
    await until(() => heard.mock.calls.length === 1, "the check after the sheet was added");
    off();

    // Our own save creating the sheet learns its id: later edits of it are followed, others are not.
    const wb2 = new FakeWorkbook();
    wb2.addSheet("Sheet1");
    const mine = new ExcelHost({ store: new AssumptionStore(), run: wb2.run, changeQuietMs: 1 });
    const heard2 = jest.fn();
    const off2 = mine.onExternalChange(heard2);
    await until(() => wb2.handlers.length === 1, "the change subscription");
    await mine.save({ active: set("low"), saved: [] });
    await new ExcelHost({ store: new AssumptionStore(), run: wb2.run }).save({ active: set("high"), saved: [] });
    const syncs2 = wb2.syncs;
    await wb2.emitChanged("Sheet1", "Remote");
    await sleep(30);
    expect(wb2.syncs).toBe(syncs2);
    await wb2.emitChanged(STATE_SHEET, "Remote");
    await until(() => heard2.mock.calls.length === 1, "the co-author's change");
    off2();
  });
});

describe("surrogate pairs", () => {
  test("JSON parts are never cut between the halves of a pair", () => {
    const json = `${"a".repeat(CHUNK_CHARS - 1)}\u{1F600}${"b".repeat(10)}`;
    const parts = toChunks(json);
    expect(parts).toHaveLength(2);
    const bodies = parts.map((p) => p.replace(/^part \d+ of \d+: /, ""));
    for (const body of bodies) {
      expect(body).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(body).not.toMatch(/^[\uDC00-\uDFFF]/);
      expect(body.length).toBeLessThanOrEqual(CHUNK_CHARS);
    }
    expect(fromChunks(parts, parts.length)).toBe(json);
  });

  test("shared values drop lone surrogate halves but keep pairs", async () => {
    const base64 = await buildValuesWorkbook({
      sourceName: "Model.xlsx",
      sharedAt: new Date("2026-02-04T12:00:00Z"),
      set: set("low"),
      edited: false,
      reference: null,
      state: { active: set("low"), saved: [] },
      sheets: [{ name: "Data", address: "Data!A1:B1", values: [["x\uD800y\uDC00z", "ok \u{1F600}"]], numberFormat: [["General", "General"]] }],
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Data")!;
    expect(sheet.getCell("A1").value).toBe("xyz");
    expect(sheet.getCell("B1").value).toBe("ok \u{1F600}");
  });
});
