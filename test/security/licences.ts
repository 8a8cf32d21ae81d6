/**
 * The licence policy for code that ships in the add-in: permissive licences
 * only. Copyleft (GPL, AGPL, LGPL, SSPL …) and unknown licences are refused;
 * an SPDX "A OR B" passes when one alternative is permissive.
 */
import fs from "node:fs";
import path from "node:path";

export const PERMISSIVE = new Set([
  "MIT",
  "ISC",
  "0BSD",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "CC0-1.0",
  "Unlicense",
  "BlueOak-1.0.0",
  "Python-2.0",
  "CC-BY-4.0",
]);

/** Null when `expression` is acceptable, otherwise why not. */
export function licenceProblem(expression: string | undefined): string | null {
  if (!expression) return "no licence declared";
  const alternatives = expression.replace(/[()]/g, "").split(/\s+OR\s+/i);
  const ok = alternatives.some((alt) => alt.split(/\s+AND\s+/i).every((part) => PERMISSIVE.has(part.trim())));
  return ok ? null : `licence "${expression}" is not on the permissive list (${[...PERMISSIVE].join(", ")})`;
}

/** The licence a package declares in its package.json (SPDX string, or the legacy object/array forms). */
export function declaredLicence(packageDir: string): { name: string; version: string; licence: string | undefined } {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: string | { type?: string };
    licenses?: { type?: string }[];
  };
  const lic =
    typeof pkg.license === "string"
      ? pkg.license
      : (pkg.license?.type ?? (pkg.licenses?.length ? pkg.licenses.map((l) => l.type).join(" OR ") : undefined));
  return { name: pkg.name, version: pkg.version, licence: lic };
}
