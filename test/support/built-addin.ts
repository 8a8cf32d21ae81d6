/**
 * Production builds of the add-in for the tests, always into temp folders,
 * never dist/. Every build runs in a process of its own
 * (test/support/build-runner.ts) that writes what it built, or why it
 * failed, to a file: a test file waiting for a build started elsewhere needs
 * nothing but the file system.
 *
 * The shared build: ONE per test run, read by every suite that needs the built
 * add-in (build outputs, bundle contents, CSP, licences, the pane and the
 * playground in Chromium). Its configuration satisfies all of them: Office.js
 * copied into the build (OFFICE_JS=local, the offline pages), the Excel
 * stand-in page beside the add-in's pages, and the chunk summary the bundle
 * and licence checks read; no type checking or source maps (the same
 * JavaScript; `npm run lint` type-checks, and build.test.ts's INFRA_URL build
 * is a full `npm run build`). jest's globalSetup names the run and, when a
 * selected test file needs the build, starts it in the background;
 * test/support/sequencer.js runs those files last, so the build overlaps the
 * others. globalTeardown removes it.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const RUNNER = path.join(__dirname, "build-runner.ts");
/** The longest a build may take before a waiting test file gives up. */
const BUILD_DEADLINE_MS = 15 * 60_000;

export interface BuildOptions {
  /** Office.js copied into the build (office-js/) instead of Microsoft's CDN. */
  officeJsLocal?: boolean;
  /** The production address swapped in for the development one (INFRA_URL). */
  url?: string;
  /** The Excel stand-in page (stand-in.html) for the browser tests. */
  standIn?: boolean;
  /** No type checking and no source maps: the same JavaScript, sooner. */
  fast?: boolean;
  /** The playground's page beside the add-in's (`--env withPlayground`), as `npm start` serves it. */
  playground?: boolean;
}

export interface ChunkInfo {
  id: string | number;
  files: string[];
  /** Absolute paths of the modules in the chunk (concatenated modules included). */
  modules: string[];
  /** Chunks this one loads (the chunks of its child chunk groups). */
  children: (string | number)[];
}

export interface BuildInfo {
  dir: string;
  options: BuildOptions;
  /** Emitted files relative to `dir`: the add-in's own, the stand-in's left out. */
  files: string[];
  /** Entry name → every chunk it loads, at once or later (async imports and dependOn entries included). */
  entryChunks: Record<string, ChunkInfo[]>;
  /** Absolute paths of every module in the add-in's chunks (its entries and every chunk they load). */
  addinModules: string[];
  seconds: number;
}

/** The one configuration of the shared build. */
export const SHARED_OPTIONS: BuildOptions = { officeJsLocal: true, standIn: true, fast: true, playground: true };

/** The file an entry's own chunk was emitted as (content-hashed in production), e.g. "functions.0123abcd….js". */
export function entryFile(build: Pick<BuildInfo, "entryChunks">, entry: string): string {
  const file = build.entryChunks[entry]?.[0]?.files.find((f) => f.endsWith(".js"));
  if (!file) throw new Error(`the build has no entry "${entry}"`);
  return file;
}

/** The add-in's entries; the playground (and the stand-in) are pages of their own. */
export const ADDIN_ENTRIES = ["functions", "taskpane"];

/** The id of this test run (set by jest's globalSetup), or null outside jest. */
export function testRunId(): string | null {
  return process.env.INFRA_TEST_RUN ?? null;
}

/** This run's folder in the system temp folder: the shared build and its bookkeeping. */
export function runDir(id = testRunId()): string {
  if (!id) throw new Error("no test run: the shared build exists only under jest (test/support/global-setup.js names the run)");
  return path.join(os.tmpdir(), `infra-addin-build-${id}`);
}

interface Job {
  dir: string;
  options: BuildOptions;
  /** Written by the runner once the build succeeded (BuildInfo as JSON). */
  result: string;
  /** Written by the runner when the build failed (the reason). */
  failed: string;
}

function sharedJob(id = testRunId()): Job {
  const base = path.join(runDir(id), "addin");
  return { dir: base, options: SHARED_OPTIONS, result: `${base}.json`, failed: `${base}.failed` };
}

function runnerArgs(job: Job): string[] {
  return ["--import", "tsx", RUNNER, JSON.stringify(job)];
}

function readOutcome(job: Job): BuildInfo | null {
  if (fs.existsSync(job.result)) return JSON.parse(fs.readFileSync(job.result, "utf8")) as BuildInfo;
  if (fs.existsSync(job.failed)) throw new Error(`the production build failed:\n${fs.readFileSync(job.failed, "utf8")}`);
  return null;
}

/** Runs a build to the end in this process's time (blocking), then returns what it built. */
function buildNow(job: Job): BuildInfo {
  const r = spawnSync(process.execPath, runnerArgs(job), { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const info = readOutcome(job);
  if (!info) throw new Error(`the build process ended (${r.error?.message ?? `exit ${r.status}, signal ${r.signal}`}) without a result`);
  return info;
}

/** Whether process `pid` still runs (an exited child not yet reaped by a busy parent counts as ended). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // Linux: "pid (name) S ..."; Z is a zombie.
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/** Sleeps without returning to the event loop. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const lockOf = (job: Job) => `${job.dir}.lock`;
const pidFileOf = (job: Job) => path.join(lockOf(job), "pid");

/** The runner's process id, or 0 while the claiming process has not noted it yet. */
function readPid(job: Job): number {
  try {
    return Number(fs.readFileSync(pidFileOf(job), "utf8")) || 0;
  } catch {
    return 0;
  }
}

/** Claims the shared build for this process; false when another process has (it is built, building or failed). */
function claim(job: Job): boolean {
  fs.mkdirSync(path.dirname(job.dir), { recursive: true });
  try {
    fs.mkdirSync(lockOf(job));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** Starts the runner of the shared build, claimed by this process, and notes its process id. */
function launch(job: Job): void {
  const child = spawn(process.execPath, runnerArgs(job), { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  child.on("error", (e) => fs.writeFileSync(job.failed, `could not start the build: ${e.message}`));
  if (child.pid === undefined) return;
  fs.writeFileSync(pidFileOf(job), String(child.pid));
  // Nothing here waits on the child: test files wait for its result file, teardown for the process.
  child.unref();
}

/** Starts the shared build in the background unless a process has already (jest's globalSetup). */
export function startSharedBuild(): void {
  const job = sharedJob();
  if (claim(job)) launch(job);
}

/** Waits (blocking) for the shared build another process is making. */
function awaitShared(job: Job): BuildInfo {
  const started = Date.now();
  for (;;) {
    const info = readOutcome(job);
    if (info) return info;
    const pid = readPid(job);
    if (pid && !isAlive(pid)) {
      const late = readOutcome(job); // it may have finished between the two looks
      if (late) return late;
      throw new Error(`the shared build's process (${pid}) ended without a result`);
    }
    if (Date.now() - started > BUILD_DEADLINE_MS) throw new Error(`no shared build after ${BUILD_DEADLINE_MS / 60_000} minutes`);
    sleepSync(200);
  }
}

/**
 * The shared build of this run: made now if no process has started it,
 * otherwise waited for. Blocking on purpose, as a build run inline would be:
 * a test's time limit should not count the build the suite shares.
 */
export function sharedBuild(): BuildInfo {
  const job = sharedJob();
  const done = readOutcome(job);
  if (done) return done;
  if (claim(job)) launch(job);
  return awaitShared(job);
}

/** The shared build's folder (built on first use). */
export async function builtAddin(): Promise<string> {
  return sharedBuild().dir;
}

/** The runner's process id while run `id`'s shared build is still running (for teardown), or null. */
export function runningSharedBuild(id: string): number | null {
  const job = sharedJob(id);
  if (fs.existsSync(job.result) || fs.existsSync(job.failed)) return null;
  const pid = readPid(job);
  return pid && isAlive(pid) ? pid : null;
}

/** A build of its own into `dir` with `options` (blocking); the caller removes `dir`. */
export function buildAddin(dir: string, options: BuildOptions = {}): BuildInfo {
  const meta = fs.mkdtempSync(path.join(os.tmpdir(), "infra-build-meta-"));
  try {
    return buildNow({ dir, options, result: path.join(meta, "result.json"), failed: path.join(meta, "failed.txt") });
  } finally {
    fs.rmSync(meta, { recursive: true, force: true });
  }
}

/**
 * `npm run build` into a temp folder with `env` (INFRA_URL, OFFICE_JS): the
 * project's configuration unchanged, type checking and source maps included.
 */
export function buildInto(dir: string, env: Record<string, string> = {}): string {
  const known = new Set(["INFRA_URL", "OFFICE_JS"]);
  const unknown = Object.keys(env).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`buildInto: unsupported settings ${unknown.join(", ")}`);
  buildAddin(dir, { officeJsLocal: env.OFFICE_JS === "local", ...(env.INFRA_URL ? { url: env.INFRA_URL } : {}) });
  return dir;
}
