/**
 * jest's own order (failed first, then slowest first), except that the test
 * files needing the shared production build (test/support/built-addin.ts)
 * run last: globalSetup starts that build in the background when any of them
 * is selected, and the other files run meanwhile. It also tells globalSetup
 * which selected files drive a browser, so a run without Chromium says so
 * (jest prints nothing a test file logs when all its tests are skipped).
 *
 * A file needs the build when it imports built-addin.ts, directly or through
 * the project's own modules; it drives a browser when it imports
 * playwright-core the same way. Telling wrong only costs time: a file that
 * needs the build and was not told builds it on first use.
 */
const fs = require("node:fs");
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

const ROOT = path.resolve(__dirname, "../..");
const BUILT_ADDIN = path.join(__dirname, "built-addin.ts");
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The project's files `file` imports, directly or not, and the npm packages they import. */
function importsOf(file, seen = { files: new Set(), packages: new Set() }) {
  if (seen.files.has(file) || !/\.(ts|js|cjs)$/.test(file)) return seen;
  seen.files.add(file);
  for (const m of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
    if (!m[1].startsWith(".")) {
      seen.packages.add(m[1]);
      continue;
    }
    const target = resolve(file, m[1]);
    if (target) importsOf(target, seen);
  }
  return seen;
}

class BuildLastSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const imports = new Map(sorted.map((t) => [t, importsOf(t.path)]));
    const needsBuild = sorted.filter((t) => imports.get(t).files.has(BUILT_ADDIN));
    const browser = sorted.filter((t) => imports.get(t).packages.has("playwright-core"));
    if (needsBuild.length) process.env.INFRA_SHARED_BUILD_WANTED = "1";
    else delete process.env.INFRA_SHARED_BUILD_WANTED;
    process.env.INFRA_BROWSER_SUITES = browser.map((t) => path.relative(ROOT, t.path)).join(",");
    return [...sorted.filter((t) => !needsBuild.includes(t)), ...needsBuild];
  }
}

module.exports = BuildLastSequencer;
