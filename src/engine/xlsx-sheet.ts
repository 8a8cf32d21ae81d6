/**
 * A worksheet part read for `recalc`: where each cell's element is, its
 * formula and cached value; and the edits that give cells new cached values
 * while every other byte of the part stays as it was.
 */
import { SERIAL_DAY_ZERO_MS } from "../model/checks";
import { a1, attribute, decodeText, encodeText, escapeXstring, parseA1, parseArea, scanTags, unescapeXstring, type Area } from "./xlsx-xml";

export interface SheetFormula {
  /** The formula text (shared children: null, their master's text is shifted). */
  text: string | null;
  kind: "normal" | "shared" | "array" | "dataTable";
  /** Shared-formula group index. */
  si?: string;
  /** Area of an array formula or a shared formula's master. */
  ref?: Area;
}

export interface SheetCell {
  row: number;
  col: number;
  /** The `<c …>` element: start, end of its start tag, end. */
  start: number;
  openEnd: number;
  end: number;
  /** The start tag's attribute text. */
  rawAttributes: string;
  type: string;
  formula?: SheetFormula;
  /** The `<v>` element's span and decoded text. */
  v?: ValueElement;
  /** Text of an inline string (`<is>`), runs joined. */
  inline?: string;
  /** Cell metadata index: a dynamic-array formula carries it (xl/metadata.xml). */
  cm?: string;
}

/**
 * A `<v>` element: its span, and its text, decoded when first read (most
 * cells' values are never read: only those formulas use and recomputed ones).
 */
export class ValueElement {
  private decoded: string | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly xml: string,
    private readonly textStart: number,
    private readonly textEnd: number,
    decoded?: string,
  ) {
    this.decoded = decoded;
  }

  get text(): string {
    this.decoded ??= decodeText(this.xml.slice(this.textStart, this.textEnd));
    return this.decoded;
  }
}

export interface SheetRow {
  row: number;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  cells: SheetCell[];
}

export interface ParsedSheet {
  xml: string;
  rows: SheetRow[];
  /** Where `</sheetData>` starts (new rows go before it), or -1 for `<sheetData/>`. */
  sheetDataEnd: number;
}

/** Reads the cells of a worksheet part given as a Latin-1 string. */
export function parseSheet(xml: string, partName: string): ParsedSheet {
  const rows: SheetRow[] = [];
  let sheetDataEnd = -1;
  let row: SheetRow | undefined;
  let cell: SheetCell | undefined;
  let lastRow = -1;
  let lastCol = -1;
  let collecting: "f" | "v" | "t" | null = null;
  let textStart = 0;
  let text = "";
  let phonetic = 0;
  let formulaAttributes = "";
  let vStart = 0;
  let inSheetData = false;
  const bad = (what: string) => new Error(`${partName}: ${what}`);
  scanTags(xml, 0, (tag, cdata) => {
    if (!inSheetData) {
      if (tag.name === "sheetData" && !tag.closing) {
        if (tag.selfClosing) return false;
        inSheetData = true;
      }
      return;
    }
    if (tag.name === "#cdata") {
      if (collecting) text += xml.slice(textStart, tag.start) + (cdata ?? "");
      textStart = tag.end;
      return;
    }
    if (collecting && !(tag.closing && tag.name === collecting)) {
      // Formatting runs inside <is> (<r><t>…</t></r>) or a phonetic run.
      if (collecting === "t") return;
    }
    switch (tag.name) {
      case "sheetData":
        if (tag.closing) {
          sheetDataEnd = tag.start;
          return false;
        }
        return;
      case "row": {
        if (tag.closing) {
          if (row) row.end = tag.end;
          row = undefined;
          return;
        }
        const rowRef = attribute(tag.attributes, "r");
        const r = rowRef !== undefined ? Number(rowRef) - 1 : lastRow + 1;
        if (!Number.isInteger(r) || r < 0 || r < lastRow || r >= 1_048_576) throw bad(`row ${rowRef} is out of order or outside the sheet`);
        lastRow = r;
        lastCol = -1;
        row = { row: r, start: tag.start, openEnd: tag.end, end: tag.end, selfClosing: tag.selfClosing, cells: [] };
        rows.push(row);
        return;
      }
      case "c": {
        if (tag.closing) {
          if (cell) cell.end = tag.end;
          cell = undefined;
          return;
        }
        if (!row) throw bad("a cell outside a row");
        let col = lastCol + 1;
        const ref = attribute(tag.attributes, "r");
        if (ref !== undefined) {
          const at = parseA1(ref);
          if (!at || at.row !== row.row) throw bad(`cell ${ref} is not a cell of row ${row.row + 1}`);
          col = at.col;
        }
        if (col <= lastCol || col >= 16_384) throw bad(`cell ${a1(row.row, col)} is out of order or outside the sheet`);
        lastCol = col;
        cell = { row: row.row, col, start: tag.start, openEnd: tag.end, end: tag.end, rawAttributes: tag.attributes, type: attribute(tag.attributes, "t") ?? "n" };
        const cm = attribute(tag.attributes, "cm");
        if (cm !== undefined) cell.cm = cm;
        row.cells.push(cell);
        if (tag.selfClosing) cell = undefined;
        return;
      }
      case "f":
        if (!cell) return;
        if (tag.closing) {
          if (collecting === "f") cell.formula = makeFormula(formulaAttributes, decodeText(text + xml.slice(textStart, tag.start)));
          collecting = null;
          return;
        }
        formulaAttributes = tag.attributes;
        if (tag.selfClosing) cell.formula = makeFormula(formulaAttributes, "");
        else startCollecting("f", tag.end);
        return;
      case "v":
        if (!cell) return;
        if (tag.closing) {
          // Text split by a CDATA section is joined now; otherwise it is decoded when read.
          if (collecting === "v") cell.v = new ValueElement(vStart, tag.end, xml, textStart, tag.start, text === "" ? undefined : decodeText(text + xml.slice(textStart, tag.start)));
          collecting = null;
          return;
        }
        vStart = tag.start;
        if (tag.selfClosing) cell.v = new ValueElement(tag.start, tag.end, xml, tag.end, tag.end, "");
        else startCollecting("v", tag.end);
        return;
      case "rPh":
        phonetic += tag.closing ? -1 : tag.selfClosing ? 0 : 1;
        return;
      case "t":
        if (!cell || phonetic > 0) return;
        if (tag.closing) {
          if (collecting === "t") cell.inline = (cell.inline ?? "") + unescapeXstring(decodeText(text + xml.slice(textStart, tag.start)));
          collecting = null;
          return;
        }
        if (tag.selfClosing) cell.inline ??= "";
        else startCollecting("t", tag.end);
        return;
      default:
        return;
    }
  });
  if (inSheetData && sheetDataEnd < 0) throw bad("the sheet data is not closed");
  return { xml, rows, sheetDataEnd };

  function startCollecting(kind: "f" | "v" | "t", at: number): void {
    collecting = kind;
    text = "";
    textStart = at;
  }
}

/** A formula from its element's raw attributes (`t`, `si`, `ref`, read as a cell's `r`, `t` and `cm` are) and its text. */
function makeFormula(rawAttributes: string, text: string): SheetFormula {
  const t = attribute(rawAttributes, "t");
  const kind = t === "shared" || t === "array" || t === "dataTable" ? t : "normal";
  const formula: SheetFormula = { text: kind === "shared" && text === "" ? null : text, kind };
  const si = attribute(rawAttributes, "si");
  if (si !== undefined) formula.si = si;
  const ref = attribute(rawAttributes, "ref");
  const area = ref === undefined ? undefined : parseArea(ref);
  if (area) formula.ref = area;
  return formula;
}

/** A cached value as a cell stores it. */
export type CachedValue = number | string | boolean | { error: string } | null;

/**
 * What a cell's value depends on besides the cell: the shared strings `t="s"`
 * indexes, and the date system an ISO date (`t="d"`) is counted in. A
 * `WorkbookPackage` is one.
 */
export interface CellContext {
  readonly sharedStrings: readonly string[];
  readonly date1904: boolean;
}

/** What a cell holds as a value (its cached result for a formula). */
export function cellValue(cell: SheetCell, book: CellContext): CachedValue {
  const v = cell.v?.text;
  switch (cell.type) {
    case "s": {
      const i = Number(v);
      return Number.isInteger(i) && i >= 0 && i < book.sharedStrings.length ? book.sharedStrings[i] : null;
    }
    case "inlineStr":
      return cell.inline ?? (v !== undefined ? unescapeXstring(v) : null);
    case "str":
      return v === undefined ? null : unescapeXstring(v);
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return v === undefined ? null : { error: v.trim() };
    case "d": {
      if (v === undefined) return null;
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !/T/.test(v) ? v : `${v}Z`);
      return Number.isNaN(ms) ? v : (ms - SERIAL_DAY_ZERO_MS[book.date1904 ? 1904 : 1900]) / 86_400_000;
    }
    default: {
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v.trim());
      return Number.isFinite(n) ? n : v;
    }
  }
}

/** Excel's error values, the only ones ever written to a cell (ECMA-376 Part 1, 18.17.4.1, and the dynamic-array errors Excel 365 saves). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

/** A number as Excel writes it in `<v>`: shortest round-trip digits, exponent in capitals. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return "0";
  return String(n).replace("e", "E");
}

/** The value a cell should end up with, and the attribute/content pair that stores it. */
function storage(value: Exclude<CachedValue, null>, formulaCell: boolean): { t: string | null; content: string } {
  if (typeof value === "number") return { t: null, content: `<v>${formatNumber(value)}</v>` };
  if (typeof value === "boolean") return { t: "b", content: `<v>${value ? 1 : 0}</v>` };
  if (typeof value === "object") return { t: "e", content: `<v>${encodeText(value.error)}</v>` };
  const escaped = encodeText(escapeXstring(value));
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  // A formula's text result is `str`; a plain cell's new text is an inline string (the shared-string table stays as it is).
  return formulaCell ? { t: "str", content: `<v${space}>${escaped}</v>` } : { t: "inlineStr", content: `<is><t${space}>${escaped}</t></is>` };
}

/** Whether a cell already stores `value` as its cached value. */
export function sameValue(cell: SheetCell, book: CellContext, value: CachedValue): boolean {
  const current = cellValue(cell, book);
  if (value === null || current === null) return value === current && cell.v === undefined && cell.inline === undefined;
  if (typeof value === "object" || typeof current === "object") {
    return typeof value === "object" && typeof current === "object" && value.error === current.error && cell.type === "e";
  }
  if (typeof value === "number") return typeof current === "number" && current === value && (cell.type === "n" || cell.type === "d");
  return value === current && (typeof value === "boolean" ? cell.type === "b" : cell.type !== "e");
}

/** A span of the part replaced by new text (Latin-1 string), or text inserted where start === end. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The start tag's attributes with `t` set to `t` (or removed), everything
 * else kept in order; a new `t` goes where Excel writes it (after `r` and `s`).
 */
function withType(rawAttributes: string, t: string | null, drop: readonly string[] = []): string {
  let placed = false;
  let insertAt = 0;
  const kept: string[] = [];
  for (const m of rawAttributes.matchAll(/\s+([^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')/g)) {
    const local = m[1].replace(/^[^:]*:/, "");
    if (local === "t") {
      if (t !== null) kept.push(` t="${t}"`);
      placed = true;
    } else if (!drop.includes(local)) {
      kept.push(m[0]);
      if (local === "r" || local === "s") insertAt = kept.length;
    }
  }
  if (!placed && t !== null) kept.splice(insertAt, 0, ` t="${t}"`);
  return kept.join("");
}

/**
 * The edits that make a formula cell's cached value `value`: its `<v>`
 * replaced (or added after `<f>`), `t` changed only if the type changes.
 */
export function formulaValueEdits(xml: string, cell: SheetCell, value: CachedValue, prefix: string): Edit[] {
  const stored = storage(value ?? 0, true);
  const edits: Edit[] = [];
  const tagName = xml.slice(cell.start + 1, cell.start + 1 + prefix.length + 1);
  const currentT = cell.type === "n" ? null : cell.type;
  if (currentT !== stored.t) {
    edits.push({ start: cell.start, end: cell.openEnd, text: `<${tagName}${withType(cell.rawAttributes, stored.t)}>` });
  }
  const content = prefixed(stored.content, prefix);
  if (cell.v) edits.push({ start: cell.v.start, end: cell.v.end, text: content });
  else {
    // No cached value yet: it goes right after the formula element.
    const close = `</${prefix}f>`;
    const closeAt = xml.indexOf(close, cell.openEnd);
    const fEnd = closeAt >= 0 && closeAt < cell.end ? closeAt + close.length : xml.indexOf("/>", xml.indexOf(`<${prefix}f`, cell.openEnd)) + 2;
    edits.push({ start: fEnd, end: fEnd, text: content });
  }
  return edits;
}

/** The whole element of a plain (non-formula) cell holding `value`: a cell a spilled table covers. */
export function plainCellXml(row: number, col: number, value: CachedValue, prefix: string, keptAttributes = ""): string {
  const name = `${prefix}c`;
  if (value === null) return `<${name} r="${a1(row, col)}"${keptAttributes}/>`;
  const stored = storage(value, false);
  return `<${name} r="${a1(row, col)}"${keptAttributes}${stored.t ? ` t="${stored.t}"` : ""}>${prefixed(stored.content, prefix)}</${name}>`;
}

/** A plain cell's attributes other than its reference, type and value metadata (style kept). */
export function keptPlainAttributes(cell: SheetCell): string {
  return withType(cell.rawAttributes, null, ["r", "vm"]);
}

function prefixed(content: string, prefix: string): string {
  return prefix ? content.replace(/<(\/?)(v|is|t)\b/g, `<$1${prefix}$2`) : content;
}

/** The namespace prefix (with colon) the part writes cell elements with: "" or e.g. "x:". */
export function cellPrefix(xml: string, cell: SheetCell | undefined): string {
  if (!cell) return "";
  const m = /^<([A-Za-z_][\w.-]*:)?c\b/.exec(xml.slice(cell.start, cell.start + 40));
  return m?.[1] ?? "";
}

/** Applies non-overlapping edits. */
export function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping edits");
    out.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}
