/**
 * `INFRA_URL=https://host/path/ npm run package [-- --out DIR]`: the add-in
 * ready for an organisation's administrator, in DIR (default packages/):
 *
 *   infra-for-excel-VERSION/
 *     web/               exactly what the web server serves at INFRA_URL (the production build, dist/)
 *     manifest.xml       the add-in-only manifest (Microsoft 365 admin center, or any Excel)
 *     app-package.zip    the unified manifest (manifest.json) with its colour and outline icons
 *     hosting/_headers   the headers web/ should be served with (scripts/headers.cjs)
 *   infra-for-excel-VERSION.zip   the same folder, zipped
 *
 * Refuses an address that is not https, or that names this machine. The
 * build and the zips are deterministic: the same commit gives the same bytes.
 * Ends with the offline checks of package-check.ts and exits 1 on any problem.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { zipSync, type Zippable } from "fflate";
import { checkPackage, walk } from "./package-check";

/* eslint-disable @typescript-eslint/no-require-imports */
const { ADDIN, unifiedManifest } = require("../../scripts/manifests.cjs") as {
  ADDIN: { appIcons: { color: { file: string }; outline: { file: string } } };
  unifiedManifest(options: { baseUrl: string; functionsScript: string }): object;
};
const { headersFile } = require("../../scripts/headers.cjs") as {
  headersFile(files: string[], options: { basePath: string; officeJsLocal: boolean }): string;
};
const packageJson = require("../../package.json") as { name: string; version: string };
/** Why an INFRA_URL cannot be the production address, or null when it can (shared with `npm run build`). */
export const { addressProblem } = require("../../scripts/address.cjs") as { addressProblem(url: string | undefined): string | null };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "../..");
/** Every entry's time in the zips: fixed, so the same files always give the same bytes. */
const ZIP_TIME = new Date("2000-01-01T00:00:00Z");

/** A zip of `files` (name → bytes), entries in name order with a fixed time. */
function deterministicZip(files: Record<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) entries[name] = [files[name], { mtime: ZIP_TIME, level: 9 }];
  return zipSync(entries);
}

function usage(message: string): never {
  console.error(`npm run package: ${message}\nusage: INFRA_URL=https://host/path/ npm run package [-- --out DIR]`);
  process.exit(2);
}

export async function main(argv: string[]): Promise<number> {
  let outDir = path.join(ROOT, "packages");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") {
      if (!argv[i + 1]) usage("--out needs a folder: --out DIR");
      outDir = path.resolve(argv[++i]);
    } else usage(`unknown argument ${argv[i]}`);
  }
  const problem = addressProblem(process.env.INFRA_URL);
  if (problem) usage(problem);
  const baseUrl = (process.env.INFRA_URL as string).endsWith("/") ? (process.env.INFRA_URL as string) : `${process.env.INFRA_URL}/`;

  // The production build, exactly as `npm run build` makes it (INFRA_DIST lets tests keep dist/ untouched).
  const dist = path.resolve(ROOT, process.env.INFRA_DIST || "dist");
  console.log(`Building the add-in for ${baseUrl} into ${path.relative(process.cwd(), dist) || dist}…`);
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, INFRA_URL: baseUrl, INFRA_DIST: dist, WEBPACK_SERVE: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) {
    console.error("npm run package: the build failed (see above)");
    return 1;
  }

  const name = `${packageJson.name}-${packageJson.version}`;
  const folder = path.join(outDir, name);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  fs.cpSync(dist, path.join(folder, "web"), { recursive: true });
  fs.copyFileSync(path.join(dist, "manifest.xml"), path.join(folder, "manifest.xml"));

  // The unified manifest names the same functions bundle as the XML one (content-hashed).
  const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
  const script = /<bt:Url id="Functions\.Script\.Url" DefaultValue="([^"]+)"/.exec(xml)?.[1]?.slice(baseUrl.length);
  if (!script) {
    console.error("npm run package: the built manifest.xml names no functions script");
    return 1;
  }
  const manifest = unifiedManifest({ baseUrl, functionsScript: script });
  const iconName = (file: string) => path.basename(file);
  fs.writeFileSync(
    path.join(folder, "app-package.zip"),
    deterministicZip({
      "manifest.json": Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
      [iconName(ADDIN.appIcons.color.file)]: fs.readFileSync(path.join(ROOT, ADDIN.appIcons.color.file)),
      [iconName(ADDIN.appIcons.outline.file)]: fs.readFileSync(path.join(ROOT, ADDIN.appIcons.outline.file)),
    }),
  );
  fs.mkdirSync(path.join(folder, "hosting"));
  fs.writeFileSync(path.join(folder, "hosting", "_headers"), headersFile(walk(path.join(folder, "web")), { basePath: new URL(baseUrl).pathname, officeJsLocal: process.env.OFFICE_JS === "local" }));

  const problems = await checkPackage(folder, baseUrl);
  if (problems.length) {
    for (const p of problems) console.error(`npm run package: ${p}`);
    return 1;
  }
  const zipFile = path.join(outDir, `${name}.zip`);
  fs.writeFileSync(zipFile, deterministicZip(Object.fromEntries(walk(folder).map((f) => [`${name}/${f}`, fs.readFileSync(path.join(folder, f))]))));
  console.log(`
Package ready (offline checks passed):
  ${path.relative(process.cwd(), folder) || folder}/
    web/              upload to ${baseUrl} (with the headers in hosting/_headers)
    manifest.xml      add-in-only manifest: Microsoft 365 admin center › Integrated apps, or any Excel
    app-package.zip   unified manifest app package: Microsoft 365 admin center › Integrated apps
  ${path.relative(process.cwd(), zipFile) || zipFile}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`npm run package: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
