/**
 * `WorkbookHost` for real Excel (Office.js). The workbook's assumption state
 * lives on a hidden (not very hidden) sheet, INFRA_Assumptions: a marker and
 * schema version, the canonical JSON split over cells, and a readable table
 * of every parameter for the analyst. Cells travel with the file, sync to
 * co-authors, and can be unhidden and audited; see the README for why this
 * beats document settings and custom XML parts.
 *
 * Round trips are counted: an apply (`save`) takes at most 3 `context.sync`
 * calls whatever the number of parameters or INFRA cells, because the
 * recalculation is queued per worksheet, not per cell.
 *
 * The pane-only commands (the Power balance sheet, sharing as values) load
 * their code on demand (excel-power-sheet.ts, excel-share.ts): this module is
 * in functions.js, because the functions' entry starts the session.
 */
import { store as sharedStore, type AssumptionStore } from "../functions/store";
import { columnLetters } from "../model/a1";
import { defaultSet } from "../model/sets";
import type { ApplyReport, LoadResult, SaveOptions, SensitivityRequest, ShareResult, WorkbookHost, WorkbookState } from "./host";
import { hashedHandle } from "../model/scenario";
import {
  ACTIVE_CELL,
  ACTIVE_LABEL_CELL,
  ACTIVE_NAME,
  ACTIVE_REFERENCE,
  asCellText,
  AUDIT_HEADER,
  auditRows,
  checkStateForWrite,
  AUDIT_FIRST_ROW,
  CHUNK_COLUMN,
  CHUNK_RANGE,
  FOREIGN_SHEET_REASON,
  interpretStateCells,
  META_RANGE,
  STATE_FORMAT,
  STATE_SCHEMA_VERSION,
  STATE_SHEET,
  toChunks,
  type AuditCell,
} from "./state-format";

export const POWER_SHEET = "Power balance";
export const POWER_CHART = "INFRA power balance";

export { STATE_SHEET };

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** The functions' store that `save` switches before cells recalculate (default: the shared one). */
  store?: AssumptionStore;
  /** `Excel.run` (tests pass one bound to a stand-in workbook). */
  run?: ExcelRun;
  /** `Excel.createWorkbook` (ExcelApi 1.8), used by "Share as values". */
  createWorkbook?: (base64: string) => Promise<void>;
  /** Several change events arrive for one write; they are reported once after this quiet time. */
  changeQuietMs?: number;
  now?: () => Date;
}

/** Refusal to overwrite stored state that could not be read. */
export class UnreadableStateError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(
      `The workbook holds INFRA state that cannot be read (${reason}); it was left unchanged. Replace it only after confirming that it will be lost.`,
    );
    this.name = "UnreadableStateError";
    this.reason = reason;
  }
}

/** Refusal to overwrite a sheet of the state sheet's name that INFRA did not write, whatever the caller asked. */
export class ForeignSheetError extends UnreadableStateError {
  constructor() {
    super(FOREIGN_SHEET_REASON);
    this.name = "ForeignSheetError";
    const reason = FOREIGN_SHEET_REASON.charAt(0).toUpperCase() + FOREIGN_SHEET_REASON.slice(1);
    this.message = `${reason} and try again; INFRA never clears or overwrites a sheet it did not write.`;
  }
}

type Sync = () => Promise<void>;

interface ReadOutcome {
  result: LoadResult;
  /** Identifies what was read, to tell a co-author's change from our own write. */
  key: string;
  sheet: Excel.Worksheet | null;
}

function counter(context: Excel.RequestContext): { sync: Sync; count: () => number } {
  let n = 0;
  return {
    sync: async () => {
      n++;
      await context.sync();
    },
    count: () => n,
  };
}

/** A 2-D number-format matrix: text cells as text ("@"), so nothing written is read back as a number or formula. */
function formatsFor(rows: AuditCell[][]): string[][] {
  return rows.map((row) => row.map((v) => (typeof v === "string" ? "@" : "General")));
}

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly store: AssumptionStore;
  private readonly run: ExcelRun;
  private readonly createWorkbook: ((base64: string) => Promise<void>) | undefined;
  private readonly quietMs: number;
  private readonly now: () => Date;
  /** What this host last read or wrote; a change event only counts when the stored content differs. */
  private lastKey: string | null = null;
  private lastResult: LoadResult | null = null;
  private stateSheetId: string | null = null;
  private readonly listeners = new Set<() => void>();
  private subscription: Promise<Array<OfficeExtension.EventHandlerResult<unknown>> | null> | null = null;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(options: ExcelHostOptions = {}) {
    this.store = options.store ?? sharedStore;
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.createWorkbook =
      options.createWorkbook ?? (typeof Excel !== "undefined" && "createWorkbook" in Excel ? (b) => Excel.createWorkbook(b) : undefined);
    this.quietMs = options.changeQuietMs ?? 250;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Reads the state sheet: one round trip to find it, one to read it. "Empty"
   * only where there is no such sheet or it has nothing in it (a null used
   * range); a sheet of that name without INFRA's marker is someone else's.
   */
  private async readState(context: Excel.RequestContext, sync: Sync): Promise<ReadOutcome> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
    sheet.load("isNullObject,id");
    await sync();
    if (sheet.isNullObject) {
      this.stateSheetId = null;
      return { result: { kind: "empty" }, key: "empty", sheet: null };
    }
    this.stateSheetId = sheet.id;
    const used = sheet.getUsedRangeOrNullObject();
    used.load("isNullObject");
    const meta = sheet.getRange(META_RANGE).load("values");
    const parts = sheet.getRange(CHUNK_RANGE).load("values");
    await sync();
    if (used.isNullObject) return { result: { kind: "empty" }, key: "empty", sheet };
    const read = interpretStateCells(meta.values, parts.values);
    if (read.result.kind === "empty") {
      // Blank where INFRA writes, but holding something elsewhere: not ours, and not to be cleared.
      const problems = [`${STATE_SHEET} has content outside the cells INFRA writes and no "${STATE_FORMAT}" marker in B2`];
      return { result: { kind: "unreadable", reason: FOREIGN_SHEET_REASON, problems, foreign: true }, key: `unreadable:${FOREIGN_SHEET_REASON}`, sheet };
    }
    return { ...read, sheet };
  }

  async load(): Promise<LoadResult> {
    const outcome = await this.run(async (context) => this.readState(context, counter(context).sync));
    this.lastKey = outcome.key;
    this.lastResult = outcome.result;
    return outcome.result;
  }

  /** Queues writing the state onto `sheet` (cleared first); no round trip. */
  private queueWrite(sheet: Excel.Worksheet, state: WorkbookState, json: string): void {
    const chunks = toChunks(json);
    sheet.getRange().clear();
    const meta: AuditCell[][] = [
      ["INFRA for Excel: the assumption set this workbook uses", ""],
      ["format", STATE_FORMAT],
      ["schema_version", STATE_SCHEMA_VERSION],
      ["parts", chunks.length],
      ["characters", json.length],
      ["active set", `${state.active.id}: ${state.active.name} (vintage ${state.active.vintage})`],
      [
        "how to read",
        `The add-in reads the JSON in column ${CHUNK_COLUMN} (parts in order); the table from row ${AUDIT_FIRST_ROW} is for reading. Change the set in the INFRA pane: hand edits are checked when the workbook opens and refused if invalid.`,
      ],
    ].map((row) => row.map(asCellText));
    const metaRange = sheet.getRange(META_RANGE);
    metaRange.numberFormat = formatsFor(meta);
    metaRange.values = meta;
    sheet.getRange(`${CHUNK_COLUMN}1`).values = [["state JSON, in parts"]];
    const chunkRange = sheet.getRange(`${CHUNK_COLUMN}2:${CHUNK_COLUMN}${1 + chunks.length}`);
    chunkRange.numberFormat = chunks.map(() => ["@"]);
    chunkRange.values = chunks.map((c) => [c]);
    const table = [[...AUDIT_HEADER], ...auditRows(state)].map((row) => row.map(asCellText));
    const last = columnLetters(AUDIT_HEADER.length - 1);
    const tableRange = sheet.getRange(`A${AUDIT_FIRST_ROW}:${last}${AUDIT_FIRST_ROW + table.length - 1}`);
    tableRange.numberFormat = formatsFor(table);
    tableRange.values = table;
    sheet.getRange(`A${AUDIT_FIRST_ROW}:${last}${AUDIT_FIRST_ROW}`).format.font.bold = true;
    const handle = sheet.getRange(`${ACTIVE_LABEL_CELL}:${ACTIVE_CELL}`);
    handle.numberFormat = [["@", "@"]];
    handle.values = [[`${ACTIVE_NAME} (the active set's handle)`, asCellText(hashedHandle(state.active))]];
  }

  /**
   * Queues pointing the workbook name INFRA_ACTIVE at the handle cell, unless
   * it already does (`name` was loaded with the state read); no round trip.
   */
  private static queueActiveName(context: Excel.RequestContext, name: Excel.NamedItem): void {
    if (!name.isNullObject && name.formula === ACTIVE_REFERENCE) return;
    if (!name.isNullObject) name.delete(); // a stale name (its sheet deleted and made again): replaced
    context.workbook.names.add(
      ACTIVE_NAME,
      ACTIVE_REFERENCE,
      "INFRA: the active assumption set's handle. Pass it as scenario, e.g. =INFRA.POWER_GAP_GW(2028,,INFRA_ACTIVE), to recalculate with every apply.",
    );
  }

  /** Queues recalculating every worksheet (one call per sheet, none per cell); no round trip. */
  private static queueRecalc(context: Excel.RequestContext, sheets: Excel.WorksheetCollection): void {
    // Worksheet.calculate(true) marks every cell of the sheet dirty and recalculates it, which is what
    // re-runs non-volatile custom functions; scoping it to this workbook's sheets spares other open
    // workbooks. The closing "Recalculate" settles dependents on other sheets left dirty in manual mode.
    for (const ws of sheets.items) ws.calculate(true);
    context.workbook.application.calculate("Recalculate");
  }

  private activate(state: WorkbookState): void {
    this.store.activate(state.active, state.saved);
  }

  /** Puts the store back as the workbook still has it when a write failed. */
  private restore(prior: LoadResult): void {
    if (prior.kind === "stored") this.activate(prior.state);
    else if (prior.kind === "empty") this.store.activate(defaultSet());
    else this.store.markUnreadable(prior.reason);
  }

  async save(state: WorkbookState, options: SaveOptions = {}): Promise<ApplyReport> {
    // Validated before Excel is touched: a bad state changes nothing.
    const json = checkStateForWrite(state);
    const recalc = options.recalculate !== false;
    return this.run(async (context) => {
      const { sync, count } = counter(context);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      // Loaded with the first round trip of the read below: no extra sync.
      const activeName = context.workbook.names.getItemOrNullObject(ACTIVE_NAME);
      activeName.load("isNullObject,formula");
      // Round trips 1–2: read what is stored now (a co-author may have changed it since the load).
      const current = await this.readState(context, sync);
      const found = current.result;
      // A sheet INFRA did not write is never cleared, whatever the caller asked.
      if (found.kind === "unreadable" && found.foreign) throw new ForeignSheetError();
      if (found.kind === "unreadable" && !options.replaceUnreadable) throw new UnreadableStateError(found.reason);
      if (options.ifEmpty && found.kind !== "empty") return { syncs: count(), written: false };
      if (options.replaceUnreadable && found.kind === "stored") {
        // Unreadable when the user confirmed, readable now (a co-author or a retry): keep it, and use it.
        this.lastKey = current.key;
        this.lastResult = found;
        this.activate(found.state);
        if (recalc) {
          ExcelHost.queueRecalc(context, sheets);
          await sync();
        }
        return { syncs: count(), written: false, stored: found.state };
      }
      let sheet = current.sheet;
      if (!sheet) {
        sheet = sheets.add(STATE_SHEET);
        // Hidden, not very hidden: the analyst can unhide it (Format > Hide & Unhide) to audit the set.
        sheet.visibility = "Hidden";
        sheet.load("id"); // learnt with the write, so later change events can be filtered to this sheet
      }
      this.queueWrite(sheet, state, json);
      ExcelHost.queueActiveName(context, activeName);
      // The store switches before the batch runs, so the recalculation it carries computes with the new set.
      this.activate(state);
      if (recalc) ExcelHost.queueRecalc(context, sheets);
      this.lastKey = json;
      try {
        await sync(); // round trip 3: write and recalculate together
      } catch (e) {
        // Back to what the workbook holds: the state just read, not an older cached one.
        this.lastKey = current.key;
        this.lastResult = found;
        this.restore(found);
        throw e;
      }
      this.stateSheetId = sheet.id;
      this.lastResult = { kind: "stored", state };
      return { syncs: count(), written: true };
    });
  }

  async recalculate(): Promise<ApplyReport> {
    return this.run(async (context) => {
      const { sync, count } = counter(context);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await sync();
      ExcelHost.queueRecalc(context, sheets);
      await sync();
      return { syncs: count() };
    });
  }

  onExternalChange(listener: () => void): () => void {
    this.listeners.add(listener);
    this.subscription ??= this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const handlers: Array<OfficeExtension.EventHandlerResult<unknown>> = [
        worksheets.onChanged.add(async (event) => this.changed(event)),
        // Where the workbook has no state sheet, only a new sheet (a co-author's first apply) can bring one.
        worksheets.onAdded.add(async () => this.added()),
      ];
      await context.sync();
      return handlers;
    }).catch(() => null);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.unsubscribe();
    };
  }

  private async unsubscribe(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    const handlers = await subscription;
    if (!handlers?.length) return;
    try {
      for (const handler of handlers) handler.remove();
      await handlers[0].context.sync();
    } catch {
      // the document is closing: nothing left to unsubscribe from
    }
  }

  /**
   * A change on the state sheet schedules one check. Where there is no state
   * sheet (its id unknown), edits elsewhere are ignored: `added` covers a
   * state sheet appearing, and the check it runs learns the sheet's id.
   */
  private changed(event: Excel.WorksheetChangedEventArgs): void {
    if (this.stateSheetId === null || event.worksheetId !== this.stateSheetId) return;
    this.schedule();
  }

  /** A sheet was added (perhaps the state sheet, by a co-author, or re-created): one check, which learns its id. */
  private added(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.checkForChange();
    }, this.quietMs);
  }

  /** Reports a change only when the stored content differs from what this host last read or wrote. */
  async checkForChange(): Promise<boolean> {
    const outcome = await this.run(async (context) => this.readState(context, counter(context).sync)).catch(() => null);
    if (!outcome || outcome.key === this.lastKey) return false;
    for (const listener of [...this.listeners]) listener();
    return true;
  }

  /**
   * Inserts (or refreshes) the "Power balance" sheet: the live spilling
   * formula =INFRA.POWER_BALANCE() and a native combo chart.
   */
  async insertPowerBalanceSheet(): Promise<void> {
    const set = this.store.active;
    if (!set) throw new Error("The workbook's assumption set is not loaded or cannot be read; load a set first.");
    const sheet = await import(/* webpackChunkName: "power-sheet" */ "./excel-power-sheet");
    await sheet.insertPowerBalanceSheet(this.run, set);
  }

  /**
   * Inserts (or refreshes) the "Sensitivity" sheet: the inputs in cells, the
   * live =INFRA.SENSITIVITY(...) reading them and a native bar chart.
   */
  async insertSensitivitySheet(request: SensitivityRequest): Promise<void> {
    const sheet = await import(/* webpackChunkName: "sensitivity-sheet" */ "./excel-sensitivity-sheet");
    await sheet.insertSensitivitySheet(this.run, this.store, request);
  }

  /**
   * "Share as values": a new workbook holding the chosen sheets with every
   * formula replaced by its current value, and a sheet naming the set.
   */
  async shareAsValues(options: { sheets?: string[] } = {}): Promise<ShareResult> {
    const active = this.store.active?.doc;
    if (!active) throw new Error("The workbook's assumption set is not loaded or cannot be read; values would not be meaningful.");
    const share = await import(/* webpackChunkName: "share-values" */ "./excel-share");
    return share.shareAsValues(
      {
        run: this.run,
        active,
        stored: () => (this.lastResult?.kind === "stored" ? this.lastResult.state : null),
        createWorkbook: this.createWorkbook,
        now: this.now,
      },
      options,
    );
  }
}
