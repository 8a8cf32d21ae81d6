// Names this test run (so the shared build of test/support/built-addin.ts is made once per run),
// clears builds left by killed runs, starts the shared build in the background when a selected
// test file needs it, and warns when the selected browser tests will be skipped for want of
// Chromium (test/support/sequencer.js tells which files need what).
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { startSharedBuild } = require("./built-addin.ts");

const HOUR = 60 * 60_000;

/**
 * What test builds leave in the temp folder when a run is killed before its teardown (runs of
 * other checkouts included): this run's scheme, the builds of single suites and of the bench,
 * and test/playground/build.ts's earlier per-sources cache.
 */
const LEFTOVERS = [
  /^infra-addin-build-(run\d+-\d+|pid\d+)$/,
  /^infra-(build|build-meta|url|pane)-[A-Za-z0-9]{6}(-stats\.json)?$/,
  /^infra-test-build-[0-9a-f]{16}(\.lock)?$/,
];

/** Removes leftovers once they are an hour old (a run that is still going is younger). */
function removeStale() {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!LEFTOVERS.some((re) => re.test(name))) continue;
    const p = path.join(os.tmpdir(), name);
    const stat = fs.lstatSync(p, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > HOUR) fs.rmSync(p, { recursive: true, force: true });
  }
}

function hasChromium() {
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge"]) {
    try {
      if (execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim()) return true;
    } catch {
      // not this one
    }
  }
  return false;
}

module.exports = async () => {
  process.env.INFRA_TEST_RUN = `run${Date.now()}-${process.pid}`;
  removeStale();
  if (process.env.INFRA_SHARED_BUILD_WANTED === "1") startSharedBuild();
  const browserSuites = (process.env.INFRA_BROWSER_SUITES ?? "").split(",").filter(Boolean);
  if (browserSuites.length && !hasChromium()) {
    process.stderr.write(
      `\n!!! NO CHROMIUM FOUND: the browser tests are SKIPPED (${browserSuites.join(", ")}).\n` +
        "!!! Install Debian's package (`sudo apt-get install chromium`) or put chromium, google-chrome or microsoft-edge on PATH.\n\n",
    );
  }
};
