/**
 * Offline checks of a deployment package (`npm run package`), before anyone
 * uploads it:
 * - manifest.xml passes the add-in manifest check (manifest-check.ts);
 * - manifest.json, from the app package, is valid against Microsoft's published
 *   schema for its manifestVersion, the copy that ships in the npm package
 *   @microsoft/app-manifest (build/json-schemas/teams/vX.Y/MicrosoftTeams.schema.json);
 * - the two manifests agree: id, version (package.json's), names, runtime page,
 *   functions script, metadata, namespace, requirement sets;
 * - every address in either manifest lies under the package's base address and
 *   names a file in web/ of the right type (page, script, JSON, PNG), with icons
 *   of the declared dimensions; functions.json stays under Excel's 1 MB limit;
 * - the app package's colour icon is 192×192 and its outline icon 32×32 with
 *   transparency; nothing in the package names localhost.
 */
import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { checkManifest } from "./manifest-check";

/* eslint-disable @typescript-eslint/no-require-imports */
const { versions, UNIFIED_SCHEMA_VERSION } = require("../../scripts/manifests.cjs") as {
  versions(version?: string): { xml: string; json: string };
  UNIFIED_SCHEMA_VERSION: string;
};
const packageJson = require("../../package.json") as { version: string };
/* eslint-enable @typescript-eslint/no-require-imports */

/** Excel on Windows fails to load a functions.json over about 1 MB (ENGINEERING.md). */
export const FUNCTIONS_JSON_LIMIT_BYTES = 1_000_000;

export interface PngInfo {
  width: number;
  height: number;
  /** PNG colour type: 6 is RGBA, 4 grey + alpha; 3 is a palette (alpha only with a tRNS chunk). */
  colorType: number;
  hasAlpha: boolean;
}

export function pngInfo(bytes: Uint8Array): PngInfo | null {
  const b = Buffer.from(bytes);
  if (b.length < 33 || b.readUInt32BE(0) !== 0x89504e47 || b.toString("latin1", 12, 16) !== "IHDR") return null;
  const colorType = b[25];
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colorType, hasAlpha: colorType === 6 || colorType === 4 || b.includes("tRNS") };
}

/** What a file must look like, by the kind of address that names it. */
function typeProblem(rel: string, bytes: Buffer): string | null {
  if (rel.endsWith(".html")) return /^\s*<!doctype html>/i.test(bytes.toString("utf8", 0, 64)) ? null : "is not an HTML page";
  if (rel.endsWith(".js")) return bytes.length > 0 && !/^\s*</.test(bytes.toString("utf8", 0, 16)) ? null : "is not a script";
  if (rel.endsWith(".json")) {
    try {
      JSON.parse(bytes.toString("utf8"));
      return null;
    } catch {
      return "is not JSON";
    }
  }
  if (rel.endsWith(".png")) return pngInfo(bytes) ? null : "is not a PNG image";
  return "has a type no manifest address should name";
}

interface UnifiedManifest {
  manifestVersion: string;
  id: string;
  version: string;
  name: { short: string; full: string };
  icons: { color: string; outline: string };
  validDomains?: string[];
  extensions: {
    requirements?: { capabilities?: { name: string; minVersion?: string }[] };
    runtimes: {
      id: string;
      lifetime?: string;
      code: { page: string; script?: string };
      customFunctions?: { namespace: { id: string; name: string }; metadataUrl?: string };
    }[];
    ribbons?: { tabs: { groups?: { icons?: { size: number; url: string }[]; controls?: { icons?: { size: number; url: string }[] }[] }[] }[] }[];
  }[];
}

/** Every string value in `value` that looks like an absolute address, with where it is. */
function addressesIn(value: unknown, where = ""): { where: string; url: string }[] {
  if (typeof value === "string") return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? [{ where, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => addressesIn(v, `${where}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => (k === "$schema" ? [] : addressesIn(v, where ? `${where}.${k}` : k)));
  return [];
}

/** The unified manifest's schema as published by Microsoft, from @microsoft/app-manifest. */
export function unifiedSchemaPath(manifestVersion: string): string {
  return require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
}

/** Schema errors of `manifest` (empty when valid), checked offline with the package's copy of the schema. */
export async function unifiedSchemaErrors(manifest: { manifestVersion?: unknown }): Promise<string[]> {
  const version = String(manifest.manifestVersion ?? "");
  let schemaFile: string;
  try {
    schemaFile = unifiedSchemaPath(version);
  } catch {
    return [`manifestVersion "${version}" has no schema in @microsoft/app-manifest`];
  }
  // Validated as @microsoft/app-manifest's AppManifestUtils.validateAgainstSchema does (its ajv for draft-04
  // schemas, the same options and formats), without loading that module's ES-module dependencies.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const from = { paths: [path.dirname(require.resolve("@microsoft/app-manifest/package.json"))] };
  const AjvDraft04 = require(require.resolve("ajv-draft-04", from)) as { default: new (o: object) => AjvInstance };
  const addFormats = require(require.resolve("ajv-formats", from)) as { default: (ajv: AjvInstance, formats: string[]) => void };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false });
  addFormats.default(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
  if (validate(JSON.parse(JSON.stringify(manifest)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

interface AjvInstance {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params: object }[] | null };
}

/** The XML manifest's resource addresses by id, and its namespace and requirement sets. */
function xmlFacts(xml: string) {
  const attr = (re: RegExp) => re.exec(xml)?.[1] ?? null;
  const url = (id: string) => attr(new RegExp(`<bt:Url id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]+)"`));
  const sets = [...xml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => ({ name: m[1], minVersion: m[2] }));
  return {
    id: attr(/<Id>([^<]+)<\/Id>/),
    version: attr(/<Version>([^<]+)<\/Version>/),
    name: attr(/<DisplayName DefaultValue="([^"]+)"/),
    page: url("Taskpane.Url"),
    script: url("Functions.Script.Url"),
    metadata: url("Functions.Metadata.Url"),
    namespace: attr(/<bt:String id="Functions\.Namespace" DefaultValue="([^"]+)"/),
    sets,
    addresses: [...xml.matchAll(/(?:DefaultValue|Value)="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi)].map((m) => m[1]),
  };
}

/**
 * Every problem in the package folder `dir` (web/, manifest.xml,
 * app-package.zip) built for `baseUrl`; empty when it is ready to deploy.
 */
export async function checkPackage(dir: string, baseUrl: string): Promise<string[]> {
  const problems: string[] = [];
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  const web = path.join(dir, "web");
  for (const need of ["web", "manifest.xml", "app-package.zip"]) {
    if (!fs.existsSync(path.join(dir, need))) problems.push(`the package lacks ${need}`);
  }
  if (problems.length) return problems;

  /** Checks that `url` lies under the base address and names a file of the right type in web/; returns the file's bytes. */
  const served = (where: string, url: string): Buffer | null => {
    if (!url.startsWith(base)) {
      problems.push(`${where}: ${url} is not under ${base}`);
      return null;
    }
    const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
    const file = path.join(web, rel);
    if (!rel || !file.startsWith(web + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      problems.push(`${where}: ${url} names no file in web/ (${rel || "the folder itself"})`);
      return null;
    }
    const bytes = fs.readFileSync(file);
    const type = typeProblem(rel, bytes);
    if (type) problems.push(`${where}: web/${rel} ${type}`);
    return bytes;
  };

  // The XML manifest.
  const xml = fs.readFileSync(path.join(dir, "manifest.xml"), "utf8");
  if (xml !== fs.readFileSync(path.join(web, "manifest.xml"), "utf8")) problems.push("manifest.xml differs from web/manifest.xml");
  for (const p of checkManifest(xml, { assetsDir: path.join(web, "assets") })) problems.push(`manifest.xml: ${p.kind}: ${p.message}`);
  const x = xmlFacts(xml);
  for (const url of new Set(x.addresses)) served(`manifest.xml`, url);

  // The unified manifest and its icons, from the app package.
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(fs.readFileSync(path.join(dir, "app-package.zip")));
  } catch (e) {
    problems.push(`app-package.zip is not a zip file: ${(e as Error).message}`);
    return problems;
  }
  if (!zip["manifest.json"]) {
    problems.push("app-package.zip has no manifest.json at its root");
    return problems;
  }
  let json: UnifiedManifest;
  try {
    json = JSON.parse(Buffer.from(zip["manifest.json"]).toString("utf8")) as UnifiedManifest;
  } catch (e) {
    problems.push(`app-package.zip: manifest.json is not JSON: ${(e as Error).message}`);
    return problems;
  }
  if (json.manifestVersion !== UNIFIED_SCHEMA_VERSION) problems.push(`manifest.json: manifestVersion ${json.manifestVersion}, expected ${UNIFIED_SCHEMA_VERSION}`);
  for (const e of await unifiedSchemaErrors(json)) problems.push(`manifest.json does not match Microsoft's schema v${json.manifestVersion}: ${e}`);
  const extra = Object.keys(zip).filter((f) => !["manifest.json", json.icons?.color, json.icons?.outline].includes(f));
  if (extra.length) problems.push(`app-package.zip holds files the manifest does not name: ${extra.join(", ")}`);
  const icon = (role: "color" | "outline", size: number) => {
    const name = json.icons?.[role];
    const bytes = name ? zip[name] : undefined;
    if (!bytes) return problems.push(`app-package.zip lacks the ${role} icon ${name ?? "(none named)"}`);
    const info = pngInfo(bytes);
    if (!info) return problems.push(`app-package.zip: ${name} is not a PNG image`);
    if (info.width !== size || info.height !== size) problems.push(`app-package.zip: the ${role} icon ${name} is ${info.width}×${info.height}, must be ${size}×${size}`);
    if (role === "outline" && !info.hasAlpha) problems.push(`app-package.zip: the outline icon ${name} must have a transparent background`);
    return undefined;
  };
  icon("color", 192);
  icon("outline", 32);
  for (const { where, url } of addressesIn(json)) served(`manifest.json ${where}`, url);
  // Ribbon icons: the declared size is the file's.
  for (const ribbon of json.extensions?.[0]?.ribbons ?? []) {
    for (const tab of ribbon.tabs) {
      for (const group of tab.groups ?? []) {
        for (const i of [...(group.icons ?? []), ...(group.controls ?? []).flatMap((c) => c.icons ?? [])]) {
          const rel = i.url.startsWith(base) ? i.url.slice(base.length) : null;
          const file = rel ? path.join(web, rel) : null;
          const info = file && fs.existsSync(file) ? pngInfo(fs.readFileSync(file)) : null;
          if (info && (info.width !== i.size || info.height !== i.size)) problems.push(`manifest.json: ribbon icon ${i.url} is declared ${i.size}, the file is ${info.width}×${info.height}`);
        }
      }
    }
  }
  if (json.validDomains && !json.validDomains.includes(new URL(base).host)) problems.push(`manifest.json: validDomains ${json.validDomains.join(", ")} lacks ${new URL(base).host}`);

  // The two manifests agree, and carry package.json's version.
  const runtime = json.extensions?.[0]?.runtimes?.[0];
  const want = versions(packageJson.version);
  const same: [string, unknown, unknown][] = [
    ["id", x.id, json.id],
    ["name", x.name, json.name?.full],
    ["runtime page", x.page, runtime?.code.page],
    ["functions script", x.script, runtime?.code.script],
    ["functions metadata", x.metadata, runtime?.customFunctions?.metadataUrl],
    ["namespace", x.namespace, runtime?.customFunctions?.namespace.id],
    ["requirement sets", JSON.stringify(x.sets), JSON.stringify(json.extensions?.[0]?.requirements?.capabilities ?? [])],
  ];
  for (const [what, a, b] of same) if (a !== b) problems.push(`the manifests disagree on the ${what}: manifest.xml has ${String(a)}, manifest.json ${String(b)}`);
  if (x.version !== want.xml) problems.push(`manifest.xml: version ${x.version}, package.json says ${want.xml}`);
  if (json.version !== want.json) problems.push(`manifest.json: version ${json.version}, package.json says ${want.json}`);
  if (runtime?.lifetime !== "long") problems.push("manifest.json: the runtime must be long-lived (shared runtime)");

  // The functions page loads the script the manifests name; the metadata fits Excel's limit.
  const page = x.page?.startsWith(base) ? path.join(web, x.page.slice(base.length)) : null;
  const script = x.script?.startsWith(base) ? x.script.slice(base.length) : null;
  if (page && script && fs.existsSync(page) && !fs.readFileSync(page, "utf8").includes(script)) problems.push(`the runtime page does not load the functions script ${script}`);
  const metadata = path.join(web, "functions.json");
  if (fs.existsSync(metadata) && fs.statSync(metadata).size > FUNCTIONS_JSON_LIMIT_BYTES) problems.push(`web/functions.json is over ${FUNCTIONS_JSON_LIMIT_BYTES} bytes`);

  // Nothing names the development server.
  const files = walk(dir);
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dir, f));
    if (bytes.includes("localhost")) problems.push(`${f} names localhost`);
    if (f.endsWith(".zip")) {
      try {
        for (const [name, content] of Object.entries(unzipSync(bytes))) if (Buffer.from(content).includes("localhost")) problems.push(`${f}: ${name} names localhost`);
      } catch {
        problems.push(`${f} is not a zip file`);
      }
    }
  }
  return problems;
}

export function walk(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join("/")]))
    .sort();
}
