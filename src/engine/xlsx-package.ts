/**
 * The parts of an .xlsx package `recalc` reads: the workbook (sheets, defined
 * names, date system), the shared strings and every worksheet, found through
 * the package's relationships (ECMA-376 Part 2) rather than assumed paths.
 * Worksheets are counted cell by cell while they inflate, so a sheet with too
 * many cells is refused before anything large is built.
 */
import path from "node:path";
import { openZip, readEntry, type InflateBudget, type ZipArchive, type ZipEntry } from "./xlsx-zip";
import { attributes, decodeText, scanTags, unescapeXstring } from "./xlsx-xml";
import { parseSheet, type ParsedSheet } from "./xlsx-sheet";

/** The package cannot be read as a workbook (the message says why). */
export class PackageError extends Error {}

export interface PackageLimits {
  /** Most bytes all parts read may unpack to. */
  maxUnpackedBytes: number;
  /** Most cells all worksheets may hold. */
  maxCells: number;
}

export interface PackageSheet {
  name: string;
  /** Worksheet part name (e.g. `xl/worksheets/sheet1.xml`); null for a chart sheet or a sheet without a part. */
  part: string | null;
  entry: ZipEntry | null;
  parsed: ParsedSheet | null;
}

export interface DefinedName {
  name: string;
  /** Index of the sheet it belongs to (`localSheetId`), or undefined for the workbook. */
  sheet?: number;
  formula: string;
}

export interface WorkbookPackage {
  zip: ZipArchive;
  sheets: PackageSheet[];
  sharedStrings: string[];
  names: DefinedName[];
  date1904: boolean;
  cells: number;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;

/** Relationships of a part: id → {type, target part name}. */
function relationships(text: string, source: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  scanTags(text, 0, (tag) => {
    if (tag.name !== "Relationship" || tag.closing) return;
    const a = attributes(tag.attributes);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id === undefined || target === undefined || a.get("TargetMode") === "External") return;
    const base = path.posix.dirname(source === "" ? "/" : `/${source}`);
    const resolved = target.startsWith("/") ? target : path.posix.join(base, target);
    out.set(id, { type: a.get("Type") ?? "", target: path.posix.normalize(decodeURIComponent(resolved)).replace(/^\/+/, "") });
  });
  return out;
}

function relsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`).replace(/^\.\//, "");
}

/**
 * Streams each worksheet's bytes, counting cell elements (`<c ` or `<x:c>`)
 * across chunk boundaries; refuses as soon as the workbook passes `maxCells`.
 */
class CellCounter {
  count = 0;
  /** The bytes after the last "<" of the previous chunk: a tag cut in two is counted with the next one. */
  private carry: Uint8Array = new Uint8Array(0);
  constructor(
    private readonly max: number,
    private readonly part: string,
    private readonly before: number,
  ) {
    this.count = before;
  }
  push(chunk: Uint8Array): void {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let last = -1;
    for (let i = bytes.indexOf(0x3c); i >= 0; i = bytes.indexOf(0x3c, i + 1)) {
      last = i;
      // `<c` then a space, `>` or `/`; or `<prefix:c` likewise.
      let j = i + 1;
      while (j < bytes.length && j - i < 32 && isNameByte(bytes[j])) j++;
      if (j >= bytes.length) break; // cut at the chunk's end
      let nameStart = i + 1;
      if (bytes[j] === 0x3a) {
        nameStart = j + 1;
        j++;
        while (j < bytes.length && j - i < 64 && isNameByte(bytes[j])) j++;
        if (j >= bytes.length) break;
      }
      if (j - nameStart === 1 && bytes[nameStart] === 0x63 && (bytes[j] === 0x20 || bytes[j] === 0x3e || bytes[j] === 0x2f || bytes[j] === 0x09 || bytes[j] === 0x0a || bytes[j] === 0x0d)) this.count++;
      last = -1;
    }
    this.carry = last >= 0 ? Uint8Array.prototype.slice.call(bytes, last, Math.min(bytes.length, last + 80)) : new Uint8Array(0);
    if (this.count > this.max) {
      throw new PackageError(
        `${this.part} takes the workbook past ${this.max.toLocaleString("en-US")} cells (${(this.count - this.before).toLocaleString("en-US")} in this sheet so far); recalc handles workbooks up to ${this.max.toLocaleString("en-US")} cells`,
      );
    }
  }
}

/** A byte of an XML name (ASCII letters, digits, `_`, `-`, `.`); any byte ≥ 0x80 too. */
function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e || b >= 0x80;
}

export async function readPackage(bytes: Buffer, limits: PackageLimits, limitText: string): Promise<WorkbookPackage> {
  const zip = openZip(bytes);
  const budget: InflateBudget = { used: 0, limit: limits.maxUnpackedBytes, limitText };
  const entry = (part: string) => zip.byName.get(part.toLowerCase());
  const text = async (part: string): Promise<string | undefined> => {
    const e = entry(part);
    return e ? (await readEntry(zip, e, budget)).toString("latin1") : undefined;
  };

  const rootRels = await text("_rels/.rels");
  const main = rootRels ? [...relationships(rootRels, "").values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target : undefined;
  const workbookPart = main && entry(main) ? main : entry("xl/workbook.xml") ? "xl/workbook.xml" : undefined;
  if (!workbookPart) throw new PackageError("the package has no workbook part (xl/workbook.xml); it is not an .xlsx workbook");
  const workbookXml = (await text(workbookPart)) as string;
  const workbookRels = relationships((await text(relsPartOf(workbookPart))) ?? "", workbookPart);

  const sheets: PackageSheet[] = [];
  const names: DefinedName[] = [];
  let date1904 = false;
  let nameOpen: { name: string; sheet?: number; start: number } | undefined;
  scanTags(workbookXml, 0, (tag) => {
    if (tag.name === "sheet" && !tag.closing) {
      const a = attributes(tag.attributes);
      const rel = a.get("id") === undefined ? undefined : workbookRels.get(a.get("id") as string);
      const part = rel && REL_WORKSHEET.test(rel.type) ? rel.target : null;
      sheets.push({ name: a.get("name") ?? `Sheet${sheets.length + 1}`, part, entry: part ? (entry(part) ?? null) : null, parsed: null });
    } else if (tag.name === "workbookPr" && !tag.closing) {
      const v = attributes(tag.attributes).get("date1904");
      date1904 = v === "1" || v === "true";
    } else if (tag.name === "definedName") {
      if (!tag.closing && !tag.selfClosing) {
        const a = attributes(tag.attributes);
        const local = a.get("localSheetId");
        nameOpen = { name: a.get("name") ?? "", start: tag.end, ...(local !== undefined ? { sheet: Number(local) } : {}) };
      } else if (tag.closing && nameOpen) {
        names.push({ name: nameOpen.name, formula: decodeText(workbookXml.slice(nameOpen.start, tag.start)), ...(nameOpen.sheet !== undefined ? { sheet: nameOpen.sheet } : {}) });
        nameOpen = undefined;
      }
    }
  });
  if (sheets.length === 0) throw new PackageError(`${workbookPart} lists no sheets`);

  const sharedPart = [...workbookRels.values()].find((r) => REL_SHARED_STRINGS.test(r.type))?.target;
  const sharedStrings = sharedPart && entry(sharedPart) ? parseSharedStrings((await text(sharedPart)) as string) : [];

  let cells = 0;
  for (const sheet of sheets) {
    if (!sheet.entry || !sheet.part) continue;
    const counter = new CellCounter(limits.maxCells, sheet.part, cells);
    const xml = (await readEntry(zip, sheet.entry, budget, (chunk) => counter.push(chunk))).toString("latin1");
    cells = counter.count;
    try {
      sheet.parsed = parseSheet(xml, sheet.part);
    } catch (e) {
      throw new PackageError((e as Error).message);
    }
  }
  return { zip, sheets, sharedStrings, names, date1904, cells };
}

/** The shared-string table: each `<si>`'s text runs joined, phonetic runs (`<rPh>`) left out. */
function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let phonetic = 0;
  let tStart = -1;
  let text = "";
  scanTags(xml, 0, (tag, cdata) => {
    if (tag.name === "#cdata") {
      if (tStart >= 0) {
        text += xml.slice(tStart, tag.start) + cdata;
        tStart = tag.end;
      }
      return;
    }
    if (tag.name === "si") {
      if (tag.closing) {
        out.push(current ?? "");
        current = null;
      } else if (tag.selfClosing) out.push("");
      else current = "";
    } else if (tag.name === "rPh") phonetic += tag.closing ? -1 : tag.selfClosing ? 0 : 1;
    else if (tag.name === "t" && current !== null && phonetic === 0) {
      if (tag.closing && tStart >= 0) {
        current += unescapeXstring(decodeText(text + xml.slice(tStart, tag.start)));
        tStart = -1;
      } else if (!tag.closing && !tag.selfClosing) {
        tStart = tag.end;
        text = "";
      }
    }
  });
  return out;
}
