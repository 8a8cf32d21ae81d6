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
 * A read that throws (Excel.run or context.sync failing) is not content: at
 * start it is retried a few times before the store is marked unreadable ("the
 * workbook could not be read"); a failed reload after a co-author's change
 * keeps the active set. Either way the read is tried again later.
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
  /** Reads tried at start before a thrown read error marks the store unreadable (default 3). */
  readAttempts?: number;
  /** Wait between those tries, in ms (default 500). */
  retryDelayMs?: number;
  /** Wait before reading again after the reads failed (at start, or on a co-author's change), in ms (default 5000). */
  laterRetryMs?: number;
  /** Reads tried in the background after a failure, before waiting for the next change event (default 3). */
  laterRetries?: number;
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

  const attempts = Math.max(1, options.readAttempts ?? 3);
  const retryDelay = options.retryDelayMs ?? 500;
  const laterDelay = options.laterRetryMs ?? 5000;
  const laterRetries = options.laterRetries ?? 3;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let stopped = false;
  let later: ReturnType<typeof setTimeout> | null = null;
  let laterCount = 0;

  /** `host.load()`, tried `attempts` times; throws the last error (a failed read, not bad content). */
  const loadWithRetry = async (): Promise<LoadResult> => {
    for (let i = 1; ; i++) {
      try {
        return await host.load();
      } catch (e) {
        if (i >= attempts || stopped) throw e;
        await wait(retryDelay);
      }
    }
  };

  /** Reads again in the background after a thrown read error (bounded; a change event starts over). */
  const retryLater = (): void => {
    if (stopped || later || laterCount >= laterRetries) return;
    laterCount++;
    later = setTimeout(() => {
      later = null;
      void reload().catch(() => undefined);
    }, laterDelay);
  };

  const apply = (result: LoadResult): void => {
    if (result.kind === "stored") store.activate(result.state.active, result.state.saved);
    else if (result.kind === "empty") store.activate(defaultSet());
    else store.markUnreadable(result.reason);
  };

  const ready = loadWithRetry()
    .catch((e: unknown): LoadResult => {
      retryLater();
      const reason = `the workbook could not be read (${message(e)}); INFRA tries again shortly`;
      return { kind: "unreadable", reason, problems: [message(e)] };
    })
    .then(async (result) => {
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
      let result: LoadResult;
      try {
        result = await loadWithRetry();
      } catch (e) {
        // A failed read says nothing about the stored set: keep the active one and try again later.
        retryLater();
        throw e;
      }
      laterCount = 0;
      apply(result);
      await host.recalculate?.();
      return result;
    });
    chain = next.catch((e: unknown) => warn(`INFRA: reloading the workbook's assumption set failed (${message(e)}).`));
    return next;
  };

  const unsubscribe = host.onExternalChange(() => {
    laterCount = 0;
    void reload().catch(() => undefined);
  });

  const stop = (): void => {
    stopped = true;
    if (later) clearTimeout(later);
    later = null;
    unsubscribe();
  };

  return { ready, reload, stop };
}
