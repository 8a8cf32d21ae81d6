/**
 * The embedded engine: a HyperFormula workbook with the INFRA functions
 * registered, configured like Excel, recalculating when the workbook's
 * assumption set changes. Environment-neutral: Node (command line, tests,
 * benchmark) and the browser playground both build on it.
 */
import { CellError, DenseSparseChooseBasedOnThreshold, DetailedCellError, ErrorType, HyperFormula, type ConfigParams, type RawCellContent, type SerializedNamedExpression } from "hyperformula";
import type { AssumptionStore } from "../functions/store";
import { whatIfSpillBound } from "../functions/what-if";
import { registerInfraFunctions, type EngineEntry } from "./adapter";

/** Sheets by name, each a grid of what a user typed: numbers, text, booleans, `=formulas`, or null. */
export type Sheets = Record<string, RawCellContent[][]>;

/** A computed value as a cell shows it. */
export type EngineValue = number | string | boolean | null | { error: string; message: string };

/**
 * Excel-like settings (HyperFormula's "Compatibility with Microsoft Excel"
 * guide): the 1900 leap-year bug and Excel's serial dates, empty cells as 0 in
 * arithmetic, dynamic-array arithmetic. GPL-3.0 licence key.
 */
export const EXCEL_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 30 },
  evaluateNullToZero: true,
  useArrayArithmetic: true,
  functionArgSeparator: ",",
  decimalSeparator: ".",
  thousandSeparator: "",
  localeLang: "en-US",
  dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD"],
  timeFormats: ["hh:mm", "hh:mm:ss.sss"],
  caseSensitive: false,
  accentSensitive: false,
  matchWholeCell: true,
  ignorePunctuation: false,
  // Full doubles, as Excel stores them; display rounding (15 digits) is the caller's.
  smartRounding: false,
  // Excel's grid (1,048,576 rows, columns A to XFD); HyperFormula's defaults stop at 40,000 rows. A
  // sheet filling under 5% of its used area (a few cells far down) is stored sparsely instead of as
  // rows of empty slots; ordinary models stay dense, HyperFormula's faster layout.
  maxRows: 1_048_576,
  maxColumns: 16_384,
  chooseAddressMappingPolicy: new DenseSparseChooseBasedOnThreshold(0.05),
};

/** A HyperFormula error value as `{error: "#N/A", message}`; other values unchanged. */
export function toEngineValue(v: unknown): EngineValue {
  if (v instanceof DetailedCellError || v instanceof CellError) {
    const code = v instanceof DetailedCellError ? v.value : `#${v.type}`;
    return { error: code, message: v.message ?? "" };
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return null;
}

/**
 * Drops trailing rows and columns that are entirely empty: a spill sized for
 * the largest possible table (see adapter.ts) leaves them blank.
 */
export function trimEmptyEdges(rows: EngineValue[][]): EngineValue[][] {
  let height = rows.length;
  while (height > 1 && rows[height - 1].every((v) => v === null)) height--;
  let width = Math.max(0, ...rows.slice(0, height).map((r) => r.length));
  while (width > 1 && rows.slice(0, height).every((r) => r[width - 1] === null || r[width - 1] === undefined)) width--;
  return rows.slice(0, height).map((r) => r.slice(0, width));
}

/**
 * The defined name Excel workbooks get (src/workbook/excel-host.ts): a cell
 * holding the active set's handle, so `=INFRA.POWER_GAP_GW(2028,,INFRA_ACTIVE)`
 * follows the active set through the dependency graph. The engine defines it too.
 */
export const ACTIVE_NAME = "INFRA_ACTIVE";

export interface EngineSetup {
  entries: readonly EngineEntry[];
  store: AssumptionStore;
  /** Dates counted from 1904 (a workbook saved with that date system) instead of 1900. */
  date1904?: boolean;
}

/**
 * Excel's 1904 date system: serial 0 is 1904-01-01 and there is no 29 February
 * 1900 to copy (ECMA-376 Part 1, 18.17.4.1).
 */
const DATE_1904: Partial<ConfigParams> = { nullDate: { year: 1904, month: 1, day: 1 }, leapYear1900: false };

/**
 * One workbook in the engine. It reads assumption sets from `store` (the same
 * store the wrappers read) and recalculates every formula when the store
 * changes, so choosing another set updates every INFRA cell, as in Excel.
 */
export class InfraEngine {
  readonly hf: HyperFormula;
  private readonly unsubscribe: () => void;
  private readonly listeners = new Set<() => void>();
  private readonly store: AssumptionStore;

  /** `names`: the workbook's defined names (a workbook read from a file). */
  constructor(setup: EngineSetup, sheets: Sheets = { Sheet1: [] }, names: SerializedNamedExpression[] = []) {
    if (!setup.store.isReady()) {
      throw new Error("the assumption store must be ready (store.activate) before the engine is created");
    }
    registerInfraFunctions(setup.entries, {
      scenarioIds: () => setup.store.knownIds(),
      spillBound: (id, shapes) => whatIfSpillBound(id, shapes, setup.store.active),
    });
    this.store = setup.store;
    // Excel's TRUE and FALSE constants (HyperFormula knows only the functions TRUE() and FALSE()), and
    // INFRA_ACTIVE as the engine's active set's handle: it replaces a workbook's own INFRA_ACTIVE (which
    // points at the stored set's handle cell), so `recalc --scenario` computes those formulas with that set too.
    const constants = [
      { name: "TRUE", expression: "=TRUE()" },
      { name: "FALSE", expression: "=FALSE()" },
      { name: ACTIVE_NAME, expression: this.activeExpression() },
    ];
    const own = names.filter((n) => n.name.toUpperCase() !== ACTIVE_NAME || n.scope !== undefined);
    this.hf = HyperFormula.buildFromSheets(sheets, setup.date1904 ? { ...EXCEL_CONFIG, ...DATE_1904 } : EXCEL_CONFIG, [...constants, ...own]);
    this.unsubscribe = setup.store.onChange(() => this.recalculate());
  }

  /** INFRA_ACTIVE as the workbook in Excel has it: the active set's handle (empty text when none can be read). */
  private activeExpression(): string {
    return `="${(this.store.activeHandle() ?? "").replace(/"/g, '""')}"`;
  }

  /**
   * Recomputes everything, including the size of spilled tables (a set change
   * can change it). HyperFormula's rebuildAndRecalculate() would read a spilled
   * table's cells back as typed values, which then block the table (#SPILL!)
   * and keep the old set's numbers; so every sheet gets back what was typed
   * (formulas and values, no spilled results) and every formula is parsed,
   * sized and computed afresh.
   */
  recalculate(): void {
    this.hf.changeNamedExpression(ACTIVE_NAME, this.activeExpression());
    const hf = this.hf;
    const typed = hf.getSheetNames().map((name) => {
      const sheet = this.sheetId(name);
      return { sheet, content: this.typedContent(sheet) };
    });
    hf.batch(() => {
      for (const { sheet, content } of typed) hf.setSheetContent(sheet, content);
    });
    hf.clearUndoStack(); // nothing to undo: the sheets hold what they held
    for (const listener of this.listeners) listener();
  }

  /** What was typed in `sheet`: its formulas and values, without the cells tables spilled into. */
  private typedContent(sheet: number): RawCellContent[][] {
    return this.hf.getSheetSerialized(sheet).map((row, r) =>
      row.map((content, col) => {
        if (content === null || content === undefined) return null;
        const address = { sheet, row: r, col };
        return this.hf.isCellPartOfArray(address) && this.hf.getCellFormula(address) === undefined ? null : content;
      }),
    );
  }

  /** Called after every recalculation caused by a set change. */
  onRecalculate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named "${name}"`);
    return id;
  }

  /** Sets one cell (`row`, `col` 0-based) to a value or `=formula`. */
  setCell(sheet: string, row: number, col: number, content: RawCellContent): void {
    const id = this.sheetId(sheet);
    this.hf.setCellContents({ sheet: id, row, col }, [[content]]);
    if (content === null || content === "") this.respillBlocked(id);
  }

  /**
   * Tables in `sheet` showing #SPILL! get their formula entered again:
   * HyperFormula leaves a table blocked after the cell in its way is cleared,
   * where Excel spills it again.
   */
  private respillBlocked(sheet: number): void {
    const blocked: Array<{ row: number; col: number; formula: string }> = [];
    this.hf.getSheetFormulas(sheet).forEach((row, r) =>
      row.forEach((formula, col) => {
        if (!formula) return;
        const value = this.hf.getCellValue({ sheet, row: r, col });
        if (value instanceof DetailedCellError && value.type === ErrorType.SPILL) blocked.push({ row: r, col, formula });
      }),
    );
    if (blocked.length === 0) return;
    this.hf.batch(() => {
      for (const { row, col, formula } of blocked) this.hf.setCellContents({ sheet, row, col }, [[formula]]);
    });
  }

  value(sheet: string, row: number, col: number): EngineValue {
    return toEngineValue(this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col }));
  }

  /**
   * What a formula in `sheet!row,col` evaluates to: one value, or the whole
   * spilled table when it spills.
   */
  result(sheet: string, row: number, col: number): EngineValue | EngineValue[][] {
    const address = { sheet: this.sheetId(sheet), row, col };
    const range = this.hf.isCellPartOfArray(address) ? this.hf.getCellFormula(address) && this.spillRange(address) : undefined;
    if (!range) return this.value(sheet, row, col);
    return trimEmptyEdges(this.hf.getRangeValues(range).map((r) => r.map(toEngineValue)));
  }

  private spillRange(address: { sheet: number; row: number; col: number }) {
    // The spilled area: from the anchor right and down while cells belong to this array.
    let height = 1;
    let width = 1;
    const part = (row: number, col: number) =>
      this.hf.isCellPartOfArray({ ...address, row, col }) && this.hf.getCellFormula({ ...address, row, col }) === undefined;
    while (part(address.row + height, address.col)) height++;
    while (part(address.row, address.col + width)) width++;
    if (height === 1 && width === 1) return undefined;
    return { start: address, end: { ...address, row: address.row + height - 1, col: address.col + width - 1 } };
  }

  destroy(): void {
    this.unsubscribe();
    this.listeners.clear();
    this.hf.destroy();
  }
}
