/**
 * The generated metadata kept between processes (node_modules/.cache) is
 * always what the generator gives for functions.ts as it is: a damaged or
 * altered cache file is regenerated, never believed.
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

  it("gives what the generator gives, and keeps it for the next process", async () => {
    const expected = await fresh();
    expect(await generatedMetadata()).toEqual(expected);
    expect(JSON.parse(fs.readFileSync(metadataCacheFile(), "utf8"))).toEqual(expected);
  });

  it.each([
    ["half a file", (text: string) => text.slice(0, text.length / 2)],
    ["another shape", () => JSON.stringify({ metadataJson: 3, associate: "x" })],
    ["null", () => "null"],
  ])("regenerates a cache file holding %s", async (_what, damage) => {
    const expected = await fresh();
    await generatedMetadata();
    const file = metadataCacheFile();
    fs.writeFileSync(file, damage(fs.readFileSync(file, "utf8")));
    expect(await generatedMetadata()).toEqual(expected);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(expected);
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
