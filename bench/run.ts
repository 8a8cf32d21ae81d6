/**
 * The benchmark: ratios measured in one run on one machine.
 *
 *   npm run bench                      human-readable
 *   npm run --silent bench -- --json   one JSON object on stdout (keys: README "Quality")
 *   ... -- --quick                     reduced mode for CI: short timings, no build or browser
 *   ... -- --only=SOTP_EV,FUNDING_PLAN time only these functions; every other key is null
 *   ... -- --repeat=3                  time each function in 3 fresh processes (1–10; default 1)
 *   ... -- --only=what-if              only the what-if keys (scenario_handle_vs_id, sensitivity_vs_calls)
 *   ... -- --only=recalc               only the recalc figures
 *
 * A figure that cannot be measured here is null, with the reason under
 * `null_reasons`. Goals are reported, never asserted: no test depends on time.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { loadCatalog } from "../src/functions/catalog";
import * as functions from "../src/functions/functions";
import { store } from "../src/functions/store";
import { pathComputationCount } from "../src/model/compiled-set";
import { parseAssumptionSet } from "../src/model/schema";
import { defaultSet } from "../src/model/sets";
import { buildProduction } from "./lib/build";
import { buildChildBundle } from "./lib/child-bundle";
import { median } from "./lib/timing";
import { measureRecalc, type RecalcFigures } from "./recalc";
import { NO_BASELINE } from "./table";
import { measureWhatIf, type WhatIfFigures } from "./what-if";
import { caseOf, measureScalar, round, type ScalarFigures, type ScalarOptions } from "./scalar-run";

export const GOALS = {
  model_vs_inline: 2,
  path_computations: 1,
  engine_vs_native: 2,
  apply_syncs: 3,
  functions_kb_gz: 40,
  taskpane_kb_gz: 200,
  scenario_handle_vs_id: 1.5,
  sensitivity_vs_calls: 3,
  recalc_vs_exceljs_roundtrip: 1,
} as const;

export interface BenchResult {
  mode: "full" | "quick";
  machine: { node: string; cpu: string; cores: number; platform: string };
  model_vs_bare: number | null;
  model_vs_bare_function: string | null;
  model_vs_inline: number | null;
  model_vs_inline_function: string | null;
  /** Processes each function was timed in (`--repeat`). */
  repeat: number;
  /** The highest inline ÷ model ratio of any single process: the goal is judged on it. */
  model_vs_inline_worst_run: number | null;
  model_vs_inline_worst_run_function: string | null;
  per_function: Record<string, FunctionFigures | null>;
  path_computations: number | null;
  engine_vs_native: number | null;
  engine_ms: { infra: number; native: number; rows: number } | null;
  apply_syncs_10: number | null;
  apply_syncs_1000: number | null;
  functions_kb_gz: number | null;
  taskpane_kb_gz: number | null;
  taskpane_load_ms: number | null;
  scenario_handle_vs_id: number | null;
  sensitivity_vs_calls: number | null;
  /** Informational what-if figures (bench/what-if.ts): the cold first pass, the warm SENSITIVITY, rows. */
  what_if: Omit<WhatIfFigures, "scenario_handle_vs_id" | "sensitivity_vs_calls"> | null;
  /** recalc time ÷ exceljs read + write of the same workbook (100,000 cells, 10,000 INFRA formulas). */
  recalc_vs_exceljs_roundtrip: number | null;
  recalc_peak_rss_mb: number | null;
  /** What that workbook's parts unpack to, beside its peak memory. */
  recalc_unpacked_mb: number | null;
  recalc_ms: RecalcFigures["recalc_ms"] | null;
  goals: Record<string, { goal: string; met: boolean | null }>;
  null_reasons: Record<string, string>;
}

const quick = process.argv.includes("--quick");
/** `--only=what-if` or `--only=recalc`: just that section; `--only=ID,ID`: those functions (the other keys null either way). */
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? null;
const onlyFunctions: ReadonlySet<string> | null =
  only === null || only === "recalc" || only === "what-if" ? null : new Set(only.split(",").map((id) => id.trim().toUpperCase()).filter(Boolean));
const json = process.argv.includes("--json");
/** `--repeat=N`: each function timed in N fresh processes; its figures are the run with the median ratio. */
const repeatText = process.argv.find((a) => a.startsWith("--repeat="))?.slice("--repeat=".length) ?? "1";

/** A command-line mistake: reported as one line, exit code 2. */
class UsageError extends Error {}

function repeatOption(text: string): number {
  const n = Number(text);
  if (!/^[0-9]+$/.test(text) || n < 1 || n > 10) throw new UsageError(`--repeat must be a whole number from 1 to 10; got ${JSON.stringify(text)}`);
  return n;
}

/** A function's figures: the median run's, with every run's ratio when it was timed more than once. */
export type FunctionFigures = ScalarFigures & { model_vs_inline_runs?: number[] };
const log = (s: string) => {
  if (!json) process.stderr.write(`${s}\n`);
};

function machine(): BenchResult["machine"] {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    cpu = /model name\s*:\s*(.+)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() has it
  }
  return { node: process.version, cpu, cores: os.availableParallelism?.() ?? os.cpus().length, platform: `${os.platform()} ${os.arch()}` };
}

/** The export name of each wrapper, found by identity in functions.ts (no second list). */
function exportNameOf(wrapper: unknown): string {
  const found = Object.entries(functions).find(([, f]) => f === wrapper);
  if (!found) throw new Error("a catalogue wrapper is not exported by functions.ts");
  return found[0];
}

/**
 * Every function of the catalogue with a baseline (numbers in bench/scalar.ts,
 * tables and text in bench/table.ts), each timed in a child process of its
 * own; the worst ratio over all of them is `model_vs_inline`.
 */
async function scalarSection(result: BenchResult, repeat: number): Promise<void> {
  const catalog = await loadCatalog();
  if (onlyFunctions) {
    const unknown = [...onlyFunctions].filter((id) => !catalog.byId.has(id));
    if (unknown.length) throw new Error(`--only names no function ${unknown.join(", ")}`);
  }
  const chosen = catalog.entries.filter((e) => onlyFunctions === null || onlyFunctions.has(e.metadata.id));
  const options: ScalarOptions = quick ? { minMs: 2, rounds: 1, inputs: 256 } : { minMs: 80, rounds: 15, inputs: 4096 };
  const child = quick ? null : await buildChildBundle();
  try {
    for (const entry of chosen) {
      const id = entry.metadata.id;
      if (!caseOf(id)) {
        result.per_function[id] = null;
        result.null_reasons[`per_function.${id}`] = NO_BASELINE[id] ?? "no bare/inline baseline in bench/scalar.ts or bench/table.ts yet";
        continue;
      }
      const exportName = exportNameOf(entry.wrapper);
      const runs: ScalarFigures[] = [];
      for (let k = 0; k < repeat; k++) runs.push(child ? timeInChild(child.file, id, exportName, options) : measureScalar(id, exportName, options));
      const figures = medianRun(runs);
      result.per_function[id] = repeat > 1 ? { ...figures, model_vs_inline_runs: runs.map((r) => r.model_vs_inline) } : figures;
      const all = repeat > 1 ? ` (runs: ${runs.map((r) => r.model_vs_inline).join(", ")})` : "";
      if (child) log(`  ${id.padEnd(24)} ${figures.model_calls_per_s.toExponential(2)} calls/s; ×${figures.model_vs_inline} vs inline${all}, ×${figures.model_vs_bare} vs bare`);
    }
  } finally {
    child?.cleanup();
  }
  const measured = Object.entries(result.per_function).filter((e): e is [string, FunctionFigures] => e[1] !== null);
  const worst = (ratio: (f: FunctionFigures) => number) => measured.reduce((a, b) => (ratio(b[1]) > ratio(a[1]) ? b : a));
  if (measured.length) {
    const [bareId, bare] = worst((f) => f.model_vs_bare);
    const [inlineId, inline] = worst((f) => f.model_vs_inline);
    const worstRun = (f: FunctionFigures) => Math.max(f.model_vs_inline, ...(f.model_vs_inline_runs ?? []));
    const [runId, run] = worst(worstRun);
    Object.assign(result, {
      model_vs_bare: bare.model_vs_bare,
      model_vs_bare_function: bareId,
      model_vs_inline: inline.model_vs_inline,
      model_vs_inline_function: inlineId,
      model_vs_inline_worst_run: worstRun(run),
      model_vs_inline_worst_run_function: runId,
    });
  }
}

/** One function timed in a fresh Node process of its own (see bench/child.ts). */
function timeInChild(file: string, id: string, exportName: string, options: ScalarOptions): ScalarFigures {
  const r = spawnSync(process.execPath, [file, JSON.stringify({ id, exportName, options })], { encoding: "utf8" });
  const out = JSON.parse(r.stdout.trim().split("\n").pop() || "{}") as { figures?: ScalarFigures; error?: string };
  if (!out.figures) throw new Error(`${id}: ${out.error ?? r.stderr}`);
  return out.figures;
}

/** The run whose inline ÷ model ratio is the median (the lower of the middle two for an even count). */
export function medianRun(runs: readonly ScalarFigures[]): ScalarFigures {
  const sorted = [...runs].sort((a, b) => a.model_vs_inline - b.model_vs_inline);
  return sorted[(sorted.length - 1) >> 1];
}

/** Paths computed while a new set version is activated and POWER_GAP_GW is called 10,000 times. */
function pathSection(result: BenchResult): void {
  const fresh = parseAssumptionSet(JSON.parse(JSON.stringify(defaultSet())));
  const before = pathComputationCount();
  store.activate(fresh);
  const first = fresh.base_year + 1;
  const span = Object.keys(fresh.parameters.demand_gw.path).length;
  let sum = 0;
  for (let i = 0; i < 10_000; i++) sum += functions.powerGapGw(first + ((i * 7) % span), (i & 1) === 1, null as never) as number;
  if (!Number.isFinite(sum)) throw new Error("POWER_GAP_GW returned a non-finite value");
  result.path_computations = pathComputationCount() - before;
  store.activate(defaultSet());
}

async function engineSection(result: BenchResult): Promise<void> {
  let engineModule: typeof import("../src/engine/node");
  try {
    engineModule = await import("../src/engine/node");
  } catch (e) {
    result.null_reasons.engine_vs_native = `the embedded engine is not available: ${(e as Error).message}`;
    return;
  }
  const rows = quick ? 300 : 10_000;
  const set = store.resolve(null);
  const s = set.scalars;
  // Data: year, GW, enterprise value (USD m), MW. A lookup sheet holds the set's gap path for the native version.
  const data = Array.from({ length: rows }, (_, i) => [set.baseYear + 1 + (i % (set.lastYear - set.baseYear)), 1 + (i % 97), 500 + i, 10 + (i % 300)]);
  const r = (i: number) => i + 1;
  const infra = data.map((d, i) => [
    ...d,
    `=INFRA.POWER_GAP_GW(A${r(i)})`,
    `=INFRA.GW_TO_TWH(B${r(i)})`,
    `=INFRA.EV_PER_MW(C${r(i)},D${r(i)})`,
    `=INFRA.KW_MONTH(B${r(i)}/100)`,
    `=INFRA.SOTP_EV(D${r(i)},B${r(i)})`,
  ]);
  const vc = s.contracted_value_musd_per_mw;
  const perU = s.p_contract * vc + (1 - s.p_contract) * s.uncontracted_value_musd_per_mw;
  const native = data.map((d, i) => [
    ...d,
    `=INDEX(Path!$B$1:$B$${set.lastYear - set.baseYear + 1},A${r(i)}-${set.baseYear - 1})`,
    `=B${r(i)}*8.76*${s.dc_load_factor}`,
    `=C${r(i)}/D${r(i)}`,
    `=B${r(i)}/100*1000000/1000/12`,
    `=D${r(i)}*${vc}+B${r(i)}*${perU}`,
  ]);
  const pathSheet = Array.from(set.gapGw, (g, i) => [set.baseYear + i, g]);
  const time = async (sheet: (string | number)[][]) => {
    const t0 = performance.now();
    const engine = await engineModule.createEngine({ Sheet1: sheet, Path: pathSheet });
    const values = engine.hf.getSheetValues(engine.sheetId("Sheet1"));
    const ms = performance.now() - t0;
    engine.destroy();
    return { ms, values };
  };
  // Warm-up (loads the catalogue, registers the plugin, JIT), then alternate the two.
  await time(infra.slice(0, 200));
  await time(native.slice(0, 200));
  const runs = { infra: [] as number[], native: [] as number[] };
  let check: { a: unknown[][]; b: unknown[][] } | null = null;
  for (let k = 0; k < (quick ? 1 : 5); k++) {
    const a = await time(infra);
    const b = await time(native);
    runs.infra.push(a.ms);
    runs.native.push(b.ms);
    check = { a: a.values, b: b.values };
  }
  // The two sheets compute the same numbers.
  for (let i = 0; i < rows; i += Math.max(1, Math.floor(rows / 50))) {
    for (let c = 4; c < 9; c++) {
      const x = check!.a[i][c] as number;
      const y = check!.b[i][c] as number;
      if (typeof x !== "number" || !(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y)))) {
        throw new Error(`engine sheets differ at row ${i + 1}, column ${c + 1}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
      }
    }
  }
  const infraMs = median(runs.infra);
  const nativeMs = median(runs.native);
  result.engine_ms = { infra: round(infraMs, 1), native: round(nativeMs, 1), rows };
  result.engine_vs_native = round(infraMs / nativeMs, 2);
}

async function applySection(result: BenchResult): Promise<void> {
  try {
    const { measureApplySyncs } = await import("../test/workbook/apply-sync-count");
    result.apply_syncs_10 = (await measureApplySyncs(10)).syncs;
    result.apply_syncs_1000 = (await measureApplySyncs(1000)).syncs;
  } catch (e) {
    const reason = `the workbook layer's sync counter is not available: ${(e as Error).message}`;
    result.null_reasons.apply_syncs_10 = reason;
    result.null_reasons.apply_syncs_1000 = reason;
  }
}

function whatIfSection(result: BenchResult): void {
  const { scenario_handle_vs_id, sensitivity_vs_calls, ...rest } = measureWhatIf(quick);
  Object.assign(result, { scenario_handle_vs_id, sensitivity_vs_calls, what_if: rest });
}

const kbGz = (file: string) => round(zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024, 1);

function sizeSection(result: BenchResult): void {
  const build = buildProduction();
  try {
    result.functions_kb_gz = kbGz(path.join(build.dir, build.entryFiles.functions));
    // The pane's own code and page; the functions bundle (shared with the pane) is counted once, above.
    result.taskpane_kb_gz = round(kbGz(path.join(build.dir, build.entryFiles.taskpane)) + kbGz(path.join(build.dir, "taskpane.html")), 1);
  } finally {
    build.cleanup();
  }
}

async function loadSection(result: BenchResult): Promise<void> {
  const harness = await import("../test/browser/harness");
  const exe = harness.findChromium();
  if (!exe) {
    result.null_reasons.taskpane_load_ms = "no Chromium on PATH (install Debian's chromium package)";
    return;
  }
  const dist = await harness.buildWithStandIn();
  const server = await harness.serve(dist);
  const browser = await harness.launch(exe);
  try {
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      // A fresh context each time: no HTTP cache, no storage (a cold load).
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      await page.goto(`${server.origin}/stand-in.html`, { waitUntil: "commit" });
      // Interactive: the pane is mounted, not busy, and lists the bundled sets.
      const handle = await page.waitForFunction(
        () => (document.querySelector("main.infra-pane[aria-busy=false] [data-set]") ? performance.now() : null),
        undefined,
        { polling: "raf", timeout: 30_000 },
      );
      times.push((await handle.jsonValue()) as number);
      await context.close();
    }
    result.taskpane_load_ms = Math.round(median(times));
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

function goals(result: BenchResult): BenchResult["goals"] {
  const le = (v: number | null, g: number) => (v === null ? null : v <= g);
  const syncs =
    result.apply_syncs_10 === null || result.apply_syncs_1000 === null
      ? null
      : result.apply_syncs_10 === result.apply_syncs_1000 && result.apply_syncs_10 <= GOALS.apply_syncs;
  return {
    // Judged on the worst single run: timing in more processes can only make the goal harder to meet.
    model_vs_inline: { goal: `≤ ${GOALS.model_vs_inline} in every run`, met: le(result.model_vs_inline_worst_run, GOALS.model_vs_inline) },
    path_computations: { goal: `${GOALS.path_computations} per set version`, met: result.path_computations === null ? null : result.path_computations === GOALS.path_computations },
    engine_vs_native: { goal: `≤ ${GOALS.engine_vs_native}`, met: le(result.engine_vs_native, GOALS.engine_vs_native) },
    apply_syncs: { goal: `equal for 10 and 1,000 cells, ≤ ${GOALS.apply_syncs}`, met: syncs },
    functions_kb_gz: { goal: `≤ ${GOALS.functions_kb_gz}`, met: le(result.functions_kb_gz, GOALS.functions_kb_gz) },
    taskpane_kb_gz: { goal: `≤ ${GOALS.taskpane_kb_gz}`, met: le(result.taskpane_kb_gz, GOALS.taskpane_kb_gz) },
    scenario_handle_vs_id: { goal: `≤ ${GOALS.scenario_handle_vs_id}`, met: le(result.scenario_handle_vs_id, GOALS.scenario_handle_vs_id) },
    sensitivity_vs_calls: { goal: `≤ ${GOALS.sensitivity_vs_calls}`, met: le(result.sensitivity_vs_calls, GOALS.sensitivity_vs_calls) },
    recalc_vs_exceljs_roundtrip: { goal: `≤ ${GOALS.recalc_vs_exceljs_roundtrip}`, met: le(result.recalc_vs_exceljs_roundtrip, GOALS.recalc_vs_exceljs_roundtrip) },
  };
}

async function section(name: string, result: BenchResult, keys: string[], run: () => unknown): Promise<void> {
  log(`${name}…`);
  try {
    await run();
  } catch (e) {
    for (const k of keys) result.null_reasons[k] ??= `${name} failed: ${(e as Error).message.split("\n")[0]}`;
  }
}

export async function runBench(): Promise<BenchResult> {
  const repeat = repeatOption(repeatText);
  const result: BenchResult = {
    mode: quick ? "quick" : "full",
    machine: machine(),
    model_vs_bare: null,
    model_vs_bare_function: null,
    model_vs_inline: null,
    model_vs_inline_function: null,
    repeat,
    model_vs_inline_worst_run: null,
    model_vs_inline_worst_run_function: null,
    per_function: {},
    path_computations: null,
    engine_vs_native: null,
    engine_ms: null,
    apply_syncs_10: null,
    apply_syncs_1000: null,
    functions_kb_gz: null,
    taskpane_kb_gz: null,
    taskpane_load_ms: null,
    scenario_handle_vs_id: null,
    sensitivity_vs_calls: null,
    what_if: null,
    recalc_vs_exceljs_roundtrip: null,
    recalc_peak_rss_mb: null,
    recalc_unpacked_mb: null,
    recalc_ms: null,
    goals: {},
    null_reasons: {},
  };
  store.activate(defaultSet());
  if (only === "what-if") {
    await section("what-if", result, ["scenario_handle_vs_id", "sensitivity_vs_calls"], () => whatIfSection(result));
    const skipped = ["model_vs_bare", "model_vs_inline", "model_vs_inline_worst_run", "path_computations", "engine_vs_native", "apply_syncs_10", "apply_syncs_1000", "functions_kb_gz", "taskpane_kb_gz", "taskpane_load_ms"];
    for (const k of skipped) result.null_reasons[k] = "not measured with --only=what-if";
    result.goals = goals(result);
    return result;
  }
  if (only === "recalc") {
    await section("recalc", result, ["recalc_vs_exceljs_roundtrip", "recalc_peak_rss_mb"], () => Object.assign(result, measureRecalc(quick)));
    result.goals = goals(result);
    return result;
  }
  await section("functions", result, ["model_vs_bare", "model_vs_inline", "model_vs_inline_worst_run"], () => scalarSection(result, repeat));
  if (onlyFunctions) {
    for (const k of ["path_computations", "engine_vs_native", "apply_syncs_10", "apply_syncs_1000", "functions_kb_gz", "taskpane_kb_gz", "taskpane_load_ms", "recalc_vs_exceljs_roundtrip", "recalc_peak_rss_mb", "scenario_handle_vs_id", "sensitivity_vs_calls"]) {
      result.null_reasons[k] = "not measured with --only (the functions named there only)";
    }
    result.goals = goals(result);
    return result;
  }
  await section("path computations", result, ["path_computations"], () => pathSection(result));
  await section("embedded engine", result, ["engine_vs_native"], () => engineSection(result));
  await section("apply round trips", result, ["apply_syncs_10", "apply_syncs_1000"], () => applySection(result));
  await section("what-if", result, ["scenario_handle_vs_id", "sensitivity_vs_calls"], () => whatIfSection(result));
  await section("recalc", result, ["recalc_vs_exceljs_roundtrip", "recalc_peak_rss_mb"], () => Object.assign(result, measureRecalc(quick)));
  if (quick) {
    for (const k of ["functions_kb_gz", "taskpane_kb_gz", "taskpane_load_ms"]) result.null_reasons[k] = "not measured in --quick mode (no production build, no browser)";
  } else {
    await section("bundle sizes", result, ["functions_kb_gz", "taskpane_kb_gz"], () => sizeSection(result));
    await section("task-pane load", result, ["taskpane_load_ms"], () => loadSection(result));
  }
  result.goals = goals(result);
  return result;
}

function human(r: BenchResult): string {
  const v = (x: unknown) => (x === null ? "n/a" : String(x));
  const mark = (k: string) => {
    const g = r.goals[k];
    return g ? ` (goal ${g.goal}: ${g.met === null ? "not measured" : g.met ? "met" : "MISSED"})` : "";
  };
  const lines = [
    `INFRA bench (${r.mode}) on ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}`,
    "",
    "function                  calls/s      ×bare   ×inline",
    ...Object.entries(r.per_function).map(([id, f]) =>
      f ? `${id.padEnd(24)} ${f.model_calls_per_s.toExponential(2).padStart(9)} ${String(f.model_vs_bare).padStart(8)} ${String(f.model_vs_inline).padStart(9)}` : `${id.padEnd(24)} no baseline: ${r.null_reasons[`per_function.${id}`] ?? ""}`,
    ),
    "",
    `model_vs_bare     ${v(r.model_vs_bare)} (${v(r.model_vs_bare_function)})`,
    `model_vs_inline   ${v(r.model_vs_inline)} (${v(r.model_vs_inline_function)})${r.repeat > 1 ? `, median of ${r.repeat} runs; worst run ${v(r.model_vs_inline_worst_run)} (${v(r.model_vs_inline_worst_run_function)})` : ""}${mark("model_vs_inline")}`,
    `path_computations ${v(r.path_computations)}${mark("path_computations")}`,
    `engine_vs_native  ${v(r.engine_vs_native)}${r.engine_ms ? ` (${r.engine_ms.infra} ms vs ${r.engine_ms.native} ms, ${r.engine_ms.rows} rows)` : ""}${mark("engine_vs_native")}`,
    `apply_syncs       ${v(r.apply_syncs_10)} (10 cells), ${v(r.apply_syncs_1000)} (1,000 cells)${mark("apply_syncs")}`,
    `functions_kb_gz   ${v(r.functions_kb_gz)}${mark("functions_kb_gz")}`,
    `taskpane_kb_gz    ${v(r.taskpane_kb_gz)}${mark("taskpane_kb_gz")}`,
    `taskpane_load_ms  ${v(r.taskpane_load_ms)}`,
    `scenario_handle_vs_id ${v(r.scenario_handle_vs_id)}${mark("scenario_handle_vs_id")}${r.what_if ? ` (first pass: ${r.what_if.derive_ms_per_handle} ms to derive each of 100 sets)` : ""}`,
    `sensitivity_vs_calls  ${v(r.sensitivity_vs_calls)}${mark("sensitivity_vs_calls")}${r.what_if ? ` (warm cache: ×${r.what_if.sensitivity_vs_calls_warm}; ${r.what_if.sensitivity_rows} rows)` : ""}`,
    `recalc_vs_exceljs_roundtrip ${v(r.recalc_vs_exceljs_roundtrip)}${r.recalc_ms ? ` (${r.recalc_ms.recalc} ms vs ${r.recalc_ms.exceljs} ms, ${r.recalc_ms.cells} cells, ${r.recalc_ms.infra_cells} INFRA)` : ""}${mark("recalc_vs_exceljs_roundtrip")}`,
    `recalc_peak_rss_mb ${v(r.recalc_peak_rss_mb)} (workbook unpacks to ${v(r.recalc_unpacked_mb)} MB)`,
    ...Object.entries(r.null_reasons).map(([k, why]) => `  ${k}: ${why}`),
  ];
  return lines.join("\n");
}

if (require.main === module) {
  runBench()
    .then((r) => {
      process.stdout.write(json ? `${JSON.stringify(r)}\n` : `${human(r)}\n`);
      // Browser, servers and workers are closed; leave no handle open.
      process.exit(0);
    })
    .catch((e) => {
      if (e instanceof UsageError) {
        process.stderr.write(`bench: ${e.message}\n`);
        process.exit(2);
      }
      process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    });
}
