/**
 * The id → wrapper map for the browser, from the build itself: the webpack
 * build appends `CustomFunctions.associate("ID", fn)` to functions.ts for
 * every function in the generated metadata (the calls Excel receives). Here
 * `associate` records them. Import this module before functions.ts.
 */
import { installCustomFunctionsShim } from "../functions/custom-functions-shim";
import type { EngineWrapper as Wrapper } from "../engine/types";

export const associations = new Map<string, Wrapper>();

installCustomFunctionsShim();
(globalThis as unknown as { CustomFunctions: { associate: unknown } }).CustomFunctions.associate = (
  idOrMap: string | Record<string, Wrapper>,
  fn?: Wrapper,
) => {
  if (typeof idOrMap === "string" && fn) associations.set(idOrMap.toUpperCase(), fn);
  else if (typeof idOrMap === "object") for (const [id, f] of Object.entries(idOrMap)) associations.set(id.toUpperCase(), f);
};
