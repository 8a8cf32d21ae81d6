/**
 * CI smoke run of the benchmark in its reduced mode: `npm run --silent bench
 * -- --json --quick` prints one JSON object with every documented key, each a
 * number or null with a reason. Only the shape is checked, never a time.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

const NUMBER_KEYS = [
  "model_vs_bare",
  "model_vs_inline",
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
});
