/**
 * Workbooks written by the schema-1 add-in (test/fixtures/schema-1, made by
 * that code) open in this version with the numbers they showed: the stored
 * sets migrate to schema 2 with every value kept, and `recalc` reproduces
 * every cached result the old code wrote.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { recalcWorkbook } from "../../src/engine/recalc";
import { cachedResults } from "./cached-results";
import { PARAMETER_KEYS } from "../../src/model/catalogue";
import { SCHEMA1_SOLUTION_VALUES } from "../../src/model/migrate";
import { parseAssumptionSet, SCHEMA_VERSION, SetValidationError } from "../../src/model/schema";
import { bundledSet } from "../../src/model/sets";
import { storedSetStatus } from "../../src/model/sets/versions";
import { decodeState, interpretStateCells, STATE_FORMAT } from "../../src/workbook/state-format";

const FIXTURES = path.join(__dirname, "..", "fixtures", "schema-1");
const NAMES = ["schema1-call-2026-02", "schema1-low", "schema1-edited"] as const;
const stateText = (name: string) => fs.readFileSync(path.join(FIXTURES, `${name}.state.json`), "utf8").trim();

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-schema1-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Raw = { id: string; schema_version: number; parameters: Record<string, { value?: number; path?: object; shares?: object }> };

test.each(NAMES)("%s: the stored schema-1 sets migrate with every value kept", (name) => {
  const raw = JSON.parse(stateText(name)) as { active: Raw; saved: Raw[] };
  expect(raw.active.schema_version).toBe(1); // written by the old code
  const decoded = decodeState(stateText(name));
  // A workbook holding a bundled set's version 1 keeps it, and is told the add-in now ships a later one.
  const pinned = bundledSet(raw.active.id);
  expect(decoded.notices).toEqual(
    pinned ? [expect.stringMatching(new RegExp(`uses version 1 of “${raw.active.id}” and keeps computing with it; this add-in has version ${pinned.version}`))] : [],
  );
  const pairs: Array<[Raw, ReturnType<typeof parseAssumptionSet>]> = [[raw.active, decoded.active], ...raw.saved.map((s, i): [Raw, ReturnType<typeof parseAssumptionSet>] => [s, decoded.saved[i]])];
  for (const [old, now] of pairs) {
    expect(now.schema_version).toBe(SCHEMA_VERSION);
    expect(now.id).toBe(old.id);
    expect(now.version).toBe(1);
    expect(now.migrated_from_schema).toBe(1);
    for (const key of Object.keys(old.parameters)) {
      const p = now.parameters[key as (typeof PARAMETER_KEYS)[number]] as Record<string, unknown>;
      for (const field of ["value", "path", "shares"] as const) {
        if (field in old.parameters[key]) expect(p[field]).toEqual(old.parameters[key][field]);
      }
    }
    // What schema 1 did not carry is filled in and said so.
    expect(now.parameters.pue.note).toMatch(/Not in schema 1/);
    expect(now.parameters.demand_gw.mw_basis).toBe("grid");
    expect(Object.keys(now.parameters.demand_gw.path_basis)).toEqual(Object.keys(now.parameters.demand_gw.path));
  }
});

test("a workbook pinned to the schema-1 call-2026-02 (or low) holds version 1 of that reference, recognised as such", () => {
  for (const [name, id] of [["schema1-call-2026-02", "call-2026-02"], ["schema1-low", "low"]] as const) {
    const { active } = decodeState(stateText(name));
    expect(active.id).toBe(id);
    const status = storedSetStatus(active).kind;
    // Version 1 is the add-in's current version of the set, or an earlier one once the set has been revised.
    expect(bundledSet(id)!.version === 1 ? status === "current" : status === "older").toBe(true);
  }
});

test("what schema 1 lacked is filled with version 1's figures, not the bundled sets' of today (the miner conversion: 3,600, now 2,770)", () => {
  const { active } = decodeState(stateText("schema1-call-2026-02"));
  // Version 1 of every set priced a miner conversion at Riot's ~USD 3.6m per IT MW, taken per grid kW.
  expect(active.parameters.solution_capex_miners_usd_per_kw.value).toBe(3600);
  expect(active.parameters.solution_capex_miners_usd_per_kw.note).toMatch(/version-1 value.*3\.6m per IT MW.*~30% high at PUE 1\.3/);
  expect(bundledSet("call-2026-02")!.parameters.solution_capex_miners_usd_per_kw.value).toBe(2770);
  for (const [key, value] of Object.entries(SCHEMA1_SOLUTION_VALUES)) {
    expect({ key, value: (active.parameters[key as keyof typeof active.parameters] as { value: number }).value }).toEqual({ key, value });
  }
  // And so the set is still version 1 of the reference, not an altered copy.
  expect(storedSetStatus(active).kind).toBe("older");
});

test.each(NAMES)("%s.xlsx recalculates to the numbers the schema-1 add-in showed", async (name) => {
  const input = path.join(FIXTURES, `${name}.xlsx`);
  const output = path.join(dir, `${name}.xlsx`);
  const report = await recalcWorkbook(input, output);
  expect(report.failed).toEqual([]);
  const before = await cachedResults(input, ["Model", "Tables"], ["Tables"]);
  const after = await cachedResults(output, ["Model", "Tables"], ["Tables"]);
  expect(before.size).toBeGreaterThan(40);
  expect([...after.keys()]).toEqual([...before.keys()]);
  // Equal, numbers to 12 significant digits: the annuity factor is now computed through expm1/log1p, which
  // moves PROJECT_DEBT and LEASE_VALUE_PER_MW in the 16th digit (Excel shows 15).
  for (const [address, was] of before) {
    const now = after.get(address);
    if (typeof was === "number" && typeof now === "number") expect({ address, now: Number(now.toPrecision(12)) }).toEqual({ address, now: Number(was.toPrecision(12)) });
    else expect({ address, now }).toEqual({ address, now: was });
  }
});

test("the fixtures hold what their names say (hand check: call-2026-02 gap 2028 = 67 − 15 − 6 = 46; my-case = 60 − 15 − 6 = 39)", async () => {
  const call = await cachedResults(path.join(FIXTURES, "schema1-call-2026-02.xlsx"), ["Model", "Tables"], ["Tables"]);
  const edited = await cachedResults(path.join(FIXTURES, "schema1-edited.xlsx"), ["Model", "Tables"], ["Tables"]);
  expect(call.get("Model!B10")).toBe(46);
  expect(edited.get("Model!B10")).toBe(39);
});

test("a set or a workbook state from a newer schema is still refused, by name", () => {
  const raw = JSON.parse(stateText("schema1-call-2026-02"));
  const newerSet = { ...raw.active, schema_version: SCHEMA_VERSION + 1 };
  expect(() => parseAssumptionSet(newerSet)).toThrow(SetValidationError);
  expect(() => parseAssumptionSet(newerSet)).toThrow(/schema_version 3 is newer than this add-in understands \(2\)/);
  expect(() => decodeState(JSON.stringify({ ...raw, active: newerSet }))).toThrow(/newer than this add-in understands/);
  const meta = [["INFRA"], ["format", STATE_FORMAT], ["schema_version", 2], ["parts", 1], ["characters", 2]];
  const read = interpretStateCells(meta, [["part 1 of 1: {}"]]).result;
  expect(read).toMatchObject({ kind: "unreadable", reason: expect.stringMatching(/schema_version 2, newer than this add-in/) });
});

test("a solution value the bundled sets change later, without its version-1 parameter written, still migrates at version 1's value", () => {
  jest.isolateModules(() => {
    // The bundled gas lead time moved from 48 to 50 months (a later version); nothing else was written for it.
    jest.doMock("../../src/model/sets/solutions", () => {
      const actual = jest.requireActual("../../src/model/sets/solutions");
      return { ...actual, SOLUTIONS_AND_GPUS: { ...actual.SOLUTIONS_AND_GPUS, lead_time_gas_months: { ...actual.SOLUTIONS_AND_GPUS.lead_time_gas_months, value: 50 } } };
    });
    const { decodeState: decode } = jest.requireActual("../../src/workbook/state-format") as typeof import("../../src/workbook/state-format");
    const { active } = decode(stateText("schema1-call-2026-02"));
    expect(active.parameters.lead_time_gas_months.value).toBe(48);
    expect(active.parameters.lead_time_gas_months.note).toMatch(/version-1 value, 48.*later versions of the bundled sets carry 50/);
  });
});
