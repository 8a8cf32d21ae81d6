/** The zip reader recalc uses, on entries written by hand byte for byte. */
import { openZip, readEntry } from "../../src/engine/xlsx-zip";

/** A one-entry zip: `name`, deflate (method 8), with `data` as its compressed bytes and the sizes and CRC given. */
function oneEntryZip(name: string, data: Buffer, size: number, crc: number): Buffer {
  const n = Buffer.from(name, "latin1");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryAt = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

const budget = () => ({ used: 0, limit: 1_000_000, limitText: "1 MB" });

test("a deflated entry of no bytes at all reads as an empty part", async () => {
  const zip = openZip(oneEntryZip("xl/empty.xml", Buffer.alloc(0), 0, 0));
  expect((await readEntry(zip, zip.entries[0], budget())).length).toBe(0);
});

test("a deflated empty part as zlib writes it (03 00) reads as empty too", async () => {
  const zip = openZip(oneEntryZip("xl/empty.xml", Buffer.from([0x03, 0x00]), 0, 0));
  expect((await readEntry(zip, zip.entries[0], budget())).length).toBe(0);
});

test("deflate data that ends too soon is refused, naming the part", async () => {
  // 0x04: a stored block header with its length missing.
  const zip = openZip(oneEntryZip("xl/cut.xml", Buffer.from([0x04]), 5, 0));
  await expect(readEntry(zip, zip.entries[0], budget())).rejects.toThrow(/xl\/cut\.xml cannot be inflated/);
});
