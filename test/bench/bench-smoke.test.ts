/**
 * CI smoke run of the benchmark in its reduced mode: `npm run --silent bench
 * -- --json --quick` prints one JSON object with every documented key, each a
 * number or null with a reason. Only the shape is checked, never a time.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { medianRun } from "../../bench/run";

const ROOT = path.resolve(__dirname, "../..");

const NUMBER_KEYS = [
  "model_vs_bare",
  "model_vs_inline",
  "model_vs_inline_worst_run",
  "path_computations",
  "engine_vs_native",
  "apply_syncs_10",
  "apply_syncs_1000",
  "functions_kb_gz",
  "taskpane_kb_gz",
  "taskpane_load_ms",
  "scenario_handle_vs_id",
  "sensitivity_vs_calls",
  "recalc_vs_exceljs_roundtrip",
  "recalc_peak_rss_mb",
  "recalc_unpacked_mb",
];

test("bench --json --quick prints one JSON object with every key, a number or null with a reason", () => {
  const r = spawnSync("npm", ["run", "--silent", "bench", "--", "--json", "--quick"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  const result = JSON.parse(lines[0]) as Record<string, unknown> & {
    null_reasons: Record<string, string>;
    per_function: Record<string, unknown>;
    goals: Record<string, { goal: string; met: boolean | null }>;
    machine: Record<string, unknown>;
  };
  expect(result.mode).toBe("quick");
  for (const key of NUMBER_KEYS) {
    expect(key in result).toBe(true);
    const v = result[key];
    if (v === null) expect(typeof result.null_reasons[key]).toBe("string");
    else expect(Number.isFinite(v)).toBe(true);
  }
  expect(typeof result.model_vs_inline_function === "string" || result.model_vs_inline === null).toBe(true);
  expect(Object.keys(result.per_function).length).toBeGreaterThan(10);
  expect(Object.keys(result.goals).sort()).toEqual(
    [
      "apply_syncs",
      "engine_vs_native",
      "functions_kb_gz",
      "model_vs_inline",
      "path_computations",
      "recalc_vs_exceljs_roundtrip",
      "taskpane_kb_gz",
      "scenario_handle_vs_id",
      "sensitivity_vs_calls",
    ].sort(),
  );
  expect(result.machine).toEqual(expect.objectContaining({ node: process.version, cores: expect.any(Number), cpu: expect.any(String) }));
  // Counts, unlike times, are exact in any mode.
  expect(result.path_computations).toBe(1);
  // One process per function by default: the worst run is the worst function's only run.
  expect(result.repeat).toBe(1);
  if (result.model_vs_inline !== null) expect(result.model_vs_inline_worst_run).toBe(result.model_vs_inline);
});

test("--repeat: a function's figures are its median run's (the lower of the middle two for an even count)", () => {
  const run = (ratio: number) => ({ model_calls_per_s: 1e6 / ratio, bare_calls_per_s: 3e6, inline_calls_per_s: 1e6, model_vs_bare: 3 * ratio, model_vs_inline: ratio });
  expect(medianRun([run(1.9), run(1.2), run(1.5)]).model_vs_inline).toBe(1.5);
  expect(medianRun([run(1.9), run(1.2)]).model_vs_inline).toBe(1.2); // the lower of the middle two
  expect(medianRun([run(2.5)]).model_vs_inline).toBe(2.5);
});

test("--repeat outside 1–10 is refused in one line with exit code 2, before any timing", () => {
  const r = spawnSync("npm", ["run", "--silent", "bench", "--", "--json", "--quick", "--repeat=11"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim()).toBe('bench: --repeat must be a whole number from 1 to 10; got "11"');
});
