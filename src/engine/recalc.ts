/**
 * Recalculates the INFRA formulas of an .xlsx file without Excel: reads it
 * with exceljs, computes every INFRA formula and every formula that depends
 * on one in the embedded engine (with the assumption set stored in the
 * workbook, or a named bundled one), writes the values as those cells' cached
 * results (formulas kept) and leaves every other cell as it was.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { RawCellContent, SimpleCellAddress, SimpleCellRange } from "hyperformula";
import { createEngine, UnknownScenarioError, type InfraEngine } from "./node";
import { toEngineValue, trimEmptyEdges, type EngineValue } from "./engine";
import { readStoredState, type StoredStateResult } from "./stored-state";

/** Larger files are refused: exceljs holds the whole workbook in memory. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/**
 * Larger uncompressed contents are refused before exceljs reads them: an .xlsx
 * is a zip, and a small, highly compressed file can unpack to gigabytes.
 */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Beyond this many cells the engine and exceljs together need more memory than a laptop spares. */
export const MAX_CELLS = 2_000_000;
/** Progress is reported for workbooks with at least this many cells to compute. */
export const PROGRESS_THRESHOLD = 2_000;

/** Bad input (missing file, not an xlsx, too large): nothing is written. */
export class RecalcInputError extends Error {}

export interface RecalcOptions {
  /** A bundled set id to use instead of the workbook's stored set. */
  scenario?: string | null;
  /**
   * Allow OUT to be IN. Off by default: exceljs does not write back charts,
   * pivot tables, slicers or macros, so overwriting the input can lose them.
   */
  force?: boolean;
  /** Progress lines (the command line sends them to stderr). */
  progress?: (line: string) => void;
}

export interface FailedCell {
  cell: string;
  error: string;
  message: string;
}

export interface RecalcReport {
  output: string;
  /** Where the assumption set came from. */
  set: string;
  /** Cells whose cached result was written. */
  computed: number;
  /** Cells that compute to an error, and why. */
  failed: FailedCell[];
  /** Things exceljs could not carry over, said up front. */
  warnings: string[];
}

const INFRA_CALL = /(^|[^A-Za-z0-9_.])INFRA\./i;

/**
 * A formula as the engine reads it. Files store functions added after Excel
 * 2007 with a `_xlfn.` prefix, and add-in functions as `_xldudf_INFRA_NAME`
 * when saved where the add-in was not loaded.
 */
export function engineFormula(formula: string): string {
  return formula
    .replace(/_xldudf_INFRA_([A-Z0-9_]+)\s*\(/gi, (_m, name: string) => `INFRA.${name.toUpperCase()}(`)
    .replace(/_xlfn\._xlws\./gi, "")
    .replace(/_xlfn\./gi, "")
    .replace(/_xlws\./gi, "");
}

/** Excel's serial date (1900 system) for a JavaScript date read from the file (UTC). */
export function excelSerial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function cellContent(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  // Text that looks like a formula stays text (the engine's apostrophe prefix).
  if (typeof v === "string") return /^[=']/.test(v) ? `'${v}` : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return excelSerial(v);
  if (cell.type === ExcelJS.ValueType.Formula) return `=${engineFormula(cell.formula)}`;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return v.error;
    if ("text" in v && typeof v.text === "string") return v.text; // hyperlink
  }
  return null;
}

/** Whether `outPath` names the file `inPath` is (same path, or a link to it). */
function sameFile(inPath: string, inStat: fs.Stats, outPath: string): boolean {
  if (path.resolve(inPath) === path.resolve(outPath)) return true;
  const outStat = fs.statSync(outPath, { throwIfNoEntry: false });
  return outStat !== undefined && outStat.dev === inStat.dev && outStat.ino === inStat.ino;
}

function checkInput(inPath: string, outPath: string, force: boolean): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(inPath);
  } catch {
    throw new RecalcInputError(`input ${inPath} does not exist`);
  }
  if (!stat.isFile()) throw new RecalcInputError(`input ${inPath} is not a file`);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new RecalcInputError(
      `input ${inPath} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; recalc reads files up to ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
    );
  }
  const head = Buffer.alloc(4);
  const fd = fs.openSync(inPath, "r");
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  // An .xlsx is a zip archive; .xls, .csv and .xlsb-as-text are refused before parsing.
  if (head.toString("binary") !== "PK\x03\x04") {
    throw new RecalcInputError(`input ${inPath} is not an .xlsx workbook (not a zip archive); save it as .xlsx first`);
  }
  const outDir = path.dirname(path.resolve(outPath));
  if (!fs.existsSync(outDir)) throw new RecalcInputError(`output folder ${outDir} does not exist`);
  if (!/\.xlsx$/i.test(outPath)) throw new RecalcInputError(`output ${outPath} must end in .xlsx`);
  if (!force && sameFile(inPath, stat, outPath)) {
    throw new RecalcInputError(
      `output ${outPath} is the input file; exceljs does not write back charts, pivot tables, slicers or macros, so write to another file, or pass --force to overwrite the input`,
    );
  }
}

/** The size an entry declares it unpacks to (JSZip keeps it, read from the zip's directory, on a private field). */
function uncompressedSize(entry: JSZip.JSZipObject): number {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === "number" ? size : 0;
}

/**
 * Reads the zip's directory only (nothing is unpacked): refuses a workbook
 * whose entries unpack to more than MAX_UNCOMPRESSED_BYTES, and names the
 * parts exceljs does not write back. An entry that unpacks to more than it
 * declares is refused by JSZip when exceljs reads it ("size mismatch").
 */
async function inspectZip(inPath: string): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(fs.readFileSync(inPath));
  } catch (e) {
    throw new RecalcInputError(`input ${inPath} is not a readable .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`);
  }
  const total = Object.values(zip.files).reduce((sum, entry) => sum + (entry.dir ? 0 : uncompressedSize(entry)), 0);
  if (total > MAX_UNCOMPRESSED_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
    throw new RecalcInputError(
      `input ${inPath} unpacks to ${mb(total)}; recalc reads workbooks up to ${mb(MAX_UNCOMPRESSED_BYTES)} uncompressed`,
    );
  }
  const names = Object.keys(zip.files);
  const found: string[] = [];
  if (names.some((n) => n.startsWith("xl/charts/"))) found.push("charts");
  if (names.some((n) => n.startsWith("xl/pivotTables/"))) found.push("pivot tables");
  if (names.some((n) => n.startsWith("xl/slicers/"))) found.push("slicers");
  if (names.some((n) => /^xl\/.*vbaProject\.bin$/.test(n))) found.push("macros");
  return found;
}

interface Loaded {
  workbook: ExcelJS.Workbook;
  sheets: Record<string, RawCellContent[][]>;
  cells: number;
}

async function load(inPath: string): Promise<Loaded> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(inPath);
  } catch (e) {
    throw new RecalcInputError(`input ${inPath} is not a readable .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`);
  }
  const sheets: Record<string, RawCellContent[][]> = {};
  let cells = 0;
  for (const ws of workbook.worksheets) {
    const grid: RawCellContent[][] = [];
    // Cells inside a stored array formula's range hold its cached spill: the engine recomputes them.
    const spillCells = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const model = cell.value as { shareType?: string; ref?: string } | null;
        if (cell.type === ExcelJS.ValueType.Formula && model?.shareType === "array" && model.ref) {
          const [from, to] = model.ref.split(":");
          if (to) {
            const a = ws.getCell(from);
            const b = ws.getCell(to);
            for (let r = Number(a.row); r <= Number(b.row); r++) {
              for (let c = Number(a.col); c <= Number(b.col); c++) if (r !== Number(cell.row) || c !== Number(cell.col)) spillCells.add(`${r},${c}`);
            }
          }
        }
      });
    });
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (spillCells.has(`${rowNumber},${colNumber}`)) return;
        const content = cellContent(cell);
        if (content === null) return;
        (grid[rowNumber - 1] ??= [])[colNumber - 1] = content;
        cells++;
      });
    });
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    sheets[ws.name] = grid;
    if (cells > MAX_CELLS) {
      throw new RecalcInputError(`input ${inPath} has more than ${MAX_CELLS.toLocaleString("en-US")} cells; recalc handles up to that`);
    }
  }
  return { workbook, sheets, cells };
}

/** Every INFRA formula cell and every formula that depends on one, transitively. */
function cellsToCompute(engine: InfraEngine, sheets: Record<string, RawCellContent[][]>): SimpleCellAddress[] {
  const hf = engine.hf;
  const key = (a: SimpleCellAddress | SimpleCellRange): string =>
    "start" in a ? `${key(a.start)}-${key(a.end)}` : `${a.sheet}:${a.row}:${a.col}`;
  const seen = new Set<string>();
  const queue: (SimpleCellAddress | SimpleCellRange)[] = [];
  const push = (a: SimpleCellAddress | SimpleCellRange) => {
    if (seen.has(key(a))) return;
    seen.add(key(a));
    queue.push(a);
  };
  for (const [name, grid] of Object.entries(sheets)) {
    const sheet = engine.sheetId(name);
    grid.forEach((row, r) =>
      row?.forEach((content, c) => {
        if (typeof content === "string" && content.startsWith("=") && INFRA_CALL.test(content)) push({ sheet, row: r, col: c });
      }),
    );
  }
  for (let i = 0; i < queue.length; i++) {
    const a = queue[i];
    // A spilled table's cells are referenced one by one: follow each of them.
    const sources: (SimpleCellAddress | SimpleCellRange)[] = [a];
    if (!("start" in a) && hf.isCellPartOfArray(a)) sources.push(...spillArea(engine, a));
    for (const source of sources) {
      for (const d of hf.getCellDependents(source)) {
        // A range that contains the cell: the formulas reading the range come next.
        if ("start" in d || hf.doesCellHaveFormula(d)) push(d);
      }
    }
  }
  return queue.filter((a): a is SimpleCellAddress => !("start" in a));
}

function spillArea(engine: InfraEngine, anchor: SimpleCellAddress): SimpleCellAddress[] {
  const hf = engine.hf;
  const out: SimpleCellAddress[] = [];
  const inArray = (row: number, col: number) => {
    const a = { sheet: anchor.sheet, row, col };
    return hf.isCellPartOfArray(a) && !hf.doesCellHaveFormula(a);
  };
  let height = 1;
  let width = 1;
  while (inArray(anchor.row + height, anchor.col)) height++;
  while (inArray(anchor.row, anchor.col + width)) width++;
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) if (r || c) out.push({ sheet: anchor.sheet, row: anchor.row + r, col: anchor.col + c });
  return out;
}

/** A block of cells, 1-based as exceljs numbers them. */
interface Area {
  row: number;
  col: number;
  height: number;
  width: number;
}

/** The area an array formula read from the file covers, or undefined for any other cell. */
function arrayArea(ws: ExcelJS.Worksheet, value: unknown): Area | undefined {
  const model = value as { shareType?: string; ref?: string } | null;
  if (model?.shareType !== "array" || !model.ref) return undefined;
  const [from, to = from] = model.ref.split(":");
  const a = ws.getCell(from);
  const b = ws.getCell(to);
  return { row: Number(a.row), col: Number(a.col), height: Number(b.row) - Number(a.row) + 1, width: Number(b.col) - Number(a.col) + 1 };
}

/**
 * Empties the cached values an array formula read from the file left in its
 * area (the anchor and any formula cells excepted). The engine never saw them
 * (load skips them), so the new table, written after, decides what is there.
 */
function clearArea(ws: ExcelJS.Worksheet, area: Area): void {
  for (let r = area.row; r < area.row + area.height; r++) {
    for (let c = area.col; c < area.col + area.width; c++) {
      if (r === area.row && c === area.col) continue;
      const target = ws.getCell(r, c);
      if (target.value !== null && target.type !== ExcelJS.ValueType.Formula) target.value = null;
    }
  }
}

/** A value as exceljs stores a cached formula result. */
function cachedResult(v: EngineValue): ExcelJS.CellValue {
  if (v === null) return 0; // Excel caches an empty result as 0
  if (typeof v === "object") return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return v;
}

function a1(row: number, col: number): string {
  let c = col + 1;
  let letters = "";
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

function describeStored(stored: StoredStateResult): string {
  if (stored.kind === "stored") return `the workbook's stored set "${stored.state.active.id}" (version ${stored.state.active.version})`;
  if (stored.kind === "unreadable") return `none usable (the workbook's stored set cannot be read: ${stored.reason})`;
  return "the default set (the workbook stores none)";
}

export async function recalcWorkbook(inPath: string, outPath: string, options: RecalcOptions = {}): Promise<RecalcReport> {
  const progress = options.progress ?? (() => undefined);
  checkInput(inPath, outPath, options.force === true);
  const warnings = (await inspectZip(inPath)).map(
    (part) => `${path.basename(inPath)} has ${part}; exceljs does not write them back, so the output lacks them`,
  );
  const { workbook, sheets, cells } = await load(inPath);
  progress(`recalc: read ${path.basename(inPath)}: ${workbook.worksheets.length} sheets, ${cells.toLocaleString("en-US")} cells`);

  const stored = readStoredState(workbook);
  // What the reader found about the stored sets (a renamed altered copy, an older reference version).
  if (stored.kind === "stored") warnings.push(...(stored.notices ?? []));
  let setDescription: string;
  let engine: InfraEngine;
  try {
    if (options.scenario) {
      engine = await createEngine(sheets, { scenario: options.scenario });
      setDescription = `bundled set "${options.scenario}" (--scenario)`;
    } else if (stored.kind === "stored") {
      engine = await createEngine(sheets, { workbookSets: stored.state });
      setDescription = describeStored(stored);
    } else if (stored.kind === "unreadable") {
      // As in Excel: cells relying on the active set show #N/A with the reason (set before the engine computes).
      engine = await createEngine(sheets, { unreadable: stored.reason });
      setDescription = describeStored(stored);
    } else {
      engine = await createEngine(sheets, { scenario: "call-2026-02" });
      setDescription = describeStored(stored);
    }
  } catch (e) {
    if (e instanceof UnknownScenarioError) throw new RecalcInputError(e.message);
    throw e;
  }

  try {
    const targets = cellsToCompute(engine, sheets);
    const large = targets.length >= PROGRESS_THRESHOLD;
    progress(`recalc: ${targets.length.toLocaleString("en-US")} cells to write (INFRA formulas and the cells that depend on them); set: ${setDescription}`);
    const failed: FailedCell[] = [];
    const sheetNames = workbook.worksheets.map((ws) => ws.name);
    let written = 0;
    let nextReport = 0.1;
    // First the stale cached tables of the arrays being recomputed, so no table written below is cleared by another's.
    for (const address of targets) {
      const ws = workbook.getWorksheet(engine.hf.getSheetName(address.sheet) as string) as ExcelJS.Worksheet;
      const area = arrayArea(ws, ws.getCell(address.row + 1, address.col + 1).value);
      if (area) clearArea(ws, area);
    }
    for (const address of targets) {
      const sheetName = engine.hf.getSheetName(address.sheet) as string;
      const ws = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
      const cell = ws.getCell(address.row + 1, address.col + 1);
      const value = toEngineValue(engine.hf.getCellValue(address));
      const original = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      const name = `${sheetNames.length > 1 || sheetName !== "Sheet1" ? `${quoteSheet(sheetName)}!` : ""}${a1(address.row, address.col)}`;
      if (typeof value === "object" && value !== null) failed.push({ cell: name, error: value.error, message: value.message });
      const spill = engine.hf.isCellPartOfArray(address) ? spillArea(engine, address) : [];
      if (spill.length > 0) {
        // A spilled table: the anchor keeps its formula as an array formula over the table, the other cells hold values, as Excel stores them.
        // The engine sizes the spill for the largest table any set gives; the array covers only the rows and columns
        // holding values (Excel shows #N/A in the cells of an array formula beyond its result).
        const last = spill[spill.length - 1];
        const grid: EngineValue[][] = [];
        for (let r = address.row; r <= last.row; r++) {
          const row: EngineValue[] = [];
          for (let c = address.col; c <= last.col; c++) row.push(r === address.row && c === address.col ? value : toEngineValue(engine.hf.getCellValue({ sheet: address.sheet, row: r, col: c })));
          grid.push(row);
        }
        const table = trimEmptyEdges(grid);
        const height = table.length;
        const width = table[0].length;
        const ref = height === 1 && width === 1 ? a1(address.row, address.col) : `${a1(address.row, address.col)}:${a1(address.row + height - 1, address.col + width - 1)}`;
        cell.value = { formula: cell.formula, result: cachedResult(value), shareType: "array", ref } as ExcelJS.CellFormulaValue;
        table.forEach((row, r) =>
          row.forEach((v, c) => {
            if (r === 0 && c === 0) return;
            const target = ws.getCell(address.row + r + 1, address.col + c + 1);
            target.value = v === null ? null : typeof v === "object" ? { error: v.error as ExcelJS.CellErrorValue["error"] } : v;
          }),
        );
      } else if (arrayArea(ws, original)) {
        // Stored as an array formula over a table, now one value: an array formula over its own cell.
        cell.value = { formula: cell.formula, result: cachedResult(value), shareType: "array", ref: a1(address.row, address.col) } as ExcelJS.CellFormulaValue;
      } else {
        cell.value = { ...original, result: cachedResult(value) } as ExcelJS.CellValue;
      }
      written++;
      if (large && written / targets.length >= nextReport) {
        progress(`recalc: ${Math.round((written / targets.length) * 100)}% (${written.toLocaleString("en-US")} of ${targets.length.toLocaleString("en-US")})`);
        nextReport += 0.1;
      }
    }
    progress(`recalc: writing ${path.basename(outPath)}`);
    const temp = path.join(path.dirname(path.resolve(outPath)), `.${path.basename(outPath)}.${process.pid}.tmp`);
    try {
      await workbook.xlsx.writeFile(temp);
      fs.renameSync(temp, outPath);
    } finally {
      fs.rmSync(temp, { force: true });
    }
    return { output: outPath, set: setDescription, computed: written, failed, warnings };
  } finally {
    engine.destroy();
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
