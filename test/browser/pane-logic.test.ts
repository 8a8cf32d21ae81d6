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
  referenceOf,
  sameValues,
  setProblems,
  valueOf,
  withValue,
} from "../../src/taskpane/edit";
import { luminance, modeFromOffice } from "../../src/taskpane/theme-mode";

const call = defaultSet();
const demand2028 = { key: "demand_gw", part: "2028" } as const;

describe("editing a set", () => {
  test("an edit of a bundled set makes a new set that names its reference, and never mutates the original", () => {
    const edited = withValue(beginEdit(call, "2026-03-01"), demand2028, 70);
    expect(edited.id).toBe("call-2026-02-edited");
    expect(edited.reference).toEqual({ id: "call-2026-02", vintage: "2026-02-04" });
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
      { label: "Nuclear plants equivalent", value: "46" },
      { label: "Funding 2026–2030", value: "USD 5.115T" },
      { label: "Capex (shell + IT)", value: "USD 55m per MW" },
    ]);
    // low: 55 − 15 − 10 = 30 GW.
    expect(keyFigures(bundledSet("low")!)[0].value).toBe("30 GW");
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
