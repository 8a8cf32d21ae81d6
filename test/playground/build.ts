/**
 * One production build of the project in a temp folder, shared by the bundle
 * check and the playground's browser test: the first test file to ask builds
 * (others wait on a lock), and a build of the same sources is reused. Webpack
 * runs in-process with the project's own webpack.config.js; type checking is
 * left to `tsc` (transpileOnly), which does not change the output.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

export interface ChunkInfo {
  id: string | number;
  files: string[];
  /** Absolute paths of the modules in the chunk (concatenated modules included). */
  modules: string[];
  children: (string | number)[];
}

export interface BuildResult {
  dist: string;
  /** Entry name → every chunk it loads, at once or later (async imports included). */
  entryChunks: Record<string, ChunkInfo[]>;
}

function sourcesHash(): string {
  const hash = crypto.createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        hash.update(p);
        hash.update(fs.readFileSync(p));
      }
    }
  };
  for (const d of ["src", "scripts", "assets"]) walk(path.join(ROOT, d));
  for (const f of ["webpack.config.js", "manifest.xml", "package-lock.json", "tsconfig.json", "tsconfig.build.json"]) {
    hash.update(fs.readFileSync(path.join(ROOT, f)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The parts of webpack's compilation objects read here. */
interface WebpackModule {
  resource?: string;
  modules?: WebpackModule[];
  rootModule?: WebpackModule;
}
interface WebpackChunk {
  id: string | number;
  files: Set<string>;
}
interface WebpackChunkGroup {
  chunks: WebpackChunk[];
  getChildren(): WebpackChunkGroup[];
}
interface WebpackStats {
  hasErrors(): boolean;
  toString(options: unknown): string;
  compilation: {
    entrypoints: Map<string, WebpackChunkGroup>;
    chunkGraph: { getChunkModules(chunk: WebpackChunk): WebpackModule[] };
  };
}

async function runWebpack(dist: string): Promise<BuildResult> {
  const saved = { INFRA_DIST: process.env.INFRA_DIST, OFFICE_JS: process.env.OFFICE_JS };
  process.env.INFRA_DIST = dist;
  delete process.env.OFFICE_JS;
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const webpack = require("webpack");
    const makeConfig = require(path.join(ROOT, "webpack.config.js"));
    /* eslint-enable @typescript-eslint/no-require-imports */
    const config = await makeConfig({}, { mode: "production" });
    config.mode = "production";
    config.devtool = false;
    config.context = ROOT;
    for (const rule of config.module.rules) {
      if (String(rule.test) === String(/\.ts$/)) {
        rule.use = { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } };
      }
    }
    const stats = await new Promise<WebpackStats>((resolve, reject) =>
      webpack(config, (err: Error | null, s: WebpackStats) => (err ? reject(err) : resolve(s))),
    );
    if (stats.hasErrors()) throw new Error(`the build failed:\n${stats.toString({ all: false, errors: true })}`);
    // Walk the compilation itself: each entry's chunk group, then the groups its async imports load.
    const compilation = stats.compilation;
    const resources = (m: WebpackModule): string[] => [
      ...(m.resource ? [m.resource] : []),
      ...(m.modules ?? []).flatMap(resources), // concatenated modules
      ...(m.rootModule ? resources(m.rootModule) : []),
    ];
    const entryChunks: Record<string, ChunkInfo[]> = {};
    for (const [name, entrypoint] of compilation.entrypoints) {
      const out = new Map<string, ChunkInfo>();
      const seenGroups = new Set<unknown>();
      const visit = (group: WebpackChunkGroup) => {
        if (seenGroups.has(group)) return;
        seenGroups.add(group);
        for (const chunk of group.chunks) {
          out.set(String(chunk.id), {
            id: chunk.id,
            files: [...chunk.files],
            modules: [...new Set(compilation.chunkGraph.getChunkModules(chunk).flatMap(resources))],
            children: [],
          });
        }
        for (const child of group.getChildren()) visit(child);
      };
      visit(entrypoint);
      entryChunks[name] = [...out.values()];
    }
    return { dist, entryChunks };
  } finally {
    process.chdir(cwd);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Builds of earlier sources, left by earlier runs, go once they are an hour old. */
function removeStaleBuilds(current: string): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const p = path.join(os.tmpdir(), name);
    if (!/^infra-test-build-[0-9a-f]{16}$/.test(name) || p === current) continue;
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 60 * 60_000) fs.rmSync(p, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The build of the current sources (made now, or by another test file a moment ago). */
export async function buildOnce(): Promise<BuildResult> {
  const base = path.join(os.tmpdir(), `infra-test-build-${sourcesHash()}`);
  const done = path.join(base, "build-result.json");
  const lock = `${base}.lock`;
  for (;;) {
    if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, "utf8")) as BuildResult;
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another test file is building; a lock older than 10 minutes is from a killed run.
      const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (age > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
      continue;
    }
    try {
      fs.rmSync(base, { recursive: true, force: true });
      const dist = path.join(base, "dist");
      const result = await runWebpack(dist);
      fs.writeFileSync(done, JSON.stringify(result));
      removeStaleBuilds(base);
      return result;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}
