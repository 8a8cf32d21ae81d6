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
  /** The workbook holds a readable set. */
  | { kind: "stored"; state: WorkbookState }
  /** The workbook has never held a set (a new workbook): the default applies. */
  | { kind: "empty" }
  /** Stored state that is corrupt or from a newer schema: reported, never overwritten. */
  | { kind: "unreadable"; reason: string; problems: string[] };

export interface ApplyReport {
  /** Round trips to the host (`context.sync` calls in Excel) the apply took. */
  syncs: number;
}

export interface WorkbookHost {
  readonly kind: "excel" | "playground" | "stand-in";
  /** Reads the state stored in the workbook. */
  load(): Promise<LoadResult>;
  /**
   * Stores `state` in the workbook and makes every INFRA cell that depends on
   * the active set recalculate. Refuses (throws, changing nothing) while the
   * stored state is unreadable.
   */
  save(state: WorkbookState): Promise<ApplyReport>;
  /** Called when the stored state changes from outside (a co-author); returns an unsubscribe. */
  onExternalChange(listener: () => void): () => void;
  /** Inserts (or refreshes) a "Power balance" sheet with the table and a native chart. */
  insertPowerBalanceSheet?(): Promise<void>;
  /** "Share as values": a copy with INFRA formulas replaced by their values and a note of the set. */
  shareAsValues?(options: { sheets?: string[] }): Promise<{ description: string }>;
}
