/**
 * An Excel stand-in built from office-addin-mock's OfficeMockObject: every
 * object the code touches is a mock, so a property read without `load` and
 * `context.sync` yields office-addin-mock's "not loaded" error text. Behind
 * the mocks sits a small workbook model (sheets of cells, charts, events) so
 * tests can assert on what Excel would hold after the calls.
 *
 * Batch semantics, simplified: loads read the cells as they were when the
 * object was created; property writes (values, formulas, numberFormat,
 * visibility, chart settings) are applied at `context.sync`, before queued
 * calculations run; `clear()` and `add()` act at once. No test needs
 * Office.js enums at run time: the code under test uses their string forms.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface FakeCell {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  bold?: boolean;
}

export interface FakeSeries {
  name: string;
  chartType: string;
  values: string | null;
  xValues: string | null;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  name: string;
  title: string;
  legend: string;
  position: [string, string] | null;
  series: FakeSeries[];
  deleted: boolean;
}

const NOT_LOADED = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);
const written = (v: unknown) => !(typeof v === "string" && NOT_LOADED.has(v));

export function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function colLetters(index1: number): string {
  let s = "";
  for (let n = index1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function parseAddress(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.replace(/\$/g, "").split(":");
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    return { r: Number(m[2]), c: colIndex(m[1]) };
  };
  const x = p(a);
  const y = p(b);
  return { r0: x.r, c0: x.c, r1: y.r, c1: y.c };
}

const boxAddress = (b: Box) => `${colLetters(b.c0)}${b.r0}:${colLetters(b.c1)}${b.r1}`;

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly charts: FakeChart[] = [];
  /** Arguments of every `calculate(markAllDirty)` call. */
  readonly calculations: boolean[] = [];
  visibility = "Visible";
  activated = 0;
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  /** A cell's value (what `values` shows), "" when empty. */
  value(address: string): unknown {
    const { r0, c0 } = parseAddress(address);
    return this.cell(r0, c0)?.value ?? "";
  }

  put(r: number, c: number, patch: Partial<FakeCell>): void {
    const key = `${r},${c}`;
    const cur = this.cells.get(key) ?? { value: "", formula: null, numberFormat: "General" };
    const next = { ...cur, ...patch };
    if (next.value === "" && next.formula === null && next.numberFormat === "General" && !next.bold) this.cells.delete(key);
    else this.cells.set(key, next);
  }

  /** Writes a value as Excel does when typed or set through `values`: "=..." is a formula unless the cell is text-formatted. */
  write(r: number, c: number, v: unknown): void {
    const text = this.cell(r, c)?.numberFormat === "@";
    if (typeof v === "string" && v.startsWith("=") && !text) this.put(r, c, { formula: v, value: "" });
    else if (typeof v === "string" && v.startsWith("'")) this.put(r, c, { formula: null, value: v.slice(1) });
    else this.put(r, c, { formula: null, value: v ?? "" });
  }

  setFormula(address: string, formula: string): void {
    const { r0, c0 } = parseAddress(address);
    this.put(r0, c0, { formula, value: "" });
  }

  grid(box: Box, pick: (cell: FakeCell | undefined) => unknown): unknown[][] {
    const rows: unknown[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row: unknown[] = [];
      for (let c = box.c0; c <= box.c1; c++) row.push(pick(this.cell(r, c)));
      rows.push(row);
    }
    return rows;
  }

  usedBox(): Box | null {
    let box: Box | null = null;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && cell.formula === null) continue;
      const [r, c] = key.split(",").map(Number);
      box = box
        ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return box;
  }

  formulaCells(): Array<[number, number, FakeCell]> {
    return [...this.cells].filter(([, c]) => c.formula !== null).map(([k, c]) => {
      const [r, col] = k.split(",").map(Number);
      return [r, col, c];
    });
  }
}

export type Evaluate = (formula: string) => unknown;

export interface ChangedEvent {
  worksheetId: string;
  source: "Local" | "Remote";
  address: string;
  changeType: string;
}

export interface AddedEvent {
  worksheetId: string;
  source: "Local" | "Remote";
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  name = "Model.xlsx";
  /** Every `context.sync` of every batch. */
  syncs = 0;
  /** Arguments of every `application.calculate` call. */
  readonly appCalculations: string[] = [];
  /** Workbook-scoped defined names: name → what it refers to ("=Sheet!$B$8") and its comment. */
  readonly names = new Map<string, { formula: string; comment: string }>();
  /** base64 files handed to `Excel.createWorkbook`. */
  readonly created: string[] = [];
  handlers: Array<(e: ChangedEvent) => unknown> = [];
  addedHandlers: Array<(e: AddedEvent) => unknown> = [];
  /** Computes a formula's value when a sheet recalculates; unset: formulas keep their values. */
  evaluate: Evaluate | null = null;
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const s = new FakeSheet(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** What a co-author's (or a hand) edit of a sheet looks like to the add-in. */
  async emitChanged(sheetName: string, source: "Local" | "Remote" = "Remote"): Promise<void> {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    for (const h of this.handlers) await h({ worksheetId: s.id, source, address: "A1", changeType: "RangeEdited" });
  }

  /** A sheet added by a co-author (or by hand): adds it (unless a test already did) and raises `worksheets.onAdded`. */
  async emitAdded(sheetName: string, source: "Local" | "Remote" = "Remote"): Promise<FakeSheet> {
    const s = this.sheet(sheetName) ?? this.addSheet(sheetName);
    for (const h of this.addedHandlers) await h({ worksheetId: s.id, source });
    return s;
  }

  recalcSheet(sheet: FakeSheet): void {
    if (!this.evaluate) return;
    for (const [, , cell] of sheet.formulaCells()) cell.value = this.evaluate(cell.formula as string);
  }

  /** `Excel.run` bound to this workbook. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new MockContext(this);
    return batch(context.mock as unknown as Excel.RequestContext);
  };

  createWorkbook = async (base64: string): Promise<void> => {
    this.created.push(base64);
  };
}

interface Tracked {
  mock: OfficeMockObject;
  commit: () => void;
}

class MockContext {
  readonly mock: OfficeMockObject;
  private readonly tracked: Tracked[] = [];
  private readonly deferred: Array<() => void> = [];

  constructor(private readonly wb: FakeWorkbook) {
    const items = wb.sheets.map((s) => this.sheetMock(s));
    const worksheets = {
      items,
      getItemOrNullObject: (name: string) => {
        const s = wb.sheet(name);
        return s ? this.sheetMock(s) : this.track(new OfficeMockObject({ isNullObject: true, id: "", name: "" }));
      },
      getItem: (name: string) => {
        const s = wb.sheet(name);
        if (!s) throw new Error(`ItemNotFound: ${name}`);
        return this.sheetMock(s);
      },
      add: (name: string) => this.sheetMock(wb.addSheet(name)),
      onChanged: {
        add: (handler: (e: ChangedEvent) => unknown) => {
          wb.handlers.push(handler);
          return {
            context: this.mock,
            remove: () => {
              wb.handlers = wb.handlers.filter((h) => h !== handler);
            },
          };
        },
      },
      onAdded: {
        add: (handler: (e: AddedEvent) => unknown) => {
          wb.addedHandlers.push(handler);
          return {
            context: this.mock,
            remove: () => {
              wb.addedHandlers = wb.addedHandlers.filter((h) => h !== handler);
            },
          };
        },
      },
      // "items/name,items/visibility": load the collection and those properties of every item.
      load(this: OfficeMockObject, arg: string) {
        const paths = arg.replace(/\s/g, "").split(",");
        OfficeMockObject.prototype.load.call(this, "items");
        const props = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
        for (const item of items) item.load(props.length ? props : "*");
        return this;
      },
    };
    const names = {
      getItemOrNullObject: (name: string) => {
        const found = wb.names.get(name.toUpperCase());
        return this.track(
          new OfficeMockObject({
            isNullObject: !found,
            name: found ? name : "",
            formula: found?.formula ?? "",
            delete: () => {
              wb.names.delete(name.toUpperCase());
            },
          }),
        );
      },
      // Excel refuses a second name of the same name (names are case-insensitive).
      add: (name: string, reference: string, comment = "") => {
        if (wb.names.has(name.toUpperCase())) throw new Error(`InvalidArgument: the name ${name} already exists`);
        if (typeof reference !== "string") throw new Error("the stand-in takes a reference as text");
        wb.names.set(name.toUpperCase(), { formula: reference, comment });
        return this.track(new OfficeMockObject({ name, formula: reference }));
      },
    };
    this.mock = new OfficeMockObject({
      workbook: {
        name: wb.name,
        names,
        application: {
          calculate: (type: string) => {
            this.deferred.push(() => {
              wb.appCalculations.push(type);
              if (type !== "Recalculate") for (const s of wb.sheets) wb.recalcSheet(s);
            });
          },
        },
        worksheets,
      },
    });
    // context.sync: apply writes, finish loads, then run queued calculations.
    this.mock.sync = async () => {
      wb.syncs++;
      for (const t of this.tracked) t.commit();
      await OfficeMockObject.prototype.sync.call(this.mock);
      for (const t of this.tracked) await t.mock.sync();
      await new Promise((resolve) => setImmediate(resolve));
      for (const op of this.deferred.splice(0)) op();
    };
  }

  private track<M extends OfficeMockObject>(mock: M, commit: () => void = () => undefined): M {
    this.tracked.push({ mock, commit });
    return mock;
  }

  private sheetMock(sheet: FakeSheet): OfficeMockObject {
    const mock: OfficeMockObject = new OfficeMockObject({
      isNullObject: false,
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      getRange: (address?: string) => this.rangeMock(sheet, address ?? null),
      getUsedRangeOrNullObject: () => {
        const box = sheet.usedBox();
        if (!box) {
          return this.track(
            new OfficeMockObject({ isNullObject: true, address: "", values: [], numberFormat: [], rowCount: 0, columnCount: 0 }),
          );
        }
        return this.rangeMock(sheet, boxAddress(box));
      },
      calculate: (markAllDirty: boolean) => {
        this.deferred.push(() => {
          sheet.calculations.push(markAllDirty);
          this.wb.recalcSheet(sheet);
        });
      },
      activate: () => {
        sheet.activated++;
      },
      charts: {
        add: (type: string, source: OfficeMockObject, seriesBy: string) => this.chartMock(sheet, type, source, seriesBy),
        getItemOrNullObject: (name: string) => {
          const chart = sheet.charts.find((c) => c.name === name && !c.deleted);
          return this.track(
            new OfficeMockObject({
              isNullObject: !chart,
              delete: () => {
                if (chart) chart.deleted = true;
              },
            }),
          );
        },
      },
    });
    return this.track(mock, () => {
      if (written(mock.visibility) && mock.visibility !== sheet.visibility) sheet.visibility = mock.visibility as string;
    });
  }

  private rangeMock(sheet: FakeSheet, address: string | null): OfficeMockObject {
    if (address === null) {
      // The whole sheet: only clearing is supported.
      return this.track(
        new OfficeMockObject({
          clear: () => {
            sheet.cells.clear();
          },
        }),
      );
    }
    const box = parseAddress(address);
    const values = sheet.grid(box, (c) => c?.value ?? "");
    const formulas = sheet.grid(box, (c) => c?.formula ?? c?.value ?? "");
    const numberFormat = sheet.grid(box, (c) => c?.numberFormat ?? "General");
    const seen = { values, formulas, numberFormat, bold: undefined as unknown };
    const mock: OfficeMockObject = new OfficeMockObject({
      isNullObject: false,
      address: `${sheet.name}!${boxAddress(box)}`,
      values,
      formulas,
      numberFormat,
      rowCount: box.r1 - box.r0 + 1,
      columnCount: box.c1 - box.c0 + 1,
      format: { font: { bold: false } },
      clear: () => {
        for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) sheet.cells.delete(`${r},${c}`);
      },
    });
    (mock as unknown as { fakeAddress: string }).fakeAddress = boxAddress(box);
    const each = (m: unknown, name: string, fn: (r: number, c: number, v: unknown) => void) => {
      const rows = m as unknown[][];
      const h = box.r1 - box.r0 + 1;
      const w = box.c1 - box.c0 + 1;
      if (!Array.isArray(rows) || rows.length !== h || rows.some((row) => !Array.isArray(row) || row.length !== w)) {
        throw new Error(`InvalidArgument: ${name} for ${boxAddress(box)} must be ${h} × ${w}`);
      }
      rows.forEach((row, i) => row.forEach((v, j) => fn(box.r0 + i, box.c0 + j, v)));
    };
    return this.track(mock, () => {
      if (written(mock.numberFormat) && mock.numberFormat !== seen.numberFormat) {
        seen.numberFormat = mock.numberFormat;
        each(mock.numberFormat, "numberFormat", (r, c, v) => sheet.put(r, c, { numberFormat: String(v) }));
      }
      if (written(mock.values) && mock.values !== seen.values) {
        seen.values = mock.values;
        each(mock.values, "values", (r, c, v) => sheet.write(r, c, v));
      }
      if (written(mock.formulas) && mock.formulas !== seen.formulas) {
        seen.formulas = mock.formulas;
        each(mock.formulas, "formulas", (r, c, v) => sheet.write(r, c, v));
      }
      const bold = (mock.format as OfficeMockObject).font.bold;
      if (bold === true && seen.bold !== true) {
        seen.bold = true;
        for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) sheet.put(r, c, { bold: true });
      }
    });
  }

  private chartMock(sheet: FakeSheet, type: string, source: OfficeMockObject, seriesBy: string): OfficeMockObject {
    const src = parseAddress((source as unknown as { fakeAddress: string }).fakeAddress);
    const chart: FakeChart = {
      type,
      source: boxAddress(src),
      seriesBy,
      name: "",
      title: "",
      legend: "",
      position: null,
      deleted: false,
      // Columns: one series per column, named by the first row.
      series: Array.from({ length: src.c1 - src.c0 + 1 }, (_, i) => ({
        name: String(sheet.cell(src.r0, src.c0 + i)?.value ?? ""),
        chartType: type,
        values: `${colLetters(src.c0 + i)}${src.r0 + 1}:${colLetters(src.c0 + i)}${src.r1}`,
        xValues: null,
      })),
    };
    sheet.charts.push(chart);
    const addressOf = (r: OfficeMockObject) => (r as unknown as { fakeAddress: string }).fakeAddress;
    const seriesMock = (s: FakeSeries) => {
      const m: OfficeMockObject = new OfficeMockObject({
        chartType: s.chartType,
        setValues: (r: OfficeMockObject) => {
          s.values = addressOf(r);
        },
        setXAxisValues: (r: OfficeMockObject) => {
          s.xValues = addressOf(r);
        },
      });
      return this.track(m, () => {
        if (written(m.chartType)) s.chartType = m.chartType as string;
      });
    };
    const mock: OfficeMockObject = new OfficeMockObject({
      name: "",
      title: { text: "" },
      legend: { position: "" },
      series: {
        getItemAt: (i: number) => {
          const s = chart.series[i];
          if (!s) throw new Error(`ItemNotFound: series ${i}`);
          return seriesMock(s);
        },
        add: (name: string) => {
          const s: FakeSeries = { name, chartType: type, values: null, xValues: null };
          chart.series.push(s);
          return seriesMock(s);
        },
      },
      setPosition: (start: string, end: string) => {
        chart.position = [start, end];
      },
      delete: () => {
        chart.deleted = true;
      },
    });
    return this.track(mock, () => {
      if (written(mock.name)) chart.name = mock.name as string;
      const title = (mock.title as OfficeMockObject).text;
      if (written(title)) chart.title = title as string;
      const legend = (mock.legend as OfficeMockObject).position;
      if (written(legend)) chart.legend = legend as string;
    });
  }
}
