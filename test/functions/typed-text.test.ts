/**
 * One reader for typed text: the command line, the playground grid and the
 * wrappers read the same text as the same value, as Excel does. Excel reads
 * decimal and scientific notation and percentages as numbers; 0x10, 0b11 and
 * 0o17 are text in a cell and #VALUE! for a number argument (VALUE("0x10")).
 */
import fc from "fast-check";
import { parseArgument } from "../../src/cli/format";
import { run } from "../../src/cli/main";
import { requiredNumber } from "../../src/functions/coerce";
import { parseTyped } from "../../src/playground/grid";
import { useSet } from "../helpers";

beforeAll(() => useSet());

/** What the wrapper makes of text given for a number argument: the number, or "refused". */
function wrapperReads(text: string): number | "refused" {
  try {
    return requiredNumber("x", text);
  } catch {
    return "refused";
  }
}

const NOT_NUMBERS = ["0x10", "0X1F", "0b11", "0o17", "Infinity", "-Infinity", "1_000", "1,000", "12abc", "NaN", "--1", "1e", "e5", "."];

test.each(NOT_NUMBERS)("%s is text on the command line and in the grid, and #VALUE! for a number argument", (text) => {
  expect(parseArgument(text)).toBe(text);
  expect(parseTyped(text)).toBe(text);
  expect(wrapperReads(text)).toBe("refused");
});

test.each([
  ["2028", 2028],
  [" 46 ", 46],
  ["-0.5", -0.5],
  ["+.5", 0.5],
  ["1.5e3", 1500],
  ["1E-2", 0.01],
  ["8%", 0.08],
  ["5.", 5],
])("%s is the number %d everywhere", (text, value) => {
  expect(parseArgument(text)).toBe(value);
  expect(parseTyped(text)).toBe(value);
  expect(wrapperReads(text)).toBe(value);
});

test("any text: the command line, the grid and the wrappers agree on whether it is a number, and which", () => {
  const token = fc.constantFrom("0", "1", "9", "x", "X", "b", "o", "e", "E", ".", "+", "-", "%", " ", "_", ",", "a", "f");
  const numberish = fc.array(token, { maxLength: 8 }).map((t) => t.join(""));
  fc.assert(
    fc.property(fc.oneof(numberish, fc.string()), (text) => {
      if (text.trim() === "" || text.trim().startsWith("=") || /^\s*(true|false)\s*$/i.test(text)) return true;
      // A JSON string ("..."): the command line reads back the text it prints (a SCENARIO handle), test/cli/what-if-cli.test.ts.
      if (/^\s*"(?:[^"\\]|\\.)*"\s*$/.test(text)) return true;
      const cli = parseArgument(text);
      const grid = parseTyped(text);
      const wrapper = wrapperReads(text);
      return typeof cli === "number" ? grid === cli && wrapper === cli : grid === text && cli === text && wrapper === "refused";
    }),
    { numRuns: 5000 },
  );
});

test("TRUE and FALSE are booleans on the command line and in the grid", () => {
  expect([parseArgument("true"), parseTyped(" FALSE ")]).toEqual([true, false]);
});

test.each(["0x10", "0b11", "0o17"])("infra call EV_PER_MW %s 1000 is a #VALUE! naming the argument", async (arg) => {
  const { out, code } = await run(["call", "EV_PER_MW", arg, "1000"]);
  expect(code).toBe(0);
  expect(JSON.parse(out)).toEqual({ error: "#VALUE!", message: `enterprise_value_musd must be a number; got text "${arg}"` });
});
