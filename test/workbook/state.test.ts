import "./jest-office-mock";
import { AssumptionStore } from "../../src/functions/store";
import { SetValidationError } from "../../src/model/schema";
import { ExcelHost, STATE_SHEET, UnreadableStateError } from "../../src/workbook/excel-host";
import { CHUNK_CHARS, MAX_CHUNKS, STATE_FORMAT } from "../../src/workbook/state-format";
import { editedSet, set, stateJson, writeRawState } from "./fixtures";
import { FakeWorkbook, type FakeSheet } from "./mock-excel";

function host(wb: FakeWorkbook, store = new AssumptionStore()) {
  return new ExcelHost({ store, run: wb.run });
}

const snapshot = (sheet: FakeSheet | undefined) => structuredClone([...(sheet?.cells ?? new Map())]);

describe("load", () => {
  test("a workbook without the state sheet is empty", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    expect(await host(wb).load()).toEqual({ kind: "empty" });
  });

  test("a blank state sheet is empty too", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet(STATE_SHEET);
    expect(await host(wb).load()).toEqual({ kind: "empty" });
  });

  test("a saved state reads back as stored, active and saved sets alike (round trip)", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    const edited = editedSet("low", "low-tuned");
    await host(wb).save({ active: edited, saved: [set("high")] });
    const result = await host(wb).load();
    expect(result).toEqual({ kind: "stored", state: { active: edited, saved: [set("high")] } });
    const sheet = wb.sheet(STATE_SHEET)!;
    expect(sheet.visibility).toBe("Hidden");
    expect(sheet.value("B2")).toBe(STATE_FORMAT);
    expect(sheet.value("B3")).toBe(1);
  });

  test("a state longer than one cell holds is split into labelled parts and joined back", async () => {
    const wb = new FakeWorkbook();
    const saved = Array.from({ length: 6 }, (_, i) => editedSet("high", `high-v${i}`, i / 10));
    await host(wb).save({ active: set("low"), saved });
    const sheet = wb.sheet(STATE_SHEET)!;
    const parts = Number(sheet.value("B4"));
    expect(parts).toBeGreaterThan(1);
    for (let i = 1; i <= parts; i++) {
      const text = String(sheet.value(`J${i + 1}`));
      expect(text.startsWith(`part ${i} of ${parts}: `)).toBe(true);
      expect(text.length).toBeLessThanOrEqual(32_767); // Excel's limit for one cell
    }
    expect(await host(wb).load()).toEqual({ kind: "stored", state: { active: set("low"), saved } });
  });

  test("corrupt JSON is unreadable, with the parser's complaint", async () => {
    const wb = new FakeWorkbook();
    writeRawState(wb, { json: '{"format": "infra-workbook-state", "schema_version": 1, "active": {' });
    const result = await host(wb).load();
    expect(result.kind).toBe("unreadable");
    if (result.kind === "unreadable") expect(result.reason).toMatch(/not valid JSON/);
  });

  test("a set of the wrong schema is unreadable and every problem is listed", async () => {
    const wb = new FakeWorkbook();
    const broken = structuredClone(set("low")) as Record<string, unknown>;
    delete broken.name;
    (broken.parameters as Record<string, unknown>).demand_gw = { unit: "MW" };
    writeRawState(wb, { json: stateJson(broken) });
    const result = await host(wb).load();
    expect(result.kind).toBe("unreadable");
    if (result.kind !== "unreadable") return;
    expect(result.reason).toMatch(/invalid/);
    expect(result.problems.some((p) => p.startsWith("active: name"))).toBe(true);
    expect(result.problems.some((p) => p.includes("demand_gw"))).toBe(true);
  });

  test("a newer schema_version, in the marker cells or in the JSON, is unreadable and says to update", async () => {
    const wb1 = new FakeWorkbook();
    writeRawState(wb1, { json: stateJson(set("low")), version: 2 });
    const r1 = await host(wb1).load();
    expect(r1.kind === "unreadable" && r1.reason).toMatch(/schema_version 2, newer .* update INFRA/);

    const wb2 = new FakeWorkbook();
    writeRawState(wb2, { json: JSON.stringify({ format: STATE_FORMAT, schema_version: 3, active: set("low"), saved: [] }) });
    const r2 = await host(wb2).load();
    expect(r2.kind === "unreadable" && r2.reason).toMatch(/schema_version 3, newer/);

    const wb3 = new FakeWorkbook();
    writeRawState(wb3, { json: stateJson({ ...set("low"), schema_version: 9 }) });
    const r3 = await host(wb3).load();
    expect(r3.kind === "unreadable" && r3.problems.join(" ")).toMatch(/schema_version 9 is newer/);
  });

  test("a state over 1 MB is unreadable, whether declared or found", async () => {
    const wb1 = new FakeWorkbook();
    writeRawState(wb1, { json: "x".repeat(10), parts: MAX_CHUNKS + 1 });
    const r1 = await host(wb1).load();
    expect(r1.kind === "unreadable" && r1.reason).toMatch(/over 1 MB/);

    // Parts that together exceed 1,000,000 characters although each fits a cell.
    const wb2 = new FakeWorkbook();
    const big = `{"pad":"${"x".repeat(MAX_CHUNKS * CHUNK_CHARS)}"}`;
    writeRawState(wb2, { json: big, parts: MAX_CHUNKS });
    const r2 = await host(wb2).load();
    expect(r2.kind === "unreadable" && r2.reason).toMatch(/over 1 MB/);
  });

  test("parts out of order, relabelled or missing are unreadable", async () => {
    const wb = new FakeWorkbook();
    writeRawState(wb, { json: stateJson(set("low")), parts: 2 });
    const sheet = wb.sheet(STATE_SHEET)!;
    const second = sheet.value("J3");
    sheet.put(3, 10, { value: sheet.value("J2") });
    sheet.put(2, 10, { value: second });
    expect((await host(wb).load()).kind).toBe("unreadable");

    const wb2 = new FakeWorkbook();
    writeRawState(wb2, { json: stateJson(set("low")), chunkLabels: false });
    expect((await host(wb2).load()).kind).toBe("unreadable");
  });

  test("a sheet of that name without the INFRA marker is someone else's: unreadable, never taken for empty", async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet(STATE_SHEET);
    sheet.put(1, 1, { value: "my own notes" });
    const result = await host(wb).load();
    expect(result.kind === "unreadable" && result.reason).toMatch(/exists but was not written by INFRA; rename it/);
  });
});

describe("save", () => {
  test("refuses while the stored state is unreadable and changes nothing, in the workbook or the store", async () => {
    const wb = new FakeWorkbook();
    writeRawState(wb, { json: "{ not json" });
    const before = snapshot(wb.sheet(STATE_SHEET));
    const store = new AssumptionStore();
    store.activate(set("low"));
    await expect(host(wb, store).save({ active: set("high"), saved: [] })).rejects.toThrow(UnreadableStateError);
    expect(snapshot(wb.sheet(STATE_SHEET))).toEqual(before);
    expect(store.active?.id).toBe("low");
    expect(wb.appCalculations).toEqual([]);
  });

  test("replaces unreadable state only when told to (the pane asks the user first)", async () => {
    const wb = new FakeWorkbook();
    writeRawState(wb, { json: "{ not json" });
    await host(wb).save({ active: set("high"), saved: [] }, { replaceUnreadable: true });
    expect(await host(wb).load()).toEqual({ kind: "stored", state: { active: set("high"), saved: [] } });
  });

  test("an invalid set is refused before Excel is touched", async () => {
    const wb = new FakeWorkbook();
    const bad = { ...set("low"), vintage: "last spring" };
    await expect(host(wb).save({ active: bad, saved: [] })).rejects.toThrow(SetValidationError);
    expect(wb.syncs).toBe(0);
    expect(wb.sheet(STATE_SHEET)).toBeUndefined();
  });

  test("ifEmpty writes into an empty workbook only", async () => {
    const wb = new FakeWorkbook();
    expect((await host(wb).save({ active: set("low"), saved: [] }, { ifEmpty: true })).written).toBe(true);
    expect((await host(wb).save({ active: set("high"), saved: [] }, { ifEmpty: true })).written).toBe(false);
    const result = await host(wb).load();
    expect(result.kind === "stored" && result.state.active.id).toBe("low");
  });

  test("text from a set never becomes a formula in the workbook", async () => {
    const wb = new FakeWorkbook();
    const sly = structuredClone({ ...set("low"), id: "sly", name: '=HYPERLINK("https://example.com","click")' });
    sly.parameters.demand_gw.note = '=HYPERLINK("https://example.com","click")';
    await host(wb).save({ active: sly, saved: [] });
    const sheet = wb.sheet(STATE_SHEET)!;
    expect(sheet.formulaCells()).toEqual([]);
    const texts = [...sheet.cells.values()].map((c) => c.value);
    expect(texts).toContain('=HYPERLINK("https://example.com","click")'); // kept as text for the auditor
    const back = await host(wb).load();
    expect(back.kind === "stored" && back.state.active.name).toBe(sly.name);
  });

  test("the readable table lists every parameter with its unit and sources", async () => {
    const wb = new FakeWorkbook();
    await host(wb).save({ active: set("low"), saved: [] });
    const sheet = wb.sheet(STATE_SHEET)!;
    expect([1, 2, 3, 4, 7].map((c) => sheet.cell(9, c)?.value)).toEqual(["set", "parameter", "value or path", "unit", "sources"]);
    const demandRow = [...Array(60).keys()].map((i) => i + 10).find((r) => String(sheet.cell(r, 2)?.value).startsWith("demand_gw"));
    expect(demandRow).toBeDefined();
    expect(sheet.cell(demandRow!, 1)?.value).toBe(`low v${set("low").version} (active)`);
    expect(sheet.cell(demandRow!, 3)?.value).toMatch(/^2025: [\d.]+ \((published|interpolated|extrapolated|chosen|calibrated)\); /);
    expect(sheet.cell(demandRow!, 4)?.value).toBe("GW (grid)");
  });

  test("the readable table shows provenance by year, the MW basis, and which values a set inherits from its base", async () => {
    const wb = new FakeWorkbook();
    await host(wb).save({ active: set("low"), saved: [] });
    const sheet = wb.sheet(STATE_SHEET)!;
    const row = (key: string) => [...Array(60).keys()].map((i) => i + 10).find((r) => String(sheet.cell(r, 2)?.value).startsWith(`${key}:`))!;
    const low = set("low");
    for (const key of ["demand_gw", "supply_grid_gw", "contracted_value_musd_per_mw"] as const) {
      const p = low.parameters[key];
      const basis = String(sheet.cell(row(key), 6)?.value);
      expect(basis.includes(`inherited from ${low.extends!.id}`)).toBe(p.inherited === true);
    }
    const grid = low.parameters.supply_grid_gw;
    for (const [year, b] of Object.entries(grid.path_basis)) {
      expect(String(sheet.cell(row("supply_grid_gw"), 3)?.value)).toContain(`${year}: ${grid.path[year]} (${b})`);
    }
    expect(sheet.cell(row("contracted_value_musd_per_mw"), 4)?.value).toBe("USD m per MW (IT)");
  });
});
