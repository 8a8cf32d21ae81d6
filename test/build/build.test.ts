/**
 * The production build: functions.json generated with every function and
 * parameter described, help.html generated from the same metadata, and the
 * production address swapped into every file that names the development one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildInto, builtAddin } from "../support/built-addin";

interface Metadata {
  functions: { id: string; description: string; parameters: { name: string; description?: string }[] }[];
}

test("functions.json holds every INFRA function, each parameter described", async () => {
  const dist = await builtAddin();
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
  expect(metadata.functions.length).toBeGreaterThanOrEqual(18);
  for (const f of metadata.functions) {
    expect(f.description).toBeTruthy();
    for (const p of f.parameters) expect(p.description).toBeTruthy();
  }
  // the build appended one CustomFunctions.associate call per function to the functions bundle
  const bundle = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
  for (const f of metadata.functions) expect(bundle).toContain(`CustomFunctions.associate("${f.id}"`);
});

test("help.html has a section for every function's help link", async () => {
  const dist = await builtAddin();
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
  const help = fs.readFileSync(path.join(dist, "help.html"), "utf8");
  // the page may be minified: attribute quotes are optional
  for (const f of metadata.functions) expect(help).toMatch(new RegExp(`id="?${f.id.toLowerCase()}"?[ >]`));
});

test("INFRA_URL swaps the development address in the manifest, metadata and pages", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-url-"));
  try {
    buildInto(dir, { INFRA_URL: "https://addins.example.com/infra/" });
    for (const file of ["manifest.xml", "functions.json", "help.html", "taskpane.html"]) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      expect(text).not.toContain("https://localhost:3000/");
    }
    const manifest = fs.readFileSync(path.join(dir, "manifest.xml"), "utf8");
    expect(manifest).toContain('DefaultValue="https://addins.example.com/infra/taskpane.html"');
    expect(manifest).toContain('DefaultValue="https://addins.example.com/infra/functions.json"');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
