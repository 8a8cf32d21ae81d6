/** Handles, ranges and the what-if tables in the embedded engine (the command line's eval, recalc and the playground use it). */
import { createEngine } from "../../src/engine/node";
import { store } from "../../src/functions/store";
import { bundledSet } from "../../src/model/sets";
import { useSet } from "../helpers";

beforeEach(() => useSet());

const p = bundledSet("call-2026-02")!.parameters;
const supply2028 = p.supply_grid_gw.path["2028"] + p.supply_construction_gw.path["2028"];

test("a two-column range of cells is a scenario; changing a cell recomputes", async () => {
  const engine = await createEngine({
    S: [
      ["base", "call-2026-02", '=INFRA.POWER_GAP_GW(2028,,A1:B2)'],
      ["demand_gw*", 1.1],
    ],
  });
  expect(engine.value("S", 0, 2)).toBeCloseTo(1.1 * p.demand_gw.path["2028"] - supply2028, 9);
  engine.setCell("S", 1, 1, 0.9);
  expect(engine.value("S", 0, 2)).toBeCloseTo(0.9 * p.demand_gw.path["2028"] - supply2028, 9);
  engine.destroy();
});

test("a handle built in one cell drives another (a data-table sweep's shape)", async () => {
  const engine = await createEngine({
    S: [
      [60, '=INFRA.SCENARIO("call-2026-02","demand_gw@2028",A1)', "=INFRA.POWER_GAP_GW(2028,,B1)"],
      [70, '=INFRA.SCENARIO("call-2026-02","demand_gw@2028",A2)', "=INFRA.POWER_GAP_GW(2028,,B2)"],
    ],
  });
  expect(engine.value("S", 0, 2)).toBeCloseTo(60 - supply2028, 9);
  expect(engine.value("S", 1, 2)).toBeCloseTo(70 - supply2028, 9);
  engine.destroy();
});

test("SENSITIVITY with cell arguments spills its whole table (size bounded before it is computed)", async () => {
  const engine = await createEngine({ S: [[2028, '=INFRA.SENSITIVITY("POWER_GAP_GW",A1)']] });
  const table = engine.result("S", 0, 1) as unknown[][];
  expect(table.map((r) => r[0])).toEqual(["parameter", "demand_gw", "supply_grid_gw", "supply_construction_gw"]);
  expect(table[1][4]).toBeCloseTo(0.9 * p.demand_gw.path["2028"] - supply2028, 9);
  engine.destroy();
});

test("COMPARE over a column of cells", async () => {
  const engine = await createEngine({ S: [["low", '=INFRA.COMPARE("POWER_DEMAND_GW",2028,A1:A2)'], ["high"]] });
  expect(engine.result("S", 0, 1)).toEqual([
    ["scenario", "result"],
    ["low", bundledSet("low")!.parameters.demand_gw.path["2028"]],
    ["high", bundledSet("high")!.parameters.demand_gw.path["2028"]],
  ]);
  engine.destroy();
});

test("INFRA_ACTIVE follows the active set when it changes", async () => {
  const engine = await createEngine({ S: [["=INFRA.POWER_DEMAND_GW(2028,INFRA_ACTIVE)"]] });
  expect(engine.value("S", 0, 0)).toBe(p.demand_gw.path["2028"]);
  store.activate(bundledSet("high")!);
  expect(engine.value("S", 0, 0)).toBe(bundledSet("high")!.parameters.demand_gw.path["2028"]);
  engine.destroy();
});
