/**
 * When the task pane's entry says it runs inside Excel (src/taskpane/entry.ts), without a browser:
 * only once it is known there is no Excel host, never while Office is still starting, and the
 * notice (with its theme listener) goes when the real pane mounts.
 */
import { startEntry, type OfficeLike } from "../../src/taskpane/entry";

interface Recorded {
  events: string[];
  actions: { showNotice(): () => void; mountPane(): void };
}

function recorder(): Recorded {
  const events: string[] = [];
  return {
    events,
    actions: {
      showNotice: () => {
        events.push("notice");
        return () => events.push("notice removed");
      },
      mountPane: () => events.push("pane"),
    },
  };
}

/** An Office.js whose onReady calls back only when the test says so. */
function office(): OfficeLike & { ready(host: string | null): void } {
  const callbacks: ((info: { host: string | null }) => void)[] = [];
  return {
    HostType: { Excel: "Excel" },
    onReady: (cb) => void callbacks.push(cb),
    ready: (host) => callbacks.forEach((cb) => cb({ host })),
  };
}

test("without Office.js, the notice shows at once", () => {
  const r = recorder();
  startEntry(undefined, r.actions);
  expect(r.events).toEqual(["notice"]);
});

test("while Office is starting, nothing replaces the page's Loading text, however long it takes", () => {
  jest.useFakeTimers();
  try {
    const r = recorder();
    startEntry(office(), r.actions);
    jest.advanceTimersByTime(10 * 60_000);
    expect(r.events).toEqual([]);
  } finally {
    jest.useRealTimers();
  }
});

test("Office ready with no host: the notice; ready in Excel: the pane and no notice", () => {
  const browser = recorder();
  const noHost = office();
  startEntry(noHost, browser.actions);
  noHost.ready(null);
  expect(browser.events).toEqual(["notice"]);

  const excel = recorder();
  const inExcel = office();
  startEntry(inExcel, excel.actions);
  inExcel.ready("Excel");
  expect(excel.events).toEqual(["pane"]);
});

test("a notice already shown is removed (its theme listener detached) before the real pane mounts", () => {
  const r = recorder();
  const o = office();
  startEntry(o, r.actions);
  o.ready(null);
  o.ready("Excel");
  expect(r.events).toEqual(["notice", "notice removed", "pane"]);
});
