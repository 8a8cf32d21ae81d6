/**
 * ASSUMPTION_SOURCE builds a citation once per set and name, then reuses it:
 * the text must stay the set's own (two sets citing the same parameter
 * differently each keep theirs), the same on every call, and a name refused
 * once is refused every time.
 */
import { assumptionSource, citationText } from "../../src/model/assumptions";
import { compileSet } from "../../src/model/compiled-set";
import { parseAssumptionSet, type AssumptionSet } from "../../src/model/schema";
import { defaultSet } from "../../src/model/sets";

function withPueSource(id: string, publisher: string): AssumptionSet {
  const doc = structuredClone(defaultSet()) as AssumptionSet;
  doc.id = id;
  doc.parameters.pue.sources = [{ ...doc.parameters.pue.sources[0], publisher }];
  return parseAssumptionSet(doc);
}

test("each set keeps its own citation, call after call", () => {
  const a = compileSet(withPueSource("cite-a", "Publisher A"));
  const b = compileSet(withPueSource("cite-b", "Publisher B"));
  for (let k = 0; k < 3; k++) {
    expect(assumptionSource(a, "pue")).toBe(citationText(a.doc.parameters.pue.sources));
    expect(assumptionSource(b, "pue")).toBe(citationText(b.doc.parameters.pue.sources));
  }
  expect(assumptionSource(a, "pue")).toMatch(/^Publisher A, /);
  expect(assumptionSource(b, "pue")).toMatch(/^Publisher B, /);
});

test("a name refused once is refused again; spellings of one name cite the same", () => {
  const set = compileSet(defaultSet());
  for (let k = 0; k < 2; k++) {
    expect(() => assumptionSource(set, "funding_mix.nope")).toThrow(/source "nope" is not in the funding mix/);
    expect(() => assumptionSource(set, "nope")).toThrow(/name "nope" is not a parameter/);
  }
  expect(assumptionSource(set, " PUE ")).toBe(assumptionSource(set, "pue"));
});
