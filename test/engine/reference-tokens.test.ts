/**
 * forEachReferenceToken is REFERENCE_TOKENS written as a loop: on any text it
 * gives the tokens the expression matches, at the same places, with the kind
 * of the alternative that matched.
 */
import fc from "fast-check";
import { forEachReferenceToken, REFERENCE_TOKENS, type ReferenceTokenKind } from "../../src/engine/xlsx-xml";

type Token = [start: number, end: number, kind: ReferenceTokenKind];

function byExpression(formula: string): Token[] {
  return [...formula.matchAll(REFERENCE_TOKENS)].map((m) => {
    const t = m[0];
    const kind: ReferenceTokenKind = m[1] ? "cell" : m[2] ? "columns" : m[3] ? "rows" : t.startsWith('"') ? "string" : t.startsWith("'") ? "quoted" : t.startsWith("[") ? "bracket" : /^[\d.]/.test(t) ? "number" : "name";
    return [m.index, m.index + t.length, kind];
  });
}

function byLoop(formula: string): Token[] {
  const out: Token[] = [];
  forEachReferenceToken(formula, (start, end, kind) => out.push([start, end, kind]));
  return out;
}

const PIECES = ['"', "'", '""', "''", "[", "]", "$", ":", "!", ".", "(", ")", "e", "E", "+", "-", "A", "b", "XFD", "ABCD", "1", "0", "1048576", "12345678", "_", "\\", "?", " ", ",", "*", "Sheet1", "LOG10", "_xlfn.", "T1[x]", "é"];

describe("forEachReferenceToken", () => {
  test.each([
    ["SUM(A1:B2)*Sheet2!C3"],
    ["'My sheet'!A1&\"A1\"&\"a\"\"b\""],
    ["LOG10(A1)+1E5+T1[x]+1.5E-3+.5+1."],
    ["SUM(A:A)+SUM(1:1)+$A$1:$B$2+XFD1048576+A12345678"],
    ['"unclosed ""pair'],
    ["'unclosed"],
    ["INFRA.POWER_GAP_GW(A1)"],
    ["A1.5+A1(+A1[+B:C!+1:2."],
  ])("tokenizes %j as the expression does", (formula) => {
    expect(byLoop(formula)).toEqual(byExpression(formula));
  });

  test("tokenizes any text as the expression does", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2 })), { maxLength: 30 }), (pieces) => {
        const formula = pieces.join("");
        expect(byLoop(formula)).toEqual(byExpression(formula));
      }),
      { numRuns: 30_000 },
    );
  });
});
