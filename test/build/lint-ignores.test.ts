/**
 * `npm run lint` (eslint .) reads the project's sources, not what the build
 * commands write: every folder .gitignore names as generated (dist/,
 * dist-playground/, packages/, …) is ignored by eslint.config.mjs too, so
 * that `npm run package` or `npm run build:playground` followed by
 * `npm run lint` does not lint minified bundles.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** The folders .gitignore names ("dist/", "packages/"), without the trailing slash. */
const GENERATED = fs
  .readFileSync(path.join(ROOT, ".gitignore"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line.endsWith("/") && !line.startsWith("#"))
  .map((line) => line.replace(/^\/|\/$/g, ""));

test(".gitignore names the build commands' output folders", () => {
  expect(GENERATED).toEqual(expect.arrayContaining(["dist", "dist-playground", "packages"]));
});

/** What eslint says of a minified bundle's line at `file` (the eslint command, the project's config). */
function lintAt(file: string): string[] {
  const eslint = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
  const r = spawnSync(process.execPath, [eslint, "--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: ROOT,
    input: "Office.onReady(function(){var a=1});\n",
    encoding: "utf8",
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { messages: { message: string }[] }[])[0].messages.map((m) => m.message);
}

test.each(GENERATED.filter((folder) => folder !== "node_modules"))("eslint ignores %s/", (folder) => {
  expect(lintAt(`${folder}/infra-for-excel-0.1.0/web/functions.0123456789abcdef0123.js`)).toEqual([expect.stringMatching(/ignored/)]);
});
