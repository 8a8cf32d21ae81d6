import "./jest-office-mock";
import { powerGapGw } from "../../src/functions/functions";
import { AssumptionStore, store } from "../../src/functions/store";
import { ExcelHost, STATE_SHEET, type ExcelRun } from "../../src/workbook/excel-host";
import { startSession } from "../../src/workbook/session";
import { cell } from "../helpers";
import { editedSet, set, writeRawState } from "./fixtures";
import { FakeWorkbook } from "./mock-excel";

const quiet = { warn: () => undefined };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await tick();
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A run that holds every batch until `release()`: the workbook is slow to answer. */
function gated(wb: FakeWorkbook): { run: ExcelRun; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { run: async (batch) => gate.then(() => wb.run(batch)), release };
}

afterEach(() => store.reset());

test("a function called before the load finishes waits, then computes with the STORED set, not the default", async () => {
  const wb = new FakeWorkbook();
  await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("high"), saved: [] });
  store.reset();
  const slow = gated(wb);
  const session = startSession(new ExcelHost({ store, run: slow.run }), store, quiet);

  let settled = false;
  const pending = cell(() => powerGapGw(2028)).then((r) => ((settled = true), r));
  await tick();
  expect(settled).toBe(false); // still waiting on the workbook

  slow.release();
  await session.ready;
  const high = set("high").parameters;
  const expected = high.demand_gw.path["2028"] - high.supply_grid_gw.path["2028"] - high.supply_construction_gw.path["2028"];
  expect(await pending).toEqual({ value: expected });
  expect(expected).not.toBe(46); // the default set's headline (call of 2026-02-04)
  session.stop();
});

test("a colleague opening a saved workbook sees the stored (edited) set", async () => {
  const wb = new FakeWorkbook();
  const tuned = editedSet("call-2026-02", "call-tuned", 0.5);
  await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: tuned, saved: [] });
  store.reset();
  const session = startSession(new ExcelHost({ store, run: wb.run }), store, quiet);
  await session.ready;
  expect(store.active?.id).toBe("call-tuned");
  // The edited 2028 demand (halfway between the call's 2027 and 2028 figures) minus 2028 grid and construction supply.
  const p = set("call-2026-02").parameters;
  const demand = (p.demand_gw.path["2027"] + p.demand_gw.path["2028"]) / 2;
  expect(await cell(() => powerGapGw(2028))).toEqual({
    value: demand - p.supply_grid_gw.path["2028"] - p.supply_construction_gw.path["2028"],
  });
  session.stop();
});

test("an empty workbook gets the default, which is written into it once (pinned) without a recalculation", async () => {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  store.reset();
  const session = startSession(new ExcelHost({ store, run: wb.run }), store, quiet);
  const result = await session.ready;
  expect(result.kind).toBe("empty");
  // The conference call of 2026-02-04: a 46 GW gap in 2028.
  expect(await cell(() => powerGapGw(2028))).toEqual({ value: 46 });
  const stored = await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).load();
  expect(stored.kind === "stored" && stored.state.active.id).toBe("call-2026-02");
  expect(wb.appCalculations).toEqual([]);
  session.stop();
});

test("unreadable state: cells on the active set show #N/A with the reason; a named scenario still works; nothing is written", async () => {
  const wb = new FakeWorkbook();
  writeRawState(wb, { json: "{ broken" });
  const before = structuredClone([...wb.sheet(STATE_SHEET)!.cells]);
  store.reset();
  const session = startSession(new ExcelHost({ store, run: wb.run }), store, quiet);
  const result = await session.ready;
  expect(result.kind).toBe("unreadable");
  const shown = await cell(() => powerGapGw(2028));
  expect(shown).toMatchObject({ error: "#N/A" });
  expect("message" in shown && shown.message).toMatch(/cannot be read: .*not valid JSON/);
  expect(await cell(() => powerGapGw(2028, false, "call-2026-02" as never))).toEqual({ value: 46 });
  expect([...wb.sheet(STATE_SHEET)!.cells]).toEqual(before);
  session.stop();
});

test("a workbook that cannot be read at all marks the store unreadable instead of leaving functions waiting", async () => {
  store.reset();
  const failing: ExcelRun = async () => {
    throw new Error("GeneralException");
  };
  const session = startSession(new ExcelHost({ store, run: failing }), store, { ...quiet, retryDelayMs: 1 });
  expect((await session.ready).kind).toBe("unreadable");
  expect(await cell(() => powerGapGw(2028))).toMatchObject({ error: "#N/A" });
  session.stop();
});

test("two open workbooks with different sets never mix, and nothing touches localStorage", async () => {
  const touched: string[] = [];
  const spy = new Proxy({}, { get: (_t, key) => (touched.push(String(key)), undefined) });
  (globalThis as { localStorage?: unknown }).localStorage = spy;
  try {
    const wbA = new FakeWorkbook();
    const wbB = new FakeWorkbook();
    await new ExcelHost({ store: new AssumptionStore(), run: wbA.run }).save({ active: set("low"), saved: [] });
    await new ExcelHost({ store: new AssumptionStore(), run: wbB.run }).save({ active: set("high"), saved: [] });
    const storeA = new AssumptionStore();
    const storeB = new AssumptionStore();
    const a = startSession(new ExcelHost({ store: storeA, run: wbA.run }), storeA, quiet);
    const b = startSession(new ExcelHost({ store: storeB, run: wbB.run }), storeB, quiet);
    await Promise.all([a.ready, b.ready]);
    expect(storeA.active?.id).toBe("low");
    expect(storeB.active?.id).toBe("high");
    // An apply in B leaves A alone.
    const calcsA = wbA.appCalculations.length;
    await new ExcelHost({ store: storeB, run: wbB.run }).save({ active: set("call-2026-02"), saved: [] });
    expect(storeA.active?.id).toBe("low");
    expect(wbA.appCalculations.length).toBe(calcsA);
    a.stop();
    b.stop();
    expect(touched).toEqual([]);
  } finally {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  }
});

test("a co-author's apply reaches the other runtime: change event, reload, activate, recalculate", async () => {
  const wb = new FakeWorkbook(); // one file, two authors: cells are shared
  const model = wb.addSheet("Model");
  await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("low"), saved: [] });
  const mine = new AssumptionStore();
  const hostMine = new ExcelHost({ store: mine, run: wb.run, changeQuietMs: 1 });
  const load = jest.spyOn(hostMine, "load");
  const session = startSession(hostMine, mine, quiet);
  await session.ready;
  await until(() => wb.handlers.length === 1, "the change subscription");
  expect(mine.active?.id).toBe("low");

  // The other author applies "high"; co-authoring syncs the cells and Excel raises onChanged (Remote).
  await new ExcelHost({ store: new AssumptionStore(), run: wb.run }).save({ active: set("high"), saved: [] });
  const calcsBefore = model.calculations.length;
  await wb.emitChanged(STATE_SHEET, "Remote");
  await until(() => mine.active?.id === "high", "the reload");
  await until(() => model.calculations.length > calcsBefore, "the recalculation");
  expect(load).toHaveBeenCalledTimes(2);

  // Our own apply raises the same event; it is recognised and causes no reload.
  await hostMine.save({ active: set("call-2026-02"), saved: [] });
  await wb.emitChanged(STATE_SHEET, "Local");
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(load).toHaveBeenCalledTimes(2);

  // A change to another sheet is ignored.
  await wb.emitChanged("Model", "Remote");
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(load).toHaveBeenCalledTimes(2);

  session.stop();
  await until(() => wb.handlers.length === 0, "the unsubscription");
});

test("in Excel, a stored copy of call-2026-02 with its version but other values opens as call-2026-02-edited; the id keeps meaning the reference", async () => {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  const forged = structuredClone(set("call-2026-02"));
  const p = forged.parameters;
  // Demand through 2028 raised so the gap is 113 GW, as a hand edit of the state sheet would.
  const demand = 113 + p.supply_grid_gw.path["2028"] + p.supply_construction_gw.path["2028"];
  Object.assign(p.demand_gw.path, { "2028": demand, "2029": demand + 10, "2030": demand + 20 });
  writeRawState(wb, { json: JSON.stringify({ format: "infra-workbook-state", schema_version: 1, active: forged, saved: [] }) });
  store.reset();
  const session = startSession(new ExcelHost({ store, run: wb.run }), store, quiet);
  const result = await session.ready;
  expect(result).toMatchObject({ kind: "stored", notices: [expect.stringMatching(/shown as “call-2026-02-edited”/)] });
  expect(store.active?.id).toBe("call-2026-02-edited");
  expect(await cell(() => powerGapGw(2028))).toEqual({ value: 113 });
  // The bundled set: 67 − 15 − 6 = 46 in version 1 (its demand less its grid and construction in 2028, in any version).
  const ref = set("call-2026-02").parameters;
  const refGap = ref.demand_gw.path["2028"] - ref.supply_grid_gw.path["2028"] - ref.supply_construction_gw.path["2028"];
  expect(await cell(() => powerGapGw(2028, undefined, "call-2026-02" as never))).toEqual({ value: refGap });
  expect(refGap).not.toBe(113);
  session.stop();
});
