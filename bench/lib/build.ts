/**
 * A production build of the add-in into a folder of its own (never dist/),
 * for the bench's bundle-size figures: `npm run build` as is (type checking
 * and source maps included), through the tests' build function
 * (test/support/built-addin.ts), with the modules that enter the add-in's
 * chunks.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ADDIN_ENTRIES, buildAddin, entryFile } from "../../test/support/built-addin";

export const ROOT = path.resolve(__dirname, "../..");

export { ADDIN_ENTRIES };

export interface BuildOutput {
  dir: string;
  /** Every module path in the add-in's chunks: its entries and the chunks they load on demand. */
  modulePaths: string[];
  /** Emitted files, relative to `dir`. */
  files: string[];
  /** Entry name → its own bundle's file (content-hashed), e.g. functions → "functions.<hash>.js". */
  entryFiles: Record<string, string>;
  cleanup(): void;
}

/** Builds with `webpack --mode production`; `officeJsLocal` serves Office.js from the build (offline pages). */
export function buildProduction(options: { officeJsLocal?: boolean } = {}): BuildOutput {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-build-"));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const info = buildAddin(dir, { officeJsLocal: options.officeJsLocal ?? false });
    const entryFiles = Object.fromEntries(ADDIN_ENTRIES.map((e) => [e, entryFile(info, e)]));
    return { dir, modulePaths: info.addinModules, files: info.files, entryFiles, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** The folder of the npm package a module path belongs to (the innermost one), or null for our own code. */
export function packageDirOf(modulePath: string): string | null {
  const m = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)/.exec(modulePath);
  return m ? m[1] : null;
}
