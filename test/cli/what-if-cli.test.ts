/**
 * The done-when commands for scenario handles, through the command
 * line's own entry (the same code `npm run --silent infra --` runs). Expected
 * numbers are computed from the set's own parameters, not pasted.
 */
import { run } from "../../src/cli/main";
import { bundledSet } from "../../src/model/sets";

const p = bundledSet("call-2026-02")!.parameters;
const supply2028 = p.supply_grid_gw.path["2028"] + p.supply_construction_gw.path["2028"];
const demand2028 = p.demand_gw.path["2028"];
/** As the command line prints a number: 15 significant digits, as Excel shows it. */
const shown = (n: number) => Number(n.toPrecision(15));

test("h=$(infra call SCENARIO call-2026-02 capex_musd_per_mw 45); infra call AIDC_FUNDING 10 '' '' \"$h\" prints 10 × 45 = 450", async () => {
  const h = await run(["call", "SCENARIO", "call-2026-02", "capex_musd_per_mw", "45"]);
  expect(h).toEqual({ out: '"call-2026-02; capex_musd_per_mw=45"', code: 0 });
  // The handle exactly as the shell captured it: JSON text, quotes included.
  expect(await run(["call", "AIDC_FUNDING", "10", "", "", h.out])).toEqual({ out: "450", code: 0 });
});

test("eval with SCENARIO inside the formula: one year of demand, then the whole path scaled", async () => {
  const year = await run(["eval", '=INFRA.POWER_GAP_GW(2028,FALSE,INFRA.SCENARIO("call-2026-02","demand_gw@2028",70))']);
  expect(Number(year.out)).toBe(shown(70 - supply2028));
  const scaled = await run(["eval", '=INFRA.POWER_GAP_GW(2028,FALSE,INFRA.SCENARIO("call-2026-02","demand_gw*",1.1))']);
  expect(Number(scaled.out)).toBe(shown(1.1 * demand2028 - supply2028));
});

test("the same overrides in another order print the same text; capex −5 is a #VALUE! naming capex_musd_per_mw", async () => {
  const a = await run(["call", "SCENARIO", "call-2026-02", "capex_musd_per_mw", "45", "demand_gw*", "1.1"]);
  const b = await run(["call", "SCENARIO", "call-2026-02", "demand_gw*", "1.1", "capex_musd_per_mw", "45"]);
  expect(a.out).toBe(b.out);
  const bad = JSON.parse((await run(["call", "SCENARIO", "call-2026-02", "capex_musd_per_mw", "-5"])).out) as { error: string; message: string };
  expect(bad.error).toBe("#VALUE!");
  expect(bad.message).toContain("capex_musd_per_mw");
});

test("SENSITIVITY POWER_GAP_GW 2028: demand first, results at 0.9 and 1.1 × demand", async () => {
  const table = JSON.parse((await run(["call", "SENSITIVITY", "POWER_GAP_GW", "2028"])).out) as (string | number)[][];
  expect(table[0][0]).toBe("parameter");
  expect(table[1][0]).toBe("demand_gw");
  expect(table[1][4]).toBe(shown(0.9 * demand2028 - supply2028));
  expect(table[1][5]).toBe(shown(1.1 * demand2028 - supply2028));
});

test("INFRA_ACTIVE in eval is the active set's handle, so a formula passing it follows --scenario", async () => {
  const low = bundledSet("low")!.parameters;
  const out = await run(["eval", "=INFRA.POWER_GAP_GW(2028,,INFRA_ACTIVE)", "--scenario", "low"]);
  expect(Number(out.out)).toBe(shown(low.demand_gw.path["2028"] - low.supply_grid_gw.path["2028"] - low.supply_construction_gw.path["2028"]));
  expect(JSON.parse((await run(["eval", "=INFRA_ACTIVE", "--scenario", "low"])).out)).toMatch(/^low#[0-9a-f]{8}$/);
});

test("COMPARE from an inline array of ids spills one row each", async () => {
  const table = JSON.parse((await run(["eval", '=INFRA.COMPARE("POWER_DEMAND_GW",2028,{"low";"high"})'])).out) as unknown[][];
  expect(table).toEqual([
    ["scenario", "result"],
    ["low", bundledSet("low")!.parameters.demand_gw.path["2028"]],
    ["high", bundledSet("high")!.parameters.demand_gw.path["2028"]],
  ]);
});
