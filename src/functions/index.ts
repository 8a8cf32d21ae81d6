/**
 * Entry of the shared runtime's functions bundle. The build appends a
 * `CustomFunctions.associate` call for every function in functions.ts.
 * Functions wait on the store until the workbook's assumption set is loaded.
 */
import "./functions";
import { defaultSet } from "../model/sets";
import { store } from "./store";

Office.onReady(() => {
  // Until the workbook keeps its own set, a new session starts from the default.
  if (!store.isReady()) store.activate(defaultSet());
});
