/** The SpreadsheetML helpers recalc builds on: shared-formula shifting, string escapes, numbers as Excel writes them. */
import { shiftFormula, escapeXstring, unescapeXstring, decodeText, encodeText } from "../../src/engine/xlsx-xml";
import { formatNumber } from "../../src/engine/xlsx-sheet";

describe("shiftFormula moves relative references as Excel does for a shared formula's cells", () => {
  test.each([
    ["A1+B2", 2, 1, "B3+C4"],
    ["$A$1+A$1+$A1", 3, 3, "$A$1+D$1+$A4"],
    ["SUM(A1:B2)*Sheet2!C3", 1, 0, "SUM(A2:B3)*Sheet2!C4"],
    ["'My sheet'!A1&\"A1\"", 1, 1, "'My sheet'!B2&\"A1\""],
    ["LOG10(A1)+1E5+T1[x]", 1, 0, "LOG10(A2)+1E5+T1[x]"],
    ["SUM(A:A)+SUM(1:1)", 1, 1, "SUM(B:B)+SUM(2:2)"],
    ["A1", -1, 0, "#REF!"],
    ["XFD1", 0, 1, "#REF!"],
    ["XYZ2020+A1", 0, 1, "XYZ2020+B1"], // XYZ is past column XFD: a name, not a cell
  ])("%s moved by (%i, %i) is %s", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});

test("text escapes: characters XML cannot hold, and a literal _xHHHH_, survive a round trip", () => {
  for (const s of ["plain", "tab\there", "bell\u0007", "_x0041_ literal", "é 𝔸"]) expect(unescapeXstring(escapeXstring(s))).toBe(s);
  expect(escapeXstring("a\u0001b")).toBe("a_x0001_b");
  expect(escapeXstring("_x0041_")).toBe("_x005F_x0041_");
  expect(decodeText(encodeText('<a & "b"> é'))).toBe('<a & "b"> é');
});

test("numbers are written with the shortest round-trip digits and a capital exponent", () => {
  expect(formatNumber(46)).toBe("46");
  expect(formatNumber(0.1 + 0.2)).toBe("0.30000000000000004");
  expect(formatNumber(1e21)).toBe("1E+21");
  expect(formatNumber(1.5e-7)).toBe("1.5E-7");
  expect(formatNumber(-0)).toBe("0");
});
