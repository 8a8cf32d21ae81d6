/**
 * The readers recalc runs once per tag or cell (scanTags, attribute, parseA1)
 * are loops over character codes. Their rules are those of regular
 * expressions, kept here as the reference: on any text, both give the same
 * result (for scanTags, the same tags at the same places, or both refuse a
 * document type).
 */
import fc from "fast-check";
import { attribute, decodeText, parseA1, scanTags } from "../../src/engine/xlsx-xml";

/** The reference: a tag, or a comment, CDATA section, processing instruction, or the start of a document type. */
const TOKEN =
  /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE/g;

type Seen = [name: string, closing: boolean, selfClosing: boolean, start: number, end: number, attributes: string, cdata: string | undefined];

function byExpression(xml: string): Seen[] | "doctype" {
  const out: Seen[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[2] === undefined && m[4] === undefined) {
      if (m[0] === "<!DOCTYPE") return "doctype";
      continue;
    }
    if (m[4] !== undefined) out.push(["#cdata", false, true, m.index, m.index + m[0].length, "", m[4]]);
    else {
      const self = m[3].endsWith("/");
      out.push([m[2], m[1] === "/", self, m.index, m.index + m[0].length, self ? m[3].slice(0, -1) : m[3], undefined]);
    }
  }
  return out;
}

function byScanner(xml: string): Seen[] | "doctype" {
  const out: Seen[] = [];
  try {
    scanTags(xml, 0, (t, cdata) => {
      out.push([t.name, t.closing, t.selfClosing, t.start, t.end, t.attributes, cdata]);
    });
  } catch (e) {
    if (/document type/.test((e as Error).message)) return "doctype";
    throw e;
  }
  return out;
}

const PIECES = ["<", ">", "/", "</", "/>", "c", "row", "x:", ":", "_", "1", "-", ".", " ", "\t", "=", '"', "'", ' r="A1"', " t='s'", '"a>b"', "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<!", "<!DOCTYPE", "é", "&amp;", "\n"];

describe("scanTags", () => {
  test.each([
    ['<c r="A1" t="s"><v>3</v></c>'],
    ['<x:row r="2"><x:c r="B2"/></x:row>'],
    ['<c r="A1" a="x>y"/>'],
    ["<!-- <c> --><c/>"],
    ["<t><![CDATA[a<b]]></t>"],
    ['<?xml version="1.0"?><a/>'],
    ['<c r="A1>text<c/>'],
    ["<!-- never closed <c/>"],
    ["<a:b:c d/>"],
    ["<!DOCTYPE x><a/>"],
    ["< c/><1/><_/>"],
  ])("reads %j as the expression does", (xml) => {
    expect(byScanner(xml)).toEqual(byExpression(xml));
  });

  test("reads any text as the expression does", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 40 }), (pieces) => {
        const xml = pieces.join("");
        expect(byScanner(xml)).toEqual(byExpression(xml));
      }),
      { numRuns: 20_000 },
    );
  });

  test("a visitor that returns false stops the scan; one that scans again does not move the outer scan", () => {
    const names: string[] = [];
    scanTags("<a/><b/><c/>", 0, (t) => {
      names.push(t.name);
      if (t.name === "a") scanTags("<x/><y/>", 0, () => undefined);
      return t.name !== "b";
    });
    expect(names).toEqual(["a", "b"]);
  });
});

describe("attribute", () => {
  const byExpression = (raw: string, name: string): string | undefined => {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(raw);
    if (!m) return undefined;
    // Then decoded as the part's bytes are (UTF-8, entities), as the expression's reader did.
    const value = m[1] ?? m[2];
    return value.includes("&") || /[\x80-\xff]/.test(value) ? decodeText(value) : value;
  };
  test.each([
    [' r="A1" t="s"', "r", "A1"],
    [' rr="1" r="2"', "r", "2"],
    [" t = 'str'", "t", "str"],
    [' x:r="B2"', "r", undefined],
    ['r="A1"', "r", undefined],
    [' r="unclosed t="s"', "t", "s"], // as the expression reads it: quotes between attributes are not tracked
    [' cm="1"', "cm", "1"],
    [' t="a&amp;b"', "t", "a&b"],
  ])("reads %j's %s as %j", (raw, name, expected) => {
    expect(attribute(raw, name)).toBe(expected);
  });
  test("reads any text as the expression does", () => {
    const pieces = [" ", "\t", "\n", "\xa0", "é", "&amp;", "r", "t", "cm", "=", '"', "'", "x", "1", ":", "rr", ' r="A1"', " t='s'"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), fc.constantFrom("r", "t", "cm"), (parts, name) => {
        const raw = parts.join("");
        expect(attribute(raw, name)).toBe(byExpression(raw, name));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("parseA1", () => {
  const byExpression = (ref: string) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
    if (!m) return undefined;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = Number(m[2]);
    return col > 16_384 || row < 1 || row > 1_048_576 ? undefined : { row: row - 1, col: col - 1 };
  };
  test.each([
    ["A1", { row: 0, col: 0 }],
    ["$XFD$1048576", { row: 1_048_575, col: 16_383 }],
    ["xfe1", undefined],
    ["A1048577", undefined],
    ["A0", undefined],
    ["ABCD1", undefined],
    ["A01", { row: 0, col: 0 }],
    ["A12345678", undefined],
    ["$$A1", undefined],
    ["A$$1", undefined],
    ["", undefined],
  ])("reads %j as %j", (ref, expected) => {
    expect(parseA1(ref)).toEqual(expected);
  });
  test("reads any text as the expression does", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("$", "A", "z", "X", "F", "D", "0", "1", "9", "4", " ", "é", ":"), { maxLength: 12 }), (parts) => {
        const ref = parts.join("");
        expect(parseA1(ref)).toEqual(byExpression(ref));
      }),
      { numRuns: 20_000 },
    );
  });
});
