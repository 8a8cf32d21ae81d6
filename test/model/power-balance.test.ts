/**
 * POWER_BALANCE names its columns once (the header) and fills them row by row:
 * every column must hold what its header says, read through the single-value
 * functions of the same set (POWER_DEMAND_GW, POWER_SUPPLY_GW, POWER_GAP_GW),
 * in every bundled set and for every year of its path.
 */
import { SUPPLY_SOURCES } from "../../src/model/catalogue";
import { compileSet } from "../../src/model/compiled-set";
import { powerBalance, powerDemandGw, powerGapGw, powerSupplyGw, POWER_BALANCE_HEADER } from "../../src/model/power";
import { BUNDLED_SETS } from "../../src/model/sets";

describe.each(BUNDLED_SETS.map((doc) => [doc.id, compileSet(doc)] as const))("POWER_BALANCE of %s", (_id, set) => {
  const rows = powerBalance(set, set.baseYear, set.lastYear);

  test("the header, then one row a year from the base year to the path's last, each as wide as the header", () => {
    expect(rows[0]).toEqual([...POWER_BALANCE_HEADER]);
    expect(rows).toHaveLength(set.lastYear - set.baseYear + 2);
    for (const row of rows) expect(row).toHaveLength(POWER_BALANCE_HEADER.length);
  });

  test("every column holds what its header names", () => {
    const column = (name: string) => POWER_BALANCE_HEADER.indexOf(name as (typeof POWER_BALANCE_HEADER)[number]);
    rows.slice(1).forEach((row, k) => {
      const year = set.baseYear + k;
      expect(row[column("year")]).toBe(year);
      expect(row[column("demand_gw")]).toBe(powerDemandGw(set, year));
      for (const source of SUPPLY_SOURCES) expect([source, row[column(`${source}_gw`)]]).toEqual([source, powerSupplyGw(set, year, source)]);
      expect(row[column("gap_gw")]).toBe(powerGapGw(set, year, false));
      expect(row[column("gap_after_solutions_gw")]).toBe(powerGapGw(set, year, true));
    });
  });
});
