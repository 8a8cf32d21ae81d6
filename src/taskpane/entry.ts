/**
 * What the task pane's page shows once Office.js answers (taskpane.ts does the showing).
 * The notice "this pane runs inside Excel" appears only when it is known there is no Excel
 * host: Office.js absent, or Office.onReady reporting another host or none. While Office is
 * still starting (a slow Excel can take many seconds), the page keeps its "Loading…" text:
 * no timer decides for Office. If the real pane mounts after a notice, the notice goes first,
 * with its OS-theme listener.
 */

/** The part of Office.js the entry uses. */
export interface OfficeLike {
  HostType: { Excel: unknown };
  onReady(callback: (info: { host: unknown }) => void): unknown;
}

export interface EntryActions {
  /** Shows the notice; returns what removes it (detaching its theme listener). */
  showNotice(): () => void;
  mountPane(): void;
}

export function startEntry(office: OfficeLike | undefined, actions: EntryActions): void {
  let removeNotice: (() => void) | null = null;
  const notice = () => {
    removeNotice ??= actions.showNotice();
  };
  if (!office) {
    notice();
    return;
  }
  office.onReady((info) => {
    if (info.host !== office.HostType.Excel) {
      notice();
      return;
    }
    removeNotice?.();
    removeNotice = null;
    actions.mountPane();
  });
}
