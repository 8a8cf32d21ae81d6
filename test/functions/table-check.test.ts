/**
 * No NaN or ±Infinity reaches a spilled cell. A table the model has just
 * vouched for (every number it wrote added up to a finite sum) passes as it
 * is; any other table is walked cell by cell at the edge and becomes #NUM!
 * when a number in it is not finite. The vouching cannot be fooled by a NaN
 * or an infinity in the sum, and it answers once, for the table vouched for.
 */
import { installCustomFunctionsShim } from "../../src/functions/custom-functions-shim";
import { compute } from "../../src/functions/invoke";
import * as model from "../../src/model";
import { compileSet } from "../../src/model/compiled-set";
import { defaultSet } from "../../src/model/sets";
import { finiteTable, takeVouched, type TableCell } from "../../src/model/table";

installCustomFunctionsShim();

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? "thrown without a code";
  }
};

describe("finiteTable / takeVouched", () => {
  const rows: TableCell[][] = [["year", "gw"], [2028, 46]];

  test("a finite sum vouches for exactly that table, once", () => {
    finiteTable(rows, 2028 + 46);
    expect(takeVouched([["year", "gw"], [2028, 46]])).toBe(false); // an equal table is not the same table
    finiteTable(rows, 2028 + 46);
    expect(takeVouched(rows)).toBe(true);
    expect(takeVouched(rows)).toBe(false);
  });

  test.each([NaN, Infinity, -Infinity])("a sum of %p vouches for nothing", (sum) => {
    finiteTable(rows, sum);
    expect(takeVouched(rows)).toBe(false);
  });
});

describe("the edge's check of a table", () => {
  test.each([
    ["NaN", [["a", "b"], [1, NaN]]],
    ["Infinity in a row of numbers", [["a", "b"], [Infinity, 2]]],
    ["−Infinity in a row with text", [["total", -Infinity]]],
  ])("a table not vouched for, holding %s, is #NUM!", (_what, table) => {
    expect(codeOf(() => compute(() => table as TableCell[][]))).toBe("#NUM!");
  });

  test("a finite table not vouched for passes, text and numbers alike", () => {
    const table: TableCell[][] = [["year", "gw"], [2028, 46], ["total", 46]];
    expect(compute(() => table)).toBe(table);
  });

  test("vouching for one table does not let another through", () => {
    const good: TableCell[][] = [["x"], [1]];
    const bad: TableCell[][] = [["x"], [NaN]];
    expect(codeOf(() => compute(() => (finiteTable(good, 1), bad)))).toBe("#NUM!");
  });
});

describe("the model's tables vouch for themselves", () => {
  const set = compileSet(defaultSet());
  const lease = { rentMusdPerMwYear: 1.45, termYears: 12, capexMusdPerMw: 10, noiMargin: 0.85, escalator: 0.02, terminalValueMusdPerMw: 3 };
  test.each<[string, () => TableCell[][]]>([
    ["POWER_BALANCE", () => model.powerBalance(set, null, null)],
    ["FUNDING_PLAN", () => model.fundingPlan(set, null, null)],
    ["LEASE_CASHFLOWS", () => model.leaseCashflows(lease, { ltc: 0.6, rate: 0.065, tenorYears: 8 })],
    ["POWER_GAP_COST_TABLE", () => model.powerGapCostTable(set, set.lastYear)],
    ["DEPRECIATION_GAP_FLEET", () => model.depreciationGapFleet([100, 0, 250], 6, 3, 2024)],
  ])("%s", (_id, build) => {
    const table = build();
    expect(takeVouched(table)).toBe(true);
    for (const row of table) for (const cell of row) if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
  });
});
