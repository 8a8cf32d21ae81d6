/** The HyperFormula adapter: registration from the catalog, coercion, errors, spills, set changes. */
import { HyperFormula } from "hyperformula";
import { callWrapper, registeredInfraNames, toCellError } from "../../src/engine/adapter";
import { createEngine, evaluateFormula } from "../../src/engine/node";
import { InfraEngine } from "../../src/engine/engine";
import { loadCatalog } from "../../src/functions/catalog";
import { store } from "../../src/functions/store";
import { run } from "../../src/cli/main";
import { bundledSet, defaultSet } from "../../src/model/sets";
import { parseAssumptionSet, type AssumptionSet } from "../../src/model/schema";
import { powerBalance } from "../../src/functions/functions";
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

test("POWER_GAP_COST_TABLE with its year in a cell spills its eight rows (space reserved for a required cell argument)", async () => {
  const engine = await createEngine({ S: [[2028, "=INFRA.POWER_GAP_COST_TABLE(A1)"]] });
  // Header, six solutions, total: 8 rows × 4 columns. Total 2028 on call-2026-02, hand calculation:
  // 16 × 2,400 + 5 × 3,500 + 1.635 × 1,900 + 6 × 2,770 + 2 × 660 + 0 × 800 = 76,946.5 USD m = 76.9465bn.
  expect(engine.result("S", 0, 1)).toHaveLength(8);
  expect(engine.value("S", 7, 1)).toBe("total");
  expect(engine.value("S", 7, 4)).toBeCloseTo(76.9465, 10);
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

  test.each([[[]], [["=1+"]], [["=1", "=2"]], [["=1", "--scenario"]]])("usage error or refusal %j exits 2", async (args) => {
    const { out, code } = await run(["eval", ...args]);
    expect(code).toBe(2);
    expect(out).toMatch(/^infra: /);
  });
});

describe("spilled tables after the set changes on a live engine", () => {
  /** The default set with `edit` applied to a copy, validated as the pane's edits are. */
  function edited(edit: (doc: AssumptionSet) => void): AssumptionSet {
    const doc = JSON.parse(JSON.stringify(defaultSet())) as AssumptionSet;
    doc.id = "call-2026-02-edited";
    edit(doc);
    return parseAssumptionSet(doc);
  }
  const sheet = () => ({ S: [["=INFRA.POWER_BALANCE()"], ...Array.from({ length: 9 }, () => []), ["=INFRA.FUNDING_PLAN(2026, 2030)"]] });
  /** Row of `year` in the power balance at A1 (row 0 is the header, 2025 the first year). */
  const balanceRow = (year: number) => year - 2024;

  test("after switching to low, POWER_BALANCE shows low's numbers, no #SPILL!, no old values below", async () => {
    const engine = await createEngine(sheet());
    expect(engine.value("S", balanceRow(2028), 10)).toBe(46);
    store.activate(bundledSet("low")!);
    expect(engine.value("S", 0, 0)).toBe("year");
    // low, hand calculation: demand 55 − grid 15 − under construction 10 = 30 GW in 2028 (46 in the default set).
    expect(engine.value("S", balanceRow(2028), 0)).toBe(2028);
    expect(engine.value("S", balanceRow(2028), 10)).toBe(30);
    expect(engine.result("S", 0, 0)).toEqual(powerBalance(null as unknown as number, null as unknown as number, "low" as never));
    expect(engine.value("S", 10, 0)).toBe("year");
    engine.destroy();
  });

  test("after an edit, the tables show the edited values; a table that gains a column or loses a row follows", async () => {
    const engine = await createEngine(sheet());
    store.activate(
      edited((doc) => {
        doc.parameters.demand_gw.path["2028"] = 77;
        doc.parameters.funding_mix.shares = { ...doc.parameters.funding_mix.shares, equity: 0.02, sovereign_wealth: 0.03 };
      }),
    );
    // Edited 2028 demand 77 − grid 15 − construction 6 = 56 GW.
    expect(engine.value("S", balanceRow(2028), 10)).toBe(56);
    const plan = engine.result("S", 10, 0) as unknown[][];
    // The new source's column comes after the other sources, before the debt and equity columns (always last).
    expect(plan[0].slice(-3)).toEqual(["sovereign_wealth_usd_bn", "debt_total_usd_bn", "equity_total_usd_bn"]);
    // The total row: 2026–30 demand grows 106 − 13 = 93 GW, and 2028's step is still inside it, so the total is unchanged
    // at 93 × 55 = 5,115 (README); sovereign wealth's 3% of it is 153.45.
    expect(plan.at(-1)?.[0]).toBe("total");
    expect(plan.at(-1)?.[3]).toBeCloseTo(5115, 9);
    expect(plan.at(-1)?.at(-3)).toBeCloseTo(153.45, 9);
    // The set does not class sovereign_wealth, so it counts in neither: debt 65% = 3,324.75; equity 30% + 2% = 1,636.8.
    expect(plan.at(-1)?.at(-2)).toBeCloseTo(3324.75, 9);
    expect(plan.at(-1)?.at(-1)).toBeCloseTo(1636.8, 9);
    store.activate(
      edited((doc) => {
        for (const p of Object.values(doc.parameters)) {
          if (!("path" in p)) continue;
          delete (p.path as Record<string, number>)["2030"];
          delete (p.path_basis as Record<string, string>)["2030"];
        }
      }),
    );
    // Paths now end in 2029: the 2030 row is gone and its cells are empty, not the old numbers.
    expect(engine.value("S", balanceRow(2029), 0)).toBe(2029);
    expect(engine.value("S", balanceRow(2030), 0)).toBeNull();
    expect(engine.value("S", balanceRow(2030), 10)).toBeNull();
    expect(engine.value("S", 10, 0)).toMatchObject({ error: "#N/A" }); // FUNDING_PLAN(2026, 2030): 2030 is past the path
    engine.destroy();
  });

  test("a value typed into a cell a table spilled into is kept, and blocks the table as in Excel", async () => {
    const engine = await createEngine(sheet());
    engine.setCell("S", 3, 3, "mine");
    expect(engine.value("S", 0, 0)).toMatchObject({ error: "#SPILL!" });
    store.activate(bundledSet("low")!);
    expect(engine.value("S", 3, 3)).toBe("mine");
    expect(engine.value("S", 0, 0)).toMatchObject({ error: "#SPILL!" });
    engine.setCell("S", 3, 3, null);
    expect(engine.value("S", balanceRow(2028), 10)).toBe(30); // low: 55 − 15 − 10
    engine.destroy();
  });
});
