/**
 * Node-side view of the custom functions: the metadata generated from the
 * JSDoc of functions.ts (the same generator the webpack build uses) joined to
 * the wrapper functions themselves. The command line, the embedded engine and
 * the tests use it, so no second list of functions exists anywhere.
 *
 * The generator parses functions.ts with the TypeScript compiler, which takes
 * about half a second to load; its output is kept in node_modules/.cache,
 * keyed by a hash of functions.ts and the generator's version, so a command
 * pays that only after functions.ts changes. A cache file that is cut short,
 * edited or inconsistent is regenerated, never believed.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { installCustomFunctionsShim } from "./custom-functions-shim";
import * as functions from "./functions";

installCustomFunctionsShim();

export const FUNCTIONS_SOURCE = path.resolve(__dirname, "functions.ts");

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
}

export type Wrapper = (...args: unknown[]) => unknown;

export interface CatalogEntry {
  metadata: FunctionMetadata;
  wrapper: Wrapper;
}

export interface Catalog {
  metadataJson: string;
  entries: CatalogEntry[];
  byId: Map<string, CatalogEntry>;
}

let cached: Promise<Catalog> | undefined;

/** What the generator gives that the catalog uses: the metadata and which export each id belongs to. */
interface GeneratedMetadata {
  metadataJson: string;
  associate: { id: string; functionName: string }[];
}

/** Where generated metadata is kept between processes (the convention of find-cache-dir: the project's node_modules/.cache). */
export const METADATA_CACHE_DIR = path.resolve(__dirname, "..", "..", "node_modules", ".cache", "infra-for-excel");

/** A package's version as installed (resolved from the generator's folder, where it loads its own dependencies), or "". */
function installedVersion(pkg: string): string {
  try {
    const from = path.dirname(require.resolve("custom-functions-metadata/package.json"));
    return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [from] }), "utf8")) as { version?: string }).version ?? "";
  } catch {
    return "";
  }
}

/** What the cache file holds: the generator's output and a checksum of it. */
interface CachedMetadata extends GeneratedMetadata {
  sha256: string;
}

function checksum(g: GeneratedMetadata): string {
  return crypto.createHash("sha256").update(g.metadataJson).update("\0").update(JSON.stringify(g.associate)).digest("hex");
}

/**
 * A cache file's content, when it is whole and consistent: its checksum
 * matches (a file cut short or edited by hand does not), the metadata parses,
 * and every function id has exactly one wrapper name. Otherwise undefined.
 */
function readCached(v: unknown): GeneratedMetadata | undefined {
  const g = v as CachedMetadata | null;
  if (typeof g !== "object" || g === null || typeof g.sha256 !== "string" || typeof g.metadataJson !== "string" || !Array.isArray(g.associate)) return undefined;
  if (!g.associate.every((a) => typeof a === "object" && a !== null && typeof a.id === "string" && typeof a.functionName === "string")) return undefined;
  const generated: GeneratedMetadata = { metadataJson: g.metadataJson, associate: g.associate.map((a) => ({ id: a.id, functionName: a.functionName })) };
  if (checksum(generated) !== g.sha256) return undefined;
  try {
    const ids = (JSON.parse(g.metadataJson) as { functions?: { id?: unknown }[] }).functions?.map((f) => f.id);
    const associated = generated.associate.map((a) => a.id);
    if (!ids || ids.length === 0 || ids.length !== associated.length || new Set(associated).size !== associated.length || !ids.every((id) => typeof id === "string" && associated.includes(id))) return undefined;
  } catch {
    return undefined;
  }
  return generated;
}

/** The cache file for functions.ts as it is now, with this generator and the TypeScript it parses with. */
export function metadataCacheFile(): string {
  const hash = crypto
    .createHash("sha256")
    .update(installedVersion("custom-functions-metadata"))
    .update("\0")
    .update(installedVersion("typescript"))
    .update("\0")
    .update(fs.readFileSync(FUNCTIONS_SOURCE))
    .digest("hex")
    .slice(0, 32);
  return path.join(METADATA_CACHE_DIR, `functions-metadata-${hash}.json`);
}

/** The generator's output for functions.ts: from the cache when functions.ts and the generator are unchanged, else generated (and cached). */
export async function generatedMetadata(): Promise<GeneratedMetadata> {
  const file = metadataCacheFile();
  try {
    const kept = readCached(JSON.parse(fs.readFileSync(file, "utf8")));
    if (kept) return kept;
  } catch {
    // not cached yet, or unreadable: generate
  }
  const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], false);
  if (result.errors.length) throw new Error(`functions.ts metadata: ${result.errors.join("; ")}`);
  const generated: GeneratedMetadata = { metadataJson: result.metadataJson, associate: result.associate.map((a) => ({ id: a.id, functionName: a.functionName })) };
  try {
    // Written whole under a unique name, then renamed: a parallel process never reads half a file.
    fs.mkdirSync(METADATA_CACHE_DIR, { recursive: true });
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    const record: CachedMetadata = { ...generated, sha256: checksum(generated) };
    fs.writeFileSync(temp, JSON.stringify(record), { flag: "wx" });
    fs.renameSync(temp, file);
    // Metadata of earlier versions of functions.ts is never read again.
    for (const name of fs.readdirSync(METADATA_CACHE_DIR)) {
      if (/^functions-metadata-[0-9a-f]{32}\.json$/.test(name) && path.join(METADATA_CACHE_DIR, name) !== file) fs.rmSync(path.join(METADATA_CACHE_DIR, name), { force: true });
    }
  } catch {
    // A read-only install: generate again next time.
  }
  return generated;
}

/** Generates the metadata once per process and pairs every id with its wrapper. */
export function loadCatalog(): Promise<Catalog> {
  cached ??= (async () => {
    const result = await generatedMetadata();
    const metadata = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
    const exported = functions as unknown as Record<string, Wrapper>;
    const entries = metadata.functions.map((m) => {
      const association = result.associate.find((a) => a.id === m.id);
      const wrapper = association && exported[association.functionName];
      if (typeof wrapper !== "function") throw new Error(`no wrapper exported for ${m.id}`);
      return { metadata: m, wrapper };
    });
    return { metadataJson: result.metadataJson, entries, byId: new Map(entries.map((e) => [e.metadata.id, e])) };
  })();
  return cached;
}

/** `NAME(a, [b], [scenario])` as Excel's tooltip would show it. */
export function signature(m: FunctionMetadata): string {
  const params = m.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${m.id}(${params.join(", ")})`;
}
