/**
 * A workbook saved with the bundled sets' previous versions (test/fixtures/reference-versions,
 * written by that code at commit 8ae2b15) opens with the numbers it showed: every set is
 * recognised as an older version of its reference, not as an edited copy, keeps computing
 * with its own values, and the update the pane offers is exactly what changed: the
 * miner-conversion cost, Riot's ~USD 3,600 per IT kW, now 2,770 per grid kW (÷ PUE 1.3).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { recalcWorkbook } from "../../src/engine/recalc";
import { cachedResults } from "./cached-results";
import type { AssumptionSet } from "../../src/model/schema";
import { bundledSet, BUNDLED_SETS } from "../../src/model/sets";
import { storedSetStatus } from "../../src/model/sets/versions";
import { updateOffer } from "../../src/taskpane/edit";
import { decodeState } from "../../src/workbook/state-format";

const FIXTURES = path.join(__dirname, "..", "fixtures", "reference-versions");
const NAME = "reference-sets-8ae2b15";
const stateText = () => fs.readFileSync(path.join(FIXTURES, `${NAME}.state.json`), "utf8").trim();

/** The versions the old code bundled (the fixture's README). */
const OLD_VERSIONS: Record<string, number> = {
  "call-2026-02": 2,
  low: 2,
  high: 2,
  "ms-dec-2025": 1,
  "lbnl-2024-low": 1,
  "lbnl-2024-high": 1,
  "jpm-jun-2026": 2,
};

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-refversions-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("every bundled set moved up one version; the fixture holds each at the version before", () => {
  const raw = JSON.parse(stateText()) as { active: AssumptionSet; saved: AssumptionSet[] };
  const stored = [raw.active, ...raw.saved];
  expect(Object.fromEntries(stored.map((s) => [s.id, s.version]))).toEqual(OLD_VERSIONS);
  for (const s of BUNDLED_SETS) expect({ id: s.id, version: s.version }).toEqual({ id: s.id, version: OLD_VERSIONS[s.id] + 1 });
  // Written by the old code: the miner-conversion cost as it was, 3,600 USD per kW.
  for (const s of stored) expect(s.parameters.solution_capex_miners_usd_per_kw.value).toBe(3600);
});

test("each stored set reads back under its own id and version, recognised as an older reference, with a notice", () => {
  const decoded = decodeState(stateText());
  const sets = [decoded.active, ...decoded.saved];
  expect(sets.map((s) => s.id)).toEqual(Object.keys(OLD_VERSIONS)); // none renamed "-edited"
  for (const s of sets) {
    expect(s.version).toBe(OLD_VERSIONS[s.id]);
    expect(s.reference).toBeUndefined();
    expect(storedSetStatus(s).kind).toBe("older");
  }
  expect(decoded.notices).toEqual(
    sets.map((s) => `The workbook uses version ${s.version} of “${s.id}” and keeps computing with it; this add-in has version ${s.version + 1} (update it in the task pane).`),
  );
});

test("the update the pane offers is the one change: the miner-conversion cost, 3,600 → 2,770 per grid kW, with Riot as source", () => {
  const decoded = decodeState(stateText());
  for (const s of [decoded.active, ...decoded.saved]) {
    const offer = updateOffer(s)!;
    expect(offer.latest).toBe(bundledSet(s.id));
    expect(offer.differences.map((d) => [d.field, d.old, d.new])).toEqual([[{ key: "solution_capex_miners_usd_per_kw", part: null }, 3600, 2770]]);
    expect(offer.differences[0].source).toContain("Riot Platforms");
  }
});

test("a copy holding an old version number with other values (here the new cost) is an altered copy, not that version", () => {
  const decoded = decodeState(stateText());
  const forged = structuredClone(decoded.active) as AssumptionSet;
  forged.parameters.solution_capex_miners_usd_per_kw.value = 2770;
  expect(storedSetStatus(forged).kind).toBe("altered");
});

test("the workbook recalculates to exactly the numbers the old add-in showed: every cell computed, none changed", async () => {
  const input = path.join(FIXTURES, `${NAME}.xlsx`);
  const before = await cachedResults(input, ["Model", "Tables"]);
  // Hand calculation with the old cost, call-2026-02 through 2028: 16 × 2,400 + 5 × 3,500 + 1.635 × 1,900
  // + 6 × 3,600 + 2 × 660 = 81,926.5 USD m (the current bundled set gives 76.9465bn: 6 × 2,770 for miners).
  expect(before.get("Model!B6")).toBeCloseTo(81.9265, 10);
  expect(before.get("Model!B12")).toBeCloseTo(21.6, 10); // miners 6 GW × 3,600
  expect(before.get("Model!B19")).toBeCloseTo(3.6, 12); // POWER_SOLUTION_COST("miners", 1)
  expect(before.size).toBeGreaterThan(60);
  // recalc compares every computed value with the cached one and writes the file only when one differs.
  const report = await recalcWorkbook(input, path.join(dir, `${NAME}.xlsx`));
  expect(report.failed).toEqual([]);
  expect(report.computed).toBeGreaterThanOrEqual(before.size);
  expect(report.changed).toBe(0);
  expect(report.written).toBe(false);
});
