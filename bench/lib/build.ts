/**
 * A production build of the add-in into a folder of its own (never dist/),
 * with webpack's stats, for the bundle-size figures, the CSP test and the
 * licence check of what actually enters the bundles.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** The entries that make up the add-in; other entries (the playground) are separate pages. */
export const ADDIN_ENTRIES = ["functions", "taskpane"];

export interface BuildOutput {
  dir: string;
  /** Every module path in the add-in's chunks: its entries and the chunks they load on demand. */
  modulePaths: string[];
  /** Emitted files, relative to `dir`. */
  files: string[];
  cleanup(): void;
}

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

interface StatsModule {
  name?: string;
  nameForCondition?: string;
  chunks?: (string | number)[];
  modules?: StatsModule[];
}

interface StatsChunk {
  id: string | number;
  names?: string[];
  parents?: (string | number)[];
}

/** Builds with `webpack --mode production`; `officeJsLocal` serves Office.js from the build (offline pages). */
export function buildProduction(options: { officeJsLocal?: boolean } = {}): BuildOutput {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-build-"));
  const statsFile = path.join(dir, "..", `${path.basename(dir)}-stats.json`);
  const env = { ...process.env, INFRA_DIST: dir, ...(options.officeJsLocal ? { OFFICE_JS: "local" } : {}) };
  const webpackBin = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [webpackBin, "--mode", "production", "--json", statsFile], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const stats = (fs.existsSync(statsFile) ? JSON.parse(fs.readFileSync(statsFile, "utf8")) : {}) as {
    modules?: StatsModule[];
    chunks?: StatsChunk[];
    errors?: { message: string }[];
  };
  fs.rmSync(statsFile, { force: true });
  if (r.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    const errors = (stats.errors ?? []).map((e) => e.message).join("\n");
    throw new Error(`production build failed (exit ${r.status}):\n${errors}\n${r.stderr}`.slice(0, 4000));
  }
  // The add-in's chunks: its entries, then every chunk one of them loads, transitively.
  const addin = new Set((stats.chunks ?? []).filter((c) => c.names?.some((n) => ADDIN_ENTRIES.includes(n))).map((c) => c.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of stats.chunks ?? []) {
      if (!addin.has(c.id) && c.parents?.some((p) => addin.has(p))) grew = addin.add(c.id) !== null;
    }
  }
  const modulePaths = new Set<string>();
  const collect = (mods: StatsModule[] | undefined, inAddin: boolean) => {
    for (const m of mods ?? []) {
      const here = inAddin || (m.chunks ?? []).some((c) => addin.has(c));
      const p = m.nameForCondition ?? m.name;
      if (p && here) modulePaths.add(p);
      collect(m.modules, here);
    }
  };
  collect(stats.modules, false);
  return {
    dir,
    modulePaths: [...modulePaths],
    files: walk(dir),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The folder of the npm package a module path belongs to (the innermost one), or null for our own code. */
export function packageDirOf(modulePath: string): string | null {
  const m = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)/.exec(modulePath);
  return m ? m[1] : null;
}
