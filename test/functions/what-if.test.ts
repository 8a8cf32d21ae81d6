/**
 * Scenario handles, SENSITIVITY and COMPARE. Expected values are computed
 * here by hand from the set's own parameters (so they hold whatever the
 * bundled set's figures are), never pasted from our output.
 */
import * as f from "../../src/functions/functions";
import { loadCatalog } from "../../src/functions/catalog";
import { DERIVED_CACHE_SIZE, store } from "../../src/functions/store";
import { whatIfSpillBound } from "../../src/functions/what-if";
import { contentHash, variedParameters } from "../../src/model/scenario";
import { BUNDLED_SETS, bundledSet } from "../../src/model/sets";
import type { AssumptionSet } from "../../src/model/schema";
import { cell } from "../helpers";

const base = () => bundledSet("call-2026-02")!;
const p = () => base().parameters;
const gap2028 = (demandFactor = 1) =>
  p().demand_gw.path["2028"] * demandFactor - p().supply_grid_gw.path["2028"] - p().supply_construction_gw.path["2028"];
/** Grid headroom and construction through 2028: what the headline gap subtracts from demand. */
const supply2028 = () => p().supply_grid_gw.path["2028"] + p().supply_construction_gw.path["2028"];

beforeEach(() => store.activate(base()));

/** SCENARIO(base, name1, value1, …) as a user calls it (string arguments, as the engine passes them). */
const scenario = (...args: unknown[]) => cell(() => (f.scenario as (...a: unknown[]) => unknown)(...args));
const handleOf = async (...args: unknown[]) => {
  const r = await scenario(...args);
  if (!("value" in r)) throw new Error(JSON.stringify(r));
  return r.value as string;
};

describe("SCENARIO", () => {
  test("a readable canonical text; the same overrides in any order give the same text", async () => {
    const a = await handleOf("call-2026-02", "capex_musd_per_mw", 45, "demand_gw@2028", 70, "funding_mix.ig_bonds", 0.4);
    const b = await handleOf("CALL-2026-02", "Funding_Mix.IG_Bonds", 0.4, " capex_musd_per_mw ", 45, "demand_gw@2028", 70);
    expect(a).toBe("call-2026-02; capex_musd_per_mw=45; demand_gw@2028=70; funding_mix.ig_bonds=0.4");
    expect(b).toBe(a);
  });

  test("a handle is usable as any function's scenario: AIDC_FUNDING(10) with capex 45 is 10 GW × 45 = 450", async () => {
    const h = await handleOf("call-2026-02", "capex_musd_per_mw", 45);
    expect(await cell(() => f.aidcFunding(10, undefined, undefined, h as never))).toEqual({ value: 450 });
    // As Excel hands a matrix parameter a single value: a 1×1 range.
    expect(await cell(() => f.aidcFunding(10, undefined, undefined, [[h]]))).toEqual({ value: 450 });
  });

  test("one year of a path, and a whole path scaled", async () => {
    const year = await handleOf("call-2026-02", "demand_gw@2028", 70);
    expect(f.powerGapGw(2028, false, year as never)).toBeCloseTo(70 - supply2028(), 9);
    const scaled = await handleOf("call-2026-02", "demand_gw*", 1.1);
    expect(f.powerGapGw(2028, false, scaled as never)).toBeCloseTo(gap2028(1.1), 9);
    // Scaled whole: every year, not only 2028.
    expect(f.powerDemandGw(2026, scaled as never)).toBeCloseTo(p().demand_gw.path["2026"] * 1.1, 9);
  });

  test("overriding one funding share rescales the others in proportion", async () => {
    const h = await handleOf("call-2026-02", "funding_mix.ig_bonds", 0.5);
    const shares = p().funding_mix.shares;
    const others = 1 - shares.ig_bonds;
    expect(f.assumption("funding_mix.ig_bonds", undefined, h as never)).toBe(0.5);
    expect(f.assumption("funding_mix.equity", undefined, h as never)).toBeCloseTo((shares.equity * 0.5) / others, 12);
    let sum = 0;
    for (const s of Object.keys(shares)) sum += f.assumption(`funding_mix.${s}`, undefined, h as never) as number;
    expect(sum).toBeCloseTo(1, 12);
  });

  test("a bad override is #VALUE! naming it and what is allowed; nothing is cached as valid", async () => {
    const r = await scenario("call-2026-02", "capex_musd_per_mw", -5);
    expect(r).toEqual({ error: "#VALUE!", message: expect.stringMatching(/capex_musd_per_mw=-5.*allowed 1–200/) });
    expect(await scenario("call-2026-02", "capex", 45)).toEqual({ error: "#VALUE!", message: expect.stringMatching(/"capex": not a parameter/) });
    expect(await scenario("call-2026-02", "demand_gw", 45)).toEqual({ error: "#VALUE!", message: expect.stringMatching(/demand_gw@2028.*demand_gw\*/) });
    expect(await scenario("call-2026-02", "funding_mix.nope", 0.1)).toEqual({ error: "#VALUE!", message: expect.stringMatching(/"nope" is not a source/) });
    expect(await scenario("call-2026-02", "capex_musd_per_mw", 45, "CAPEX_MUSD_PER_MW", 50)).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/given twice/),
    });
    // A cumulative path must not fall: 2028 above 2029 is refused, naming the override.
    const above = p().demand_gw.path["2029"] + 1;
    expect(await scenario("call-2026-02", "demand_gw@2028", above)).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/demand_gw@2028=.*falls in 2029/),
    });
    expect(await scenario("call-2026-02", "demand_gw@2099", 1)).toEqual({ error: "#N/A", message: expect.stringMatching(/2099 is outside/) });
    expect(await scenario("nope", "capex_musd_per_mw", 45)).toEqual({ error: "#N/A", message: expect.stringMatching(/"nope" is not a known/) });
  });

  test("built from two ranges (names, values); empty rows skipped", async () => {
    const names = [["capex_musd_per_mw"], ["demand_gw*"], [null]];
    const values = [[45], [1.1], [null]];
    expect(await handleOf("call-2026-02", names, values)).toBe("call-2026-02; capex_musd_per_mw=45; demand_gw*=1.1");
    expect(await scenario("call-2026-02", names, [[45]])).toEqual({ error: "#VALUE!", message: expect.stringMatching(/same size/) });
  });

  test("built on a handle: later overrides replace the base's own", async () => {
    const first = await handleOf("low", "capex_musd_per_mw", 45, "p_contract", 0.4);
    expect(await handleOf(first, "capex_musd_per_mw", 50)).toBe("low; capex_musd_per_mw=50; p_contract=0.4");
  });

  test("the derived set keeps sources and says what changed", async () => {
    const h = await handleOf("call-2026-02", "capex_musd_per_mw", 45);
    const doc = store.resolve(h).doc as AssumptionSet;
    expect(doc.parameters.capex_musd_per_mw.sources).toEqual(p().capex_musd_per_mw.sources);
    expect(doc.parameters.capex_musd_per_mw.basis).toBe("chosen");
    expect(doc.parameters.capex_musd_per_mw.note).toMatch(/^Changed by a scenario: set to 45 \(the set's: 55\)/); // call-2026-02: Nvidia's 50–60bn per GW, midpoint 55
    // Schema 2's extends, written inline: the base named, every other parameter the base's, marked inherited.
    expect(doc.extends).toEqual({ id: "call-2026-02", version: base().version });
    expect(doc.parameters.capex_musd_per_mw.inherited).toBeUndefined();
    expect(doc.parameters.p_contract).toEqual({ ...p().p_contract, inherited: true });
    const year = store.resolve(await handleOf("call-2026-02", "demand_gw@2028", 70)).doc as AssumptionSet;
    expect(year.parameters.demand_gw.path_basis["2028"]).toBe("chosen");
    expect(year.parameters.demand_gw.path_basis["2027"]).toBe(p().demand_gw.path_basis["2027"]);
  });
});

describe("the scenario argument", () => {
  test("a two-column range of (name, value) rows, first row optionally (base, id)", async () => {
    const range = [
      ["base", "call-2026-02"],
      ["demand_gw*", 1.1],
      [null, null],
    ];
    expect(f.powerGapGw(2028, false, range)).toBeCloseTo(gap2028(1.1), 9);
    // Without a base row: the workbook's active set.
    store.activate(bundledSet("low")!);
    const low = bundledSet("low")!.parameters;
    const expected = low.demand_gw.path["2028"] * 1.1 - low.supply_grid_gw.path["2028"] - low.supply_construction_gw.path["2028"];
    expect(f.powerGapGw(2028, false, [["demand_gw*", 1.1]])).toBeCloseTo(expected, 9);
    expect(await cell(() => f.powerGapGw(2028, false, [["a", 1, 2]]))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/two columns \(name, value\)/),
    });
    expect(await cell(() => f.powerGapGw(2028, false, 5 as never))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^scenario must be a set id, a SCENARIO handle, or a two-column range/),
    });
  });

  test("a handle on a workbook set carries its hash, and is #N/A once that set has changed", async () => {
    const mine: AssumptionSet = { ...base(), id: "my-case" };
    store.activate(mine);
    const h = await handleOf("my-case", "capex_musd_per_mw", 45);
    expect(h).toBe(`my-case#${contentHash(mine)}; capex_musd_per_mw=45`);
    expect(h).toMatch(/^my-case#[0-9a-f]{8}; /);
    expect(f.aidcFunding(10, undefined, undefined, h as never)).toBe(450);
    const changed: AssumptionSet = { ...mine, parameters: { ...mine.parameters, p_contract: { ...mine.parameters.p_contract, value: 0.3 } } };
    store.activate(changed);
    expect(await cell(() => f.aidcFunding(10, undefined, undefined, h as never))).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/"my-case" has changed since this scenario was made/),
    });
    // A bundled set as shipped needs no hash: its id names it.
    expect(await handleOf("high", "capex_musd_per_mw", 45)).toBe("high; capex_musd_per_mw=45");
  });

  test("the content hash does not depend on key order", () => {
    const doc = base();
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries([["parameters", doc.parameters], ...Object.entries(doc)]))) as AssumptionSet;
    expect(Object.keys(reordered)[0]).toBe("parameters");
    expect(contentHash(reordered)).toBe(contentHash(doc));
    expect(contentHash({ ...doc, name: `${doc.name}!` })).not.toBe(contentHash(doc));
  });

  test("a derived set is validated and compiled once per distinct handle; the cache is bounded", () => {
    const before = store.derivations;
    const handles = Array.from({ length: 10 }, (_, i) => `call-2026-02; capex_musd_per_mw=${40 + i}`);
    for (let round = 0; round < 5; round++) for (const h of handles) f.aidcFunding(1, undefined, undefined, h as never);
    expect(store.derivations - before).toBe(10);
    // Another spelling of the same handle is the same set.
    f.aidcFunding(1, undefined, undefined, "CALL-2026-02 ;capex_musd_per_mw = 40" as never);
    expect(store.derivations - before).toBe(10);
    // More distinct handles than the cache holds: it stays bounded and still answers.
    for (let i = 0; i < DERIVED_CACHE_SIZE + 10; i++) f.aidcFunding(1, undefined, undefined, `low; capex_musd_per_mw=${10 + i / 100}` as never);
    expect((store as unknown as { derived: Map<string, unknown> }).derived.size).toBeLessThanOrEqual(DERIVED_CACHE_SIZE);
  });
});

describe("SENSITIVITY", () => {
  test("its spill bound before any set is active still covers every parameter a bundled set varies", () => {
    // The embedded engine sizes a spill before computing it; with no active set the bound
    // cannot come from the set, so it must not fall below what any bundled set can vary.
    const most = Math.max(...BUNDLED_SETS.map((s) => variedParameters(s).length));
    const bound = whatIfSpillBound("SENSITIVITY", [null, null, null], null);
    expect(bound?.rows).toBeGreaterThanOrEqual(most + 1); // + the header row
    // A set may list up to 20 funding sources, each a share SENSITIVITY can vary: the default
    // set's count with its own sources replaced by 20.
    const ownSources = Object.keys(BUNDLED_SETS[0].parameters.funding_mix.shares).length;
    expect(bound?.rows).toBe(variedParameters(BUNDLED_SETS[0]).length - ownSources + 20 + 1);
  });

  test("POWER_GAP_GW(2028): demand first, results at 0.9 and 1.1 × demand; only parameters that move the result", async () => {
    const r = await cell(() => f.sensitivity("POWER_GAP_GW", [[2028]]));
    if (!("value" in r)) throw new Error(JSON.stringify(r));
    const table = r.value as (string | number)[][];
    expect(table[0]).toEqual(["parameter", "base_value", "low_value", "high_value", "result_low", "result_high", "swing"]);
    const [name, baseValue, low, high, resultLow, resultHigh, swing] = table[1];
    expect([name, baseValue, low, high]).toEqual(["demand_gw", 1, 0.9, 1.1]);
    expect(resultLow).toBeCloseTo(gap2028(0.9), 9);
    expect(resultHigh).toBeCloseTo(gap2028(1.1), 9);
    expect(swing).toBeCloseTo(0.2 * p().demand_gw.path["2028"], 9);
    // Grid and construction: the only other inputs of the headline gap; each swing is 0.2 × its 2028 value.
    expect(table.slice(1).map((row) => row[0]).sort()).toEqual(["demand_gw", "supply_construction_gw", "supply_grid_gw"]);
    const swings = table.slice(1).map((row) => row[6] as number);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    const grid = table.find((row) => row[0] === "supply_grid_gw")!;
    expect(grid[6]).toBeCloseTo(0.2 * p().supply_grid_gw.path["2028"], 9);
  });

  test("named parameters, another change, a base scenario; a scalar's inputs are ±change of its value", async () => {
    const table = (await cell(() => f.sensitivity("AIDC_FUNDING", [[10]], [["capex_musd_per_mw"]], 0.2, [["low"]]))) as { value: unknown[][] };
    const capex = bundledSet("low")!.parameters.capex_musd_per_mw.value;
    expect(table.value[1][0]).toBe("capex_musd_per_mw");
    expect(table.value[1][1]).toBe(capex);
    expect(table.value[1][2]).toBeCloseTo(capex * 0.8, 9);
    expect(table.value[1][4]).toBeCloseTo(10 * capex * 0.8, 9);
    expect(table.value[1][5]).toBeCloseTo(10 * capex * 1.2, 9);
  });

  test("bad arguments name themselves", async () => {
    expect(await cell(() => f.sensitivity("NOPE", [[1]]))).toEqual({ error: "#VALUE!", message: expect.stringMatching(/^function_name "NOPE" is not/) });
    expect(await cell(() => f.sensitivity("POWER_GAP_GW", [[2028, false, "x"]]))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/args has 3 values but POWER_GAP_GW takes 2/),
    });
    expect(await cell(() => f.sensitivity("POWER_GAP_GW", [[2028]], undefined, 1.5))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^change must be above 0 and below 1/),
    });
    expect(await cell(() => f.sensitivity("POWER_GAP_GW", [[2028]], [["nope"]]))).toEqual({ error: "#VALUE!", message: expect.stringMatching(/nope/) });
    expect(await cell(() => f.sensitivity("POWER_GAP_GW", [[1999]]))).toEqual({ error: "#N/A", message: expect.stringMatching(/year/) });
  });

  test("each row equals a direct call through the handle it describes", async () => {
    const table = (await cell(() => f.sensitivity("SOTP_EV", [[200, 500]]))) as { value: (string | number)[][] };
    expect(table.value.length).toBeGreaterThan(2);
    for (const [name, , low, high, resultLow, resultHigh] of table.value.slice(1)) {
      const lowHandle = await handleOf("call-2026-02", name, low);
      const highHandle = await handleOf("call-2026-02", name, high);
      expect(f.sotpEv(200, 500, undefined, undefined, undefined, lowHandle as never)).toBe(resultLow);
      expect(f.sotpEv(200, 500, undefined, undefined, undefined, highHandle as never)).toBe(resultHigh);
    }
  });
});

describe("COMPARE", () => {
  test("one row per scenario: ids, a handle, a row of overrides", async () => {
    const h = await handleOf("call-2026-02", "demand_gw*", 1.1);
    const r = (await cell(() =>
      f.compare("POWER_GAP_GW", [[2028]], [["low", null, null], [h, null, null], ["call-2026-02", "demand_gw@2028", 70]]),
    )) as { value: unknown[][] };
    const low = bundledSet("low")!.parameters;
    expect(r.value[0]).toEqual(["scenario", "result"]);
    expect(r.value[1]).toEqual(["low", low.demand_gw.path["2028"] - low.supply_grid_gw.path["2028"] - low.supply_construction_gw.path["2028"]]);
    expect(r.value[2][0]).toBe(h);
    expect(r.value[2][1]).toBeCloseTo(gap2028(1.1), 9);
    expect(r.value[3]).toEqual(["call-2026-02; demand_gw@2028=70", 70 - supply2028()]);
    // A single row of ids is a list.
    const row = (await cell(() => f.compare("POWER_GAP_GW", [[2028]], [["low", "high"]]))) as { value: unknown[][] };
    expect(row.value.map((x) => x[0])).toEqual(["scenario", "low", "high"]);
  });

  test("a bad scenario names its row", async () => {
    expect(await cell(() => f.compare("POWER_GAP_GW", [[2028]], [["low"], ["nope"]]))).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/^scenarios row 2: scenario "nope"/),
    });
  });
});

test("SENSITIVITY and COMPARE can run every INFRA function returning one number, with its arguments before scenario", async () => {
  const catalog = await loadCatalog();
  const numeric = catalog.entries
    .map((e) => e.metadata)
    .filter((m) => m.result.type === "number" && m.result.dimensionality !== "matrix");
  expect(Object.keys(f.ANALYSABLE).sort()).toEqual(numeric.map((m) => m.id).sort());
  for (const m of numeric) {
    const before = m.parameters.filter((x) => x.name !== "scenario").length;
    expect({ id: m.id, arity: f.ANALYSABLE[m.id].arity }).toEqual({ id: m.id, arity: before });
  }
});
