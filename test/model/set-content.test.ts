/**
 * Sets true to their sources (issue 10): no bundled set cites, or leans on in
 * its notes, a source dated after its own vintage, and no note is shared by
 * two sets whose values for that parameter differ (a note describes its own
 * set's value).
 *
 * CONTENT_PENDING lists the sets whose content is being re-derived; they are
 * skipped until their content is final. Remove a set's id from the list when
 * it is: the tests then hold it to these rules.
 */
import { PARAMETER_KEYS } from "../../src/model/catalogue";
import type { AssumptionSet, Parameter } from "../../src/model/schema";
import { BUNDLED_SETS } from "../../src/model/sets";

const CONTENT_PENDING: readonly string[] = [];

const checked = BUNDLED_SETS.filter((s) => !CONTENT_PENDING.includes(s.id));

/** The first day a date as YYYY, YYYY-MM or YYYY-MM-DD can mean. */
const firstDay = (date: string) => (date + "-01-01").slice(0, 10);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** "Jun 2026", "June 2026" in a note: the first day of that month. */
function datesMentioned(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (20\d\d)\b/g)) {
    out.push(`${m[2]}-${String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, "0")}-01`);
  }
  return out;
}

const valueOf = (p: Parameter) => JSON.stringify("value" in p ? p.value : "path" in p ? p.path : p.shares);

test("the pending list names only bundled sets", () => {
  for (const id of CONTENT_PENDING) expect(BUNDLED_SETS.map((s) => s.id)).toContain(id);
});

test.each(checked.map((s) => [s.id, s] as const))("%s cites no source dated after its vintage, and its notes mention none", (_id, set: AssumptionSet) => {
  const late: string[] = [];
  for (const key of PARAMETER_KEYS) {
    const p = set.parameters[key] as Parameter;
    for (const s of p.sources) if (firstDay(s.date) > set.vintage) late.push(`${key}: ${s.publisher} (${s.date})`);
    for (const d of datesMentioned(`${p.note ?? ""} ${p.derivation ?? ""}`)) if (d > set.vintage) late.push(`${key}: note mentions ${d.slice(0, 7)}`);
  }
  expect(late).toEqual([]);
});

/** "key.field: a and b" for each note or derivation two sets share where their values differ. */
function sharedNotes(sets: readonly AssumptionSet[]): string[] {
  const shared: string[] = [];
  for (const key of PARAMETER_KEYS) {
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const a = sets[i].parameters[key] as Parameter;
        const b = sets[j].parameters[key] as Parameter;
        if (valueOf(a) === valueOf(b)) continue;
        for (const field of ["note", "derivation"] as const) {
          if (a[field] && a[field] === b[field]) shared.push(`${key}.${field}: ${sets[i].id} and ${sets[j].id}`);
        }
      }
    }
  }
  return shared;
}

test("no note or derivation is shared by two checked sets whose values for that parameter differ", () => {
  expect(sharedNotes(checked)).toEqual([]);
});

test("the rules catch what they are meant to (a late source; a note reused for another value)", () => {
  const set = structuredClone(BUNDLED_SETS[0]) as AssumptionSet;
  set.parameters.capex_musd_per_mw.note = "As in the Jun 2026 update.";
  expect(datesMentioned(set.parameters.capex_musd_per_mw.note).some((d) => d > set.vintage)).toBe(true);
  expect(firstDay("2026-06") > "2026-02-04").toBe(true);
  expect(firstDay("2026") > "2026-02-04").toBe(false); // a year alone may be before the vintage
  const other = { ...structuredClone(set), id: "other" } as AssumptionSet;
  expect(sharedNotes([set, other])).toEqual([]); // same values: the note may be shared
  other.parameters.capex_musd_per_mw.value += 1;
  expect(sharedNotes([set, other])).toContain("capex_musd_per_mw.note: call-2026-02 and other");
});

/**
 * Text that states a parameter's value in words agrees with the value: a
 * renewal probability of 0.6 is above even odds, not below.
 */
test.each(checked.map((s) => [s.id, s] as const))("%s: what its description says of the renewal odds matches renewal_probability", (_id, set: AssumptionSet) => {
  const p = set.parameters.renewal_probability as Parameter;
  const value = "value" in p ? (p.value as number) : NaN;
  if (/below even odds/i.test(set.description)) expect(value).toBeLessThan(0.5);
  if (/above even odds/i.test(set.description)) expect(value).toBeGreaterThan(0.5);
});

/** A note that names "the vintage" with a date names one the set's vintage falls in. */
test.each(checked.map((s) => [s.id, s] as const))("%s: a note's 'at the vintage (…)' matches the set's vintage", (_id, set: AssumptionSet) => {
  const wrong: string[] = [];
  for (const key of PARAMETER_KEYS) {
    const p = set.parameters[key] as Parameter;
    const m = /at the vintage \((early|late)? ?(\d{4})\)/.exec(`${p.note ?? ""} ${p.derivation ?? ""}`);
    if (m && !set.vintage.startsWith(m[2])) wrong.push(`${key}: ${m[0]} in a set of ${set.vintage}`);
  }
  expect(wrong).toEqual([]);
});

/**
 * A solution's cost per kW is multiplied by grid GW of supply: the miner-conversion cost, quoted by Riot per
 * IT MW, is converted to grid kW, and its text describes that value rather than admitting another basis.
 */
test("the miner-conversion cost's text describes its own value: per grid kW, converted from Riot's per-IT-MW figure", () => {
  for (const set of checked) {
    const p = set.parameters.solution_capex_miners_usd_per_kw;
    const text = `${p.derivation ?? ""} ${p.note ?? ""}`;
    expect(text).toMatch(/USD 3\.6m per IT MW/);
    expect(text).toContain(`${p.value.toLocaleString("en-US")} per grid kW`);
    expect(text).not.toMatch(/30% high|applied per kW of grid/);
  }
});

/**
 * Morgan Stanley's Sep 2025 framing is 69 GW of demand − ~10 GW of data centers
 * under construction − ~15 GW of grid (press accounts of "Powering AI: Bitcoin
 * Conversion…"); a set that takes its 10 GW for supply_construction_gw calls it
 * what it is, not "dedicated generation".
 */
test("the Sep 2025 framing's 10 GW is described as under construction wherever it is used", () => {
  const low = BUNDLED_SETS.find((s) => s.id === "low") as AssumptionSet;
  const p = low.parameters.supply_construction_gw as Parameter;
  const texts = [low.description, p.note ?? "", p.derivation ?? "", ...p.sources.map((s) => s.title)];
  for (const set of BUNDLED_SETS) texts.push((set.parameters.supply_grid_gw as Parameter).note ?? "");
  expect(texts.filter((t) => /dedicated (power|generation)/.test(t))).toEqual([]);
  expect(p.derivation).toMatch(/under construction/);
});
