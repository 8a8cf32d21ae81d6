/**
 * Task pane entry (shared runtime): inside Excel, mounts the pane on the
 * runtime's one Excel workbook host. The functions entry on the same page starts the
 * session that loads the workbook's set into the shared store; the pane reads
 * and writes the workbook through the host and follows the store for status.
 * `mountPane` is exported so the playground mounts the same pane on its host.
 */
import { store } from "../functions/store";
import { sharedExcelHost, startExcelSession } from "../workbook/excel-runtime";
import { el, replaceChildren } from "./dom";
import { startEntry } from "./entry";
import { mountPane } from "./pane";
import { installStyles } from "./styles";
import { followTheme } from "./theme";

export { mountPane };

/**
 * Outside Excel (a browser opened on the page, or Office.js unreachable): say
 * where the pane runs, and link the playground where this server has one
 * (`data-playground` on #app, set by the build: `npm start` serves it, the
 * production build does not) and the function reference.
 */
function showOutsideExcel(root: HTMLElement): () => void {
  installStyles();
  const stopTheme = followTheme(root);
  const playground = root.dataset.playground;
  replaceChildren(
    root,
    el(
      "main",
      { class: "infra-pane" },
      el("h1", {}, "INFRA for Excel"),
      el("p", { role: "status" }, "This task pane runs inside Excel: open a workbook, then Home › INFRA › Assumptions."),
      playground
        ? el("p", {}, "Without Excel, ", el("a", { href: playground }, "open the playground"), " to try the functions and the pane in this browser.")
        : null,
      el("p", {}, el("a", { href: "help.html" }, "Function reference")),
    ),
  );
  return () => {
    stopTheme();
    replaceChildren(root);
  };
}

const root = document.getElementById("app");
if (root) {
  startEntry(typeof Office === "undefined" ? undefined : Office, {
    showNotice: () => showOutsideExcel(root),
    mountPane: () => {
      // The functions entry has started the session already; this is the same one (idempotent).
      startExcelSession();
      mountPane(root, sharedExcelHost(), store, { officeTheme: Office.context.officeTheme });
    },
  });
}
