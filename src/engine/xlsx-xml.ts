/**
 * Just enough SpreadsheetML reading to find cells and patch their cached
 * values in place. Parts are handled as Latin-1 strings (one character per
 * byte), so every byte outside an edit is written back unchanged whatever the
 * encoding of the text inside; text is decoded from UTF-8 only where a value
 * is read. Element names are matched without their namespace prefix, so files
 * that write `<x:c>` read like those that write `<c>`.
 */
import { columnLetters } from "../model/a1";

/** An XML tag: `<name attrs>`, `</name>` or `<name attrs/>`; or a comment, CDATA section or processing instruction. */
const TOKEN =
  /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export interface Tag {
  /** Local name, without prefix. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  start: number;
  end: number;
  /** Raw attribute text. */
  attributes: string;
}

/** Attributes by local name (prefix dropped), values decoded. */
export function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(ATTRIBUTE)) out.set(m[1].replace(/^[^:]*:/, ""), decodeText(m[2] ?? m[3] ?? ""));
  return out;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** One unprefixed attribute's decoded value, or undefined (the hot path: no map built). */
export function attribute(raw: string, name: string): string | undefined {
  if (raw.length === 0) return undefined;
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(raw);
  if (!m) return undefined;
  const value = m[1] ?? m[2];
  return value.includes("&") || /[\x80-\xff]/.test(value) ? decodeText(value) : value;
}

/** Latin-1 (byte) string → text: UTF-8 decoded, entities resolved. */
export function decodeText(raw: string): string {
  const text = /[\x80-\xff]/.test(raw) ? Buffer.from(raw, "latin1").toString("utf8") : raw;
  if (!text.includes("&")) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g, (all, hex: string, dec: string, named: string) => {
    if (named) return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[named] as string;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** Text → the Latin-1 (byte) string of its escaped UTF-8, for writing into a part. */
export function encodeText(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
  return Buffer.from(escaped, "utf8").toString("latin1");
}

/** SpreadsheetML's escape for characters XML cannot hold (`_x0001_`), and for a literal `_xHHHH_`. */
export function unescapeXstring(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export function escapeXstring(text: string): string {
  let out = "";
  for (const ch of text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")) {
    const code = ch.charCodeAt(0);
    // Characters XML 1.0 cannot hold (controls other than tab, line feed, carriage return; U+FFFE, U+FFFF).
    const unrepresentable = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
    out += unrepresentable ? `_x${code.toString(16).toUpperCase().padStart(4, "0")}_` : ch;
  }
  return out;
}

/**
 * Calls `visit` for each tag from `from`; text between tags is the caller's to
 * slice. Stops when `visit` returns false. The tag object is reused from one
 * call to the next (a sheet has millions of tags): read it, do not keep it.
 */
export function scanTags(xml: string, from: number, visit: (tag: Tag, cdata: string | undefined) => boolean | void): void {
  const tag: Tag = { name: "", closing: false, selfClosing: false, start: 0, end: 0, attributes: "" };
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[2] === undefined && m[4] === undefined) {
      if (m[0] === "<!DOCTYPE") throw new Error("a document type declaration, which SpreadsheetML never uses");
      continue; // comment or processing instruction
    }
    tag.start = m.index;
    tag.end = m.index + m[0].length;
    if (m[4] !== undefined) {
      tag.name = "#cdata";
      tag.closing = false;
      tag.selfClosing = true;
      tag.attributes = "";
    } else {
      const raw = m[3];
      tag.name = m[2];
      tag.closing = m[1] === "/";
      tag.selfClosing = raw.endsWith("/");
      tag.attributes = tag.selfClosing ? raw.slice(0, -1) : raw;
    }
    // The visitor may scan again (a nested part): restore the position afterwards.
    const next = TOKEN.lastIndex;
    if (visit(tag, m[4]) === false) return;
    TOKEN.lastIndex = next;
  }
}

/** 0-based row and column of an A1 reference, or undefined. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLS || row < 1 || row > MAX_ROWS) return undefined;
  return { row: row - 1, col: col - 1 };
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;


export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** An area `A1:C3` (or one cell), 0-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseArea(ref: string): Area | undefined {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function areaText(area: Area): string {
  const from = a1(area.top, area.left);
  return area.bottom === area.top && area.right === area.left ? from : `${from}:${a1(area.bottom, area.right)}`;
}

/**
 * Moves the relative references of a shared formula's text by (rows, cols),
 * as Excel does for each cell a shared formula covers. Text in quotes, quoted
 * sheet names and bracketed parts are left alone; a reference moved off the
 * sheet becomes #REF!.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(REFERENCE_TOKENS, (token: string, cell?: string, colRange?: string, rowRange?: string) => {
    if (cell) return shiftCell(cell, rows, cols);
    if (colRange) {
      const parts = colRange.split(":").map((p) => shiftCol(p, cols));
      return parts.includes(undefined) ? "#REF!" : parts.join(":");
    }
    if (rowRange) {
      const parts = rowRange.split(":").map((p) => shiftRow(p, rows));
      return parts.includes(undefined) ? "#REF!" : parts.join(":");
    }
    return token;
  });
}

/**
 * Strings, quoted names, bracketed parts, then (captured) cell references
 * (not a table name such as `T1[x]`),
 * column ranges and row ranges, then numbers and names (kept whole, so `E5` in
 * `1E5` or `LOG10(` is not read as a reference).
 */
export const REFERENCE_TOKENS =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(\$?[A-Za-z]{1,3}\$?\d{1,7})(?![\w.([])|(\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\w.(!])|(\$?\d{1,7}:\$?\d{1,7})(?![\w.])|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|[A-Za-z_\\][\w.\\?]*/g;

function shiftCell(ref: string, rows: number, cols: number): string {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(ref) as RegExpExecArray;
  if (!parseA1(ref)) return ref; // not a cell (a name such as TAX2020)
  const col = shiftCol(`${m[1]}${m[2]}`, cols);
  const row = shiftRow(`${m[3]}${m[4]}`, rows);
  return col === undefined || row === undefined ? "#REF!" : `${col}${row}`;
}

function shiftCol(part: string, cols: number): string | undefined {
  if (part.startsWith("$")) return part;
  const parsed = parseA1(`${part}1`);
  if (!parsed) return part;
  const col = parsed.col + cols;
  return col < 0 || col >= MAX_COLS ? undefined : columnLetters(col);
}

function shiftRow(part: string, rows: number): string | undefined {
  if (part.startsWith("$")) return part;
  const row = Number(part) + rows;
  return row < 1 || row > MAX_ROWS ? undefined : String(row);
}
