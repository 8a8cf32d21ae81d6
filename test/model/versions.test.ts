/** Versions of the bundled reference sets: values never change without a new version, and older versions are recognised. */
import { BUNDLED_SETS } from "../../src/model/sets";
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

test("a workbook pinned to an earlier version is kept as that version (the bundled set revised to version 2 here)", () => {
  jest.isolateModules(() => {
    jest.doMock("../../src/model/sets/call-2026-02", () => {
      const actual = jest.requireActual("../../src/model/sets/call-2026-02");
      const v2 = structuredClone(actual.CALL_2026_02_SET);
      v2.version = 2;
      v2.parameters.capex_musd_per_mw.value = 55;
      return { CALL_2026_02_SET: v2 };
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const isolated = require("../../src/model/sets/versions") as typeof import("../../src/model/sets/versions");
    const v1 = BUNDLED_SETS[0]; // version 1, as the workbook holds it
    const status = isolated.storedSetStatus(v1);
    expect(status.kind).toBe("older");
    const forgedV1 = structuredClone(v1) as AssumptionSet;
    forgedV1.parameters.capex_musd_per_mw.value = 70;
    expect(isolated.storedSetStatus(forgedV1).kind).toBe("altered");
  });
});
