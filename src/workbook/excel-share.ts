/**
 * "Share as values" behind `ExcelHost.shareAsValues`. Only the pane's button
 * uses it, so the host loads this module on demand: it and the file writer
 * (share-values.ts with fflate) stay out of functions.js.
 */
import { quoteGiven } from "../model/errors";
import type { AssumptionSet } from "../model/schema";
import type { ExcelRun } from "./excel-host";
import type { ShareResult, WorkbookState } from "./host";
import { buildValuesWorkbook } from "./share-values";
import { editedFromReference, STATE_SHEET } from "./state-format";

export interface ShareContext {
  run: ExcelRun;
  /** The workbook's active set when the user asked. */
  active: AssumptionSet;
  /** The state the host last read or wrote, if readable (read after the snapshot, as it may change meanwhile). */
  stored: () => WorkbookState | null;
  createWorkbook: ((base64: string) => Promise<void>) | undefined;
  now: () => Date;
}

/**
 * The workbook's own names of the sheets a user typed: matched whatever their
 * case, as Excel matches sheet names, each once, in the order first typed.
 * An unknown name is refused by name (cut to 40 characters).
 */
export function sheetsAsTyped(typed: readonly string[], names: readonly string[]): string[] {
  const byKey = new Map(names.map((n) => [n.toLowerCase(), n]));
  const unknown = typed.filter((t) => !byKey.has(t.toLowerCase()));
  if (unknown.length) {
    const shown = unknown.slice(0, 5).map(quoteGiven).join(", ");
    throw new Error(`sheets: no sheet named ${shown}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ""} in this workbook.`);
  }
  return [...new Set(typed.map((t) => byKey.get(t.toLowerCase()) as string))];
}

/**
 * A new workbook holding the chosen sheets (default: every visible sheet)
 * with every formula replaced by its current value, number formats kept, and
 * an "About these values" sheet naming the set. Opened with
 * Excel.createWorkbook where available; the file is also returned so the
 * pane can offer it as a download.
 */
export async function shareAsValues(ctx: ShareContext, options: { sheets?: string[] }): Promise<ShareResult> {
  const active = ctx.active;
  const snapshot = await ctx.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    context.workbook.load("name");
    await context.sync();
    const all = sheets.items.map((ws) => ({ ws, name: ws.name, visible: ws.visibility === "Visible" }));
    const wanted = options.sheets
      ? sheetsAsTyped(options.sheets, all.map((s) => s.name))
      : all.filter((s) => s.visible && s.name !== STATE_SHEET).map((s) => s.name);
    if (wanted.length === 0) throw new Error("Choose at least one sheet to share.");
    if (wanted.includes(STATE_SHEET)) throw new Error(`sheets: ${STATE_SHEET} holds the add-in's state; the shared copy carries a note of the set instead.`);
    const ranges = wanted.map((name) => {
      const range = all.find((s) => s.name === name)!.ws.getUsedRangeOrNullObject(true);
      range.load("isNullObject,address,values,numberFormat,rowCount,columnCount");
      return { name, range };
    });
    await context.sync();
    return {
      workbookName: context.workbook.name,
      sheets: ranges.map(({ name, range }) =>
        range.isNullObject
          ? { name, address: null, values: [], numberFormat: [] }
          : { name, address: range.address, values: range.values, numberFormat: range.numberFormat },
      ),
    };
  });
  const when = ctx.now();
  const { edited, reference } = editedFromReference(active);
  const base64 = await buildValuesWorkbook({
    sourceName: snapshot.workbookName,
    sharedAt: when,
    set: active,
    edited,
    reference,
    state: ctx.stored() ?? { active, saved: [] },
    sheets: snapshot.sheets,
  });
  const stem = (snapshot.workbookName || "workbook").replace(/\.xls[xmb]?$/i, "");
  const file = { name: `${stem} (values ${when.toISOString().slice(0, 10)}).xlsx`, base64 };
  let opened = false;
  if (ctx.createWorkbook) {
    try {
      await ctx.createWorkbook(base64);
      opened = true;
    } catch {
      opened = false; // e.g. a pop-up blocker in Excel on the web: the pane offers the download instead
    }
  }
  const names = snapshot.sheets.map((s) => `"${s.name}"`).join(", ");
  const setNote = `${active.id} (${active.name}, vintage ${active.vintage}${edited ? ", edited" : ""})`;
  return {
    description: `${opened ? "Opened a new workbook" : "Prepared a file"} with ${names} as values, computed from set ${setNote}.`,
    file,
  };
}
