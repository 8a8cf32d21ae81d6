/** The HyperFormula adapter: registration from the catalog, coercion, errors, spills, set changes. */
import { HyperFormula } from "hyperformula";
import { callWrapper, registeredInfraNames, toCellError } from "../../src/engine/adapter";
import { createEngine, evaluateFormula } from "../../src/engine/node";
import { InfraEngine } from "../../src/engine/engine";
import { loadCatalog } from "../../src/functions/catalog";
import { store } from "../../src/functions/store";
import { run } from "../../src/cli/main";
import { bundledSet } from "../../src/model/sets";
import { useSet } from "../helpers";

beforeEach(() => useSet());

test("registers every function of the catalog under INFRA., and nothing else", async () => {
  await createEngine().then((e) => e.destroy());
  const catalog = await loadCatalog();
  expect(registeredInfraNames().sort()).toEqual(catalog.entries.map((e) => `INFRA.${e.metadata.id}`).sort());
  for (const name of registeredInfraNames()) expect(HyperFormula.getRegisteredFunctionNames("enGB")).toContain(name);
});

test("maps CustomFunctions errors to the engine's error kinds, keeping the message", () => {
  const value = toCellError(new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "year must be a number"));
  expect([value.type, value.message]).toEqual(["VALUE", "year must be a number"]);
  expect(toCellError(new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "unknown")).type).toBe("NA");
  expect(toCellError(new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "too large")).type).toBe("NUM");
  expect(toCellError(new Error("boom")).message).toContain("boom");
});

test("omitted, empty and empty-cell arguments reach the wrapper as null (Excel's omitted)", async () => {
  const engine = await createEngine({ S: [[2028, null, '=INFRA.POWER_GAP_GW(A1, B1)', "=INFRA.POWER_GAP_GW(A1,,)", '=INFRA.NUCLEAR_EQUIV(46, "")']] });
  expect(engine.value("S", 0, 2)).toBe(46);
  expect(engine.value("S", 0, 3)).toBe(46);
  expect(engine.value("S", 0, 4)).toBe(46);
  engine.destroy();
});

test("a missing required argument and a range for a value are the wrappers' own #VALUE!", async () => {
  expect(await evaluateFormula("=INFRA.POWER_GAP_GW()")).toEqual({ error: "#VALUE!", message: "year is required: give a number" });
  const engine = await createEngine({ S: [[2027, "=INFRA.POWER_GAP_GW(A1:A2)"], [2028]] });
  expect(engine.value("S", 0, 1)).toEqual({ error: "#VALUE!", message: "year must be a single value, not a 2×1 range" });
  engine.destroy();
});

test("an error argument propagates without calling the function, as in Excel", async () => {
  expect(await evaluateFormula("=INFRA.POWER_GAP_GW(1/0)")).toMatchObject({ error: "#DIV/0!" });
});

test("tables spill; a table sized from cell arguments leaves its unused cells empty", async () => {
  const engine = await createEngine({ S: [[2026, "=INFRA.POWER_BALANCE(A1, A1)"], [], [], [], [], [], [], []] });
  expect(engine.value("S", 1, 1)).toBe(2026);
  // 2026 gap, hand calculation: demand 30 − grid 7.5 − construction 3 = 19.5.
  expect(engine.value("S", 1, 11)).toBe(19.5);
  expect(engine.value("S", 2, 1)).toBeNull();
  expect(engine.result("S", 0, 1)).toHaveLength(2);
  engine.destroy();
});

test("choosing another set recalculates every dependent cell; a named scenario stays", async () => {
  const engine = await createEngine({ S: [["=INFRA.POWER_GAP_GW(2028)", '=INFRA.POWER_GAP_GW(2028,,"high")', "=A1*2", "=ROWS(INFRA.POWER_BALANCE())"]] });
  expect([engine.value("S", 0, 0), engine.value("S", 0, 1), engine.value("S", 0, 2)]).toEqual([46, 69, 92]); // high: 90 − 15 − 6 = 69
  let recalculations = 0;
  engine.onRecalculate(() => recalculations++);
  store.activate(bundledSet("low")!);
  // low, hand calculation: 55 − 15 − 10 = 30.
  expect([engine.value("S", 0, 0), engine.value("S", 0, 1), engine.value("S", 0, 2)]).toEqual([30, 69, 60]);
  expect(recalculations).toBe(1);
  engine.destroy();
});

test("the engine is created only once the store is ready; a wrapper still waiting shows #N/A", async () => {
  const catalog = await loadCatalog();
  store.reset();
  expect(() => new InfraEngine({ entries: catalog.entries, store })).toThrow(/must be ready/);
  expect(callWrapper(() => Promise.resolve(1), [], 0)).toMatchObject({ type: "NA" });
});

describe("infra eval", () => {
  test.each([
    ["=INFRA.NUCLEAR_EQUIV(INFRA.POWER_GAP_GW(2028))", "46"],
    ["=ROUND(INFRA.AIDC_FUNDING(10, 45), 0)", "450"],
    ["INFRA.POWER_GAP_GW(2028) + 0", "46"],
    ['=INFRA.POWER_GAP_GW("x")', '{"error":"#VALUE!","message":"year must be a number; got text \\"x\\""}'],
    ["=INFRA.POWER_BALANCE(2025,2025)", expect.stringMatching(/^\[\["year","demand_gw",.*\],\[2025,13,3.75,1.5,/)],
    ['=1/3', "0.333333333333333"],
  ])("%s → %s", async (formula, out) => {
    expect(await run(["eval", formula])).toEqual({ out, code: 0 });
  });

  test("--scenario makes a bundled set the active one; an unknown one is #N/A like call", async () => {
    expect(await run(["eval", "=INFRA.POWER_GAP_GW(2028)", "--scenario", "low"])).toEqual({ out: "30", code: 0 });
    const unknown = await run(["eval", "=INFRA.POWER_GAP_GW(2028)", "--scenario", "nope"]);
    expect(unknown.code).toBe(0);
    expect(JSON.parse(unknown.out)).toMatchObject({ error: "#N/A" });
  });

  test.each([[[]], [["=1+"]], [["=1", "=2"]], [["=1", "--scenario"]]])("usage error %j exits 2", async (args) => {
    const { out, code } = await run(["eval", ...args]);
    expect(code).toBe(2);
    expect(out).toMatch(/^infra: /);
  });
});
