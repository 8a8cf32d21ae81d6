/**
 * The boundary between the task pane and whatever holds the workbook: real
 * Excel (Office.js), the browser playground's embedded engine, or a test
 * stand-in. The pane and the session logic only talk to a `WorkbookHost`.
 */
import type { AssumptionSet } from "../model/schema";

/** What a workbook keeps: its active set, plus user-edited sets saved beside it. */
export interface WorkbookState {
  active: AssumptionSet;
  saved: AssumptionSet[];
}

export type LoadResult =
  /**
   * The workbook holds a readable set. `notices` say what the reader changed or
   * found (a set that claims a reference's version with other values is renamed;
   * an older or newer version of a reference), for the pane and `recalc`.
   */
  | { kind: "stored"; state: WorkbookState; notices?: string[] }
  /** The workbook has never held a set (a new workbook): the default applies. */
  | { kind: "empty" }
  /** Stored state that is corrupt or from a newer schema: reported, never overwritten. */
  | {
      kind: "unreadable";
      reason: string;
      problems: string[];
      /** A sheet of the state sheet's name that INFRA did not write (no marker): never overwritten, even on request. */
      foreign?: true;
    };

export interface ApplyReport {
  /** Round trips to the host (`context.sync` calls in Excel) the apply took. */
  syncs: number;
  /** False when nothing was written (`ifEmpty` and the workbook already held state, or see `stored`). */
  written?: boolean;
  /**
   * Set when `replaceUnreadable` was asked but the stored state reads fine now
   * (a co-author or a retry fixed it): nothing was overwritten, and this state,
   * the workbook's, was activated instead.
   */
  stored?: WorkbookState;
}

export interface SaveOptions {
  /**
   * Overwrite stored state that cannot be read (corrupt, or from a newer
   * schema). Without it `save` refuses; the pane sets it only after the user
   * confirms that the unreadable state will be replaced and lost.
   */
  replaceUnreadable?: boolean;
  /** Recalculate dependent cells after writing (default true). */
  recalculate?: boolean;
  /** Write only if the workbook holds no state yet (pins the default on first use without racing a co-author). */
  ifEmpty?: boolean;
}

export interface ShareResult {
  /** One sentence for the pane: what was shared and from which set. */
  description: string;
  /** The shared copy as an .xlsx file, for a download where a new window cannot open. */
  file?: { name: string; base64: string };
}

/** What the pane's "Insert Sensitivity sheet" asks for. */
export interface SensitivityRequest {
  /** An INFRA function returning a number, e.g. "POWER_GAP_GW". */
  functionName: string;
  /** Its arguments before scenario (null: omitted). */
  args: Array<number | string | boolean | null>;
}

export interface WorkbookHost {
  readonly kind: "excel" | "playground" | "stand-in";
  /** Reads the state stored in the workbook. */
  load(): Promise<LoadResult>;
  /**
   * Stores `state` in the workbook and makes every INFRA cell that depends on
   * the active set recalculate. The runtime's store is switched to `state`
   * before the cells recalculate, so a caller need not call `store.activate`.
   * Refuses (throws, changing nothing) while the stored state is unreadable,
   * unless `options.replaceUnreadable` is set; never overwrites a sheet INFRA
   * did not write (`foreign`), and never overwrites state that reads fine
   * (see `ApplyReport.stored`).
   */
  save(state: WorkbookState, options?: SaveOptions): Promise<ApplyReport>;
  /** Recalculates the INFRA cells without writing (after a co-author's set was loaded). */
  recalculate?(): Promise<ApplyReport>;
  /** Called when the stored state changes from outside (a co-author); returns an unsubscribe. */
  onExternalChange(listener: () => void): () => void;
  /** Inserts (or refreshes) a "Power balance" sheet with the table and a native chart. */
  insertPowerBalanceSheet?(): Promise<void>;
  /** Inserts (or refreshes) a "Sensitivity" sheet: a live SENSITIVITY and a native bar chart of it. */
  insertSensitivitySheet?(request: SensitivityRequest): Promise<void>;
  /** "Share as values": a copy with INFRA formulas replaced by their values and a note of the set. */
  shareAsValues?(options: { sheets?: string[] }): Promise<ShareResult>;
}
