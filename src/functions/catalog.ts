/**
 * Node-side view of the custom functions: the metadata generated from the
 * JSDoc of functions.ts (the same generator the webpack build uses) joined to
 * the wrapper functions themselves. The command line, the embedded engine and
 * the tests use it, so no second list of functions exists anywhere.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { installCustomFunctionsShim } from "./custom-functions-shim";
import * as functions from "./functions";

installCustomFunctionsShim();

export const FUNCTIONS_SOURCE = path.resolve(__dirname, "functions.ts");

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
}

export type Wrapper = (...args: unknown[]) => unknown;

export interface CatalogEntry {
  metadata: FunctionMetadata;
  wrapper: Wrapper;
}

export interface Catalog {
  metadataJson: string;
  entries: CatalogEntry[];
  byId: Map<string, CatalogEntry>;
}

let cached: Promise<Catalog> | undefined;

/** Generates the metadata once per process and pairs every id with its wrapper. */
export function loadCatalog(): Promise<Catalog> {
  cached ??= (async () => {
    const result = await generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], false);
    if (result.errors.length) throw new Error(`functions.ts metadata: ${result.errors.join("; ")}`);
    const metadata = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
    const exported = functions as unknown as Record<string, Wrapper>;
    const entries = metadata.functions.map((m) => {
      const association = result.associate.find((a) => a.id === m.id);
      const wrapper = association && exported[association.functionName];
      if (typeof wrapper !== "function") throw new Error(`no wrapper exported for ${m.id}`);
      return { metadata: m, wrapper };
    });
    return { metadataJson: result.metadataJson, entries, byId: new Map(entries.map((e) => [e.metadata.id, e])) };
  })();
  return cached;
}

/** `NAME(a, [b], [scenario])` as Excel's tooltip would show it. */
export function signature(m: FunctionMetadata): string {
  const params = m.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${m.id}(${params.join(", ")})`;
}
