/**
 * POWER_GAP_COST counts every supply path outside the headline gap at its
 * technology's build cost. The list is derived from the catalogue, so a supply
 * path added there without a build cost must stop the module from loading,
 * never drop silently out of the total.
 */
import * as catalogue from "../../src/model/catalogue";

type PowerCost = typeof import("../../src/model/power-cost");

function loadPowerCostWith(supplySources: readonly string[]): PowerCost {
  let loaded: PowerCost | undefined;
  try {
    jest.isolateModules(() => {
      jest.doMock("../../src/model/catalogue", () => ({ ...jest.requireActual("../../src/model/catalogue"), SUPPLY_SOURCES: supplySources }));
      loaded = jest.requireActual<PowerCost>("../../src/model/power-cost");
    });
  } finally {
    // Also when the load throws: no later test may see the altered catalogue.
    jest.dontMock("../../src/model/catalogue");
  }
  return loaded as PowerCost;
}

describe("GAP_SOLUTIONS", () => {
  test("is every supply path outside the headline gap, in column order", () => {
    const expected = catalogue.SUPPLY_SOURCES.filter((s) => !catalogue.HEADLINE_SOURCES.includes(s));
    expect(loadPowerCostWith(catalogue.SUPPLY_SOURCES).GAP_SOLUTIONS).toEqual(expected);
  });

  test("a supply path without a build cost is refused when the module loads", () => {
    expect(() => loadPowerCostWith([...catalogue.SUPPLY_SOURCES, "tidal"])).toThrow(
      'supply source "tidal" is outside the headline gap but has no build cost in SOLUTION_TECHNOLOGIES',
    );
  });
});
