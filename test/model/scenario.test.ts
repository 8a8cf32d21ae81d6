/** Handle grammar and derived-set validation (pure model). */
import fc from "fast-check";
import { deriveSet, formatHandle, parseHandle } from "../../src/model/scenario";
import { parseAssumptionSet, SetValidationError } from "../../src/model/schema";
import { bundledSet } from "../../src/model/sets";

const base = bundledSet("call-2026-02")!;

test("parse and format are inverse on canonical text; spacing, case and order do not matter", () => {
  const text = "call-2026-02; capex_musd_per_mw=45; demand_gw*=1.1; demand_gw@2028=70; funding_mix.ig_bonds=0.4";
  expect(formatHandle(parseHandle(text))).toBe(text);
  expect(formatHandle(parseHandle(" CALL-2026-02 ;FUNDING_MIX.IG_BONDS = 0.4;demand_gw@2028=70 ; demand_gw* = 1.1;capex_musd_per_mw=4.5e1"))).toBe(text);
  expect(parseHandle("low-edited#1a2b3c4d").hash).toBe("1a2b3c4d");
});

test("malformed handles are #VALUE! saying what a handle looks like", () => {
  expect(() => parseHandle("low#xyz")).toThrow(/8-character hash/);
  expect(() => parseHandle("low; capex_musd_per_mw")).toThrow(/is not name=value/);
  expect(() => parseHandle("low; capex_musd_per_mw=abc")).toThrow(/must be a number/);
  expect(() => parseHandle(`low; ${"x".repeat(5000)}`)).toThrow(/at most 4000/);
});

test("scaling, then single years: demand_gw* and demand_gw@2028 together give the year's value as given", () => {
  const doc = deriveSet(base, parseHandle("call-2026-02; demand_gw@2028=70; demand_gw*=1.1").overrides);
  expect(doc.parameters.demand_gw.path["2028"]).toBe(70);
  expect(doc.parameters.demand_gw.path["2027"]).toBeCloseTo(base.parameters.demand_gw.path["2027"] * 1.1, 12);
});

test("a derived set is refused exactly when the full validation refuses it (any scalar value)", () => {
  const scalars = ["capex_musd_per_mw", "p_contract", "project_dscr", "nuclear_plant_gw", "discount_rate"] as const;
  fc.assert(
    fc.property(fc.constantFrom(...scalars), fc.double({ min: -10, max: 300, noNaN: true }), (key, value) => {
      const full = { ...base, parameters: { ...base.parameters, [key]: { ...base.parameters[key], value } } };
      let fullOk = true;
      try {
        parseAssumptionSet(full);
      } catch (e) {
        if (!(e instanceof SetValidationError)) throw e;
        fullOk = false;
      }
      let derivedOk = true;
      try {
        deriveSet(base, parseHandle(`call-2026-02; ${key}=${value}`).overrides);
      } catch {
        derivedOk = false;
      }
      expect(derivedOk).toBe(fullOk);
    }),
    { numRuns: 300 },
  );
});
