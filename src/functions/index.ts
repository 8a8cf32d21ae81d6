/**
 * Entry of the shared runtime's functions bundle. The build appends a
 * `CustomFunctions.associate` call for every function in functions.ts.
 * Functions wait on the store until the workbook's assumption set is loaded.
 */
import "./without-office"; // first: before the build's CustomFunctions.associate calls run
import "./functions";
import { defaultSet } from "../model/sets";
import { startExcelSession } from "../workbook/excel-runtime";
import { store } from "./store";

// Outside Office (Office.js unreachable, the page opened in a plain browser) the default set applies.
if (typeof Office === "undefined") store.activate(defaultSet());
else {
  Office.onReady((info) => {
    // In Excel the workbook's stored set is read first; elsewhere (a stand-in) the default applies.
    if (info.host === Office.HostType.Excel) startExcelSession();
    else if (!store.isReady()) store.activate(defaultSet());
  });
}
