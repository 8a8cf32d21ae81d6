/**
 * HyperFormula is GPL-3.0 and exceljs is a command-line tool: neither may
 * enter the add-in (functions.js, taskpane.js and every chunk they load).
 * Checked on a production build in a temp folder, by the modules webpack put
 * in each chunk and by the text of the emitted files.
 */
import fs from "node:fs";
import path from "node:path";
import { buildOnce, type BuildResult } from "../playground/build";

const FORBIDDEN = [
  { name: "HyperFormula", module: /node_modules[\\/]hyperformula[\\/]/, text: /HyperFormula|Handsoncode|gpl-v3/ },
  { name: "exceljs", module: /node_modules[\\/]exceljs[\\/]/, text: /ExcelJS|exceljs/ },
];

let build: BuildResult;
beforeAll(async () => {
  build = await buildOnce();
}, 300_000);

describe.each(["functions", "taskpane"])("the add-in's %s entry", (entry) => {
  test.each(FORBIDDEN)("loads no $name code", ({ module, text }) => {
    const chunks = build.entryChunks[entry];
    expect(chunks.length).toBeGreaterThan(0);
    const modules = chunks.flatMap((c) => c.modules);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((m) => module.test(m))).toEqual([]);
    for (const file of chunks.flatMap((c) => c.files).filter((f) => f.endsWith(".js"))) {
      const body = fs.readFileSync(path.join(build.dist, file), "utf8");
      expect({ file, found: body.match(text)?.[0] ?? null }).toEqual({ file, found: null });
    }
  });
});

test("the playground is a page of its own that carries the engine", () => {
  const playground = build.entryChunks.playground;
  expect(playground.flatMap((c) => c.modules).some((m) => /node_modules[\\/]hyperformula[\\/]/.test(m))).toBe(true);
  const addinFiles = new Set([...build.entryChunks.functions, ...build.entryChunks.taskpane].flatMap((c) => c.files));
  expect(playground.flatMap((c) => c.files).filter((f) => addinFiles.has(f))).toEqual([]);
  const page = fs.readFileSync(path.join(build.dist, "playground.html"), "utf8");
  expect(page).toMatch(/src="?playground\.[0-9a-f]+\.js/);
  expect(page).not.toMatch(/functions\.[0-9a-f]*\.?js|taskpane\.[0-9a-f]*\.?js|office\.js/);
  expect(fs.readFileSync(path.join(build.dist, "taskpane.html"), "utf8")).not.toMatch(/playground\.[0-9a-f]+\.js/);
});
