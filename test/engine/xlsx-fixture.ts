/**
 * Workbooks for the recalc tests, written as SpreadsheetML text and zipped
 * with fflate (no spreadsheet library), so a test says exactly which bytes
 * each part holds.
 */
import zlib from "node:zlib";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export interface FixtureSheet {
  name: string;
  /** The inside of `<sheetData>`. */
  rows: string;
  /** Extra parts of the sheet element after sheetData (e.g. `<tableParts…>`). */
  after?: string;
}

export interface FixtureOptions {
  sharedStrings?: string[];
  /** `<definedName>` elements. */
  definedNames?: string;
  /** A dynamic-array metadata part (cm="1" marks a spilling formula), as Excel writes it. */
  dynamicArrays?: boolean;
  /** Parts added as they are (path → text). */
  extra?: Record<string, string>;
  /** Leave out xl/workbook.xml (and its relationship). */
  withoutWorkbook?: boolean;
  /** The workbook counts dates from 1904 (`<workbookPr date1904="1"/>`). */
  date1904?: boolean;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

export function fixtureParts(sheets: FixtureSheet[], options: FixtureOptions = {}): Zippable {
  const files: Record<string, string> = {};
  const overrides = sheets.map(
    (_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  files["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`;
  files["_rels/.rels"] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const rels = sheets.map(
    (_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (options.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`);
    files["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">${options.sharedStrings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join("")}</sst>`;
  }
  if (options.dynamicArrays) {
    rels.push(`<Relationship Id="rIdM" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/>`);
    files["xl/metadata.xml"] = METADATA_XML;
  }
  files["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
  if (!options.withoutWorkbook) {
    files["xl/workbook.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}>${options.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${options.definedNames ? `<definedNames>${options.definedNames}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`;
  }
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${s.rows}</sheetData>${s.after ?? ""}</worksheet>`;
  });
  Object.assign(files, options.extra ?? {});
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(files)) zippable[name] = strToU8(text);
  return zippable;
}

export function buildXlsx(sheets: FixtureSheet[], options: FixtureOptions = {}): Buffer {
  return Buffer.from(zipSync(fixtureParts(sheets, options), { level: 6 }));
}

/** Every part of a package, inflated. */
export function partsOf(bytes: Uint8Array): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, Buffer.from(data)]));
}

export function text(parts: Map<string, Buffer>, name: string): string {
  const part = parts.get(name);
  if (!part) throw new Error(`no part ${name}`);
  return part.toString("utf8");
}

export interface RawEntry {
  name: string;
  /** Raw deflate data. */
  data: Buffer;
  /** The size the zip directory declares. */
  declared: number;
  crc: number;
}

/** A zip written field by field, so a test can make its directory lie. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const records: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(e.crc, 16);
    record.writeUInt32LE(e.data.length, 20);
    record.writeUInt32LE(e.declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    records.push(record, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const honest = (name: string, content: Buffer): RawEntry => ({ name, data: zlib.deflateRawSync(content), declared: content.length, crc: zlib.crc32(content) });

/** `unit` repeated `times` times, deflated once and the compressed block repeated (each block refers only to itself). */
export function repeated(unit: string, times: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.from(unit), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: times }, () => block), zlib.deflateRawSync(Buffer.alloc(0))]);
}

/** A workbook with one INFRA formula whose sheet part is replaced by `sheet`. */
export function workbookWithSheet(sheet: RawEntry): Buffer {
  const parts = fixtureParts([{ name: "Model", rows: '<row r="1"><c r="A1"><f>INFRA.POWER_GAP_GW(2028)</f></c></row>' }]);
  return rawZip(Object.entries(parts).map(([name, data]) => (name === "xl/worksheets/sheet1.xml" ? { ...sheet, name } : honest(name, Buffer.from(data as Uint8Array)))));
}

