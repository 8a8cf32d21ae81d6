/**
 * The offline manifest check: passes on the project's manifest.xml and names
 * the problem in every broken copy (each made by one edit of the real file).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkManifest, main, type ProblemKind } from "../../src/tools/manifest-check";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const ASSETS = path.join(ROOT, "assets");

const kinds = (xml: string, assetsDir = ASSETS) => checkManifest(xml, { assetsDir }).map((p) => p.kind);

/** The manifest with one edit; fails loudly if the text to replace is not there. */
function broken(find: string | RegExp, replace: string): string {
  const out = MANIFEST.replace(find, replace);
  if (out === MANIFEST) throw new Error(`edit did not apply: ${String(find)}`);
  return out;
}

test("manifest.xml passes", () => {
  expect(checkManifest(MANIFEST, { assetsDir: ASSETS })).toEqual([]);
});

const RUNTIME = '<Runtime resid="Taskpane.Url" lifetime="long"/>';

const CASES: [string, string, ProblemKind][] = [
  ["malformed XML (unclosed element)", broken("</Hosts>\n  <Requirements>", "<Requirements>"), "malformed-xml"],
  ["malformed XML (bad attribute)", broken('<Host Name="Workbook"/>', "<Host Name=Workbook/>"), "malformed-xml"],
  ["an unresolved resource id", broken('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Nmspace"/>'), "unresolved-resid"],
  ["a resource id of the wrong kind", broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Group.Label"/>'), "wrong-resource-kind"],
  ["two runtimes", broken(RUNTIME, `${RUNTIME}\n          <Runtime resid="Help.Url" lifetime="long"/>`), "runtime-count"],
  ["no runtime", broken(RUNTIME, ""), "runtime-count"],
  ["a short-lived runtime", broken(RUNTIME, '<Runtime resid="Taskpane.Url" lifetime="short"/>'), "runtime-lifetime"],
  [
    "the functions page differing from the runtime page",
    broken(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="Help.Url"/>'),
    "functions-page",
  ],
  ["the function file on another page", broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Help.Url"/>'), "function-file"],
  [
    "the task pane on another page",
    broken(/<TaskpaneId>Infra.Taskpane<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<TaskpaneId>Infra.Taskpane</TaskpaneId><SourceLocation resid="Help.Url"/>'),
    "taskpane-page",
  ],
  ["a missing namespace", broken('<Namespace resid="Functions.Namespace"/>', ""), "namespace"],
  ["an invalid namespace", broken('<bt:String id="Functions.Namespace" DefaultValue="INFRA"/>', '<bt:String id="Functions.Namespace" DefaultValue="IN FRA!"/>'), "namespace"],
  ["no SharedRuntime requirement", broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), "shared-runtime-requirement"],
  ["an http address", broken('DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'), "https"],
  ["a missing icon", broken("assets/icon-80.png", "assets/icon-81.png"), "icon"],
  ["an icon of the wrong size", broken('<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>'), "icon"],
  ["top-level elements out of order", broken(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)([\s\S]*?)(<Permissions>ReadWriteDocument<\/Permissions>)/, "$3$2$1"), "element-order"],
  ["Version before Id", broken(/(<Id>.*<\/Id>)(\s*)(<Version>.*<\/Version>)/, "$3$2$1"), "element-order"],
  ["a missing required element", broken(/<ProviderName>.*<\/ProviderName>/, ""), "missing-element"],
  ["a duplicate resource id", broken('<bt:Url id="Help.Url"', '<bt:Url id="Taskpane.Url"'), "duplicate-resource"],
];

test.each(CASES)("fails on %s, naming the problem", (_, xml, kind) => {
  expect(kinds(xml)).toContain(kind);
});

test("the icons are looked up in the assets folder given", () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "infra-assets-"));
  try {
    expect(kinds(MANIFEST, empty).filter((k) => k === "icon").length).toBeGreaterThanOrEqual(5);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

describe("the command", () => {
  const run = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(args, (s) => out.push(s), (s) => err.push(s));
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-manifest-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("exits 0 on manifest.xml, 1 naming each problem of a broken copy, 2 for a missing file", () => {
    expect(run([path.join(ROOT, "manifest.xml")]).code).toBe(0);
    const file = path.join(dir, "two-runtimes.xml");
    fs.writeFileSync(file, CASES.find(([, , k]) => k === "runtime-count")![1]);
    const r = run([file, "--assets", ASSETS]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/two-runtimes\.xml: runtime-count: the manifest must declare exactly one <Runtime>, found 2/);
    expect(run([path.join(dir, "absent.xml")]).code).toBe(2);
  });

  test("npm run --silent lint:manifest -- PATH exits non-zero for a broken copy", () => {
    const file = path.join(dir, "malformed.xml");
    fs.writeFileSync(file, "<OfficeApp><Id></OfficeApp>");
    const bad = spawnSync("npm", ["run", "--silent", "lint:manifest", "--", file], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/malformed-xml/);
    const good = spawnSync("npm", ["run", "--silent", "lint:manifest"], { cwd: ROOT, encoding: "utf8" });
    expect({ status: good.status, stdout: good.stdout.trim() }).toEqual({ status: 0, stdout: "manifest.xml: OK" });
  });
});

describe("one source for both manifests (scripts/manifests.cjs)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const manifests = require("../../scripts/manifests.cjs") as {
    xmlManifest(o?: { baseUrl?: string; functionsScript?: string; version?: string }): string;
    unifiedManifest(o?: { baseUrl?: string; functionsScript?: string; version?: string }): Record<string, unknown>;
    versions(v?: string): { xml: string; json: string };
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require("../../package.json") as { version: string };

  test("the repository's manifest.xml is the generator's output for the development address (npm run manifest)", () => {
    expect(MANIFEST).toBe(manifests.xmlManifest());
  });

  test("both carry package.json's version; a version that is not MAJOR.MINOR.PATCH is refused", () => {
    expect(MANIFEST).toContain(`<Version>${version}.0</Version>`);
    expect(manifests.unifiedManifest().version).toBe(version);
    expect(manifests.versions("1.2.3")).toEqual({ xml: "1.2.3.0", json: "1.2.3" });
    expect(() => manifests.versions("1.2")).toThrow(/MAJOR\.MINOR\.PATCH/);
  });

  test("a production address and a hashed script reach every address of both", () => {
    const options = { baseUrl: "https://addins.example.com/infra", functionsScript: "functions.0123456789abcdef0123.js" };
    const xml = manifests.xmlManifest(options);
    const json = JSON.stringify(manifests.unifiedManifest(options));
    for (const text of [xml, json]) {
      expect(text).not.toContain("localhost");
      expect(text).toContain("https://addins.example.com/infra/functions.0123456789abcdef0123.js");
      expect(text).toContain("https://addins.example.com/infra/taskpane.html");
    }
    expect(checkManifest(xml, { assetsDir: ASSETS })).toEqual([]);
  });
});
