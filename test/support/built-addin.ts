/**
 * One production build of the add-in per test run, shared by every suite that
 * needs the built files (bundle checks, CSP, the pane and playground in
 * Chromium). The first worker to ask builds (with Office.js copied locally);
 * the others wait for it. Builds go to the system temp folder, never dist/.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const WAIT_MS = 180_000;

function runId(): string {
  return process.env.INFRA_TEST_RUN ?? `pid${process.ppid}`;
}

export function buildDir(): string {
  return path.join(os.tmpdir(), `infra-addin-build-${runId()}`);
}

/** Builds `webpack --mode production` into a temp folder with `env`; returns the folder. */
export function buildInto(dir: string, env: Record<string, string> = {}): string {
  const result = spawnSync("npx", ["webpack", "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, ...env, INFRA_DIST: dir },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return dir;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The shared build (OFFICE_JS=local, development address), built on first use. */
export async function builtAddin(): Promise<string> {
  const dir = buildDir();
  const done = path.join(dir, ".built");
  if (fs.existsSync(done)) return dir;
  const lock = `${dir}.lock`;
  let mine = false;
  try {
    fs.mkdirSync(lock);
    mine = true;
  } catch {
    // another worker is building
  }
  if (mine) {
    try {
      buildInto(dir, { OFFICE_JS: "local" });
      fs.writeFileSync(done, new Date().toISOString());
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
    return dir;
  }
  const started = Date.now();
  while (!fs.existsSync(done)) {
    if (!fs.existsSync(lock) && !fs.existsSync(done)) return builtAddin(); // the builder failed; try ourselves
    if (Date.now() - started > WAIT_MS) throw new Error("timed out waiting for the shared build");
    await sleep(250);
  }
  return dir;
}
