/** The store: no function computes before the workbook's set is loaded; unreadable state is reported. */
import * as f from "../../src/functions/functions";
import { store } from "../../src/functions/store";
import { bundledSet } from "../../src/model/sets";
import { cell } from "../helpers";

afterEach(() => store.activate(bundledSet("call-2026-02")!));

test("a function called before the workbook's set is loaded waits, then computes with that set", async () => {
  store.reset();
  expect(store.isReady()).toBe(false);
  const pending = f.powerGapGw(2028);
  expect(pending).toBeInstanceOf(Promise);
  let settled = false;
  void Promise.resolve(pending).then(() => (settled = true));
  await new Promise((r) => setTimeout(r, 20));
  expect(settled).toBe(false); // still waiting: nothing computed from a default
  store.activate(bundledSet("high")!); // the workbook's stored set: high (90 − 15 − 6 = 69 GW in 2028)
  expect(await pending).toBe(69);
});

test("once loaded, functions answer synchronously (no promise per call)", () => {
  store.activate(bundledSet("low")!);
  expect(f.powerGapGw(2028)).toBe(30); // low: 55 − 15 − 10
});

test("an unreadable workbook set gives #N/A with the reason; a named bundled scenario still works", async () => {
  store.markUnreadable("schema_version 9 is newer than this add-in understands");
  expect(await cell(() => f.powerGapGw(2028))).toEqual({
    error: "#N/A",
    message: "the workbook's assumption set cannot be read: schema_version 9 is newer than this add-in understands",
  });
  expect(await cell(() => f.powerGapGw(2028, false, "call-2026-02" as never))).toEqual({ value: 46 });
});

test("user-edited sets saved in the workbook can be named like bundled ones", async () => {
  const edited = { ...bundledSet("call-2026-02")!, id: "my-case" };
  store.activate(bundledSet("low")!, [edited]);
  expect(await cell(() => f.powerGapGw(2028, false, "my-case" as never))).toEqual({ value: 46 });
  expect(store.knownIds()).toEqual(expect.arrayContaining(["my-case", "low", "call-2026-02", "high"]));
});

test("listeners hear every change, and the version increases", () => {
  const seen: number[] = [];
  const off = store.onChange((s) => seen.push(s.version));
  store.activate(bundledSet("low")!);
  store.activate(bundledSet("high")!);
  off();
  store.activate(bundledSet("low")!);
  expect(seen).toHaveLength(2);
  expect(seen[1]).toBe(seen[0] + 1);
});

describe("the CustomFunctions stand-in", () => {
  test("completes a partial CustomFunctions (Office.js outside Excel) without replacing what exists", async () => {
    const { installCustomFunctionsShim } = await import("../../src/functions/custom-functions-shim");
    const g = globalThis as { CustomFunctions?: Record<string, unknown> };
    const real = g.CustomFunctions;
    const associate = () => undefined;
    g.CustomFunctions = { associate };
    try {
      installCustomFunctionsShim();
      expect(g.CustomFunctions.associate).toBe(associate);
      expect(typeof g.CustomFunctions.Error).toBe("function");
      expect((g.CustomFunctions.ErrorCode as Record<string, string>).invalidValue).toBe("#VALUE!");
    } finally {
      g.CustomFunctions = real;
    }
  });
});

test("ACTIVE_SCENARIO shows the unreadable set's #N/A like every other function", async () => {
  store.markUnreadable("the JSON is corrupt");
  expect(await cell(() => f.activeScenario())).toEqual({
    error: "#N/A",
    message: "the workbook's assumption set cannot be read: the JSON is corrupt",
  });
});
