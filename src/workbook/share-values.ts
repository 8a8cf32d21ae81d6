/**
 * Builds the "Share as values" workbook (.xlsx, as base64): the chosen
 * sheets' used ranges with every formula replaced by its current value,
 * number formats kept, and a first sheet "About these values" naming the
 * assumption set and listing its parameters.
 *
 * The file is written here as minimal SpreadsheetML (values, number formats,
 * bold headers, column widths) zipped with fflate (8 kB): exceljs would add
 * about 1 MB to the pane and is kept out of the add-in's bundles. The tests
 * read the file back with exceljs.
 */
import { strToU8, zipSync } from "fflate";
import { columnLetters } from "../model/a1";
import type { AssumptionSet } from "../model/schema";
import type { WorkbookState } from "./host";
import { AUDIT_HEADER, auditRows } from "./state-format";

export interface SheetSnapshot {
  name: string;
  /** Address of the used range ("Sheet1!B2:F20"), or null for an empty sheet. */
  address: string | null;
  values: unknown[][];
  numberFormat: unknown[][];
}

export interface ValuesWorkbookInput {
  sourceName: string;
  sharedAt: Date;
  set: AssumptionSet;
  edited: boolean;
  reference: string | null;
  state: WorkbookState;
  sheets: SheetSnapshot[];
}

export const NOTE_SHEET = "About these values";

/**
 * The error literals a cell may hold in SpreadsheetML (ECMA-376). Excel stores its newer
 * errors (#SPILL!, #CALC!, #BUSY!, …) as #VALUE! with rich-value metadata this writer does
 * not produce, and repairs a file holding them as literals: those are written as the text
 * the analyst saw.
 */
const FILE_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

/** Top-left cell of a used-range address, 1-based. */
export function topLeft(address: string): { row: number; col: number } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(local);
  if (!m) throw new Error(`cannot read the range address "${address}"`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

type Cell = { kind: "n"; v: number } | { kind: "s"; v: string } | { kind: "b"; v: boolean } | { kind: "e"; v: string };

interface SheetOut {
  name: string;
  /** Row (1-based) → column (1-based) → cell and its number format. */
  rows: Map<number, Map<number, { cell: Cell; format: string; bold: boolean }>>;
  widths: Array<[col: number, width: number]>;
}

function toCell(v: unknown): Cell | null {
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "n", v } : null;
  if (typeof v === "boolean") return { kind: "b", v };
  if (typeof v === "string") {
    if (v === "") return null;
    return FILE_ERRORS.has(v) ? { kind: "e", v } : { kind: "s", v };
  }
  return null;
}

function newSheet(name: string): SheetOut {
  return { name, rows: new Map(), widths: [] };
}

function put(sheet: SheetOut, row: number, col: number, value: unknown, format = "General", bold = false): void {
  const cell = toCell(value);
  if (!cell) return;
  let r = sheet.rows.get(row);
  if (!r) sheet.rows.set(row, (r = new Map()));
  r.set(col, { cell, format, bold });
}

/** XML text: escaped, and without the characters XML 1.0 forbids (controls, U+FFFE/F, lone surrogate halves). */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    // A pair (one character, an emoji say) is kept; a half on its own is dropped (no lookbehind: older Safari).
    .replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : ""))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Styles: one cell format per (number format, bold) pair in use; custom number formats from id 164. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([["General|0", 0]]);
  private readonly list: Array<{ fmt: number; bold: boolean }> = [{ fmt: 0, bold: false }];

  index(format: string, bold: boolean): number {
    const key = `${format}|${bold ? 1 : 0}`;
    const hit = this.xfs.get(key);
    if (hit !== undefined) return hit;
    let fmt = 0;
    if (format !== "General") {
      fmt = this.formats.get(format) ?? 164 + this.formats.size;
      this.formats.set(format, fmt);
    }
    this.list.push({ fmt, bold });
    this.xfs.set(key, this.list.length - 1);
    return this.list.length - 1;
  }

  toXml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xml(code)}"/>`).join("");
    const xfs = this.list
      .map(({ fmt, bold }) => `<xf numFmtId="${fmt}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${fmt ? ' applyNumberFormat="1"' : ""}${bold ? ' applyFont="1"' : ""}/>`)
      .join("");
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : "") +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.list.length}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function sheetXml(sheet: SheetOut, styles: Styles): string {
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b).map((r) => {
    const cells = sheet.rows.get(r)!;
    const body = [...cells.keys()].sort((a, b) => a - b).map((c) => {
      const { cell, format, bold } = cells.get(c)!;
      const ref = `${columnLetters(c - 1)}${r}`;
      const s = styles.index(format, bold);
      const style = s ? ` s="${s}"` : "";
      switch (cell.kind) {
        case "n":
          return `<c r="${ref}"${style}><v>${cell.v}</v></c>`;
        case "b":
          return `<c r="${ref}"${style} t="b"><v>${cell.v ? 1 : 0}</v></c>`;
        case "e":
          return `<c r="${ref}"${style} t="e"><v>${xml(cell.v)}</v></c>`;
        default:
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml(cell.v)}</t></is></c>`;
      }
    });
    return `<row r="${r}">${body.join("")}</row>`;
  });
  const cols = sheet.widths.length
    ? `<cols>${sheet.widths.map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}">${cols}<sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** Zips sheets into an .xlsx. */
export function writeXlsx(sheets: SheetOut[]): Uint8Array {
  const styles = new Styles();
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s, styles))));
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  files["[Content_Types].xml"] = strToU8(
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      `</Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `${head}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  );
  files["xl/styles.xml"] = strToU8(styles.toXml());
  return zipSync(files);
}

export async function buildValuesWorkbook(input: ValuesWorkbookInput): Promise<string> {
  const used = new Set<string>();
  for (const { name } of input.sheets) {
    // Excel holds sheet names equal whatever their case, and refuses a file with two alike.
    if (used.has(name.toLowerCase())) throw new Error(`sheets: "${name}" is listed more than once; each sheet is shared once`);
    used.add(name.toLowerCase());
  }
  let noteName = NOTE_SHEET;
  for (let i = 2; used.has(noteName.toLowerCase()); i++) noteName = `${NOTE_SHEET} ${i}`;

  const note = newSheet(noteName);
  const set = input.set;
  const facts: Array<[string, string | number]> = [
    ["Shared from", input.sourceName],
    ["Shared at (UTC)", input.sharedAt.toISOString().replace("T", " ").slice(0, 16)],
    ["Assumption set", set.id],
    ["Set name", set.name],
    ["Vintage", set.vintage],
    ["Base year", set.base_year],
    ["Edited", input.edited ? `yes${input.reference ? `, from reference set ${input.reference}` : ""}` : "no, as published in the add-in"],
    [
      "What this is",
      "A copy with every formula replaced by the value it showed, for readers without the INFRA add-in (who would see #NAME? in INFRA cells). Values do not update; charts and other objects are not carried.",
    ],
    ["Sheets", input.sheets.map((s) => s.name).join(", ")],
  ];
  put(note, 1, 1, "INFRA for Excel: values shared from an assumption set", "General", true);
  facts.forEach(([k, v], i) => {
    put(note, i + 3, 1, k);
    put(note, i + 3, 2, v);
  });
  const tableTop = facts.length + 5;
  put(note, tableTop - 1, 1, "Parameters of the sets the workbook kept (active first)", "General", true);
  [[...AUDIT_HEADER], ...auditRows(input.state)].forEach((row, r) => row.forEach((v, c) => put(note, tableTop + r, c + 1, v, "General", r === 0)));
  note.widths.push([1, 24], [2, 60]);

  const out = [note];
  for (const snap of input.sheets) {
    const sheet = newSheet(snap.name);
    out.push(sheet);
    if (!snap.address) continue;
    const origin = topLeft(snap.address);
    snap.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const fmt = snap.numberFormat[r]?.[c];
        put(sheet, origin.row + r, origin.col + c, v, typeof fmt === "string" && fmt !== "" ? fmt : "General");
      }),
    );
  }
  return toBase64(writeXlsx(out));
}

/** Base64 with the platform's btoa (browsers and Node alike), in slices to keep argument lists short. */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
