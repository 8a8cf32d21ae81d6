/**
 * The generated metadata kept between processes (node_modules/.cache) is
 * always what the generator gives for functions.ts as it is: a cache file
 * cut short, edited by hand or inconsistent is regenerated, never believed.
 */
import fs from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS_SOURCE, generatedMetadata, METADATA_CACHE_DIR, metadataCacheFile } from "../../src/functions/catalog";

jest.setTimeout(60_000);

async function fresh(): Promise<{ metadataJson: string; associate: { id: string; functionName: string }[] }> {
  const r = await generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], false);
  return { metadataJson: r.metadataJson, associate: r.associate.map((a) => ({ id: a.id, functionName: a.functionName })) };
}

describe("generated metadata cache", () => {
  it("names its file after functions.ts and the generator, inside node_modules/.cache", () => {
    const file = metadataCacheFile();
    expect(path.dirname(file)).toBe(METADATA_CACHE_DIR);
    expect(path.basename(file)).toMatch(/^functions-metadata-[0-9a-f]{32}\.json$/);
    expect(METADATA_CACHE_DIR.split(path.sep).slice(-3)).toEqual(["node_modules", ".cache", "infra-for-excel"]);
  });

  it("gives what the generator gives, and keeps it for the next process with a checksum", async () => {
    const expected = await fresh();
    expect(await generatedMetadata()).toEqual(expected);
    expect(JSON.parse(fs.readFileSync(metadataCacheFile(), "utf8"))).toEqual({ ...expected, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  type Cached = { metadataJson: string; associate: { id: string; functionName: string }[]; sha256: string };
  const edited = (change: (c: Cached) => void) => (text: string) => {
    const c = JSON.parse(text) as Cached;
    change(c);
    return JSON.stringify(c);
  };
  it.each([
    ["half a file", (text: string) => text.slice(0, text.length / 2)],
    ["another shape", () => JSON.stringify({ metadataJson: 3, associate: "x" })],
    ["null", () => "null"],
    ["two wrapper names swapped", edited((c) => ([c.associate[0].functionName, c.associate[1].functionName] = [c.associate[1].functionName, c.associate[0].functionName]))],
    ["an edited description", edited((c) => (c.metadataJson = c.metadataJson.replace(/"description":"[^"]*"/, '"description":"edited"')))],
    ["metadata that does not parse, checksum recomputed", edited((c) => (c.metadataJson = "{"))],
    ["no functions, checksum recomputed", edited((c) => ((c.metadataJson = '{"functions":[]}'), (c.associate = [])))],
  ])("regenerates a cache file holding %s", async (what, damage) => {
    const expected = await fresh();
    await generatedMetadata();
    const file = metadataCacheFile();
    let text = damage(fs.readFileSync(file, "utf8"));
    if (what.includes("checksum recomputed")) {
      // Consistent checksum, inconsistent content: the content checks refuse it too.
      const c = JSON.parse(text) as Cached;
      const { createHash } = await import("node:crypto");
      c.sha256 = createHash("sha256").update(c.metadataJson).update("\0").update(JSON.stringify(c.associate)).digest("hex");
      text = JSON.stringify(c);
    }
    // A new file, not the old one rewritten: node_modules may be hard links shared with another checkout.
    fs.rmSync(file);
    fs.writeFileSync(file, text);
    expect(await generatedMetadata()).toEqual(expected);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject(expected);
  });

  it("drops the files of earlier versions of functions.ts when it writes one", async () => {
    await generatedMetadata();
    const stale = path.join(METADATA_CACHE_DIR, `functions-metadata-${"0".repeat(32)}.json`);
    fs.writeFileSync(stale, "{}");
    fs.rmSync(metadataCacheFile());
    await generatedMetadata();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(metadataCacheFile())).toBe(true);
  });
});
