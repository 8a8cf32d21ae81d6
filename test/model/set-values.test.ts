/**
 * The bundled sets against the published figures they claim to reproduce
 * (reference figures, and the sources each set cites). Every expected figure
 * below is a publisher's number or a hand calculation written beside it; the
 * sets' own values are never pasted back.
 */
import { PARAMETERS, SOLUTION_TECHNOLOGIES, solutionCapexKey } from "../../src/model/catalogue";
import { bundledSet, BUNDLED_SETS } from "../../src/model/sets";
import { compileSet } from "../../src/model/compiled-set";
import { fundingPlan } from "../../src/model/funding";
import { dcEnergyTwh, powerGapGw } from "../../src/model/power";
import type { AssumptionSet } from "../../src/model/schema";

const HOURS_K = 8.76; // 8,760 h ÷ 1,000: GW × 8.76 × load factor = TWh

/** DC_ENERGY_TWH: total US data-center use in `year`, TWh (base-year use + added grid GW × 8.76 × load factor). */
const energyTwh = (set: AssumptionSet, year: number) => dcEnergyTwh(compileSet(set), year);

function fundingTotal(id: string, from: number, to: number): number {
  const rows = fundingPlan(compileSet(bundledSet(id)!), from, to);
  return rows[rows.length - 1][3] as number;
}

const gap = (id: string, year: number, after = false) => powerGapGw(compileSet(bundledSet(id)!), year, after);

describe("call-2026-02 reproduces the call of 2026-02-04", () => {
  test("46 GW through 2028; 46 reactors of 1 GW; 6–16 GW after solutions; 2026–30 funding inside USD 5–7T", () => {
    expect(gap("call-2026-02", 2028)).toBe(46);
    expect(46 / bundledSet("call-2026-02")!.parameters.nuclear_plant_gw.value).toBe(46);
    const after = gap("call-2026-02", 2028, true);
    expect(after).toBeGreaterThanOrEqual(6); // Morgan Stanley, Dec 2025: 6–16 GW
    expect(after).toBeLessThanOrEqual(16);
    const total = fundingTotal("call-2026-02", 2026, 2030);
    expect(total).toBeGreaterThanOrEqual(5000);
    expect(total).toBeLessThanOrEqual(7000);
  });

  test("the cost per MW is Nvidia's midpoint, not the top of its range (50–60bn per GW: 55)", () => {
    expect(bundledSet("call-2026-02")!.parameters.capex_musd_per_mw.value).toBe((50 + 60) / 2);
  });
});

describe("published-source sets", () => {
  test("ms-dec-2025: POWER_GAP_GW(2028) is Morgan Stanley's 47 GW (Dec 2025) within 0.5", () => {
    expect(Math.abs(gap("ms-dec-2025", 2028) - 47)).toBeLessThanOrEqual(0.5);
    // after its offsets the residual is inside Morgan Stanley's 6–16 GW
    expect(gap("ms-dec-2025", 2028, true)).toBeGreaterThanOrEqual(6);
    expect(gap("ms-dec-2025", 2028, true)).toBeLessThanOrEqual(16);
  });

  test.each([
    ["lbnl-2024-low", 325, 74],
    ["lbnl-2024-high", 580, 132],
  ])("%s: %d TWh in 2028 within 2%, on %d GW of fleet capacity (LBNL, Dec 2024)", (id, twh, gw) => {
    const set = bundledSet(id)!;
    expect(Math.abs(energyTwh(set, 2028) / twh - 1)).toBeLessThanOrEqual(0.02);
    // LBNL's implied load factor: 325 ÷ (74 × 8.76) = 0.501, 580 ÷ (132 × 8.76) = 0.502
    expect(Math.abs(set.parameters.dc_load_factor.value - twh / (gw * HOURS_K))).toBeLessThan(0.005);
    const fleet = set.parameters.dc_energy_base_twh.value / (HOURS_K * set.parameters.dc_load_factor.value) + set.parameters.demand_gw.path["2028"];
    expect(Math.abs(fleet / gw - 1)).toBeLessThanOrEqual(0.01);
  });

  test("jpm-jun-2026: USD 5.5T over 2026–30, 4.1T of it debt (JPMorgan, Jun 2026); vintage June 2026", () => {
    const set = bundledSet("jpm-jun-2026")!;
    expect(set.vintage.startsWith("2026-06")).toBe(true);
    const total = fundingTotal("jpm-jun-2026", 2026, 2030);
    expect(Math.abs(total / 5500 - 1)).toBeLessThanOrEqual(0.001);
    const mix = set.parameters.funding_mix.shares;
    const debt = mix.ig_bonds + mix.private_credit + mix.project_finance + mix.abs_cmbs;
    expect(Math.abs((total * debt) / 4100 - 1)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((total * mix.ig_bonds) / 2100 - 1)).toBeLessThanOrEqual(0.001); // high-grade > 2.1T
    expect(set.parameters.project_ltc.value).toBe(0.85); // loan-to-cost above 85%
  });

  test("each published-source set extends the default and marks what it takes from it as inherited", () => {
    for (const id of ["ms-dec-2025", "lbnl-2024-low", "lbnl-2024-high", "jpm-jun-2026"]) {
      const set = bundledSet(id)!;
      expect(set.extends?.id).toBe("call-2026-02");
      const inherited = Object.values(set.parameters).filter((p) => p.inherited);
      expect(inherited.length).toBeGreaterThan(0);
      for (const [key, p] of Object.entries(set.parameters)) {
        if (p.inherited) expect(p).toEqual({ ...bundledSet("call-2026-02")!.parameters[key as keyof AssumptionSet["parameters"]], inherited: true });
      }
    }
  });
});

describe("energy reconciles with the ranges the sets cite", () => {
  // LBNL (Dec 2024): 325–580 TWh in 2028.
  test.each(BUNDLED_SETS.map((s) => [s.id, s] as const))("%s: 2028 inside LBNL's 325–580 TWh (2% tolerance at the ends)", (_id, set) => {
    const twh = energyTwh(set, 2028);
    expect(twh).toBeGreaterThanOrEqual(325 * 0.98);
    expect(twh).toBeLessThanOrEqual(580 * 1.02);
  });

  /**
   * 2030 anchors: IEA's base case (Apr 2025): 2024 use + 240 TWh ≈ 425 TWh; EPRI's highest scenario:
   * May 2024 152 TWh × 1.15^7 ≈ 404 TWh, or, for sets dated after 2026-02-26, 17% of the ~4,440 TWh of
   * 2030 generation its 2024 study implies (403.9 ÷ 9.1%) ≈ 755 TWh. A set above an anchor says by how much.
   */
  test.each(BUNDLED_SETS.map((s) => [s.id, s] as const))("%s: 2030 above IEA or EPRI only where the description says by how much", (_id, set) => {
    const twh = energyTwh(set, 2030);
    const epriHigh = set.vintage >= "2026-02-26" ? 0.17 * (403.9 / 0.091) : 403.9;
    for (const anchor of [425, epriHigh]) {
      if (twh > anchor * 1.02) expect(set.description).toContain(`${Math.round(twh - anchor)} TWh above`);
    }
  });
});

describe("one MW basis: conversions are written", () => {
  test("every set's cost per grid MW and uncontracted value per IT MW say how PUE converts them", () => {
    for (const set of BUNDLED_SETS) {
      for (const key of ["capex_musd_per_mw", "uncontracted_value_musd_per_mw"] as const) {
        const p = set.parameters[key];
        expect(`${p.derivation ?? ""} ${p.note ?? ""}`).toMatch(/PUE/);
      }
      expect(set.parameters.pue.value).toBe(1.3); // Uptime Institute: new large AI sites ≤ 1.3
    }
  });

  test("Bernstein's ~3m per grid MW is ~3.9m per IT MW at PUE 1.3 (the issue's figure)", () => {
    expect(bundledSet("call-2026-02")!.parameters.uncontracted_value_musd_per_mw.value).toBeCloseTo(3 * 1.3, 12);
  });

  /**
   * POWER_GAP_COST multiplies each solution's USD per kW by its grid GW of supply, so every cost is per grid
   * kW. Riot's retrofit, ~USD 3.6m per IT MW (company disclosure, press), is 3,600 ÷ PUE per grid kW.
   */
  test("the miner conversion is Riot's ~USD 3,600 per IT kW ÷ the set's PUE: 3,600 ÷ 1.3 = 2,769.2, rounded to 2,770 per grid kW", () => {
    for (const set of BUNDLED_SETS) {
      const p = set.parameters.solution_capex_miners_usd_per_kw;
      expect({ id: set.id, value: p.value }).toEqual({ id: set.id, value: 2770 });
      expect(Math.abs(p.value - 3600 / set.parameters.pue.value)).toBeLessThan(1); // rounding of a "~3.6m" figure
      expect(p.derivation).toMatch(/3,600 per IT kW ÷ PUE 1\.3 = 2,769/);
      expect(p.sources.map((s) => s.publisher)).toContain("Riot Platforms");
    }
  });

  test("every solution cost is stated per grid kW; a note quoting a figure per IT MW writes its PUE conversion", () => {
    for (const set of BUNDLED_SETS) {
      for (const key of SOLUTION_TECHNOLOGIES.map(solutionCapexKey)) {
        expect(PARAMETERS[key].label).toMatch(/per grid kW/);
        const p = set.parameters[key];
        const text = `${p.derivation ?? ""} ${p.note ?? ""}`;
        if (/per IT (MW|kW)/.test(text)) expect({ key, text }).toEqual({ key, text: expect.stringMatching(/÷ PUE/) });
        // No note admits that its own value is on another basis than the one it is applied on.
        expect({ key, text }).toEqual({ key, text: expect.not.stringMatching(/applied per (kW of )?grid|% high/) });
      }
    }
  });
});

describe("low and high bracket the default on one definition of every parameter", () => {
  test("gap, funding, cost and valuation move the same way in every pair", () => {
    const [low, call, high] = ["low", "call-2026-02", "high"].map((id) => bundledSet(id)!.parameters);
    const ordered = (l: number, c: number, h: number) => {
      expect(l).toBeLessThanOrEqual(c);
      expect(c).toBeLessThanOrEqual(h);
    };
    ordered(gap("low", 2028), gap("call-2026-02", 2028), gap("high", 2028));
    ordered(fundingTotal("low", 2026, 2030), fundingTotal("call-2026-02", 2026, 2030), fundingTotal("high", 2026, 2030));
    ordered(low.demand_gw.path["2028"], call.demand_gw.path["2028"], high.demand_gw.path["2028"]);
    ordered(low.capex_musd_per_mw.value, call.capex_musd_per_mw.value, high.capex_musd_per_mw.value);
    ordered(low.contracted_value_musd_per_mw.value, call.contracted_value_musd_per_mw.value, high.contracted_value_musd_per_mw.value);
    ordered(low.uncontracted_value_musd_per_mw.value, call.uncontracted_value_musd_per_mw.value, high.uncontracted_value_musd_per_mw.value);
    ordered(low.p_contract.value, call.p_contract.value, high.p_contract.value);
    ordered(low.renewal_probability.value, call.renewal_probability.value, high.renewal_probability.value);
    ordered(low.project_ltc.value, call.project_ltc.value, high.project_ltc.value);
    ordered(high.discount_rate.value, call.discount_rate.value, low.discount_rate.value);
    // the same load factor, PUE and base-year energy: the brackets differ in demand, not in definitions
    for (const p of ["dc_load_factor", "pue", "dc_energy_base_twh"] as const) {
      expect(low[p].value).toBe(call[p].value);
      expect(high[p].value).toBe(call[p].value);
    }
  });
});
