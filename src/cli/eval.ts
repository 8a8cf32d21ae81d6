/**
 * `infra eval "FORMULA" [--scenario ID]`: evaluates a whole formula (nesting
 * and Excel built-ins included) in the embedded engine and prints the result
 * as JSON, like `call`.
 */
import { evaluateFormula, UnknownScenarioError } from "../engine/node";
import type { EngineValue } from "../engine/engine";
import { formatResult } from "./format";
import { CommandRefusal, CommandUsageError } from "./usage-error";

function isError(v: unknown): v is { error: string; message: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { error?: unknown }).error === "string";
}

/** The JSON `call` would print for the same outcome. */
export function formatEngineResult(result: EngineValue | EngineValue[][]): string {
  if (isError(result)) return formatResult({ kind: "error", code: result.error, message: result.message });
  return formatResult({ kind: "value", value: result });
}

export async function evalCommand(formula: string | undefined, scenario: string | null): Promise<string> {
  if (formula === undefined || formula.trim() === "" || formula.trim() === "=") {
    throw new CommandUsageError('eval needs a formula, e.g. eval "=INFRA.POWER_GAP_GW(2028)"');
  }
  let result: EngineValue | EngineValue[][];
  try {
    result = await evaluateFormula(formula, { scenario });
  } catch (e) {
    if (e instanceof UnknownScenarioError) {
      // As `call` does: an unknown scenario is what a cell would show, not a usage error.
      return formatResult({ kind: "error", code: "#N/A", message: e.message });
    }
    throw e;
  }
  // A formula Excel would refuse to enter is a refusal (exit 2), not a cell value.
  if (isError(result) && result.error === "#ERROR!") {
    throw new CommandRefusal(`cannot parse the formula ${JSON.stringify(formula)}: ${result.message.split("\n")[0]}`);
  }
  return formatEngineResult(result);
}
