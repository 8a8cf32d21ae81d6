/**
 * Smaller edges of sets and messages: a funding source named like an Object
 * property, a set too long for Excel's cells, and messages that never repeat
 * arbitrarily long text. Figures: call-2026-02 capex USD 60m per MW, so 46 GW
 * costs USD 2,760bn and a 3% share of it is 82.8.
 */
import { toCellError } from "../../src/engine/adapter";
import { run } from "../../src/cli/main";
import { aidcFunding, assumption, fundingPlan, nuclearEquiv, powerGapGw, powerSupplyGw } from "../../src/functions/functions";
import { store } from "../../src/functions/store";
import { parseAssumptionSet, SetValidationError, type AssumptionSet } from "../../src/model/schema";
import { defaultSet } from "../../src/model/sets";
import { changedFields, differs, valueOf } from "../../src/taskpane/edit";
import { auditRows } from "../../src/workbook/state-format";
import { cell, useSet } from "../helpers";

const EXCEL_CELL_CHARS = 32_767;

function copy(edit: (doc: AssumptionSet) => void, id = "own-set"): AssumptionSet {
  const doc = structuredClone(defaultSet()) as AssumptionSet;
  doc.id = id;
  edit(doc);
  return doc;
}

/** The default set with its equity share (5%) split between equity (2%) and a source named "constructor" (3%). */
const withConstructor = () =>
  parseAssumptionSet(
    copy((doc) => {
      doc.parameters.funding_mix.shares = { ...doc.parameters.funding_mix.shares, equity: 0.02, constructor: 0.03 };
    }),
  );

afterEach(() => useSet());

describe("a funding source named constructor is a source like any other", () => {
  const field = { key: "funding_mix", part: "constructor" } as const;

  test("the pane reads it from the set's own keys: the reference has no such value", () => {
    const own = withConstructor();
    const ref = defaultSet();
    expect(valueOf(own, field)).toBe(0.03);
    expect(valueOf(ref, field)).toBeUndefined();
    expect(valueOf(ref, { key: "demand_gw", part: "constructor" })).toBeUndefined();
    expect(differs(own, ref, field)).toBe(true);
    expect(changedFields(own, ref)).toContainEqual(field);
  });

  test("the functions compute with it, and a set without it says so", async () => {
    store.activate(withConstructor());
    // 46 GW × USD 55m per grid MW × 3% = USD 75.9bn.
    expect(aidcFunding(46, null as unknown as number, "constructor")).toBeCloseTo(75.9, 9);
    expect(assumption("funding_mix.constructor")).toBe(0.03);
    expect((fundingPlan(2026, 2026) as unknown[][])[0]).toContain("constructor_usd_bn");
    useSet();
    await expect(cell(() => aidcFunding(46, null as unknown as number, "constructor"))).resolves.toMatchObject({ error: "#N/A" });
    await expect(cell(() => assumption("funding_mix.constructor"))).resolves.toMatchObject({ error: "#N/A" });
    await expect(cell(() => assumption("constructor"))).resolves.toMatchObject({ error: "#N/A" });
  });

  test("an error object whose code is an Object property is not taken for an Excel error kind", () => {
    expect(toCellError({ code: "constructor", message: "x" }).message).toMatch(/^INFRA could not compute this/);
    expect(toCellError({ code: "toString", message: "x" }).type).toBe("VALUE");
  });
});

describe("every audit cell of a set fits in one Excel cell", () => {
  /** Every path running from 2025 to `lastYear`, each value with 16 significant digits, the added years extrapolated. */
  function longPaths(lastYear: number): AssumptionSet {
    return copy((doc) => {
      for (const p of Object.values(doc.parameters)) {
        if (!("path" in p)) continue;
        const last = p.path["2030"];
        const path: Record<string, number> = {};
        for (let y = 2025; y <= lastYear; y++) path[String(y)] = y <= 2030 ? p.path[String(y)] : last + (y - 2030) * 1.234567890123e-9;
        p.path = path;
        p.path_basis = Object.fromEntries(Object.keys(path).map((y) => [y, p.path_basis[y] ?? "extrapolated"]));
        p.max = Math.max(p.max, last + 1);
      }
    });
  }

  test("a set whose paths run so long that an audit cell would pass 32,767 characters is refused, naming the limit", () => {
    // The audit cell shows each year's basis: 976 years × about 43 characters ("2400: 106.0000004320987615 (extrapolated); ")
    // ≈ 42,000 characters for demand_gw.
    const long = longPaths(3000);
    expect(() => parseAssumptionSet(long)).toThrow(SetValidationError);
    expect(() => parseAssumptionSet(long)).toThrow(/parameters\.demand_gw\.path .*32,767/);
  });

  test("the largest set the schema accepts (20 sources of maximal length, longest note, long paths) fits", () => {
    const source = (i: number) => ({
      publisher: "P".repeat(200),
      title: "T".repeat(300),
      date: "2026-01-01",
      url: `https://example.com/${String(i).padStart(2, "0")}${"u".repeat(477)}`,
      via: "V".repeat(200),
    });
    const big = longPaths(2700); // 676 years × about 43 characters ≈ 29,000

    for (const p of Object.values(big.parameters)) {
      p.sources = Array.from({ length: 20 }, (_, i) => source(i));
      p.note = "N".repeat(3000);
    }
    const parsed = parseAssumptionSet(big);
    const longest = Math.max(...auditRows({ active: parsed, saved: [] }).flat().map((v) => String(v).length));
    expect(longest).toBeGreaterThan(20_000);
    expect(longest).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
  });
});

describe("messages cut long given text as describeGiven does", () => {
  const long = "x".repeat(10_000);
  const cut = `"${"x".repeat(40)}…"`;

  test.each([
    ["POWER_SUPPLY_GW source", () => powerSupplyGw(2028, long)],
    ["NUCLEAR_EQUIV basis", () => nuclearEquiv(46, long)],
    ["AIDC_FUNDING source", () => aidcFunding(46, null as unknown as number, long)],
    ["ASSUMPTION name", () => assumption(long)],
    ["ASSUMPTION funding_mix source", () => assumption(`funding_mix.${long}`)],
    ["ASSUMPTION name with a suffix", () => assumption(`demand_gw.${long}`)],
    ["a scenario", () => powerGapGw(2028, false, long as never)],
  ])("%s", async (_what, fn) => {
    const out = await cell(fn);
    // 40 characters of what was given, then "…" (demand_gw.xxx… counts its prefix).
    expect(out).toMatchObject({ message: expect.stringMatching(/"(demand_gw\.)?x+…"/) });
    expect((out as { message: string }).message).not.toContain("x".repeat(41));
  });

  test("the command line: an unknown scenario and an unknown function", async () => {
    const scenario = await run(["call", "POWER_GAP_GW", "2028", "--scenario", long]);
    expect(JSON.parse(scenario.out).message).toContain(cut);
    expect(scenario.out.length).toBeLessThan(400);
    const fn = await run(["call", long]);
    expect(fn.code).toBe(2);
    expect(fn.out.split("\n")[0]).toContain(cut);
    expect(fn.out.split("\n")[0].length).toBeLessThan(200);
  });
});
