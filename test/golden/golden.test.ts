/**
 * Runs the golden formula table through the embedded engine: every row's
 * formula in column A of one sheet (as when the CSV is opened in Excel), its
 * value compared with the expectation written beside it.
 */
import { createEngine, type InfraEngine } from "../../src/engine/node";
import { loadCatalog } from "../../src/functions/catalog";
import { loadGoldenRows, type GoldenRow } from "./golden-table";

const rows = loadGoldenRows();
let engine: InfraEngine;

beforeAll(async () => {
  // A new workbook: the default set (call-2026-02) is active.
  engine = await createEngine({ Golden: rows.map((r) => [r.formula]) }, { scenario: "call-2026-02" });
});
afterAll(() => engine.destroy());

/** Relative tolerance: the expectations are written to 15+ significant digits. */
const RELATIVE = 1e-12;

test.each(rows.map((r) => [`line ${r.line}: ${r.formula}`, r] as const))("%s", (_name, row: GoldenRow) => {
  const actual = engine.value("Golden", row.line - 2, 0);
  const expected = row.expected;
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(RELATIVE * Math.max(1, Math.abs(expected)));
  } else if (typeof expected === "object") {
    expect(actual).toEqual({ error: expected.error, message: expect.any(String) });
    // Errors INFRA raises carry a message (Excel shows it for #VALUE! and #N/A).
    expect((actual as { message: string }).message).not.toBe("");
  } else {
    expect(actual).toBe(expected);
  }
  expect(row.source.length).toBeGreaterThan(3);
});

test("the table calls every INFRA function at least once", async () => {
  const catalog = await loadCatalog();
  const text = rows.map((r) => r.formula.toUpperCase()).join("\n");
  const missing = catalog.entries.map((e) => e.metadata.id).filter((id) => !text.includes(`INFRA.${id}(`));
  expect(missing).toEqual([]);
});

test("the table nests INFRA functions and mixes in Excel built-ins", () => {
  expect(rows.some((r) => /INFRA\.[A-Z_]+\([^)]*INFRA\./i.test(r.formula))).toBe(true);
  for (const builtin of ["ROUND(", "INDEX(", "ROWS(", "IF(", "IFERROR(", "ISNA(", "PV("]) {
    expect(rows.some((r) => r.formula.toUpperCase().includes(builtin))).toBe(true);
  }
});
