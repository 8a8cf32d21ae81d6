/**
 * The INFRA model: pure TypeScript, no Office types. The Excel functions, the
 * task pane, the command line, the spreadsheet engine and the tests all call it.
 */
export * from "./catalogue";
export * from "./errors";
export * from "./schema";
export * from "./compiled-set";
export * from "./power";
export * from "./funding";
export * from "./valuation";
export * from "./finance";
export * from "./assumptions";
export { BUNDLED_SETS, DEFAULT_SET_ID, bundledSet, defaultSet } from "./sets";
export * from "./returns";
export * from "./market";
export * from "./gpu";
export * from "./fleet";
export * from "./power-cost";
