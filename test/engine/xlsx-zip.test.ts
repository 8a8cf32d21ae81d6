/** The zip reader recalc uses, on entries written by hand byte for byte. */
import { openZip, readEntry } from "../../src/engine/xlsx-zip";
import { rawZip } from "./xlsx-fixture";

/** A one-entry zip: `name`, deflate, with `data` as its compressed bytes and the size and CRC given. */
const oneEntryZip = (name: string, data: Buffer, declared: number, crc: number) => rawZip([{ name, data, declared, crc }]);

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
