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

/** A month and year in a set's own description or summary is no later than its vintage, nor a dated point's source. */
function lateInSetText(set: AssumptionSet): string[] {
  const late: string[] = [];
  for (const d of datesMentioned(`${set.summary} ${set.description}`)) if (d > set.vintage) late.push(`description mentions ${d.slice(0, 7)}`);
  for (const key of PARAMETER_KEYS) {
    const p = set.parameters[key] as Parameter;
    if (!("value" in p) || !p.dated_path) continue;
    for (const pt of p.dated_path) if (firstDay(pt.source.date) > set.vintage) late.push(`${key}: the point of ${pt.date} cites ${pt.source.date}`);
  }
  return late;
}

test.each(checked.map((s) => [s.id, s] as const))("%s: its description and its dated points' sources are no later than its vintage", (_id, set: AssumptionSet) => {
  expect(lateInSetText(set)).toEqual([]);
});

/** The ways a note writes a number: 1900, 1,900, 0.50, 6.5% (for 0.065). */
function writtenForms(value: number): string[] {
  const forms = new Set([String(value), value.toLocaleString("en-US", { maximumFractionDigits: 6 }), value.toFixed(2)]);
  if (Math.abs(value) < 1) forms.add(`${+(value * 100).toFixed(2)}%`);
  return [...forms];
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `text` writes `value` as a number of its own (15 is not found in 1,150 or 15.5). */
function mentions(text: string, value: number): boolean {
  return writtenForms(value).some((f) => new RegExp(`(?<![\\d.,])${escapeRe(f)}(?![\\d]|[.,]\\d)`).test(text));
}

/**
 * A derived (or calibrated) figure shows the arithmetic that arrives at it:
 * its derivation (a calibration's note) writes the value itself. A path's
 * anchor is its last published or calibrated year; a mix writes every share
 * as a percentage in its derivation or note.
 */
function unstatedValues(set: AssumptionSet): string[] {
  const missing: string[] = [];
  for (const key of PARAMETER_KEYS) {
    const p = set.parameters[key] as Parameter;
    if (p.basis !== "derived" && p.basis !== "calibrated") continue;
    const text = p.basis === "derived" ? (p.derivation ?? "") : (p.note ?? "");
    if ("value" in p) {
      if (!mentions(text, p.value)) missing.push(`${key}: ${p.value}`);
    } else if ("path" in p) {
      const anchors = Object.keys(p.path).filter((y) => ["published", "calibrated"].includes(p.path_basis?.[y] ?? ""));
      const year = anchors[anchors.length - 1];
      if (year !== undefined && !mentions(text, p.path[year])) missing.push(`${key}: ${year} ${p.path[year]}`);
    } else {
      const all = `${p.derivation ?? ""} ${p.note ?? ""}`;
      for (const [source, share] of Object.entries(p.shares)) {
        const pct = share * 100;
        if (![pct.toFixed(0), pct.toFixed(1)].some((f) => new RegExp(`(?<![\\d.])${escapeRe(f)}(?!\\d|[.,]\\d)`).test(all))) missing.push(`${key}.${source}: ${pct.toFixed(1)}%`);
      }
    }
  }
  return missing;
}

test.each(checked.map((s) => [s.id, s] as const))("%s: every derived figure's derivation (a calibrated one's note) writes the value it arrives at", (_id, set: AssumptionSet) => {
  expect(unstatedValues(set)).toEqual([]);
});

/**
 * A note that places the value in a published range ("the midpoint of 12–18
 * months", "the low end of 15–20 GW", "the top of 80–90%") names this set's
 * value: a note inherited or copied from a set with another value is caught.
 * A path is read at 2028, the year the ranges quoted run through.
 */
function misplacedInRange(set: AssumptionSet): string[] {
  const wrong: string[] = [];
  for (const key of PARAMETER_KEYS) {
    const p = set.parameters[key] as Parameter;
    const value = "value" in p ? p.value : "path" in p ? p.path["2028"] : undefined;
    if (value === undefined) continue;
    const text = `${p.derivation ?? ""} ${p.note ?? ""}`;
    for (const m of text.matchAll(/(?<!(?:near|above|below|at) (?:the )?)\b(midpoint|low end|top|bottom)\b of [^.;:()]*?(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)(%?)/gi)) {
      const [lo, hi] = [Number(m[2]), Number(m[3])];
      const expected = /midpoint/i.test(m[1]) ? (lo + hi) / 2 : /low end|bottom/i.test(m[1]) ? lo : hi;
      const stated = m[4] === "%" ? value * 100 : value;
      if (Math.abs(stated - expected) > 1e-9) wrong.push(`${key}: "${m[0]}" but the value is ${value}`);
    }
  }
  return wrong;
}

test.each(checked.map((s) => [s.id, s] as const))("%s: a note's 'midpoint', 'low end' or 'top' of a range is this set's value", (_id, set: AssumptionSet) => {
  expect(misplacedInRange(set)).toEqual([]);
});

/** A conversion written at a PUE ("× PUE 1.3", "at this set's PUE of 1.3", "per IT MW at PUE 1.3") uses this set's PUE. */
function pueMismatches(set: AssumptionSet): string[] {
  const pue = set.parameters.pue.value;
  const wrong: string[] = [];
  for (const key of PARAMETER_KEYS) {
    const p = set.parameters[key] as Parameter;
    const text = `${p.derivation ?? ""} ${p.note ?? ""}`;
    for (const m of text.matchAll(/(?:[×÷] PUE|this set's PUE of|per IT [Mk]W at PUE) (\d+(?:\.\d+)?)/g)) {
      if (Number(m[1]) !== pue) wrong.push(`${key}: "${m[0]}" in a set at PUE ${pue}`);
    }
  }
  return wrong;
}

test.each(checked.map((s) => [s.id, s] as const))("%s: every PUE conversion in its notes is at the set's own PUE", (_id, set: AssumptionSet) => {
  expect(pueMismatches(set)).toEqual([]);
});

test("the value rules catch what they are meant to (a value its text does not write; a range end; a PUE; a late date)", () => {
  const high = BUNDLED_SETS.find((s) => s.id === "high") as AssumptionSet;
  const set = structuredClone(high) as AssumptionSet;
  const added = (found: string[], before: string[]) => found.filter((w) => !before.includes(w));
  expect(mentions("≈ USD 1,916/kW, rounded to 1,900", 1900)).toBe(true);
  expect(mentions("≈ USD 1,916/kW", 1900)).toBe(false);
  expect(mentions("1,150 and 15.5", 15)).toBe(false);
  expect(mentions("4.25% + 2.25% = 6.5%.", 0.065)).toBe(true);
  set.parameters.gpu_power_kw.value = 1.3; // its derivation computes 1.275
  set.parameters.funding_mix.shares.ig_bonds = 0.33; // 35% written
  expect(added(unstatedValues(set), unstatedValues(high))).toEqual(["funding_mix.ig_bonds: 33.0%", "gpu_power_kw: 1.3"]);
  (set.parameters.supply_gas_gw as { path: Record<string, number> }).path["2028"] = 18; // "the top of 15–20 GW"
  set.parameters.noi_margin.value = 0.85; // "the top of 80–90%"
  expect(added(misplacedInRange(set), misplacedInRange(high)).map((w) => w.split(":")[0])).toEqual(["supply_gas_gw", "noi_margin"]);
  set.parameters.pue.value = 1.2; // capex and uncontracted value convert at 1.3
  expect(pueMismatches(set).map((w) => w.split(":")[0])).toEqual(expect.arrayContaining(["capex_musd_per_mw", "uncontracted_value_musd_per_mw", "solution_capex_miners_usd_per_kw"]));
  set.description += " As JPMorgan put it in Jun 2026.";
  set.parameters.gpu_rent_h100_usd_per_hour.dated_path![0].source.date = "2026-03";
  expect(lateInSetText(set)).toEqual(["description mentions 2026-06", "gpu_rent_h100_usd_per_hour: the point of 2023 cites 2026-03"]);
});

/**
 * The sums a description quotes are this set's: "93 grid GW × USD 55m = 5,115bn" is the demand its path adds
 * in 2026–30 at its own cost per MW, and "55 − 15 − 10 = 30 GW" is its own 2028 demand less grid and
 * construction supply.
 */
function descriptionSums(set: AssumptionSet): string[] {
  const wrong: string[] = [];
  const at = (key: "demand_gw" | "supply_grid_gw" | "supply_construction_gw", year: string) => (set.parameters[key] as { path: Record<string, number> }).path[year];
  const num = (s: string) => Number(s.replace(/,/g, ""));
  const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
  for (const m of set.description.matchAll(/([\d.]+) grid GW (?:× |the demand path adds in 2026–30 at )USD ([\d.]+)m(?: per grid MW)?[^=]*= (?:USD )?([\d,]+)bn/g)) {
    const [gw, cost, total] = [num(m[1]), num(m[2]), num(m[3])];
    const added = at("demand_gw", "2030") - at("demand_gw", "2025");
    if (!near(gw, added, 0.05) || cost !== set.parameters.capex_musd_per_mw.value || !near(gw * cost, total, 0.5)) {
      wrong.push(`"${m[0]}": the path adds ${+added.toFixed(2)} GW in 2026–30 at USD ${set.parameters.capex_musd_per_mw.value}m`);
    }
  }
  for (const m of set.description.matchAll(/([\d.]+) − ([\d.]+) − ([\d.]+) = ([\d.]+) GW/g)) {
    const [d, g, c, gap] = m.slice(1, 5).map(num);
    const own = [at("demand_gw", "2028"), at("supply_grid_gw", "2028"), at("supply_construction_gw", "2028")];
    if (!near(d, own[0], 0.05) || !near(g, own[1], 0.05) || !near(c, own[2], 0.05) || !near(d - g - c, gap, 0.05)) wrong.push(`"${m[0]}": 2028 is ${own.join(" − ")}`);
  }
  return wrong;
}

test.each(checked.map((s) => [s.id, s] as const))("%s: the funding and gap sums its description quotes are its own", (_id, set: AssumptionSet) => {
  expect(descriptionSums(set)).toEqual([]);
  expect(set.description).toMatch(/grid GW (× |the demand path adds in 2026–30 at )USD [\d.]+m|FUNDING_PLAN/); // each says what its funding adds up to
});

test("the description sums rule catches a sum left from another value", () => {
  const set = structuredClone(BUNDLED_SETS.find((s) => s.id === "low")) as AssumptionSet;
  expect(descriptionSums(set)).toEqual([]);
  set.parameters.capex_musd_per_mw.value = 40; // description: 71 grid GW × USD 35m
  (set.parameters.demand_gw as { path: Record<string, number> }).path["2028"] = 56; // description: 55 − 15 − 10 = 30 GW
  expect(descriptionSums(set).map((w) => w.split(":")[0])).toEqual(['"71 grid GW × USD 35m = 2,485bn"', '"55 − 15 − 10 = 30 GW"']);
  const call = structuredClone(BUNDLED_SETS[0]) as AssumptionSet;
  call.parameters.capex_musd_per_mw.value = 50; // "the 93 grid GW the demand path adds in 2026–30 at USD 55m per grid MW"
  expect(descriptionSums(call)).toHaveLength(1);
});
