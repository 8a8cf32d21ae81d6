/**
 * Recalculates the INFRA formulas of an .xlsx file without Excel, patching
 * the file rather than rewriting it: the package is read once (src/engine/
 * xlsx-package.ts), every INFRA formula and every formula that depends on one
 * is computed in the embedded engine (with the workbook's stored assumption
 * set, or a named bundled one), and only those cells' cached values (`<v>`,
 * and `t` where the value's type changes) are changed in their worksheet
 * parts. Every other part, and every other byte of those parts, is copied as
 * it was (src/engine/xlsx-zip.ts copies untouched entries' compressed bytes).
 *
 * What the file format asks of such an edit (ECMA-376 Part 1, 18.6): the
 * calculation chain (xl/calcChain.xml) lists the cells that hold formulas, in
 * the order they were last calculated; it is optional and an application may
 * rebuild it. Patching cached values adds and removes no formula, so the chain
 * stays true and is kept byte for byte. `fullCalcOnLoad` is not set: the
 * values written are the ones Excel computes, and a full calculation on open
 * would turn every INFRA cell into #NAME? for a colleague without the add-in
 * (Excel does not recalculate non-volatile custom functions on open
 * otherwise). Cells whose value could not be computed keep their cached value
 * and are listed, so nothing stale is passed off as fresh.
 */
import fs from "node:fs";
import path from "node:path";
import { HyperFormula, type RawCellContent, type SerializedNamedExpression, type SimpleCellAddress, type SimpleCellRange } from "hyperformula";
import { loadCatalog } from "../functions/catalog";
import { createEngine, UnknownScenarioError, type InfraEngine } from "./node";
import { EXCEL_CONFIG, toEngineValue, trimEmptyEdges, type EngineValue } from "./engine";
import { readStoredStateCells, STATE_SHEET, type StoredStateResult } from "./stored-state";
import { PackageError, readPackage, type DefinedName, type PackageSheet, type WorkbookPackage } from "./xlsx-package";
import { writeZip, ZipFormatError, ZipLimitError } from "./xlsx-zip";
import {
  applyEdits,
  cellPrefix,
  cellValue,
  EXCEL_ERRORS,
  formulaValueEdits,
  keptPlainAttributes,
  plainCellXml,
  sameValue,
  type CachedValue,
  type CellContext,
  type Edit,
  type SheetCell,
} from "./xlsx-sheet";
import { a1, areaText, forEachReferenceToken, parseA1, REFERENCE_TOKENS, shiftFormula, type Area } from "./xlsx-xml";

/** Larger files are refused before they are read. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/**
 * The parts recalc unpacks (workbook, shared strings, worksheets) may unpack
 * to this much in all; counted while inflating, so a zip that understates a
 * part's size is stopped at the limit, not after it.
 */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/**
 * Cells in all worksheets together, counted while the sheets stream. A run
 * takes about 1 kB a cell (engine, parsed sheets, edits; 290 MB peak for
 * 100,000 cells, of which 175 MB is the process itself), so about 1 GB here.
 */
export const MAX_CELLS = 1_000_000;
/** Excel's own limit on a formula's length. */
export const MAX_FORMULA_CHARS = 8_192;
/**
 * Operators in one formula: the engine's parser and
 * evaluator recurse once per operator of a chain and run out of stack past
 * about a thousand (`B1+B2+…+B1300` does); beyond this the formula is listed
 * as unreadable instead.
 */
export const MAX_FORMULA_OPERATORS = 500;
/** Progress is reported for workbooks with at least this many cells to compute. */
export const PROGRESS_THRESHOLD = 2_000;

/** Bad input (missing file, not an xlsx, too large): nothing is written. */
export class RecalcInputError extends Error {}

export interface RecalcOptions {
  /** A bundled set id to use instead of the workbook's stored set. */
  scenario?: string | null;
  /** Allow OUT to be IN (the file is replaced only once the new one is complete). */
  force?: boolean;
  /** Progress lines (the command line sends them to stderr). */
  progress?: (line: string) => void;
}

export interface FailedCell {
  cell: string;
  error: string;
  message: string;
}

export interface ListedCell {
  cell: string;
  reason: string;
}

export interface RecalcReport {
  output: string;
  /** Whether OUT was written (not when there was nothing to compute or change). */
  written: boolean;
  /** Where the assumption set came from. */
  set: string;
  /** Cells computed: INFRA formulas and the formulas that depend on them. */
  computed: number;
  /** Of those, cells whose cached value changed in the file. */
  changed: number;
  /** Cells that compute to an error, and why. */
  failed: FailedCell[];
  /** Formulas the engine cannot read that involve INFRA cells: their cached values are kept. */
  unreadable: ListedCell[];
  /** Cells not recomputed because they depend on such a formula (or on a value Excel cannot show): cached values kept. */
  withheld: ListedCell[];
  warnings: string[];
}

const INFRA_CALL = /(^|[^A-Za-z0-9_.])INFRA\./i;

/**
 * A formula as the engine reads it. Files store functions added after Excel
 * 2007 with a `_xlfn.` prefix, and add-in functions as `_xldudf_INFRA_NAME`
 * when saved where the add-in was not loaded.
 */
export function engineFormula(formula: string): string {
  // Most formulas have neither a prefix nor a capital exponent: nothing to rewrite.
  if (!/_x/i.test(formula) && !/[\d.]E/.test(formula)) return formula;
  return (
    formula
      .replace(/_xldudf_INFRA_([A-Z0-9_]+)\s*\(/gi, (_m, name: string) => `INFRA.${name.toUpperCase()}(`)
      .replace(/_xlfn\._xlws\./gi, "")
      .replace(/_xlfn\./gi, "")
      .replace(/_xlws\./gi, "")
      // Excel saves numbers with a capital exponent (6E+1); the engine reads only a small one. Text in quotes is left alone.
      .replace(REFERENCE_TOKENS, (token) => (/^[\d.]/.test(token) ? token.replace("E", "e") : token))
  );
}

/** Operators in a formula (outside text): the engine reads formulas recursively, one level per operator in a chain. */
function operatorCount(formula: string): number {
  return formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, "").match(/[-+*/^&=<>]/g)?.length ?? 0;
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
    throw new RecalcInputError(`input ${inPath} is ${mb(stat.size)}; recalc reads files up to ${mb(MAX_INPUT_BYTES)}`);
  }
  const head = Buffer.alloc(4);
  const fd = fs.openSync(inPath, "r");
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new RecalcInputError(`input ${inPath} is password-protected or an old .xls file; recalc reads unprotected .xlsx workbooks`);
  }
  // An .xlsx is a zip archive; .xls, .csv and .xlsb-as-text are refused before parsing.
  if (head.toString("binary") !== "PK\x03\x04") {
    throw new RecalcInputError(`input ${inPath} is not an .xlsx workbook (not a zip archive); save it as .xlsx first`);
  }
  const outDir = path.dirname(path.resolve(outPath));
  if (!fs.existsSync(outDir)) throw new RecalcInputError(`output folder ${outDir} does not exist`);
  if (!/\.xlsx$/i.test(outPath)) throw new RecalcInputError(`output ${outPath} must end in .xlsx`);
  // lstat: a link at OUT is replaced, never followed (writeAtomically); a folder cannot be replaced by a file.
  if (fs.lstatSync(outPath, { throwIfNoEntry: false })?.isDirectory()) {
    throw new RecalcInputError(`output ${outPath} is a folder; name the .xlsx file to write`);
  }
  if (!force && sameFile(inPath, stat, outPath)) {
    throw new RecalcInputError(`output ${outPath} is the input file; write to another file, or pass --force to replace the input`);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}

async function readWorkbook(inPath: string): Promise<WorkbookPackage> {
  try {
    return await readPackage(fs.readFileSync(inPath), { maxUnpackedBytes: MAX_UNCOMPRESSED_BYTES, maxCells: MAX_CELLS }, mb(MAX_UNCOMPRESSED_BYTES));
  } catch (e) {
    if (e instanceof ZipLimitError || e instanceof PackageError) throw new RecalcInputError(`input ${inPath}: ${e.message}`);
    if (e instanceof ZipFormatError) throw new RecalcInputError(`input ${inPath} is not a readable .xlsx workbook: ${e.message}`);
    throw e;
  }
}

/** One worksheet as recalc sees it. */
interface SheetModel {
  name: string;
  pkg: PackageSheet;
  /** Cells by row × 16,384 + column. */
  cells: Map<number, SheetCell>;
  /** Formula text (as in the file, shared formulas resolved) by cell key. */
  formulas: Map<number, string>;
  /** The same formulas as the engine reads them (engineFormula). */
  engineFormulas: Map<number, string>;
  prefix: string;
  /** Whether each formula cell can spill, as asked (formulaMaySpill reads the text: once a cell is enough). */
  spills: Map<number, boolean>;
}

const key = (row: number, col: number) => row * 16_384 + col;

function sheetModels(pkg: WorkbookPackage): SheetModel[] {
  return pkg.sheets.map((sheet) => {
    const cells = new Map<number, SheetCell>();
    const formulas = new Map<number, string>();
    const masters = new Map<string, SheetCell>();
    const rows = sheet.parsed?.rows ?? [];
    for (const row of rows) {
      for (const cell of row.cells) {
        cells.set(key(cell.row, cell.col), cell);
        const f = cell.formula;
        if (f?.kind === "shared" && f.si !== undefined && f.text !== null && f.text !== "") masters.set(f.si, cell);
      }
    }
    for (const cell of cells.values()) {
      const f = cell.formula;
      if (!f) continue;
      if (f.kind === "shared") {
        const master = f.si === undefined ? undefined : masters.get(f.si);
        if (!master) continue; // a shared formula without its master: Excel would not open it either; its cached value stays
        formulas.set(key(cell.row, cell.col), shiftFormula(master.formula!.text as string, cell.row - master.row, cell.col - master.col));
      } else if (f.text) formulas.set(key(cell.row, cell.col), f.text);
    }
    const first = rows.find((r) => r.cells.length)?.cells[0];
    const engineFormulas = new Map([...formulas].map(([k, text]) => [k, engineFormula(text)]));
    return { name: sheet.name, pkg: sheet, cells, formulas, engineFormulas, prefix: sheet.parsed ? cellPrefix(sheet.parsed.xml, first) : "", spills: new Map() };
  });
}

function describeStored(stored: StoredStateResult): string {
  if (stored.kind === "stored") return `the workbook's stored set "${stored.state.active.id}" (version ${stored.state.active.version})`;
  if (stored.kind === "unreadable") return `none usable (the workbook's stored set cannot be read: ${stored.reason})`;
  return "the default set (the workbook stores none)";
}

function storedState(models: SheetModel[], book: CellContext): StoredStateResult {
  const sheet = models.find((m) => m.name === STATE_SHEET);
  if (!sheet) return { kind: "empty" };
  const read = (row: number, col: number): unknown => {
    const cell = sheet.cells.get(key(row - 1, col - 1));
    const v = cell ? cellValue(cell, book) : null;
    if (v === null) return "";
    return typeof v === "object" ? v.error : v;
  };
  const hasData = [...sheet.cells.values()].some((c) => cellValue(c, book) !== null);
  return readStoredStateCells(read, hasData);
}

/** Why the engine cannot read a formula, or null when it can. */
class FormulaScreen {
  /** An empty engine to parse with, built only if a formula needs checking (most workbooks have none). */
  private scratch: HyperFormula | undefined;
  private readonly functions: Set<string>;
  private readonly cache = new Map<string, string | null>();

  constructor(
    infraIds: Iterable<string>,
    private readonly unloadedNames: Set<string>,
  ) {
    this.functions = new Set([...HyperFormula.getRegisteredFunctionNames("enGB"), ...[...infraIds].map((id) => `INFRA.${id}`)]);
  }

  reason(fileFormula: string, formula: string): string | null {
    if (fileFormula.length > MAX_FORMULA_CHARS) return `the formula is ${fileFormula.length.toLocaleString("en-US")} characters long; Excel allows ${MAX_FORMULA_CHARS.toLocaleString("en-US")}`;
    // A formula shorter than the limit cannot hold more operators than that: no need to count.
    const operators = formula.length > MAX_FORMULA_OPERATORS ? operatorCount(formula) : 0;
    if (operators > MAX_FORMULA_OPERATORS) {
      return `it is nested too deeply for the engine to read (${operators.toLocaleString("en-US")} operators; the engine reads up to ${MAX_FORMULA_OPERATORS})`;
    }
    const cached = this.cache.get(formula);
    if (cached !== undefined) return cached;
    const reason = this.check(formula);
    this.cache.set(formula, reason);
    return reason;
  }

  private check(formula: string): string | null {
    let reason: string | null = null;
    forEachReferenceToken(formula, (start, end, kind) => {
      if (reason !== null) return;
      if (kind === "bracket") {
        reason = "it uses a structured reference (a table column) or a reference to another workbook, which the engine does not read";
        return;
      }
      if (kind !== "name") return;
      const token = formula.slice(start, end);
      let at = end;
      while (formula.charCodeAt(at) === 0x20) at++;
      const next = formula[at];
      if (/^_xlpm\./i.test(token)) reason = "it uses LET or LAMBDA, which the engine does not compute";
      else if (next === "(") {
        const name = token.toUpperCase();
        if (name === "LET" || name === "LAMBDA") reason = `it uses ${name}, which the engine does not compute`;
        else if (!this.functions.has(name)) reason = `it uses the function ${token}, which the engine does not know`;
      } else if (next !== "!" && this.unloadedNames.has(token.toLowerCase())) {
        reason = `it uses the name ${token}, whose definition the engine cannot read`;
      }
    });
    return reason;
  }

  /**
   * Whether the engine can parse a formula (checked only for cells showing
   * the engine's parse error after the build: parsing every formula twice
   * would double the cost of a large workbook).
   */
  parseProblem(formula: string): string | null {
    try {
      this.scratch ??= HyperFormula.buildEmpty({ ...EXCEL_CONFIG });
      return this.scratch.validateFormula(`=${formula}`) ? null : "the engine cannot parse it";
    } catch (e) {
      if (e instanceof RangeError) return "it is nested too deeply (or is too long) for the engine to read";
      return `the engine cannot parse it: ${(e as Error).message}`;
    }
  }

  destroy(): void {
    this.scratch?.destroy();
  }
}

/**
 * Which cells a formula reads, as sheet-qualified areas, or "any" when that
 * cannot be told from its text (names, INDIRECT, OFFSET, tables, other books).
 */
function referencedAreas(formula: string, home: string): { sheet: string; area: Area }[] | "any" {
  const out: { sheet: string; area: Area }[] = [];
  let any = false;
  let pendingSheet: string | undefined;
  let lastCell: { area: Area; end: number } | undefined;
  forEachReferenceToken(formula, (start, end, kind) => {
    if (any) return;
    const next = formula[end];
    if (kind === "bracket") {
      any = true;
      return;
    }
    if (kind === "quoted" || (kind === "name" && next === "!")) {
      pendingSheet = kind === "quoted" ? formula.slice(start + 1, end - 1).replace(/''/g, "'") : formula.slice(start, end);
      return;
    }
    const sheet = pendingSheet ?? home;
    pendingSheet = undefined;
    if (kind === "cell") {
      const at = parseA1(formula.slice(start, end));
      if (!at) {
        any = true;
        return;
      }
      // `A1:B5`: the second corner widens the first.
      if (lastCell && formula.charCodeAt(lastCell.end) === 0x3a && lastCell.end + 1 === start) {
        const prev = lastCell.area;
        prev.top = Math.min(prev.top, at.row);
        prev.left = Math.min(prev.left, at.col);
        prev.bottom = Math.max(prev.bottom, at.row);
        prev.right = Math.max(prev.right, at.col);
        lastCell = undefined;
        return;
      }
      const area = { top: at.row, left: at.col, bottom: at.row, right: at.col };
      out.push({ sheet, area });
      lastCell = { area, end };
    } else if (kind === "columns") {
      const [a, b] = formula
        .slice(start, end)
        .split(":")
        .map((p) => parseA1(`${p.replace("$", "")}1`)?.col ?? 0);
      out.push({ sheet, area: { top: 0, bottom: 1_048_575, left: Math.min(a, b), right: Math.max(a, b) } });
    } else if (kind === "rows") {
      const [a, b] = formula
        .slice(start, end)
        .split(":")
        .map((p) => Number(p.replace("$", "")) - 1);
      out.push({ sheet, area: { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: 16_383 } });
    } else if (kind === "name") {
      const name = formula.slice(start, end).toUpperCase();
      if (next === "(" && (name === "INDIRECT" || name === "OFFSET")) any = true;
      else if (next !== "(" && name !== "TRUE" && name !== "FALSE") any = true; // a defined name
    }
  });
  return any ? "any" : out;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseA1(name.replace(/[^A-Za-z0-9]/g, "")) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Whether the formula at key `k` of a sheet can give a table (see formulaMaySpill); a cell without one: true (ask the engine). */
function cellMaySpill(model: SheetModel, k: number, spilling: ReadonlySet<string>): boolean {
  let spills = model.spills.get(k);
  if (spills === undefined) {
    const formula = model.engineFormulas.get(k);
    spills = formula === undefined || formulaMaySpill(formula, model.cells.get(k), spilling);
    model.spills.set(k, spills);
  }
  return spills;
}

/** Whether a formula's text can give a table (stored as an array, reads a range, has an array constant, calls a table function). */
function formulaMaySpill(formula: string, cell: SheetCell | undefined, spilling: ReadonlySet<string>): boolean {
  if (cell?.formula?.kind === "array" || formula.includes(":") || formula.includes("{")) return true;
  if (!formula.includes("(")) return false;
  let calls = false;
  forEachReferenceToken(formula, (start, end, kind) => {
    if (calls || kind !== "name") return;
    let at = end;
    while (at < formula.length && /\s/.test(formula[at])) at++;
    if (formula[at] === "(" && spilling.has(formula.slice(start, end).toUpperCase())) calls = true;
  });
  return calls;
}

/**
 * Which plain values the engine needs: those a formula or a defined name
 * reads, and those a table might spill over (a value in its way decides
 * #SPILL!). Loading only these keeps the engine small on a large workbook
 * with a few INFRA cells. Undefined (load every value) when a formula's text
 * cannot tell what it reads (names, INDIRECT, OFFSET, tables).
 */
function valuesRead(models: SheetModel[], names: readonly DefinedName[], spilling: ReadonlySet<string>): ((model: SheetModel, row: number, col: number) => boolean) | undefined {
  const single = new Map<string, Set<number>>();
  const areas = new Map<string, Area[]>();
  const anchors = new Map<string, { row: number; col: number }[]>();
  // Sheet names compare without case; most references name the home sheet, so its lower case is kept.
  let lastSheet = "";
  let lastLower = "";
  const lower = (sheet: string) => {
    if (sheet !== lastSheet) {
      lastSheet = sheet;
      lastLower = sheet.toLowerCase();
    }
    return lastLower;
  };
  const read = (sheet: string, area: Area) => {
    const name = lower(sheet);
    if (area.top === area.bottom && area.left === area.right) {
      const set = single.get(name) ?? new Set<number>();
      set.add(key(area.top, area.left));
      single.set(name, set);
    } else {
      const list = areas.get(name) ?? [];
      list.push(area);
      areas.set(name, list);
    }
  };
  let areaCount = 0;
  for (const model of models) {
    for (const [k, formula] of model.engineFormulas) {
      const refs = referencedAreas(formula, model.name);
      if (refs === "any") return undefined;
      for (const r of refs) read(r.sheet, r.area);
      areaCount += refs.length;
      if (cellMaySpill(model, k, spilling)) {
        const name = lower(model.name);
        const list = anchors.get(name) ?? [];
        list.push({ row: Math.floor(k / 16_384), col: k % 16_384 });
        anchors.set(name, list);
      }
    }
  }
  for (const n of names) {
    if (/^_xlnm\./i.test(n.name)) continue;
    // A name's references carry their sheet; one without cannot be placed.
    const refs = referencedAreas(engineFormula(n.formula), "\u0000");
    if (refs === "any" || refs.some((r) => r.sheet === "\u0000")) return undefined;
    for (const r of refs) read(r.sheet, r.area);
  }
  // Checking every value against many ranges would cost more than it saves.
  if (areaCount > 100_000 || [...areas.values()].reduce((n, l) => n + l.length, 0) > 2_000) return undefined;
  return (model, row, col) => {
    const name = lower(model.name);
    if (single.get(name)?.has(key(row, col))) return true;
    if (areas.get(name)?.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right)) return true;
    return anchors.get(name)?.some((a) => a.row <= row && a.col <= col) ?? false;
  };
}

/** Functions whose result can be a table: INFRA's matrix functions and the engine's array functions. */
function spillingFunctions(entries: readonly { metadata: { id: string; result: { dimensionality?: string } } }[]): Set<string> {
  const names = entries.filter((e) => e.metadata.result.dimensionality === "matrix").map((e) => `INFRA.${e.metadata.id}`);
  return new Set([...names, "ARRAYFORMULA", "FILTER", "SORT", "SORTBY", "SEQUENCE", "TRANSPOSE", "MMULT", "UNIQUE", "RANDARRAY", "MINVERSE", "FREQUENCY", "ARRAY_CONSTRAIN", "INDEX", "OFFSET", "CHOOSE", "IF", "IFERROR", "IFS", "SWITCH"]);
}

/** The engine's value as a cached value a cell may hold; non-Excel errors are reported instead. */
function cached(v: EngineValue): CachedValue | { withheld: string } {
  if (v === null) return 0; // Excel caches an empty result as 0
  if (typeof v === "object") {
    if (EXCEL_ERRORS.has(v.error)) return { error: v.error };
    const why = v.error === "#CYCLE!" ? "a circular reference" : `${v.error}${v.message ? ` (${v.message})` : ""}`;
    return { withheld: `the engine computes ${why}, which Excel would not show; the cached value is kept` };
  }
  return v;
}

/**
 * Writes `bytes` to `outPath` through a file created exclusively in a private folder beside it, then renamed over it.
 * A file system refusal (no permission, a full disk, OUT made a folder meanwhile) is a RecalcInputError naming OUT:
 * OUT is then as it was.
 */
function writeAtomically(outPath: string, bytes: Buffer): void {
  try {
    writeThroughPrivateFolder(outPath, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new RecalcInputError(`cannot write ${outPath} (${(e as Error).message}); nothing was written`);
    throw e;
  }
}

function writeThroughPrivateFolder(outPath: string, bytes: Buffer): void {
  const folder = fs.mkdtempSync(path.join(path.dirname(path.resolve(outPath)), ".infra-recalc-"));
  try {
    const temp = path.join(folder, "workbook.xlsx");
    const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      let at = 0;
      while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
      fs.fsyncSync(fd);
      // The permissions a file the user creates would get (the folder is private, the file need not be).
      fs.fchmodSync(fd, 0o666 & ~process.umask());
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, outPath);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** "1 cell", "2 cells", "1,200 cells": the plural only when it is plural. */
function count(n: number, noun: string): string {
  return `${grouped(n)} ${n === 1 ? noun : `${noun}s`}`;
}

/** A whole number with thousands separated by commas ("1,200"), as toLocaleString("en-US") writes it without loading locale data. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export async function recalcWorkbook(inPath: string, outPath: string, options: RecalcOptions = {}): Promise<RecalcReport> {
  const progress = options.progress ?? (() => undefined);
  checkInput(inPath, outPath, options.force === true);
  const pkg = await readWorkbook(inPath);
  const models = sheetModels(pkg);
  progress(`recalc: read ${path.basename(inPath)}: ${count(models.length, "sheet")}, ${count(pkg.cells, "cell")}`);
  const report: RecalcReport = { output: outPath, written: false, set: "", computed: 0, changed: 0, failed: [], unreadable: [], withheld: [], warnings: [] };

  const infraCells = models.reduce((n, m) => n + [...m.engineFormulas.values()].filter((f) => INFRA_CALL.test(f)).length, 0);
  if (infraCells === 0) {
    report.set = "none needed";
    progress(`recalc: ${path.basename(inPath)} has no INFRA formulas; nothing to compute, ${path.basename(outPath)} not written`);
    return report;
  }

  // Sheets for the engine, in the workbook's order; a null-prototype record, so a sheet named "__proto__" is a sheet.
  const catalog = await loadCatalog();
  const names = loadableNames(pkg, models);
  const screen = new FormulaScreen(catalog.byId.keys(), names.unloaded);
  const sheets: Record<string, RawCellContent[][]> = Object.create(null) as Record<string, RawCellContent[][]>;
  const spilling = spillingFunctions(catalog.entries);
  const needed = valuesRead(models, pkg.names, spilling);
  const unreadable = new Map<string, { model: SheetModel; row: number; col: number; formula: string; reason: string }>();
  for (const model of models) {
    const grid: RawCellContent[][] = [];
    // Cells an array formula covers hold its cached result: the engine computes them.
    const covered = new Set<number>();
    for (const cell of model.cells.values()) {
      const ref = cell.formula?.kind === "array" ? cell.formula.ref : undefined;
      if (!ref) continue;
      for (let r = ref.top; r <= ref.bottom; r++) for (let c = ref.left; c <= ref.right; c++) if (r !== cell.row || c !== cell.col) covered.add(key(r, c));
    }
    for (const cell of model.cells.values()) {
      const k = key(cell.row, cell.col);
      if (covered.has(k) && !cell.formula) continue;
      if (needed && !cell.formula && !needed(model, cell.row, cell.col)) continue;
      let content: RawCellContent;
      const text = model.formulas.get(k);
      if (text !== undefined || cell.formula) {
        const formula = model.engineFormulas.get(k);
        const reason =
          cell.formula?.kind === "dataTable"
            ? "it is a what-if data table, which the engine does not compute"
            : formula === undefined
              ? "its shared formula has no master cell"
              : screen.reason(text as string, formula);
        if (reason === null) content = `=${formula}`;
        else {
          unreadable.set(`${model.name}\u0000${k}`, { model, row: cell.row, col: cell.col, formula: text ?? "", reason });
          content = rawContent(cellValue(cell, pkg));
        }
      } else content = rawContent(cellValue(cell, pkg));
      if (content === null) continue;
      (grid[cell.row] ??= [])[cell.col] = content;
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    sheets[model.name] = grid;
  }

  const stored = storedState(models, pkg);
  // What the reader found about the stored sets (a renamed altered copy, an older reference version).
  if (stored.kind === "stored") report.warnings.push(...(stored.notices ?? []));
  let setDescription: string;
  let engine: InfraEngine;
  try {
    const base = { names: names.loaded, date1904: pkg.date1904 };
    if (options.scenario) {
      engine = await createEngine(sheets, { ...base, scenario: options.scenario });
      setDescription = `bundled set "${options.scenario}" (--scenario)`;
    } else if (stored.kind === "stored") {
      engine = await createEngine(sheets, { ...base, workbookSets: stored.state });
      setDescription = describeStored(stored);
    } else if (stored.kind === "unreadable") {
      // As in Excel: cells relying on the active set show #N/A with the reason (set before the engine computes).
      engine = await createEngine(sheets, { ...base, unreadable: stored.reason });
      setDescription = describeStored(stored);
    } else {
      engine = await createEngine(sheets, { ...base, scenario: "call-2026-02" });
      setDescription = describeStored(stored);
    }
  } catch (e) {
    screen.destroy();
    if (e instanceof UnknownScenarioError) throw new RecalcInputError(e.message);
    if (e instanceof RangeError) throw new RecalcInputError(`input ${inPath} has a formula nested too deeply for the engine to read`);
    throw e;
  }
  report.set = setDescription;
  try {
    // Formulas the engine could not parse show its #ERROR! (which Excel does not have): they keep their cached values instead.
    const fixes: { address: SimpleCellAddress; content: RawCellContent }[] = [];
    for (const model of models) {
      const sheet = engine.sheetId(model.name);
      for (const [k, text] of model.formulas) {
        const row = Math.floor(k / 16_384);
        const col = k % 16_384;
        const value = toEngineValue(engine.hf.getCellValue({ sheet, row, col }));
        if (value === null || typeof value !== "object" || value.error !== "#ERROR!" || unreadable.has(`${model.name}\u0000${k}`)) continue;
        const reason = screen.parseProblem(engineFormula(text));
        if (reason === null) continue;
        unreadable.set(`${model.name}\u0000${k}`, { model, row, col, formula: text, reason });
        fixes.push({ address: { sheet, row, col }, content: rawContent(cellValue(model.cells.get(k) as SheetCell, pkg)) });
      }
    }
    if (fixes.length) engine.hf.batch(() => fixes.forEach((f) => engine.hf.setCellContents(f.address, [[f.content]])));
  } finally {
    screen.destroy();
  }

  try {
    const plan = planCells(engine, models, unreadable, spilling);
    const cellName = (model: SheetModel, row: number, col: number) =>
      `${models.length > 1 || model.name !== "Sheet1" ? `${quoteSheet(model.name)}!` : ""}${a1(row, col)}`;
    for (const u of plan.stale) report.unreadable.push({ cell: cellName(u.model, u.row, u.col), reason: u.reason });
    if (unreadable.size > plan.stale.length) {
      const kept = unreadable.size - plan.stale.length;
      progress(`recalc: ${count(kept, "formula")} the engine cannot read ${kept === 1 ? "involves" : "involve"} no INFRA cell; ${kept === 1 ? "it keeps its cached value" : "they keep their cached values"}`);
    }
    progress(`recalc: ${count(plan.targets.length, "cell")} to compute (INFRA formulas and the cells that depend on them); set: ${setDescription}`);
    const large = plan.targets.length >= PROGRESS_THRESHOLD;
    let nextTenth = 1; // counted in whole tenths: 0.1 added three times is past 0.3
    const edits = new Map<SheetModel, Edit[]>();
    const inserts = new Map<SheetModel, { row: number; col: number; xml: string }[]>();
    const touched = new Map<SheetModel, Set<number>>();
    const modelById = new Map(models.map((m) => [engine.sheetId(m.name), m]));
    let done = 0;
    for (const address of plan.targets) {
      done++;
      const model = modelById.get(address.sheet) as SheetModel;
      const cell = model.cells.get(key(address.row, address.col)) as SheetCell;
      const name = () => cellName(model, address.row, address.col);
      const withheldBy = plan.withheld.get(address);
      if (withheldBy) {
        report.withheld.push({ cell: name(), reason: withheldBy });
        continue;
      }
      report.computed++;
      const value = toEngineValue(engine.hf.getCellValue(address));
      const table = plan.maySpill(address) && engine.hf.isCellPartOfArray(address) ? spillTable(engine, address, value) : [[value]];
      const values = table.map((row) => row.map(cached));
      let bad: { withheld: string } | undefined;
      for (const row of values) for (const v of row) if (bad === undefined && v !== null && typeof v === "object" && "withheld" in v) bad = v;
      if (bad) {
        report.withheld.push({ cell: name(), reason: bad.withheld });
        continue;
      }
      if (typeof value === "object" && value !== null) report.failed.push({ cell: name(), error: value.error, message: value.message });
      const xml = model.pkg.parsed!.xml;
      const list = edits.get(model) ?? [];
      edits.set(model, list);
      const anchorValue = values[0][0] as CachedValue;
      const before = list.length;
      if (!sameValue(cell, pkg, anchorValue ?? 0)) list.push(...formulaValueEdits(xml, cell, anchorValue, model.prefix));
      const ref = cell.formula?.kind === "array" ? cell.formula.ref : undefined;
      if (ref) {
        // A dynamic array (cm: its metadata says it spills) covers its result; a legacy array formula keeps its area, #N/A beyond the result.
        const dynamic = cell.cm !== undefined;
        const height = dynamic ? values.length : ref.bottom - ref.top + 1;
        const width = dynamic ? values[0].length : ref.right - ref.left + 1;
        const area = { top: address.row, left: address.col, bottom: address.row + height - 1, right: address.col + width - 1 };
        if (areaText(area) !== areaText(ref)) list.push(refEdit(xml, cell, areaText(area)));
        const valueAt = (r: number, c: number): CachedValue | undefined => {
          if (r - address.row < height && c - address.col < width) return (values[r - address.row]?.[c - address.col] as CachedValue | undefined) ?? (dynamic ? null : { error: "#N/A" });
          return undefined;
        };
        for (let r = Math.min(ref.top, area.top); r <= Math.max(ref.bottom, area.bottom); r++) {
          for (let c = Math.min(ref.left, area.left); c <= Math.max(ref.right, area.right); c++) {
            if (r === address.row && c === address.col) continue;
            const inNew = r <= area.bottom && c <= area.right;
            const inOld = r >= ref.top && r <= ref.bottom && c >= ref.left && c <= ref.right;
            if (!inNew && !inOld) continue;
            const member = model.cells.get(key(r, c));
            if (member?.formula) continue; // a formula in the way: Excel shows #SPILL! at the anchor
            // Two stored array areas that overlap (a damaged file): the first table written wins.
            const claimed = touched.get(model) ?? new Set<number>();
            touched.set(model, claimed);
            if (claimed.has(key(r, c))) continue;
            claimed.add(key(r, c));
            const v = inNew ? (valueAt(r, c) ?? null) : null;
            if (member) {
              if (v === null ? member.v === undefined && member.inline === undefined : sameValue(member, pkg, v)) continue;
              list.push({ start: member.start, end: member.end, text: plainCellXml(r, c, v, model.prefix, keptPlainAttributes(member)) });
            } else if (v !== null) {
              const pending = inserts.get(model) ?? [];
              inserts.set(model, pending);
              pending.push({ row: r, col: c, xml: plainCellXml(r, c, v, model.prefix) });
            }
          }
        }
      }
      if (list.length > before) report.changed++;
      if (large && done * 10 >= nextTenth * plan.targets.length) {
        progress(`recalc: ${Math.round((done / plan.targets.length) * 100)}% (${grouped(done)} of ${grouped(plan.targets.length)})`);
        nextTenth++;
      }
    }

    const replaced = new Map<string, Buffer>();
    for (const model of models) {
      const list = [...(edits.get(model) ?? []), ...insertEdits(model, inserts.get(model) ?? [])];
      if (list.length === 0) continue;
      replaced.set(model.pkg.entry!.name, Buffer.from(applyEdits(model.pkg.parsed!.xml, list), "latin1"));
    }
    if (replaced.size === 0) {
      progress(`recalc: every computed value is already the cached value; nothing changed, ${path.basename(outPath)} not written`);
      return report;
    }
    progress(`recalc: writing ${path.basename(outPath)} (${replaced.size} of ${pkg.zip.entries.length} parts changed)`);
    writeAtomically(outPath, writeZip(pkg.zip, replaced));
    report.written = true;
    return report;
  } finally {
    engine.destroy();
  }
}

/** A file value as engine input: text that looks like a formula stays text (the engine's apostrophe prefix). */
function rawContent(v: CachedValue): RawCellContent {
  if (v === null) return null;
  if (typeof v === "object") return v.error;
  if (typeof v === "string") return /^[=']/.test(v) ? `'${v}` : v;
  return v;
}

/** The workbook's defined names the engine accepts, and the names of those it does not. */
function loadableNames(pkg: WorkbookPackage, models: SheetModel[]): { loaded: SerializedNamedExpression[]; unloaded: Set<string> } {
  const loaded: SerializedNamedExpression[] = [];
  const unloaded = new Set<string>();
  if (pkg.names.length === 0) return { loaded, unloaded };
  // The engine numbers sheets in the order of the record's keys (integer-like names first): the same order here.
  const order = Object.keys(Object.fromEntries(models.map((m) => [m.name, 0])));
  const scratchSheets: Record<string, RawCellContent[][]> = Object.create(null) as Record<string, RawCellContent[][]>;
  for (const m of models) scratchSheets[m.name] = [];
  const scratch = HyperFormula.buildFromSheets(scratchSheets, { ...EXCEL_CONFIG });
  try {
    for (const n of pkg.names) {
      if (/^_xlnm\./i.test(n.name)) continue; // print areas, filter ranges: not for formulas
      const sheetName = n.sheet === undefined ? undefined : models[n.sheet]?.name;
      const scope = sheetName === undefined ? undefined : order.indexOf(sheetName);
      const expression = `=${engineFormula(n.formula)}`;
      try {
        if (n.formula.includes("[") || n.formula.length > MAX_FORMULA_CHARS) throw new Error("not readable");
        scratch.addNamedExpression(n.name, expression, scope);
        loaded.push({ name: n.name, expression, ...(scope === undefined ? {} : { scope }) });
      } catch {
        unloaded.add(n.name.toLowerCase());
      }
    }
  } finally {
    scratch.destroy();
  }
  return { loaded, unloaded };
}

interface Plan {
  targets: SimpleCellAddress[];
  /** Whether a formula cell can spill (asking the engine for every cell is slow). */
  maySpill: (address: SimpleCellAddress) => boolean;
  /** Targets not to be written, with why. Keyed by the address objects in `targets`. */
  withheld: Map<SimpleCellAddress, string>;
  /** Unreadable formulas that may depend on INFRA cells. */
  stale: { model: SheetModel; row: number; col: number; reason: string }[];
}

/**
 * Every INFRA formula cell and every formula that depends on one,
 * transitively; and among them those that depend on a formula the engine
 * could not read whose cached value may be stale (it calls INFRA, reads a
 * recomputed cell, or reads cells its text does not name).
 */
function planCells(engine: InfraEngine, models: SheetModel[], unreadable: Map<string, { model: SheetModel; row: number; col: number; formula: string; reason: string }>, spilling: ReadonlySet<string>): Plan {
  const hf = engine.hf;
  const modelById = new Map(models.map((m) => [engine.sheetId(m.name), m]));
  // A formula spills when it is stored as an array, reads a range (array arithmetic) or calls a function that returns a table.
  const maySpill = (a: SimpleCellAddress): boolean => {
    const model = modelById.get(a.sheet);
    return model === undefined || cellMaySpill(model, key(a.row, a.col), spilling);
  };
  // A cell's key is a number (sheet × 2^34 + row × 16,384 + column: below 2^53 for any sheet count the engine holds); a range's, text.
  const addrKey = (a: SimpleCellAddress | SimpleCellRange): number | string =>
    "start" in a ? `${addrKey(a.start)}-${addrKey(a.end)}` : a.sheet * 17_179_869_184 + key(a.row, a.col);
  const dependents = (a: SimpleCellAddress | SimpleCellRange): (SimpleCellAddress | SimpleCellRange)[] => {
    // A spilled table's cells are referenced one by one: follow each of them.
    const sources: (SimpleCellAddress | SimpleCellRange)[] = [a];
    if (!("start" in a) && maySpill(a) && hf.isCellPartOfArray(a)) sources.push(...spillArea(engine, a));
    // A range that contains the cell: the formulas reading the range come next.
    return sources.flatMap((s) => hf.getCellDependents(s).filter((d) => "start" in d || hf.doesCellHaveFormula(d)));
  };
  const seen = new Set<number | string>();
  const queue: (SimpleCellAddress | SimpleCellRange)[] = [];
  /** Adds everything reachable from `start` (itself included) to the queue. */
  const reach = (start: (SimpleCellAddress | SimpleCellRange)[], onReached?: (k: number | string) => void) => {
    const stack = [...start];
    const visited = new Set<number | string>();
    while (stack.length) {
      const a = stack.pop()!;
      const k = addrKey(a);
      if (visited.has(k)) continue;
      visited.add(k);
      onReached?.(k);
      if (!seen.has(k)) {
        seen.add(k);
        queue.push(a);
      }
      stack.push(...dependents(a));
    }
  };
  const seeds: SimpleCellAddress[] = [];
  for (const model of models) {
    const sheet = engine.sheetId(model.name);
    for (const [k, text] of model.engineFormulas) {
      if (INFRA_CALL.test(text) && !unreadable.has(`${model.name}\u0000${k}`)) seeds.push({ sheet, row: Math.floor(k / 16_384), col: k % 16_384 });
    }
  }
  reach(seeds);
  // Unreadable formulas whose cached value may be stale: their dependents are withheld; repeat until nothing new is reached.
  const origin = new Map<number | string, string>(); // cell → why it is withheld
  const stale: Plan["stale"] = [];
  const staleKeys = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    const cellsBySheet = new Map<string, { row: number; col: number }[]>();
    for (const a of queue) {
      if ("start" in a) continue;
      const name = (hf.getSheetName(a.sheet) as string).toLowerCase();
      const list = cellsBySheet.get(name) ?? [];
      list.push(a);
      cellsBySheet.set(name, list);
    }
    for (const [k, u] of unreadable) {
      if (staleKeys.has(k)) continue;
      const formula = engineFormula(u.formula);
      const refs = referencedAreas(formula, u.model.name);
      const readsTarget =
        INFRA_CALL.test(formula) ||
        refs === "any" ||
        refs.some((r) => (cellsBySheet.get(r.sheet.toLowerCase()) ?? []).some((c) => c.row >= r.area.top && c.row <= r.area.bottom && c.col >= r.area.left && c.col <= r.area.right));
      if (!readsTarget) continue;
      staleKeys.add(k);
      stale.push(u);
      changed = true;
      const why = `it depends on ${quoteSheet(u.model.name)}!${a1(u.row, u.col)}, which the engine cannot read (${u.reason}); the cached value is kept`;
      reach(dependents({ sheet: engine.sheetId(u.model.name), row: u.row, col: u.col }), (reached) => {
        if (!origin.has(reached)) origin.set(reached, why);
      });
    }
  }
  const targets = queue.filter((a): a is SimpleCellAddress => !("start" in a));
  const withheld = new Map<SimpleCellAddress, string>();
  for (const t of targets) {
    const why = origin.get(addrKey(t));
    if (why !== undefined) withheld.set(t, why);
  }
  return { targets, withheld, stale, maySpill };
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

/**
 * The table a formula spills, trimmed of the empty rows and columns the
 * engine reserves for the largest table any set gives.
 */
function spillTable(engine: InfraEngine, address: SimpleCellAddress, anchor: EngineValue): EngineValue[][] {
  const spill = spillArea(engine, address);
  if (spill.length === 0) return [[anchor]];
  const last = spill[spill.length - 1];
  const grid: EngineValue[][] = [];
  for (let r = address.row; r <= last.row; r++) {
    const row: EngineValue[] = [];
    for (let c = address.col; c <= last.col; c++) row.push(r === address.row && c === address.col ? anchor : toEngineValue(engine.hf.getCellValue({ sheet: address.sheet, row: r, col: c })));
    grid.push(row);
  }
  return trimEmptyEdges(grid);
}

/** The edit that sets an array formula's `ref` attribute. */
function refEdit(xml: string, cell: SheetCell, ref: string): Edit {
  const inner = xml.slice(cell.openEnd, cell.end);
  const m = /<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*?\sref\s*=\s*(["'])[^"']*\1/.exec(inner);
  if (!m) throw new Error(`${a1(cell.row, cell.col)}: an array formula without its area`);
  const attrAt = m[0].search(/\sref\s*=/);
  const start = cell.openEnd + m.index + attrAt;
  return { start, end: cell.openEnd + m.index + m[0].length, text: ` ref="${ref}"` };
}

/** Edits that insert new cells (a spilled table grown past the cells the sheet holds), in row and column order. */
function insertEdits(model: SheetModel, cells: { row: number; col: number; xml: string }[]): Edit[] {
  if (cells.length === 0) return [];
  const parsed = model.pkg.parsed!;
  const byRow = new Map<number, { col: number; xml: string }[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const edits: Edit[] = [];
  const rowName = `${model.prefix}row`;
  const newRows = new Map<number, string[]>(); // insertion point → row elements
  for (const [r, list] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.col - b.col);
    const row = parsed.rows.find((x) => x.row === r);
    if (row) {
      if (row.selfClosing) {
        const open = parsed.xml.slice(row.start, row.openEnd).replace(/\s*\/>$/, ">");
        edits.push({ start: row.start, end: row.end, text: `${open}${list.map((c) => c.xml).join("")}</${rowName}>` });
        continue;
      }
      // Each new cell goes after the last cell before its column.
      const groups = new Map<number, string[]>();
      for (const c of list) {
        const before = row.cells.filter((x) => x.col < c.col).pop();
        const at = before ? before.end : row.openEnd;
        groups.set(at, [...(groups.get(at) ?? []), c.xml]);
      }
      for (const [at, xmls] of groups) edits.push({ start: at, end: at, text: xmls.join("") });
    } else {
      const next = parsed.rows.find((x) => x.row > r);
      const at = next ? next.start : parsed.sheetDataEnd;
      newRows.set(at, [...(newRows.get(at) ?? []), `<${rowName} r="${r + 1}">${list.map((c) => c.xml).join("")}</${rowName}>`]);
    }
  }
  for (const [at, xmls] of newRows) edits.push({ start: at, end: at, text: xmls.join("") });
  return edits;
}
