/**
 * Outside Excel (command line, tests, the embedded engine) there is no
 * `CustomFunctions` global. This installs a minimal stand-in with the same
 * `Error` class shape and `ErrorCode` values as Office's runtime, so the very
 * same wrappers run everywhere. It never replaces a real one.
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
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions !== undefined) return;
  g.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: { ...ERROR_CODES },
    associate: () => undefined,
  };
}
