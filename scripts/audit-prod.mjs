#!/usr/bin/env node
/**
 * `npm run audit:prod`: `npm audit --omit=dev` that fails on any high or
 * critical advisory in the production dependencies. Where the registry's audit
 * service cannot be reached (a mirror or proxy that only serves packages), it
 * says so loudly and exits 0: an unavailable check is reported, not passed off
 * as clean, and it does not block an offline build.
 */
import { spawnSync } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = spawnSync(npm, ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = report?.message ?? report?.error?.summary ?? (run.stderr.trim() || "no answer");
  console.warn(`\n*** npm audit could not run: the audit service is unreachable (${reason}).`);
  console.warn("*** Production dependencies were NOT checked for advisories on this machine.\n");
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit (production dependencies): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
    `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
if (serious > 0) {
  spawnSync(npm, ["audit", "--omit=dev", "--audit-level=high"], { stdio: "inherit" });
  process.exit(1);
}
