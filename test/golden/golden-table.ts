/**
 * The golden formula table (golden-formulas.csv): formula, expected value,
 * where the expectation comes from. The same file opens in Excel, where the
 * formulas compute in column A beside their expected values (README: "Checking
 * the golden table in Excel").
 */
import fs from "node:fs";
import path from "node:path";

export const GOLDEN_CSV = path.join(__dirname, "golden-formulas.csv");

export type Expected = number | string | boolean | { error: string };

export interface GoldenRow {
  /** 1-based line in the file, for messages. */
  line: number;
  formula: string;
  expected: Expected;
  source: string;
}

/** RFC 4180 fields: commas separate, quotes enclose, a doubled quote is a quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}

/** How Excel reads the expected column of a CSV: numbers, TRUE/FALSE, error values, else text. */
function expectedValue(text: string): Expected {
  if (/^#(VALUE!|N\/A|NUM!|DIV\/0!|NAME\?|REF!|NULL!)$/.test(text)) return { error: text };
  if (text === "TRUE" || text === "FALSE") return text === "TRUE";
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}

export function loadGoldenRows(): GoldenRow[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(GOLDEN_CSV, "utf8"));
  if (header.join(",") !== "formula,expected,source") throw new Error(`${GOLDEN_CSV}: header must be formula,expected,source`);
  return rows.map((r, i) => {
    if (r.length !== 3) throw new Error(`${GOLDEN_CSV} line ${i + 2}: expected 3 fields, got ${r.length}`);
    return { line: i + 2, formula: r[0], expected: expectedValue(r[1]), source: r[2] };
  });
}
