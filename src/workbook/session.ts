/**
 * The life of one document's assumption state in the runtime: read the
 * workbook's stored set before any function computes, follow a co-author's
 * changes, and never fall back to the bundled default silently.
 *
 * The store stays "loading" (functions wait) until the load settles:
 * - stored state: it becomes the active set (it wins over the bundled default);
 * - an empty workbook: the bundled default becomes active and is written into
 *   the workbook ("pinned", without a recalculation) so that the file carries
 *   the numbers it shows even if a later add-in ships a newer default;
 * - unreadable state: the store is marked unreadable, so cells relying on the
 *   active set show #N/A with the reason; nothing is written.
 * Nothing goes to localStorage: it is shared by every workbook the user opens.
 */
import type { AssumptionStore } from "../functions/store";
import { defaultSet } from "../model/sets";
import type { LoadResult, WorkbookHost } from "./host";

export interface SessionOptions {
  /** Write the default into an empty workbook on first use (default true). */
  pinDefault?: boolean;
  /** Where background failures (pinning, reloads) are reported; default console.warn. */
  warn?: (message: string) => void;
}

export interface Session {
  /** Settles once the stored state has been read and the store activated or marked unreadable (and the default pinned). */
  readonly ready: Promise<LoadResult>;
  /** Reads the stored state again, activates it and recalculates (what a co-author's change triggers). */
  reload(): Promise<LoadResult>;
  /** Stops following external changes. */
  stop(): void;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function startSession(host: WorkbookHost, store: AssumptionStore, options: SessionOptions = {}): Session {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const pin = options.pinDefault !== false;

  const load = (): Promise<LoadResult> =>
    host.load().catch((e: unknown): LoadResult => {
      const reason = `the workbook's stored state could not be read (${message(e)})`;
      return { kind: "unreadable", reason, problems: [message(e)] };
    });

  const apply = (result: LoadResult): void => {
    if (result.kind === "stored") store.activate(result.state.active, result.state.saved);
    else if (result.kind === "empty") store.activate(defaultSet());
    else store.markUnreadable(result.reason);
  };

  const ready = load().then(async (result) => {
    apply(result);
    if (result.kind === "empty" && pin) {
      // Only if still empty: a co-author who wrote a set in the meantime wins.
      await host.save({ active: defaultSet(), saved: [] }, { ifEmpty: true, recalculate: false }).catch((e: unknown) => {
        warn(`INFRA: the default assumption set was not written into the workbook (${message(e)}); it is used for this session.`);
      });
    }
    return result;
  });

  // Reloads run one at a time, after the first load.
  let chain: Promise<unknown> = ready;
  const reload = (): Promise<LoadResult> => {
    const next = chain.then(async () => {
      const result = await load();
      apply(result);
      await host.recalculate?.();
      return result;
    });
    chain = next.catch((e: unknown) => warn(`INFRA: reloading the workbook's assumption set failed (${message(e)}).`));
    return next;
  };

  const unsubscribe = host.onExternalChange(() => {
    void reload().catch(() => undefined);
  });

  return { ready, reload, stop: unsubscribe };
}
