/**
 * One production build of the add-in, in a process of its own:
 *
 *   node --import tsx test/support/build-runner.ts '{"dir":…,"options":…,"result":…,"failed":…}'
 *
 * Runs webpack with the project's webpack.config.js (through
 * test/support/webpack.test.cjs, which adds only what `options` asks for) into
 * `dir`, then writes a BuildInfo (test/support/built-addin.ts) to `result`, or
 * the reason it failed to `failed`. Started by built-addin.ts; one line on
 * stderr when a build starts and one when it ends, so a run's builds can be
 * counted.
 */
import fs from "node:fs";
import path from "node:path";
import type { BuildInfo, BuildOptions, ChunkInfo } from "./built-addin";

const ROOT = path.resolve(__dirname, "../..");
const ADDIN_ENTRIES = ["functions", "taskpane"];

interface Job {
  dir: string;
  options: BuildOptions;
  result: string;
  failed: string;
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
interface WebpackCompiler {
  run(callback: (err: Error | null, stats?: WebpackStats) => void): void;
  close(callback: (err?: Error | null) => void): void;
}

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

/** Each entry's chunk group and the groups it loads (async imports, entries that depend on it), chunk by chunk. */
function entryChunksOf(stats: WebpackStats): Record<string, ChunkInfo[]> {
  const { compilation } = stats;
  const resources = (m: WebpackModule): string[] => [
    ...(m.resource ? [m.resource] : []),
    ...(m.modules ?? []).flatMap(resources), // concatenated modules
    ...(m.rootModule ? resources(m.rootModule) : []),
  ];
  const entryChunks: Record<string, ChunkInfo[]> = {};
  for (const [name, entrypoint] of compilation.entrypoints) {
    const out = new Map<string, ChunkInfo>();
    const seenGroups = new Set<WebpackChunkGroup>();
    const visit = (group: WebpackChunkGroup) => {
      if (seenGroups.has(group)) return;
      seenGroups.add(group);
      const children = group.getChildren().flatMap((g) => g.chunks.map((c) => c.id));
      for (const chunk of group.chunks) {
        const known = out.get(String(chunk.id));
        if (known) {
          known.children = [...new Set([...known.children, ...children])];
          continue;
        }
        out.set(String(chunk.id), {
          id: chunk.id,
          files: [...chunk.files],
          modules: [...new Set(compilation.chunkGraph.getChunkModules(chunk).flatMap(resources))],
          children,
        });
      }
      for (const child of group.getChildren()) visit(child);
    };
    visit(entrypoint);
    entryChunks[name] = [...out.values()];
  }
  return entryChunks;
}

function describe(options: BuildOptions): string {
  const parts = [
    options.officeJsLocal ? "OFFICE_JS=local" : "Office.js from the CDN",
    ...(options.url ? [`INFRA_URL=${options.url}`] : []),
    ...(options.standIn ? ["stand-in page"] : []),
    ...(options.playground ? ["playground"] : []),
    options.fast ? "no type check or source maps" : "type-checked, source maps",
  ];
  return parts.join(", ");
}

async function build(job: Job): Promise<BuildInfo> {
  const started = Date.now();
  const { options } = job;
  // The build reads these; nothing from the caller's shell leaks in.
  process.env.INFRA_DIST = job.dir;
  if (options.officeJsLocal) process.env.OFFICE_JS = "local";
  else delete process.env.OFFICE_JS;
  if (options.url) process.env.INFRA_URL = options.url;
  else delete process.env.INFRA_URL;
  delete process.env.WEBPACK_SERVE;
  process.chdir(ROOT);

  /* eslint-disable @typescript-eslint/no-require-imports */
  const webpack = require("webpack") as (config: unknown) => WebpackCompiler;
  const makeConfig = require(path.join(__dirname, "webpack.test.cjs")) as ((env: object, argv: object) => Promise<object>) & {
    STAND_IN_FILES: RegExp;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  // As `webpack --mode production` calls it, plus the tests' flags (none: the project's config as is).
  const env = {
    WEBPACK_BUNDLE: true,
    WEBPACK_BUILD: true,
    ...(options.fast ? { infraFast: true } : {}),
    ...(options.standIn ? { infraStandIn: true } : {}),
    ...(options.playground ? { withPlayground: true } : {}),
  };
  const config = { ...(await makeConfig(env, { mode: "production", env })), mode: "production", infrastructureLogging: { level: "error" } };
  const compiler = webpack(config);
  const stats = await new Promise<WebpackStats>((resolve, reject) =>
    compiler.run((err, s) => (err || !s ? reject(err ?? new Error("webpack returned no stats")) : resolve(s))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true, errorDetails: false }));

  const entryChunks = entryChunksOf(stats);
  const addinModules = new Set(ADDIN_ENTRIES.flatMap((e) => entryChunks[e] ?? []).flatMap((c) => c.modules));
  return {
    dir: job.dir,
    options,
    files: walk(job.dir).filter((f) => !makeConfig.STAND_IN_FILES.test(f)),
    entryChunks,
    addinModules: [...addinModules],
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** Writes `text` to `file` whole: a reader sees the old state or the new, never half. */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function main(): void {
  const job = JSON.parse(process.argv[2] ?? "") as Job;
  let settled = false;
  // A crash that skips the handlers below still leaves a reason for whoever waits.
  process.on("exit", (code) => {
    if (!settled) writeAtomic(job.failed, `the build process exited (code ${code}) before finishing`);
  });
  process.stderr.write(`[infra test build] building ${job.dir} (${describe(job.options)})\n`);
  build(job).then(
    (info) => {
      writeAtomic(job.result, JSON.stringify(info));
      settled = true;
      process.stderr.write(`[infra test build] built ${job.dir} in ${info.seconds} s\n`);
    },
    (e: unknown) => {
      writeAtomic(job.failed, e instanceof Error ? e.message : String(e));
      settled = true;
      process.stderr.write(`[infra test build] FAILED ${job.dir}: ${e instanceof Error ? e.message.slice(0, 2000) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

main();
