/**
 * How the model's combined checks reach their refusals. A model function tests
 * valid arguments in one condition and calls a `…Refused` function (which
 * builds the named message and throws) only when it fails. Written as a
 * statement, `if (!valid) xRefused(...)`, the minifier rewrites it as
 * `valid || xRefused(...)`, which V8 compiled to markedly slower code:
 * SOTP_EV ran at 1.9 × its hand-written baseline that way and 1.5 × with a
 * conditional expression (`npm run bench -- --only=SOTP_EV`). So a refusal is
 * reached only as the other branch of `?:` or after `throw`.
 */
import fs from "node:fs";
import path from "node:path";

const MODEL_DIR = path.join(__dirname, "../../src/model");

function modelSources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return modelSources(full);
    return entry.name.endsWith(".ts") ? [{ file: path.relative(MODEL_DIR, full), text: fs.readFileSync(full, "utf8") }] : [];
  });
}

/** Every call of a `…Refused` function with the code just before it (declarations left out). */
function refusalCalls(text: string): { name: string; before: string; line: number }[] {
  const calls: { name: string; before: string; line: number }[] = [];
  for (const m of text.matchAll(/(\w+Refused)\(/g)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 40), at).replace(/\s+/g, " ").trimEnd();
    if (/\bfunction$/.test(before)) continue;
    calls.push({ name: m[1], before, line: text.slice(0, at).split("\n").length });
  }
  return calls;
}

/** A call is reached the fast way when it follows `throw`, `?` or `:`. */
const reachedByExpression = (before: string) => /(\bthrow|[?:])$/.test(before);

describe("refusals in the model", () => {
  test("the rule tells the two forms apart", () => {
    const statement = "function f(a: number) {\n  if (!(a >= 0)) fRefused(a);\n  return a;\n}";
    const conditional = "function f(a: number) {\n  return a >= 0\n    ? a\n    : fRefused(a);\n}";
    const thrown = "function f(a: number) {\n  if (!(a >= 0)) throw fRefused(a);\n  return a;\n}";
    expect(refusalCalls(statement).map((c) => reachedByExpression(c.before))).toEqual([false]);
    expect(refusalCalls(conditional).map((c) => reachedByExpression(c.before))).toEqual([true]);
    expect(refusalCalls(thrown).map((c) => reachedByExpression(c.before))).toEqual([true]);
  });

  test("every refusal is reached through ?: or throw, not as a statement of its own", () => {
    const sources = modelSources(MODEL_DIR);
    const calls = sources.flatMap(({ file, text }) => refusalCalls(text).map((c) => ({ ...c, file })));
    expect(calls.length).toBeGreaterThan(3);
    const statements = calls.filter((c) => !reachedByExpression(c.before)).map((c) => `${c.file}:${c.line} ${c.name}`);
    expect(statements).toEqual([]);
  });
});
