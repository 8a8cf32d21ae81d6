/**
 * A small spreadsheet grid on the embedded engine: type a value or a formula
 * (INFRA functions and Excel built-ins) and every cell recomputes as you type.
 * Cells are plain inputs: the focused one shows what was typed, the others
 * show their values; errors show their code, with the message as a tooltip.
 */
import type { RawCellContent } from "hyperformula";
import type { EngineValue, InfraEngine } from "../engine/engine";
import { readTyped } from "../functions/coerce";

export const ROWS = 20;
export const COLUMNS = 12;

export function columnName(col: number): string {
  return String.fromCharCode(65 + col);
}

/** What a typed text means: a formula, a number (read as the wrappers read one), TRUE/FALSE, text, or nothing. */
export function parseTyped(text: string): RawCellContent {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=")) return t;
  return readTyped(text);
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 15, useGrouping: false });

/** A value as the cell shows it. */
export function display(value: EngineValue): { text: string; title: string; error: boolean } {
  if (value === null) return { text: "", title: "", error: false };
  if (typeof value === "object") return { text: value.error, title: value.message, error: true };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", title: "", error: false };
  if (typeof value === "number") return { text: numberFormat.format(value), title: "", error: false };
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
  const key = (r: number, c: number) => `${columnName(c)}${r + 1}`;

  const head = doc.createElement("tr");
  head.appendChild(doc.createElement("th"));
  for (let c = 0; c < COLUMNS; c++) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = columnName(c);
    head.appendChild(th);
  }
  const thead = doc.createElement("thead");
  thead.appendChild(head);
  table.appendChild(thead);
  const tbody = doc.createElement("tbody");
  for (let r = 0; r < ROWS; r++) {
    const tr = doc.createElement("tr");
    const th = doc.createElement("th");
    th.scope = "row";
    th.textContent = String(r + 1);
    tr.appendChild(th);
    inputs.push([]);
    for (let c = 0; c < COLUMNS; c++) {
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
          (inputs[Math.min(r + 1, ROWS - 1)]?.[c] ?? input).focus();
          if (r + 1 >= ROWS) input.blur();
        } else if (e.key === "Escape") input.blur();
      });
      td.appendChild(input);
      tr.appendChild(td);
      inputs[r].push(input);
    }
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  root.replaceChildren(live, table);

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
    const shown = display(engine.value(sheet, r, c));
    live.textContent = `${key(r, c)} = ${shown.text}${shown.title ? ` (${shown.title})` : ""}`;
  }

  function render(): void {
    const focused = doc.activeElement;
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLUMNS; c++) {
        const input = inputs[r][c];
        const shown = display(engine.value(sheet, r, c));
        input.title = shown.title;
        input.classList.toggle("error", shown.error);
        input.classList.toggle("formula", (typed.get(key(r, c)) ?? "").trim().startsWith("="));
        if (input === focused) showLive(r, c);
        else input.value = shown.text;
      }
    }
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
