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
import { mountPane } from "./pane";
import { installStyles } from "./styles";
import { followTheme } from "./theme";

export { mountPane };

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    installStyles();
    followTheme(root);
    replaceChildren(
      root,
      el(
        "main",
        { class: "infra-pane" },
        el("h1", {}, "INFRA for Excel"),
        el("p", { role: "status" }, "This task pane runs inside Excel. Without Excel, open the playground (playground.html) to try the functions and the pane."),
      ),
    );
    return;
  }
  // The functions entry has started the session already; this is the same one (idempotent).
  startExcelSession();
  mountPane(root, sharedExcelHost(), store, { officeTheme: Office.context.officeTheme });
});
