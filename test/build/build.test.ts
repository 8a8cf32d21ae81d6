/**
 * The production build: functions.json generated with every function and
 * parameter described, help.html generated from the same metadata, and
 * `npm run build` leaving exactly the add-in in its output folder, with the
 * production address swapped into every file that names the development one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildAddin, builtAddin, entryFile, sharedBuild, type BuildInfo } from "../support/built-addin";

interface Metadata {
  functions: { id: string; description: string; parameters: { name: string; description?: string }[] }[];
}

test("functions.json holds every INFRA function, each parameter described", async () => {
  const dist = await builtAddin();
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
  expect(metadata.functions.length).toBeGreaterThanOrEqual(18);
  for (const f of metadata.functions) {
    expect(f.description).toBeTruthy();
    for (const p of f.parameters) expect(p.description).toBeTruthy();
  }
  // the build appended one CustomFunctions.associate call per function to the functions bundle
  const bundle = fs.readFileSync(path.join(dist, entryFile(sharedBuild(), "functions")), "utf8");
  for (const f of metadata.functions) expect(bundle).toContain(`CustomFunctions.associate("${f.id}"`);
});

test("help.html has a section for every function's help link", async () => {
  const dist = await builtAddin();
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
  const help = fs.readFileSync(path.join(dist, "help.html"), "utf8");
  // the page may be minified: attribute quotes are optional
  for (const f of metadata.functions) expect(help).toMatch(new RegExp(`id="?${f.id.toLowerCase()}"?[ >]`));
});

/**
 * What `npm run build` may leave in dist/: the manifest, the pages, the add-in's
 * content-hashed bundles (with their licence notes, if any), the icons the
 * manifest names and functions.json. Nothing else: no playground, no
 * HyperFormula, no source maps.
 */
function unexpectedFiles(info: BuildInfo): string[] {
  const bundles = new Set(["functions", "taskpane"].flatMap((e) => info.entryChunks[e].flatMap((c) => c.files)));
  const allowed = (f: string) =>
    ["manifest.xml", "taskpane.html", "help.html", "functions.json"].includes(f) ||
    /^assets\/icon-(16|32|64|80)\.png$/.test(f) ||
    (bundles.has(f.replace(/\.LICENSE\.txt$/, "")) && /^[a-z-]+\.[0-9a-f]{20}\.js(\.LICENSE\.txt)?$/.test(f));
  return info.files.filter((f) => !allowed(f));
}

describe("npm run build with INFRA_URL", () => {
  let dir: string;
  let info: BuildInfo;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-url-"));
    info = buildAddin(dir, { url: "https://addins.example.com/infra/" });
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("leaves exactly the add-in's files: no playground, no HyperFormula, no source maps", () => {
    expect(unexpectedFiles(info)).toEqual([]);
    // Everything the add-in needs is there.
    for (const f of ["manifest.xml", "taskpane.html", "help.html", "functions.json", "assets/icon-80.png"]) expect(info.files).toContain(f);
    expect(info.files.filter((f) => /\.js$/.test(f)).length).toBe(5); // functions, taskpane, share-values, power-sheet, sensitivity-sheet
    expect(info.entryChunks.playground).toBeUndefined();
    for (const f of info.files.filter((f) => f.endsWith(".js"))) expect(fs.readFileSync(path.join(dir, f), "utf8")).not.toMatch(/HyperFormula|sourceMappingURL/);
  });

  test("the listing check itself refuses a playground, a source map and a stray file", () => {
    for (const extra of ["playground.html", `${entryFile(info, "functions")}.map`, "playground.0123456789abcdef0123.js", "assets/icon-128.png", "office-js/office.js"]) {
      expect(unexpectedFiles({ ...info, files: [...info.files, extra] })).toEqual([extra]);
    }
  });

  test("swaps the development address in the manifest, metadata and pages, and names the hashed functions bundle", () => {
    for (const file of ["manifest.xml", "functions.json", "help.html", "taskpane.html"]) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      expect(text).not.toContain("https://localhost:3000/");
    }
    const manifest = fs.readFileSync(path.join(dir, "manifest.xml"), "utf8");
    expect(manifest).toContain('DefaultValue="https://addins.example.com/infra/taskpane.html"');
    expect(manifest).toContain('DefaultValue="https://addins.example.com/infra/functions.json"');
    expect(manifest).toContain(`DefaultValue="https://addins.example.com/infra/${entryFile(info, "functions")}"`);
  });
});
