/**
 * A small spreadsheet grid on the embedded engine: type a value or a formula
 * (INFRA functions and Excel built-ins) and every cell recomputes as you type.
 * Cells are plain inputs: the focused one shows what was typed, the others
 * show their values as Excel's General format does; the formula line above
 * shows the focused cell's exact value, and errors their message. The grid
 * grows to hold whatever the sheet holds, spilled tables included.
 */
import type { RawCellContent } from "hyperformula";
import type { EngineValue, InfraEngine } from "../engine/engine";
import { readTyped } from "../functions/coerce";
import { columnLetters } from "../model/a1";

/** The grid's size before anything spills past it. */
export const ROWS = 20;
export const COLUMNS = 12;
/** The most it grows to (a table larger than this shows its top-left part). */
export const MAX_ROWS = 1000;
export const MAX_COLUMNS = 52;
/** Empty rows and columns kept beyond the last one in use. */
const SPARE = 5;


/** "B12" → {row: 11, col: 1}; null for anything else. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,2})([1-9]\d*)$/.exec(ref);
  if (!m) return null;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** What a typed text means: a formula, a number (read as the wrappers read one), TRUE/FALSE, text, or nothing. */
export function parseTyped(text: string): RawCellContent {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=")) return t;
  return readTyped(text);
}

/** Characters a standard-width column shows in General format (a minus sign aside). */
const GENERAL_WIDTH = 11;

/** Significant digits a number's text shows ("0.000123" → 3, "1.5E-300" → 2, "100" → 3). */
function significantDigits(text: string): number {
  return text.split("E")[0].replace(/[-.]/g, "").replace(/^0+/, "").length;
}

/** abs (≥ 0) in fixed notation rounded to fit GENERAL_WIDTH, trailing zeros dropped; null when its integer part does not fit. */
function fixedToFit(abs: number): string | null {
  if (abs >= 1e11) return null; // 12 or more digits (toFixed would also switch to exponents from 1e21)
  const integerDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  for (let decimals = Math.max(0, GENERAL_WIDTH - integerDigits - 1); decimals >= 0; decimals--) {
    let text = abs.toFixed(decimals);
    if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
    if (text.length <= GENERAL_WIDTH) return text;
  }
  return null;
}

/** abs (> 0) in scientific notation as Excel writes it (1.23457E+11), as many digits as fit GENERAL_WIDTH. */
function scientificToFit(abs: number): string {
  let text = "";
  for (let digits = 5; digits >= 0; digits--) {
    const [mantissa, exponent] = abs.toExponential(digits).split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    const shownMantissa = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    text = `${shownMantissa}E${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
    if (text.length <= GENERAL_WIDTH) return text;
  }
  return text;
}

/**
 * A number as Excel's General format shows it in a standard-width column: at
 * most 11 characters besides a minus sign (about 10 significant digits),
 * trailing zeros dropped, scientific notation (1.23457E+11) for 12 or more
 * integer digits or where fixed notation would show fewer digits.
 */
export function generalFormat(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  // Excel works to 15 significant digits: round there first, so 0.1 + 0.2 is 0.3 before any display rounding.
  const abs = Number(Math.abs(n).toPrecision(15));
  const sign = n < 0 ? "-" : "";
  const fixed = fixedToFit(abs);
  const scientific = scientificToFit(abs);
  const shown = fixed !== null && significantDigits(fixed) >= significantDigits(scientific) ? fixed : scientific;
  return sign + shown;
}

/** A value as the formula line shows it: numbers to 15 significant digits, as Excel's formula bar. */
export function formulaBarValue(value: EngineValue): string {
  if (value === null) return "";
  if (typeof value === "object") return value.message ? `${value.error} (${value.message})` : value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (value === 0) return "0";
    // JavaScript writes 1e-7; Excel, like the cell (scientificToFit), writes two exponent digits at least: 1E-07.
    return String(Number(value.toPrecision(15))).replace(/e([+-])(\d)$/, "e$10$2").replace("e", "E");
  }
  return value;
}

/** A value as the cell shows it, with the exact value as its tooltip where the cell rounds it. */
export function display(value: EngineValue): { text: string; title: string; error: boolean } {
  if (value === null) return { text: "", title: "", error: false };
  if (typeof value === "object") return { text: value.error, title: value.message, error: true };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", title: "", error: false };
  if (typeof value === "number") {
    const text = generalFormat(value);
    const exact = formulaBarValue(value);
    return { text, title: exact === text ? "" : exact, error: false };
  }
  return { text: value, title: "", error: false };
}

export interface GridHandle {
  render(): void;
  destroy(): void;
}

export function mountGrid(root: HTMLElement, engine: InfraEngine, sheet: string, typed: Map<string, string>): GridHandle {
  const doc = root.ownerDocument;
  const table = doc.createElement("table");
  table.className = "grid";
  table.setAttribute("role", "grid");
  table.setAttribute("aria-label", "Spreadsheet: type values or formulas such as =INFRA.POWER_GAP_GW(2028)");
  const live = doc.createElement("output");
  live.id = "live-value";
  live.setAttribute("aria-live", "polite");
  const inputs: HTMLInputElement[][] = [];
  const key = (r: number, c: number) => `${columnLetters(c)}${r + 1}`;
  const head = doc.createElement("tr");
  head.appendChild(doc.createElement("th"));
  const thead = doc.createElement("thead");
  thead.appendChild(head);
  const tbody = doc.createElement("tbody");
  table.append(thead, tbody);
  // The table scrolls in a box of its own; the formula line above it stays in view.
  const scroller = doc.createElement("div");
  scroller.className = "grid-scroll";
  scroller.appendChild(table);
  root.replaceChildren(live, scroller);
  let columns = 0;

  function cellInput(r: number, c: number): HTMLTableCellElement {
    const td = doc.createElement("td");
    const input = doc.createElement("input");
    input.className = "cell";
    input.dataset.cell = key(r, c);
    input.setAttribute("aria-label", key(r, c));
    input.spellcheck = false;
    input.autocomplete = "off";
    input.addEventListener("focus", () => {
      input.value = typed.get(key(r, c)) ?? "";
      showLive(r, c);
    });
    input.addEventListener("input", () => {
      typed.set(key(r, c), input.value);
      write(r, c, input.value);
    });
    input.addEventListener("blur", () => render());
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        const below = inputs[r + 1]?.[c];
        if (below) below.focus();
        else input.blur();
      } else if (e.key === "Escape") input.blur();
    });
    td.appendChild(input);
    inputs[r][c] = input;
    return td;
  }

  /** Adds rows and columns (never removes them) until the grid is at least `rows` × `cols`. */
  function grow(rows: number, cols: number): void {
    for (; columns < cols; columns++) {
      const th = doc.createElement("th");
      th.scope = "col";
      th.textContent = columnLetters(columns);
      head.appendChild(th);
      tbody.querySelectorAll("tr").forEach((tr, r) => tr.appendChild(cellInput(r, columns)));
    }
    for (let r = inputs.length; r < rows; r++) {
      const tr = doc.createElement("tr");
      const th = doc.createElement("th");
      th.scope = "row";
      th.textContent = String(r + 1);
      tr.appendChild(th);
      inputs.push([]);
      for (let c = 0; c < columns; c++) tr.appendChild(cellInput(r, c));
      tbody.appendChild(tr);
    }
  }

  /** Room for everything the sheet holds (spilled cells included), with empty rows and columns beyond to type in. */
  function fitContent(): void {
    const { width, height } = engine.hf.getSheetDimensions(engine.sheetId(sheet));
    grow(Math.min(MAX_ROWS, Math.max(ROWS, height + SPARE)), Math.min(MAX_COLUMNS, Math.max(COLUMNS, width + SPARE)));
  }

  function write(r: number, c: number, text: string): void {
    try {
      engine.setCell(sheet, r, c, parseTyped(text));
    } catch (e) {
      live.textContent = `${key(r, c)}: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    render();
  }

  function showLive(r: number, c: number): void {
    live.textContent = `${key(r, c)} = ${formulaBarValue(engine.value(sheet, r, c))}`;
  }

  function render(): void {
    fitContent();
    const focused = doc.activeElement;
    inputs.forEach((row, r) =>
      row.forEach((input, c) => {
        const value = engine.value(sheet, r, c);
        const shown = display(value);
        input.title = shown.title;
        input.classList.toggle("error", shown.error);
        input.classList.toggle("number", typeof value === "number");
        input.classList.toggle("formula", (typed.get(key(r, c)) ?? "").trim().startsWith("="));
        if (input === focused) showLive(r, c);
        else input.value = shown.text;
      }),
    );
  }

  const off = engine.onRecalculate(render);
  render();
  return {
    render,
    destroy() {
      off();
      root.replaceChildren();
    },
  };
}
