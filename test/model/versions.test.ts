/** Versions of the bundled reference sets: values never change without a new version, and older versions are recognised. */
import fs from "node:fs";
import path from "node:path";
import { BUNDLED_SETS, bundledSet } from "../../src/model/sets";
import { parseAssumptionSet } from "../../src/model/schema";
import { REFERENCE_VERSIONS, storedSetStatus, valuesFingerprint } from "../../src/model/sets/versions";
import type { AssumptionSet } from "../../src/model/schema";

test("every bundled set's values match the fingerprint recorded for its version (change values, raise the version)", () => {
  for (const s of BUNDLED_SETS) {
    expect(Object.hasOwn(REFERENCE_VERSIONS, s.id)).toBe(true);
    expect({ id: s.id, version: s.version, fingerprint: valuesFingerprint(s) }).toEqual({
      id: s.id,
      version: s.version,
      fingerprint: REFERENCE_VERSIONS[s.id][s.version],
    });
    // Every earlier version is recorded, so a workbook pinned to it can be told apart from an altered copy.
    for (let v = 1; v < s.version; v++) expect(REFERENCE_VERSIONS[s.id][v]).toMatch(/^[0-9a-f]{14}$/);
  }
});

test("the fingerprint follows the values, not the notes", () => {
  const s = structuredClone(BUNDLED_SETS[0]) as AssumptionSet;
  const before = valuesFingerprint(s);
  s.parameters.capex_musd_per_mw.note = "another note";
  expect(valuesFingerprint(s)).toBe(before);
  s.parameters.supply_grid_gw.path["2030"] += 1;
  expect(valuesFingerprint(s)).not.toBe(before);
});

test("a stored set is current, older, newer, altered or the workbook's own", () => {
  const current = BUNDLED_SETS[0];
  expect(storedSetStatus(current).kind).toBe("current");
  expect(storedSetStatus({ ...current, id: "mine" }).kind).toBe("own");
  expect(storedSetStatus({ ...current, version: current.version + 1 }).kind).toBe("newer");
  const altered = structuredClone(current) as AssumptionSet;
  altered.parameters.p_contract.value = 0.99;
  expect(storedSetStatus(altered).kind).toBe("altered");
});

test("a workbook pinned to version 1 (saved by the schema-1 add-in) is kept as that version; the bundled set is later", () => {
  const fixture = path.join(__dirname, "../fixtures/schema-1/schema1-call-2026-02.state.json");
  const v1 = parseAssumptionSet((JSON.parse(fs.readFileSync(fixture, "utf8")) as { active: unknown }).active);
  expect(v1.version).toBe(1);
  // Version 2: schema 2 (issue 10); version 3: the miner-conversion cost per grid kW.
  expect(bundledSet("call-2026-02")!.version).toBe(3);
  const status = storedSetStatus(v1);
  expect(status.kind).toBe("older");
  const forgedV1 = structuredClone(v1) as AssumptionSet;
  forgedV1.parameters.capex_musd_per_mw.value = 70;
  expect(storedSetStatus(forgedV1).kind).toBe("altered");
});
