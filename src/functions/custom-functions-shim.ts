/**
 * Outside Excel (command line, tests, the embedded engine) there is no
 * `CustomFunctions` global. This installs a minimal stand-in with the same
 * `Error` class shape and `ErrorCode` values as Office's runtime, so the very
 * same wrappers run everywhere. It never replaces what a real one provides.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

export function installCustomFunctionsShim(): void {
  const g = globalThis as { CustomFunctions?: Record<string, unknown> };
  if (g.CustomFunctions === undefined) {
    g.CustomFunctions = { Error: CustomFunctionsError, ErrorCode: { ...ERROR_CODES }, associate: () => undefined };
    return;
  }
  // Office.js loaded outside Excel (a browser page) defines CustomFunctions with
  // only `associate`: complete it, never replacing what a real runtime provides.
  g.CustomFunctions.Error ??= CustomFunctionsError;
  g.CustomFunctions.ErrorCode ??= { ...ERROR_CODES };
}
