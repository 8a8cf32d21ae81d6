/**
 * The one Excel host and session of this document's shared runtime, so the
 * functions' entry and the task pane use the same instances (one store, one
 * change subscription).
 */
import { store } from "../functions/store";
import { ExcelHost } from "./excel-host";
import { startSession, type Session } from "./session";

let host: ExcelHost | null = null;
let session: Session | null = null;

export function sharedExcelHost(): ExcelHost {
  host ??= new ExcelHost({ store });
  return host;
}

/** Starts (once) reading the workbook's stored set; functions wait on the store until it settles. */
export function startExcelSession(): Session {
  session ??= startSession(sharedExcelHost(), store);
  return session;
}

