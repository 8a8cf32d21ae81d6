/**
 * The project's ESLint security rules fire: code that turns data into markup
 * or code (innerHTML, outerHTML, insertAdjacentHTML, document.write, eval,
 * new Function, string timers) is an error under src/, and safe DOM code is
 * not. Runs the real eslint.config.mjs on samples through the eslint command.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

function lint(source: string, file = "src/taskpane/sample.ts"): LintMessage[] {
  const eslint = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
  const r = spawnSync(process.execPath, [eslint, "--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: ROOT,
    input: source,
    encoding: "utf8",
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { messages: LintMessage[] }[])[0].messages;
}

const FORBIDDEN: [string, string, string][] = [
  ["innerHTML", "el.innerHTML = name;", "no-restricted-properties"],
  ["outerHTML", "el.outerHTML = name;", "no-restricted-properties"],
  ["insertAdjacentHTML", 'el.insertAdjacentHTML("beforeend", name);', "no-restricted-properties"],
  ["eval", "eval(name);", "no-eval"],
  ["new Function", 'new Function("return " + name);', "no-restricted-syntax"],
  ["Function()", 'Function("return " + name);', "no-new-func"],
  ["setTimeout with a string", 'setTimeout("alert(" + name + ")", 1);', "no-implied-eval"],
  ["document.write", "document.write(name);", "no-restricted-syntax"],
];

test("every forbidden construct is an error, on its own line, with the rule that forbids it", () => {
  const header = 'declare const el: HTMLElement;\ndeclare const name: string;\n';
  const source = header + FORBIDDEN.map(([, code]) => code).join("\n") + "\n";
  const messages = lint(source);
  const firstLine = header.split("\n").length;
  const found = FORBIDDEN.map(([what, , rule], i) => ({
    what,
    rule: messages.some((m) => m.line === firstLine + i && m.ruleId === rule),
  }));
  expect(found).toEqual(FORBIDDEN.map(([what]) => ({ what, rule: true })));
});

test("safe DOM code passes the same rules", () => {
  const source = [
    "declare const el: HTMLElement;",
    "declare const name: string;",
    "el.textContent = name;",
    'const b = document.createElement("b");',
    "b.append(name);",
    "el.replaceChildren(b);",
    "setTimeout(() => el.focus(), 1);",
    "",
  ].join("\n");
  expect(lint(source)).toEqual([]);
});
