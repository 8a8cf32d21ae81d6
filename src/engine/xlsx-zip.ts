/**
 * The zip container of an .xlsx, read and written so that untouched parts stay
 * byte for byte what they were.
 *
 * Reading: the central directory gives each entry's name, sizes and offset.
 * Only the parts `recalc` needs are inflated, through a Node zlib stream (the
 * native inflater) with a running byte count: a part that inflates past the
 * size the directory declares, or a running total past the caller's limit, is
 * refused as soon as the chunk that crosses it arrives, and the stream is
 * stopped (a directory can lie; the count cannot).
 *
 * Writing: every entry is copied as its raw bytes (local header, compressed
 * data, data descriptor) and its central-directory record is copied too, only
 * the offset field moved. A replaced part gets a new local header and record
 * (same name, extra field, attributes and time stamp) with its new data
 * deflated. No library writes a zip this way (they all recompress or rebuild
 * headers), which is why the container is handled here; the compression
 * itself is fflate's and Node's zlib.
 */
import zlib from "node:zlib";

/** A refusal that names the part and the limit it hit. */
export class ZipLimitError extends Error {}
/** A container that is not a readable zip. */
export class ZipFormatError extends Error {}

export interface ZipEntry {
  name: string;
  /** Offset of the central-directory record in the input. */
  recordOffset: number;
  recordLength: number;
  localOffset: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  /** What the directory says the entry unpacks to (it may lie; see readEntry). */
  declaredSize: number;
}

export interface ZipArchive {
  bytes: Buffer;
  entries: ZipEntry[];
  /** Entries by part name (lower case, "/" separators); a Map, so names such as "__proto__" are plain keys. */
  byName: Map<string, ZipEntry>;
  /** The end-of-central-directory record, comment included. */
  end: Buffer;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
const END_SIZE = 22;

/** Reads the central directory; nothing is inflated. */
export function openZip(bytes: Buffer): ZipArchive {
  let endAt = -1;
  // The end record sits in the last 22 bytes plus a comment of up to 65,535.
  for (let i = bytes.length - END_SIZE; i >= Math.max(0, bytes.length - END_SIZE - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === SIG_END) {
      endAt = i;
      break;
    }
  }
  if (endAt < 0) throw new ZipFormatError("no zip directory found (the file is truncated or not a zip archive)");
  const count = bytes.readUInt16LE(endAt + 10);
  const directorySize = bytes.readUInt32LE(endAt + 12);
  const directoryOffset = bytes.readUInt32LE(endAt + 16);
  if (bytes.readUInt16LE(endAt + 4) !== 0 || bytes.readUInt16LE(endAt + 6) !== 0 || count !== bytes.readUInt16LE(endAt + 8)) {
    throw new ZipFormatError("the zip spans several disks");
  }
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new ZipFormatError("the zip uses the Zip64 format, which no workbook under 4 GB needs");
  }
  if (directoryOffset + directorySize > endAt) throw new ZipFormatError("the zip directory lies outside the file");
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > endAt || bytes.readUInt32LE(at) !== SIG_CENTRAL) throw new ZipFormatError("the zip directory is damaged");
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const recordLength = 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: UTF-8 names; otherwise code page 437, whose ASCII range is all a package uses.
    const name = nameBytes.toString(flags & 0x800 ? "utf8" : "latin1");
    const entry: ZipEntry = {
      name,
      recordOffset: at,
      recordLength,
      localOffset: bytes.readUInt32LE(at + 42),
      flags,
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw new ZipFormatError(`${name}: Zip64 sizes, which no workbook under 4 GB needs`);
    }
    // Part names are case-insensitive (ECMA-376 Part 2, 6.2.2.3); some writers separate folders with backslashes.
    const lookup = name.replace(/\\/g, "/").toLowerCase();
    if (byName.has(lookup)) throw new ZipFormatError(`the zip holds two entries named ${name}`);
    dataRange(bytes, entry); // checks the local header now, before anything is written
    byName.set(lookup, entry);
    entries.push(entry);
    at += recordLength;
  }
  return { bytes, entries, byName, end: Buffer.from(bytes.subarray(endAt)) };
}

/** Where an entry's compressed data starts and its raw span (local header to end of data descriptor) ends. */
function dataRange(bytes: Buffer, entry: ZipEntry): { dataStart: number; spanEnd: number } {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== SIG_LOCAL) throw new ZipFormatError(`${entry.name}: damaged local header`);
  const dataStart = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  let spanEnd = dataStart + entry.compressedSize;
  if (spanEnd > bytes.length) throw new ZipFormatError(`${entry.name}: data runs past the end of the file`);
  if (entry.flags & 0x8) {
    // A data descriptor follows: crc, sizes, with or without its signature.
    spanEnd += spanEnd + 4 <= bytes.length && bytes.readUInt32LE(spanEnd) === SIG_DESCRIPTOR ? 16 : 12;
    if (spanEnd > bytes.length) throw new ZipFormatError(`${entry.name}: data descriptor runs past the end of the file`);
  }
  return { dataStart, spanEnd };
}

/** A running count shared by every part inflated from one archive. */
export interface InflateBudget {
  /** Bytes inflated so far, all parts together. */
  used: number;
  /** The most all parts together may inflate to. */
  limit: number;
  /** How the limit reads in a refusal ("200 MB"). */
  limitText: string;
}

/** Output chunk of the inflater: a few per part, and never a large allocation however well the input compresses. */
const CHUNK = 64 * 1024;

/**
 * Inflates one entry as a stream. `onChunk` sees each piece as it is produced
 * (to count cells while a sheet streams) and may throw to stop. Refuses the
 * entry as soon as it exceeds its declared size or the budget.
 */
export async function readEntry(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, onChunk?: (chunk: Uint8Array) => void): Promise<Buffer> {
  if (entry.flags & 0x1) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}; an .xlsx uses deflate`);
  if (budget.used + entry.declaredSize > budget.limit) {
    throw new ZipLimitError(`${entry.name} declares ${mb(entry.declaredSize)}, which takes the workbook past ${budget.limitText} unpacked`);
  }
  const { dataStart } = dataRange(zip.bytes, entry);
  const data = zip.bytes.subarray(dataStart, dataStart + entry.compressedSize);
  const pieces: Uint8Array[] = [];
  let size = 0;
  const take = (piece: Uint8Array) => {
    size += piece.length;
    budget.used += piece.length;
    if (size > entry.declaredSize) {
      throw new ZipLimitError(`${entry.name} unpacks to more than the ${entry.declaredSize.toLocaleString("en-US")} bytes its zip directory declares; refused`);
    }
    if (budget.used > budget.limit) throw new ZipLimitError(`${entry.name} takes the workbook past ${budget.limitText} unpacked; refused`);
    onChunk?.(piece);
    pieces.push(piece);
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) take(data.subarray(i, Math.min(data.length, i + CHUNK)));
  } else if (data.length > 0) {
    await inflateStream(data, entry.name, take);
  }
  // A deflated entry of no bytes at all (some writers store an empty part so) is an empty part, as zip readers take it.
  const out = Buffer.concat(pieces, size);
  if (size !== entry.declaredSize) throw new ZipFormatError(`${entry.name} unpacks to ${size} bytes, not the ${entry.declaredSize} its zip directory declares`);
  if (zlib.crc32(out) !== entry.crc) throw new ZipFormatError(`${entry.name} is damaged (its checksum does not match)`);
  return out;
}

/** Raw deflate data through zlib, a chunk at a time; a throw from `take` stops the stream and rejects with that error. */
function inflateStream(data: Uint8Array, name: string, take: (piece: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
    let stopped = false;
    inflater.on("data", (piece: Buffer) => {
      if (stopped) return;
      try {
        take(piece);
      } catch (e) {
        stopped = true;
        inflater.destroy();
        reject(e);
      }
    });
    inflater.on("error", (e) => {
      if (stopped) return;
      stopped = true;
      reject(new ZipFormatError(`${name} cannot be inflated: ${e.message}`));
    });
    inflater.on("end", () => {
      if (!stopped) resolve();
    });
    inflater.end(data);
  });
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}

/**
 * The archive again, with `replaced` parts (by entry name) holding new
 * content; every other entry is copied byte for byte, in the same order.
 */
export function writeZip(zip: ZipArchive, replaced: Map<string, Buffer>): Buffer {
  const out: Buffer[] = [];
  const records: Buffer[] = [];
  let offset = 0;
  for (const entry of zip.entries) {
    const record = Buffer.from(zip.bytes.subarray(entry.recordOffset, entry.recordOffset + entry.recordLength));
    const content = replaced.get(entry.name);
    if (content === undefined) {
      const { spanEnd } = dataRange(zip.bytes, entry);
      out.push(zip.bytes.subarray(entry.localOffset, spanEnd));
      record.writeUInt32LE(offset, 42);
      offset += spanEnd - entry.localOffset;
    } else {
      const at = entry.localOffset;
      const headerLength = 30 + zip.bytes.readUInt16LE(at + 26) + zip.bytes.readUInt16LE(at + 28);
      const header = Buffer.from(zip.bytes.subarray(at, at + headerLength));
      const data = zlib.deflateRawSync(content);
      const crc = zlib.crc32(content);
      // Sizes now sit in the headers: no data descriptor (bit 3 cleared); deflate, normal level (bits 1–2 cleared).
      const flags = entry.flags & ~0x8 & ~0x6;
      for (const [buffer, base] of [
        [header, 6],
        [record, 8],
      ] as const) {
        buffer.writeUInt16LE(flags, base);
        buffer.writeUInt16LE(8, base + 2);
        buffer.writeUInt32LE(crc, base + 8);
        buffer.writeUInt32LE(data.length, base + 12);
        buffer.writeUInt32LE(content.length, base + 16);
      }
      record.writeUInt32LE(offset, 42);
      out.push(header, data);
      offset += header.length + data.length;
    }
    records.push(record);
  }
  const directory = Buffer.concat(records);
  const end = Buffer.from(zip.end);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
}
