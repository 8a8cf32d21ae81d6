/** The command line: JSON out, formula errors as results (exit 0), usage errors exit 2. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { run } from "../../src/cli/main";
import { parseArgument } from "../../src/cli/format";
import { parseAssumptionSetJson, serializeAssumptionSet } from "../../src/model/schema";
import { BUNDLED_SETS } from "../../src/model/sets";

const ROOT = path.resolve(__dirname, "../..");

test("the done-when commands, run as a user runs them (npm run --silent infra -- …)", () => {
  const infra = (...args: string[]) =>
    spawnSync("npm", ["run", "--silent", "infra", "--", ...args], { cwd: ROOT, encoding: "utf8" });
  const gap = infra("call", "POWER_GAP_GW", "2028");
  expect(gap.status).toBe(0);
  expect(gap.stdout.trim()).toBe("46");
  const mw = infra("call", "EV_PER_MW", "4000", "0");
  expect(mw.status).toBe(0);
  expect(JSON.parse(mw.stdout)).toEqual({ error: "#VALUE!", message: expect.stringMatching(/^mw /) });
  const nope = infra("call", "POWER_GAP_GW", "2028", "--scenario", "nope");
  expect(nope.status).toBe(0);
  expect(JSON.parse(nope.stdout)).toEqual({ error: "#N/A", message: expect.stringMatching(/nope/) });
});

test("arguments: numbers, TRUE/FALSE, text", () => {
  expect(parseArgument("2028")).toBe(2028);
  expect(parseArgument("-0.5")).toBe(-0.5);
  expect(parseArgument("TRUE")).toBe(true);
  expect(parseArgument("false")).toBe(false);
  expect(parseArgument("low")).toBe("low");
  expect(parseArgument("")).toBe("");
});

test("call prints numbers, tables and text as JSON; --scenario picks the active set", async () => {
  // 46 − 16 − 5 − 1.635 − 6 − 2 = 15.365; low 55 − 15 − 10 = 30; high 90 − 15 − 6 = 69 (hand calculations)
  expect(await run(["call", "POWER_GAP_GW", "2028", "TRUE"])).toEqual({ out: "15.365", code: 0 });
  expect(await run(["call", "POWER_GAP_GW", "2028", "--scenario", "low"])).toEqual({ out: "30", code: 0 });
  expect(await run(["call", "power_gap_gw", "2028", "--scenario=high"])).toEqual({ out: "69", code: 0 });
  expect(await run(["call", "ACTIVE_SCENARIO"])).toEqual({ out: '"call-2026-02"', code: 0 });
  const plan = await run(["call", "FUNDING_PLAN", "2026", "2026"]);
  // 2026 adds 30 − 13 = 17 GW at USD 55m per grid MW = 935bn; cash and IG bonds 30% each print as 280.5, private credit
  // 21% as 196.35, project finance 10% as 93.5, abs_cmbs 4% as 37.4, equity 5% as 46.75 (15 significant digits, as Excel shows)
  // Debt and equity come last: 30 + 21 + 10 + 4 = 65% debt → 607.75; 30 + 5 = 35% equity → 327.25
  expect(JSON.parse(plan.out)[1]).toEqual([2026, 17, 55, 935, 280.5, 280.5, 196.35, 93.5, 37.4, 46.75, 607.75, 327.25]);
});

test("\"\" omits an optional argument", async () => {
  expect(await run(["call", "POWER_GAP_GW", "2028", "", "low"])).toEqual({ out: "30", code: 0 });
});

test("usage errors exit 2 with a message", async () => {
  expect((await run([])).code).toBe(2);
  expect((await run(["frobnicate"])).code).toBe(2);
  expect((await run(["call"])).code).toBe(2);
  const unknown = await run(["call", "NOPE", "1"]);
  expect(unknown.code).toBe(2);
  expect(unknown.out).toMatch(/unknown function "NOPE"/);
  const tooMany = await run(["call", "EV_PER_MW", "1", "2", "3"]);
  expect(tooMany.code).toBe(2);
  expect(tooMany.out).toMatch(/EV_PER_MW\(enterprise_value_musd, mw\) takes 2 arguments; got 3/);
  expect((await run(["call", "POWER_GAP_GW", "2028", "--scenario"])).code).toBe(2);
});

test("a usage error (wrong arguments) prints the reason, then the usage", async () => {
  for (const args of [[], ["frobnicate"], ["call"], ["call", "EV_PER_MW", "1", "2", "3"], ["set"], ["recalc", "only-one.xlsx"], ["eval"]]) {
    const { out, code } = await run(args);
    expect({ args, code, firstLine: /^infra: \S/.test(out), usage: out.includes("\nusage:\n  infra call FUNCTION") }).toEqual({ args, code: 2, firstLine: true, usage: true });
  }
});

test("a refusal (right arguments, input that cannot be used) is one line, without the usage, and still exits 2", async () => {
  const missing = path.join(ROOT, "no-such-folder", "in.xlsx");
  const refusals: [string[], RegExp][] = [
    [["recalc", missing, path.join(ROOT, "no-such-folder", "out.xlsx")], /^infra: input .*in\.xlsx does not exist$/],
    [["set", "nope"], /^infra: "nope" is not a bundled assumption set; use one of call-2026-02, low, high, ms-dec-2025, lbnl-2024-low, lbnl-2024-high, jpm-jun-2026$/],
    [["eval", "=1+"], /^infra: cannot parse the formula "=1\+"/],
  ];
  for (const [args, says] of refusals) {
    const { out, code } = await run(args);
    expect({ args, code, lines: out.split("\n").length }).toEqual({ args, code: 2, lines: 1 });
    expect(out).toMatch(says);
  }
});

test("sets lists the bundled sets, the default flagged", async () => {
  const { out, code } = await run(["sets"]);
  expect(code).toBe(0);
  const sets = JSON.parse(out) as { id: string; default: boolean }[];
  expect(sets.map((s) => s.id)).toEqual([
    "call-2026-02",
    "low",
    "high",
    "ms-dec-2025",
    "lbnl-2024-low",
    "lbnl-2024-high",
    "jpm-jun-2026",
  ]);
  expect(sets.filter((s) => s.default).map((s) => s.id)).toEqual(["call-2026-02"]);
});

test("functions lists every function with its signature", async () => {
  const list = JSON.parse((await run(["functions"])).out) as { name: string; signature: string }[];
  expect(list.find((f) => f.name === "POWER_GAP_GW")?.signature).toBe("POWER_GAP_GW(year, [after_solutions], [scenario])");
});

test("set ID prints the set's canonical JSON, exactly what Export JSON writes", async () => {
  for (const s of BUNDLED_SETS) {
    const { out, code } = await run(["set", s.id]);
    expect(code).toBe(0);
    expect(out).toBe(serializeAssumptionSet(s));
    expect(parseAssumptionSetJson(out)).toEqual(s);
  }
  const unknown = await run(["set", "nope"]);
  expect(unknown.code).toBe(2);
  expect(unknown.out).toMatch(/"nope" is not a bundled assumption set; use one of call-2026-02/);
  expect((await run(["set"])).code).toBe(2);
});
