/**
 * `npm run package`, run as an administrator's colleague would
 * (INFRA_URL=https://example.com/infra/), into temp folders: the zip unpacks
 * to web/ (exactly the production build), both manifests and the headers file;
 * the offline checks pass on it and name the problem in every broken copy;
 * nothing names localhost. Packaging twice from the same sources gives the same
 * bytes; a change to the functions gives the functions bundle a new name.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync, zipSync } from "fflate";
import { checkPackage, walk } from "../../src/tools/package-check";
import { addressProblem } from "../../src/tools/package";

const ROOT = path.resolve(__dirname, "../..");
const BASE = "https://example.com/infra/";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require("../../package.json") as { version: string };
const NAME = `infra-for-excel-${version}`;

jest.setTimeout(300_000);

/** `npm run package` with `env`, output under `dir` (dist/ too: the repository's is never touched). */
function runPackage(dir: string, env: Record<string, string | undefined>, root = ROOT) {
  return spawnSync("npm", ["run", "--silent", "package", "--", "--out", path.join(dir, "out")], {
    cwd: root,
    env: { ...process.env, INFRA_DIST: path.join(dir, "dist"), OFFICE_JS: "", ...env },
    encoding: "utf8",
  });
}

/** Unpacks a zip's entries into `dir`. */
function unpack(zipFile: string, dir: string): string[] {
  const entries = unzipSync(fs.readFileSync(zipFile));
  for (const [name, bytes] of Object.entries(entries)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
  return Object.keys(entries).sort();
}

describe("refuses an address the analysts' Excel cannot use, before building", () => {
  test.each([
    [undefined, /set INFRA_URL/],
    ["http://example.com/infra/", /must use https/],
    ["https://localhost:3000/", /names this machine/],
    ["https://127.0.0.1/infra/", /names this machine/],
    ["https://[::1]/infra/", /names this machine/],
    ["https://example.com/infra/?v=1", /plain folder address/],
    ["not a url", /not an absolute address/],
    // Every manifest address would carry the password, for every analyst's Excel to read.
    ["https://deploy:secret@example.com/infra/", /user name or password/],
    ["https://[::ffff:127.0.0.1]/infra/", /names this machine/],
    // The address is written into XML, JSON and HTML as it is: & and ' would break the manifests.
    ["https://example.com/r&d/infra/", /path may hold only/],
    ["https://example.com/analysts'/infra/", /path may hold only/],
  ])("%s", (url, says) => {
    expect(addressProblem(url)).toMatch(says);
  });

  test("the command exits 2 with the reason", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-pkg-"));
    try {
      const r = runPackage(dir, { INFRA_URL: "http://example.com/" });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/INFRA_URL must use https/);
      expect(fs.existsSync(path.join(dir, "dist"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("--out without a folder is named as such, not as an unknown argument", () => {
    const r = spawnSync("npm", ["run", "--silent", "package", "--", "--out"], {
      cwd: ROOT,
      env: { ...process.env, INFRA_URL: "https://example.com/infra/", INFRA_DIST: path.join(os.tmpdir(), "infra-pkg-never-built") },
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out needs a folder/);
    expect(r.stderr).not.toMatch(/unknown argument/);
  });
});

describe(`INFRA_URL=${BASE} npm run package`, () => {
  let dir: string;
  let unpacked: string;
  let folder: string;
  let entries: string[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-pkg-"));
    const r = runPackage(dir, { INFRA_URL: BASE });
    if (r.status !== 0) throw new Error(`npm run package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    unpacked = path.join(dir, "unpacked");
    entries = unpack(path.join(dir, "out", `${NAME}.zip`), unpacked);
    folder = path.join(unpacked, NAME);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the zip holds the folder: web/ (exactly the production build), both manifests and the headers", () => {
    const build = walk(path.join(dir, "dist"));
    expect(entries).toEqual([...build.map((f) => `${NAME}/web/${f}`), `${NAME}/app-package.zip`, `${NAME}/hosting/_headers`, `${NAME}/manifest.xml`].sort());
    for (const f of build) expect(fs.readFileSync(path.join(folder, "web", f))).toEqual(fs.readFileSync(path.join(dir, "dist", f)));
    expect(build.filter((f) => /playground|\.map$|office-js/.test(f))).toEqual([]);
  });

  test("passes the offline checks of both manifests, every address and every referenced file", async () => {
    await expect(checkPackage(folder, BASE)).resolves.toEqual([]);
  });

  test("both manifests carry the same id, package.json's version and addresses under INFRA_URL", () => {
    const xml = fs.readFileSync(path.join(folder, "manifest.xml"), "utf8");
    const app = unzipSync(fs.readFileSync(path.join(folder, "app-package.zip")));
    expect(Object.keys(app).sort()).toEqual(["color-192.png", "manifest.json", "outline-32.png"]);
    const json = JSON.parse(Buffer.from(app["manifest.json"]).toString("utf8"));
    expect(xml).toContain(`<Id>${json.id}</Id>`);
    expect(xml).toContain(`<Version>${version}.0</Version>`);
    expect(json.version).toBe(version);
    const runtime = json.extensions[0].runtimes[0];
    expect(runtime.code.page).toBe(`${BASE}taskpane.html`);
    expect(runtime.customFunctions.metadataUrl).toBe(`${BASE}functions.json`);
    expect(runtime.code.script).toMatch(new RegExp(`^${BASE}functions\\.[0-9a-f]{20}\\.js$`));
    expect(xml).toContain(`DefaultValue="${runtime.code.script}"`);
    const addresses = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(addresses.length).toBeGreaterThan(8);
    expect(addresses.filter((a) => !a.startsWith(BASE))).toEqual([]);
  });

  test("localhost appears nowhere in the package", () => {
    const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
    const found: string[] = [];
    for (const f of walk(folder)) {
      const bytes = fs.readFileSync(path.join(folder, f));
      if (text(bytes).includes("localhost")) found.push(f);
      if (f.endsWith(".zip")) for (const [n, b] of Object.entries(unzipSync(bytes))) if (text(b).includes("localhost")) found.push(`${f}:${n}`);
    }
    expect(found).toEqual([]);
  });

  test("hosting/_headers: no-cache pages with their CSP, immutable hashed bundles, CORS on functions.json", () => {
    const headers = fs.readFileSync(path.join(folder, "hosting", "_headers"), "utf8");
    const block = (file: string) => new RegExp(`^/infra/${file.replace(/\./g, "\\.")}\\n((?:  .*\\n)+)`, "m").exec(headers)?.[1] ?? "";
    const page = fs.readFileSync(path.join(folder, "web", "taskpane.html"), "utf8");
    const meta = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(page)?.[1]?.replace(/&#39;/g, "'");
    expect(meta).toBeTruthy();
    expect(block("taskpane.html")).toContain(`  Content-Security-Policy: ${meta}\n`);
    expect(block("taskpane.html")).toContain("  Cache-Control: no-cache\n");
    const bundle = walk(path.join(folder, "web")).find((f) => /^functions\.[0-9a-f]{20}\.js$/.test(f)) as string;
    expect(block(bundle)).toContain("  Cache-Control: public, max-age=31536000, immutable\n");
    expect(block("functions.json")).toContain("  Access-Control-Allow-Origin: *\n");
    expect(block("help.html")).not.toContain("Access-Control-Allow-Origin");
  });

  describe("the offline checks name the problem in a broken copy", () => {
    let copy: string;
    beforeEach(() => {
      copy = fs.mkdtempSync(path.join(os.tmpdir(), "infra-pkg-copy-"));
      fs.cpSync(folder, copy, { recursive: true });
    });
    afterEach(() => fs.rmSync(copy, { recursive: true, force: true }));

    const editApp = (edit: (files: Record<string, Uint8Array>) => void) => {
      const files = unzipSync(fs.readFileSync(path.join(copy, "app-package.zip")));
      edit(files);
      fs.writeFileSync(path.join(copy, "app-package.zip"), zipSync(files));
    };
    const editJson = (edit: (m: Record<string, unknown> & { extensions: { runtimes: { code: { page: string } }[] }[] }) => void) =>
      editApp((files) => {
        const m = JSON.parse(Buffer.from(files["manifest.json"]).toString("utf8"));
        edit(m);
        files["manifest.json"] = Buffer.from(JSON.stringify(m));
      });

    test.each<[string, () => void, RegExp]>([
      ["a file the manifests name is missing", () => fs.rmSync(path.join(copy, "web", "functions.json")), /functions\.json names no file in web/],
      ["an icon of the wrong size", () => fs.copyFileSync(path.join(copy, "web/assets/icon-16.png"), path.join(copy, "web/assets/icon-80.png")), /80.*16×16|16×16.*80/],
      ["an address outside INFRA_URL", () => editJson((m) => (m.extensions[0].runtimes[0].code.page = "https://elsewhere.example.org/taskpane.html")), /not under https:\/\/example\.com\/infra\//],
      ["the manifests disagreeing on the version", () => editJson((m) => (m.version = "9.9.9")), /version 9\.9\.9, package\.json says/],
      ["a unified manifest Microsoft's schema refuses", () => editJson((m) => (m.accentColor = "blue")), /does not match Microsoft's schema v1\.24.*accentColor/],
      ["a colour icon of the wrong size", () => editApp((f) => (f["color-192.png"] = fs.readFileSync(path.join(ROOT, "assets/icon-128.png")))), /the color icon color-192\.png is 128×128, must be 192×192/],
      ["a page that is not HTML", () => fs.writeFileSync(path.join(copy, "web", "help.html"), "{}"), /help\.html is not an HTML page/],
    ])("%s", async (_, breakIt, says) => {
      breakIt();
      const problems = await checkPackage(copy, BASE);
      expect(problems.join("\n")).toMatch(says);
      expect(problems.length).toBeGreaterThan(0);
    });

    test("localhost in any file", async () => {
      fs.appendFileSync(path.join(copy, "web", "help.html"), "<!-- https://localhost:3000/ -->");
      expect((await checkPackage(copy, BASE)).join("\n")).toMatch(/web\/help\.html names localhost/);
    });
  });

  test("packaging again from the same sources gives the same files, names and bytes", () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), "infra-pkg-again-"));
    try {
      const r = runPackage(again, { INFRA_URL: BASE });
      expect(r.status).toBe(0);
      expect(walk(path.join(again, "dist"))).toEqual(walk(path.join(dir, "dist")));
      expect(fs.readFileSync(path.join(again, "out", `${NAME}.zip`)).equals(fs.readFileSync(path.join(dir, "out", `${NAME}.zip`)))).toBe(true);
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });

  test("a change to the functions gives the functions bundle a new name, which the manifests follow", () => {
    // A copy of the project's sources with one more function; node_modules linked, not copied.
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), "infra-pkg-tree-"));
    try {
      for (const f of ["src", "assets", "scripts", "webpack.config.js", "tsconfig.json", "tsconfig.build.json", "package.json"]) {
        fs.cpSync(path.join(ROOT, f), path.join(tree, f), { recursive: true });
      }
      fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(tree, "node_modules"), "dir");
      fs.appendFileSync(
        path.join(tree, "src/functions/functions.ts"),
        "\n/**\n * Doubles a number (a function added by the test).\n * @customfunction\n * @param x A number.\n * @returns Twice x.\n */\nexport function testDouble(x: number): number {\n  return 2 * x;\n}\n",
      );
      const r = runPackage(tree, { INFRA_URL: BASE }, tree);
      expect({ status: r.status, stderr: r.status === 0 ? "" : r.stderr }).toEqual({ status: 0, stderr: "" });
      const bundle = (d: string) => walk(d).find((f) => /^functions\.[0-9a-f]{20}\.js$/.test(f));
      const before = bundle(path.join(dir, "dist"));
      const after = bundle(path.join(tree, "dist"));
      expect(before).toBeTruthy();
      expect(after).toBeTruthy();
      expect(after).not.toBe(before);
      expect(fs.readFileSync(path.join(tree, "dist", "manifest.xml"), "utf8")).toContain(`${BASE}${after}`);
      expect(fs.readFileSync(path.join(tree, "dist", "functions.json"), "utf8")).toContain("TESTDOUBLE");
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
