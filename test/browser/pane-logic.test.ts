/**
 * The pane's editing rules and theme choice, without a browser. Figures are
 * hand calculations from the call-2026-02 paths (base year 2024):
 *   gap 2028 = demand 67 − grid 15 − construction 6 = 46 GW (the call's figure);
 *   after solutions 46 − 16 − 5 − 1.635 − 6 − 2 − 0 = 15.365 GW; 46 GW ÷ 1 GW a reactor = 46;
 *   funding 2026–2030 = (demand 106 − 13) GW × USD 55m per grid MW = USD 5,115bn = 5.115T.
 */
import { defaultSet, bundledSet } from "../../src/model/sets";
import {
  beginEdit,
  changedFields,
  checkInput,
  editedId,
  fieldsOf,
  keyFigures,
  inheritedFrom,
  referenceOf,
  sameValues,
  setProblems,
  updateOffer,
  valueOf,
  withValue,
  yearBasisOf,
} from "../../src/taskpane/edit";
import { PARAMETER_KEYS } from "../../src/model/catalogue";
import { luminance, modeFromOffice } from "../../src/taskpane/theme-mode";

const call = defaultSet();
const demand2028 = { key: "demand_gw", part: "2028" } as const;

describe("editing a set", () => {
  test("an edit of a bundled set makes a new set that names its reference, and never mutates the original", () => {
    const edited = withValue(beginEdit(call, "2026-03-01"), demand2028, 70);
    expect(edited.id).toBe("call-2026-02-edited");
    expect(edited.reference).toEqual({ id: "call-2026-02", version: call.version, vintage: "2026-02-04" });
    expect(valueOf(edited, demand2028)).toBe(70);
    expect(valueOf(call, demand2028)).toBe(67);
    expect(setProblems(edited)).toEqual([]);
    expect(referenceOf(edited)).toBe(call);
    expect(changedFields(edited, call)).toEqual([demand2028]);
    expect(sameValues(withValue(edited, demand2028, 67), call)).toBe(true);
    // A user's set keeps its id when edited again.
    expect(beginEdit(edited, "2026-03-02")).toBe(edited);
  });

  test("edited ids stay valid set ids", () => {
    expect(editedId("low")).toBe("low-edited");
    const long = editedId("a".repeat(40));
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
  });

  test("typed values are checked against the parameter's unit and range", () => {
    expect(checkInput(call, demand2028, " 70 ")).toEqual({ ok: true, value: 70 });
    expect(checkInput(call, demand2028, "")).toEqual({ ok: false, message: "Enter a number." });
    expect(checkInput(call, demand2028, "7O")).toMatchObject({ ok: false, message: expect.stringContaining("is not a number") });
    expect(checkInput(call, demand2028, "600")).toEqual({ ok: false, message: "Must be between 0 and 500 GW." });
    expect(checkInput(call, { key: "nuclear_plant_gw", part: null }, "0")).toEqual({ ok: false, message: "Must be between 0.1 and 2 GW." });
  });

  test("whole-set rules: a cumulative path must not fall, shares must sum to 1", () => {
    expect(setProblems(withValue(call, demand2028, 40)).join()).toContain("path falls in 2028");
    const share = { key: "funding_mix", part: "ig_bonds" } as const;
    expect(setProblems(withValue(call, share, 0.4)).join()).toContain("shares must sum to 1");
    expect(fieldsOf(call, "funding_mix").map((f) => f.part)).toEqual(Object.keys(call.parameters.funding_mix.shares));
  });

  test("preview figures come from the model", () => {
    expect(keyFigures(call)).toEqual([
      { label: "Power gap through 2028", value: "46 GW" },
      { label: "… after time-to-power solutions", value: "15.365 GW" },
      { label: "Nuclear reactors equivalent", value: "46" },
      { label: "Funding 2026–2030", value: "USD 5.115T" },
      { label: "Capex (shell + IT)", value: "USD 55m per MW" },
    ]);
    // low: 55 − 15 − 10 = 30 GW.
    expect(keyFigures(bundledSet("low")!)[0].value).toBe("30 GW");
  });
});

describe("versions, provenance and inheritance", () => {
  test("each path year shows its basis; an edited year becomes the analyst's choice", () => {
    const basis = call.parameters.demand_gw.path_basis["2028"];
    expect(yearBasisOf(call, demand2028)).toBe(basis);
    expect(yearBasisOf(call, { key: "capex_musd_per_mw", part: null })).toBeNull();
    const edited = withValue(beginEdit(call, "2026-03-01"), demand2028, 70);
    expect(yearBasisOf(edited, demand2028)).toBe("chosen");
  });

  test("an inherited value is marked with its base, and stops being inherited when edited", () => {
    const low = bundledSet("low")!;
    const key = PARAMETER_KEYS.find((k) => low.parameters[k].inherited && "value" in low.parameters[k]);
    if (!key) return; // every value of low is its own: nothing inherited to mark
    expect(inheritedFrom(low, key)).toBe(`${low.extends!.id} v${low.extends!.version}`);
    const f = { key, part: null };
    const edited = withValue(beginEdit(low, "2026-03-01"), f, (valueOf(low, f) as number) * 1.01);
    expect(inheritedFrom(edited, key)).toBeNull();
    expect(setProblems(edited)).toEqual([]);
  });

  test("a workbook on the add-in's version gets no update offer; an older version gets the differences, with sources", () => {
    expect(updateOffer(call)).toBeNull();
    jest.isolateModules(() => {
      jest.doMock("../../src/model/sets/call-2026-02", () => {
        const actual = jest.requireActual("../../src/model/sets/call-2026-02");
        const v2 = structuredClone(actual.CALL_2026_02_SET);
        v2.version += 1;
        v2.vintage = "2026-12-01";
        v2.parameters.capex_musd_per_mw.value += 1;
        v2.parameters.demand_gw.path["2030"] += 4;
        return { CALL_2026_02_SET: v2 };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const isolated = require("../../src/taskpane/edit") as typeof import("../../src/taskpane/edit");
      const offer = isolated.updateOffer(call)!; // the workbook holds the version before
      expect(offer.latest.version).toBe(call.version + 1);
      const demand2030 = call.parameters.demand_gw.path["2030"];
      const capex = call.parameters.capex_musd_per_mw.value;
      expect(offer.differences.map((d) => [d.field, d.old, d.new])).toEqual([
        [{ key: "demand_gw", part: "2030" }, demand2030, demand2030 + 4],
        [{ key: "capex_musd_per_mw", part: null }, capex, capex + 1],
      ]);
      expect(offer.differences[1].source).toContain(call.parameters.capex_musd_per_mw.sources[0].publisher);
      // A pinned older version is compared with itself, not flagged as edited.
      expect(isolated.referenceOf(call)).toBe(call);
    });
  });
});

describe("theme", () => {
  test("Office's own flag wins; otherwise the pane background's luminance decides", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("not a colour")).toBeNull();
    expect(modeFromOffice({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe("dark");
    expect(modeFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark"); // Office "Black"
    expect(modeFromOffice({ bodyBackgroundColor: "#f3f2f1" })).toBe("light"); // Office "Colorful"
    expect(modeFromOffice(undefined)).toBeNull();
  });
});
