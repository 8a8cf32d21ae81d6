/**
 * Imported first by the functions entry: when Office.js did not load (the page
 * opened offline, outside Office), the build's `CustomFunctions.associate`
 * calls and the wrappers' errors need the stand-in, or the page stops with a
 * ReferenceError before it can say that it runs inside Excel.
 */
import { installCustomFunctionsShim } from "./custom-functions-shim";

if (typeof Office === "undefined") installCustomFunctionsShim();
