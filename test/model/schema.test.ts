/** The assumption-set schema: bundled sets pass; every kind of bad document is refused by name. */
import {
  BUNDLED_SETS,
  MAX_SET_JSON_CHARS,
  PARAMETER_KEYS,
  SetValidationError,
  parseAssumptionSet,
  parseAssumptionSetJson,
  serializeAssumptionSet,
  type AssumptionSet,
} from "../../src/model";
import { bundledSet } from "../../src/model/sets";

const base = (): AssumptionSet => JSON.parse(serializeAssumptionSet(bundledSet("call-2026-02")!));

function refused(doc: unknown): string[] {
  try {
    parseAssumptionSet(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(SetValidationError);
    return (e as SetValidationError).problems;
  }
  throw new Error("the document was accepted");
}

test("the bundled sets validate, with call-2026-02 first (the default)", () => {
  expect(BUNDLED_SETS.map((s) => s.id)).toEqual([
    "call-2026-02",
    "low",
    "high",
    "ms-dec-2025",
    "lbnl-2024-low",
    "lbnl-2024-high",
    "jpm-jun-2026",
  ]);
  for (const s of BUNDLED_SETS) expect(() => parseAssumptionSet(JSON.parse(serializeAssumptionSet(s)))).not.toThrow();
});

test("every parameter of every bundled set cites at least one source, its derivation when derived, and a note when calibrated or chosen", () => {
  for (const s of BUNDLED_SETS) {
    for (const key of PARAMETER_KEYS) {
      const p = s.parameters[key];
      expect(p.sources.length).toBeGreaterThan(0);
      if (p.basis === "derived") expect(p.derivation).toBeTruthy();
      else if (p.basis !== "published") expect(p.note).toBeTruthy();
    }
  }
});

test("the default set says where the call and its likely sources disagree (USD 5–7T is JPMorgan's global figure)", () => {
  const description = bundledSet("call-2026-02")!.description;
  expect(description).toMatch(/GLOBAL/);
  expect(description).toMatch(/JPMorgan/);
  expect(bundledSet("call-2026-02")!.parameters.nuclear_plant_gw.note).toMatch(/1\.03/);
});

test("a scalar without a dated path (as every set written before it) still validates, with the same value", () => {
  const d = base();
  delete d.parameters.gpu_rent_h100_usd_per_hour.dated_path;
  expect(parseAssumptionSet(d).parameters.gpu_rent_h100_usd_per_hour.value).toBe(1.7);
});

test("a JSON round trip gives an equal set", () => {
  for (const s of BUNDLED_SETS) expect(parseAssumptionSetJson(serializeAssumptionSet(s))).toEqual(s);
});

test.each<[string, (d: AssumptionSet) => void, RegExp]>([
  ["a unit that differs from the catalogue", (d) => (d.parameters.capex_musd_per_mw.unit = "USD per kW"), /capex_musd_per_mw\.unit must be "USD m per MW"/],
  ["a value outside its range", (d) => (d.parameters.capex_musd_per_mw.value = 500), /capex_musd_per_mw\.value is 500; allowed 1–200/],
  ["a range wider than the hard bounds", (d) => (d.parameters.p_contract.max = 2), /p_contract: range 0–2 must lie within 0–1/],
  ["shares that do not sum to 1", (d) => (d.parameters.funding_mix.shares.equity = 0.5), /funding_mix\.shares must sum to 1/],
  ["a path with a missing year", (d) => delete d.parameters.demand_gw.path["2027"], /demand_gw\.path must cover consecutive years/],
  ["a cumulative path that falls", (d) => (d.parameters.supply_gas_gw.path["2029"] = 1), /supply_gas_gw\.path falls in 2029/],
  ["a calibrated figure without a note", (d) => delete d.parameters.demand_gw.note, /a calibrated figure needs a note/],
  ["an unknown parameter", (d) => ((d.parameters as Record<string, unknown>).extra = {}), /Unrecognized key.*extra|extra/],
  ["an unknown top-level key", (d) => ((d as Record<string, unknown>).script = "x"), /script/],
  ["a missing parameter", (d) => delete (d.parameters as Partial<AssumptionSet["parameters"]>).dc_load_factor, /parameters\.dc_load_factor/],
  ["a text value where a number belongs", (d) => ((d.parameters.noi_margin as { value: unknown }).value = "0.85"), /parameters\.noi_margin\.value/],
  ["markup in a name", (d) => (d.name = '<img src=x onerror="alert(1)">'), /name: must not contain markup/],
  ["markup in a note", (d) => (d.parameters.p_contract.note = "see <script>alert(1)</script>"), /p_contract\.note: must not contain markup/],
  ["a source address that is not https", (d) => (d.parameters.p_contract.sources[0].url = "javascript:alert(1)"), /url: must be an https:\/\/ address/],
  ["a bad id", (d) => (d.id = "My Set!"), /id: must be 1–40 lower-case/],
  ["no version", (d) => delete (d as Partial<AssumptionSet>).version, /version/],
  ["version 0", (d) => (d.version = 0), /version/],
  ["an MW parameter without its basis", (d) => delete d.parameters.contracted_value_musd_per_mw.mw_basis, /contracted_value_musd_per_mw\.mw_basis must be "it" \(IT MW\), got none/],
  ["an MW parameter on the other basis", (d) => (d.parameters.demand_gw.mw_basis = "it"), /demand_gw\.mw_basis must be "grid"/],
  ["an MW basis on a parameter not in MW", (d) => (d.parameters.p_contract.mw_basis = "it"), /p_contract\.mw_basis: p_contract is not measured in MW/],
  ["a derived figure without its derivation", (d) => { d.parameters.noi_margin.basis = "derived"; delete d.parameters.noi_margin.derivation; }, /noi_margin: a derived figure needs its derivation written/],
  ["a dated point after the set's vintage", (d) => d.parameters.gpu_rent_h100_usd_per_hour.dated_path!.push({ date: "2026-03", value: 2.35, source: d.parameters.gpu_rent_h100_usd_per_hour.sources[0] }), /gpu_rent_h100_usd_per_hour\.dated_path: the point of 2026-03 is after the set's vintage 2026-02-04/],
  ["dated points out of order", (d) => d.parameters.gpu_rent_h100_usd_per_hour.dated_path!.reverse(), /gpu_rent_h100_usd_per_hour\.dated_path must run oldest first/],
  ["a dated point outside the range", (d) => (d.parameters.gpu_rent_h100_usd_per_hour.dated_path![0].value = 500), /gpu_rent_h100_usd_per_hour\.dated_path\.2023 is 500; allowed/],
  ["a path year without its basis", (d) => delete d.parameters.supply_gas_gw.path_basis["2028"], /supply_gas_gw\.path_basis must give the basis of exactly the years of the path/],
  ["a year basis outside the vocabulary", (d) => ((d.parameters.supply_gas_gw.path_basis as Record<string, string>)["2028"] = "guessed"), /path_basis/],
  ["an inherited value in a set that extends nothing", (d) => (d.parameters.p_contract.inherited = true), /p_contract is marked inherited but the set extends no base/],
])("refuses %s", (_label, mutate, problem) => {
  const d = base();
  mutate(d);
  expect(refused(d).join("\n")).toMatch(problem);
});

test("a set from a newer schema version is refused by name, before anything else is checked", () => {
  const d = { ...base(), schema_version: 3, parameters: "whatever" };
  expect(refused(d)).toEqual([expect.stringMatching(/schema_version 3 is newer than this add-in understands \(2\)/)]);
});

test("malformed JSON and oversized files are refused with a message", () => {
  expect(() => parseAssumptionSetJson("{not json")).toThrow(/not valid JSON/);
  expect(() => parseAssumptionSetJson(" ".repeat(MAX_SET_JSON_CHARS + 1))).toThrow(/limit is 1 MB/);
  expect(() => parseAssumptionSetJson("[]")).toThrow(SetValidationError);
  expect(() => parseAssumptionSetJson("null")).toThrow(SetValidationError);
});

test("a set that extends a bundled set may leave parameters out: they are the base's, marked inherited", () => {
  const call = bundledSet("call-2026-02")!;
  const d = base();
  const own = { demand_gw: d.parameters.demand_gw, capex_musd_per_mw: { ...d.parameters.capex_musd_per_mw, value: 50 } };
  const doc = { ...d, id: "mine", extends: { id: call.id, version: call.version }, parameters: own };
  const set = parseAssumptionSet(doc);
  expect(set.parameters.capex_musd_per_mw.value).toBe(50);
  expect(set.parameters.capex_musd_per_mw.inherited).toBeUndefined();
  expect(set.parameters.p_contract).toEqual({ ...call.parameters.p_contract, inherited: true });
  expect(Object.keys(set.parameters)).toEqual(PARAMETER_KEYS);
  // A base version this add-in does not ship cannot fill anything in: refused, naming it.
  expect(refused({ ...doc, extends: { id: call.id, version: call.version + 1 } }).join()).toMatch(
    new RegExp(`the base set "call-2026-02" version ${call.version + 1} is not bundled with this add-in`),
  );
  expect(refused({ ...doc, extends: { id: "nope", version: 1 } }).join()).toMatch(/"nope" version 1 is not bundled/);
});

test("the bundled sets that extend another carry the base's parameters unchanged wherever they are marked inherited", () => {
  for (const s of BUNDLED_SETS.filter((x) => x.extends)) {
    const base = bundledSet(s.extends!.id)!;
    expect(base.version).toBe(s.extends!.version);
    for (const key of PARAMETER_KEYS) {
      if (!s.parameters[key].inherited) continue;
      const { inherited: _i, ...mine } = s.parameters[key];
      const { inherited: _b, ...theirs } = base.parameters[key];
      void _i;
      void _b;
      expect({ key, ...mine }).toEqual({ key, ...theirs });
    }
  }
});
