/**
 * Just enough SpreadsheetML reading to find cells and patch their cached
 * values in place. Parts are handled as Latin-1 strings (one character per
 * byte), so every byte outside an edit is written back unchanged whatever the
 * encoding of the text inside; text is decoded from UTF-8 only where a value
 * is read. Element names are matched without their namespace prefix, so files
 * that write `<x:c>` read like those that write `<c>`.
 */
import { columnLetters } from "../model/a1";

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

/**
 * One unprefixed attribute's decoded value, or undefined (the hot path: no
 * map built). The first place where whitespace, the name, optional
 * whitespace, `=`, optional whitespace and a quoted value follow each other.
 */
export function attribute(raw: string, name: string): string | undefined {
  for (let i = raw.indexOf(name, 1); i > 0; i = raw.indexOf(name, i + 1)) {
    if (!isSpace(raw.charCodeAt(i - 1))) continue;
    let j = i + name.length;
    while (isSpace(raw.charCodeAt(j))) j++;
    if (raw.charCodeAt(j) !== 0x3d /* = */) continue;
    j++;
    while (isSpace(raw.charCodeAt(j))) j++;
    const quote = raw.charCodeAt(j);
    if (quote !== 0x22 && quote !== 0x27) continue;
    const close = raw.indexOf(quote === 0x22 ? '"' : "'", j + 1);
    if (close < 0) continue;
    const value = raw.slice(j + 1, close);
    return value.includes("&") || /[\x80-\xff]/.test(value) ? decodeText(value) : value;
  }
  return undefined;
}

/** What `\s` matches among the characters of a Latin-1 string. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;
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
 *
 * What is a tag: `<name attrs>`, `</name>` or `<name attrs/>` (a name may
 * carry a prefix, `<x:c>`; a `>` inside a quoted attribute value does not end
 * the tag); a CDATA section (its text passed as `cdata`); comments and
 * processing instructions are skipped. A `<` that starts none of these (an
 * unclosed quote, a comment never closed) is text. Written as a loop over
 * character codes rather than a regular expression: this runs once per tag of
 * every sheet, and a match object per tag was most of the reading time.
 */
export function scanTags(xml: string, from: number, visit: (tag: Tag, cdata: string | undefined) => boolean | void): void {
  const tag: Tag = { name: "", closing: false, selfClosing: false, start: 0, end: 0, attributes: "" };
  const length = xml.length;
  for (let lt = xml.indexOf("<", from); lt >= 0; ) {
    let at = lt + 1;
    const c = xml.charCodeAt(at);
    let cdata: string | undefined;
    if (c === 0x21 /* ! */) {
      if (xml.startsWith("!--", at)) {
        const close = xml.indexOf("-->", at + 3);
        lt = xml.indexOf("<", close < 0 ? lt + 1 : close + 3);
        continue;
      }
      if (xml.startsWith("![CDATA[", at)) {
        const close = xml.indexOf("]]>", at + 8);
        if (close < 0) {
          lt = xml.indexOf("<", lt + 1);
          continue;
        }
        cdata = xml.slice(at + 8, close);
        tag.name = "#cdata";
        tag.closing = false;
        tag.selfClosing = true;
        tag.attributes = "";
        tag.start = lt;
        tag.end = close + 3;
      } else {
        if (xml.startsWith("!DOCTYPE", at)) throw new Error("a document type declaration, which SpreadsheetML never uses");
        lt = xml.indexOf("<", lt + 1);
        continue;
      }
    } else if (c === 0x3f /* ? */) {
      const close = xml.indexOf("?>", at + 1);
      lt = xml.indexOf("<", close < 0 ? lt + 1 : close + 2);
      continue;
    } else {
      const closing = c === 0x2f; /* / */
      if (closing) at++;
      // Name, or prefix ":" name.
      let nameStart = at;
      if (!isNameStart(xml.charCodeAt(at))) {
        lt = xml.indexOf("<", lt + 1);
        continue;
      }
      at++;
      while (isNameChar(xml.charCodeAt(at))) at++;
      if (xml.charCodeAt(at) === 0x3a /* : */ && isNameStart(xml.charCodeAt(at + 1))) {
        nameStart = at + 1;
        at += 2;
        while (isNameChar(xml.charCodeAt(at))) at++;
      }
      const nameEnd = at;
      // Attributes up to the first ">" outside quotes; a quote never closed means this "<" is text.
      let end = -1;
      while (at < length) {
        const ch = xml.charCodeAt(at);
        if (ch === 0x3e /* > */) {
          end = at;
          break;
        }
        if (ch === 0x22 || ch === 0x27) {
          const close = xml.indexOf(ch === 0x22 ? '"' : "'", at + 1);
          if (close < 0) break;
          at = close + 1;
        } else at++;
      }
      if (end < 0) {
        lt = xml.indexOf("<", lt + 1);
        continue;
      }
      const selfClosing = end > nameEnd && xml.charCodeAt(end - 1) === 0x2f;
      tag.name = xml.slice(nameStart, nameEnd);
      tag.closing = closing;
      tag.selfClosing = selfClosing;
      tag.attributes = end === nameEnd ? "" : xml.slice(nameEnd, selfClosing ? end - 1 : end);
      tag.start = lt;
      tag.end = end + 1;
    }
    // The visitor may scan again (a nested part): the position is this call's own.
    const next = tag.end;
    if (visit(tag, cdata) === false) return;
    lt = xml.indexOf("<", next);
  }
}

/** `[A-Za-z_]`: the first character of an XML name. */
function isNameStart(c: number): boolean {
  return isLetter(c) || c === 0x5f;
}

/** `[A-Za-z0-9_.-]`: the rest of an XML name. */
function isNameChar(c: number): boolean {
  return isWordChar(c) || c === 0x2e || c === 0x2d;
}

/** 0-based row and column of an A1 reference, or undefined. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  // `$?` letters (1–3) `$?` digits (1–7), nothing else.
  let i = ref.charCodeAt(0) === 0x24 ? 1 : 0;
  let col = 0;
  const lettersStart = i;
  for (let c = ref.charCodeAt(i); i - lettersStart < 4 && isLetter(c); c = ref.charCodeAt(++i)) col = col * 26 + ((c & 0xdf) - 64);
  if (i === lettersStart || i - lettersStart > 3) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const digitsStart = i;
  for (let c = ref.charCodeAt(i); isDigit(c); c = ref.charCodeAt(++i)) row = row * 10 + (c - 0x30);
  if (i === digitsStart || i - digitsStart > 7 || i !== ref.length) return undefined;
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

/** What a token of REFERENCE_TOKENS is, by the alternative that matched. */
export type ReferenceTokenKind = "string" | "quoted" | "bracket" | "cell" | "columns" | "rows" | "number" | "name";

/**
 * Calls `visit` for each token REFERENCE_TOKENS matches, in order, with its
 * start, end and kind: the same tokens, found by a loop over character codes
 * (recalc reads every formula of a workbook this way, and a match object per
 * token was most of that time). A test holds the two to the same result on
 * any text.
 */
export function forEachReferenceToken(formula: string, visit: (start: number, end: number, kind: ReferenceTokenKind) => void): void {
  const n = formula.length;
  let i = 0;
  while (i < n) {
    const c = formula.charCodeAt(i);
    let end = -1;
    let kind: ReferenceTokenKind = "name";
    if (c === 0x22 || c === 0x27) {
      end = quotedEnd(formula, i, c);
      kind = c === 0x22 ? "string" : "quoted";
    } else if (c === 0x5b /* [ */) {
      const close = formula.indexOf("]", i + 1);
      if (close >= 0) {
        end = close + 1;
        kind = "bracket";
      }
    } else {
      end = cellEnd(formula, i);
      if (end >= 0) kind = "cell";
      else if ((end = rangeEnd(formula, i, isLetter, 3, COLUMN_RANGE_STOP)) >= 0) kind = "columns";
      else if ((end = rangeEnd(formula, i, isDigit, 7, ROW_RANGE_STOP)) >= 0) kind = "rows";
      else if ((end = numberEnd(formula, i)) >= 0) kind = "number";
      else if (isLetter(c) || c === 0x5f || c === 0x5c) {
        end = i + 1;
        while (end < n && isFormulaNameChar(formula.charCodeAt(end))) end++;
        kind = "name";
      }
    }
    if (end < 0) {
      i++;
      continue;
    }
    visit(i, end, kind);
    i = end;
  }
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `\w`: letters, digits, `_`. */
function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 0x5f;
}

/** `[\w.\\?]`: the rest of a name in a formula (a function, a defined name, `_xlfn.`-style prefixes). */
function isFormulaNameChar(c: number): boolean {
  return isWordChar(c) || c === 0x2e || c === 0x5c || c === 0x3f;
}

/**
 * End of `"(?:[^"]|"")*"` (or the same with `'`) from `i`, or -1. Unclosed,
 * the expression backtracks to the last doubled quote and ends at its first
 * half; without one there is no match.
 */
function quotedEnd(formula: string, i: number, quote: number): number {
  let lastPair = -1;
  let j = i + 1;
  while (j < formula.length) {
    if (formula.charCodeAt(j) !== quote) j++;
    else if (formula.charCodeAt(j + 1) === quote) {
      lastPair = j;
      j += 2;
    } else return j + 1;
  }
  return lastPair >= 0 ? lastPair + 1 : -1;
}

/** End of `\$?[A-Za-z]{1,3}\$?\d{1,7}(?![\w.([])` from `i`, or -1. */
function cellEnd(formula: string, i: number): number {
  let j = formula.charCodeAt(i) === 0x24 ? i + 1 : i;
  const letters = j;
  while (isLetter(formula.charCodeAt(j))) j++;
  if (j === letters || j - letters > 3) return -1;
  if (formula.charCodeAt(j) === 0x24) j++;
  const digits = j;
  while (isDigit(formula.charCodeAt(j))) j++;
  if (j === digits || j - digits > 7) return -1;
  const next = formula.charCodeAt(j);
  return isWordChar(next) || next === 0x2e || next === 0x28 || next === 0x5b ? -1 : j;
}

const COLUMN_RANGE_STOP = (c: number) => isWordChar(c) || c === 0x2e || c === 0x28 || c === 0x21;
const ROW_RANGE_STOP = (c: number) => isWordChar(c) || c === 0x2e;

/** End of `\$?X{1,max}:\$?X{1,max}` (X letters or digits) not followed by a `stop` character, from `i`, or -1. */
function rangeEnd(formula: string, i: number, isPart: (c: number) => boolean, max: number, stop: (c: number) => boolean): number {
  let j = i;
  for (let side = 0; side < 2; side++) {
    if (formula.charCodeAt(j) === 0x24) j++;
    const start = j;
    while (isPart(formula.charCodeAt(j))) j++;
    if (j === start || j - start > max) return -1;
    if (side === 0) {
      if (formula.charCodeAt(j) !== 0x3a) return -1;
      j++;
    }
  }
  return stop(formula.charCodeAt(j)) ? -1 : j;
}

/** End of `\d+(?:\.\d*)?(?:[eE][+-]?\d+)?` or `\.\d+(?:[eE][+-]?\d+)?` from `i`, or -1. */
function numberEnd(formula: string, i: number): number {
  let j = i;
  if (isDigit(formula.charCodeAt(j))) {
    while (isDigit(formula.charCodeAt(j))) j++;
    if (formula.charCodeAt(j) === 0x2e) {
      j++;
      while (isDigit(formula.charCodeAt(j))) j++;
    }
  } else if (formula.charCodeAt(j) === 0x2e && isDigit(formula.charCodeAt(j + 1))) {
    j++;
    while (isDigit(formula.charCodeAt(j))) j++;
  } else return -1;
  const e = formula.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    let k = j + 1;
    if (formula.charCodeAt(k) === 0x2b || formula.charCodeAt(k) === 0x2d) k++;
    if (isDigit(formula.charCodeAt(k))) {
      while (isDigit(formula.charCodeAt(k))) k++;
      j = k;
    }
  }
  return j;
}

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
