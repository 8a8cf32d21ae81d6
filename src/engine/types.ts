/**
 * The shape of one generated function's metadata and its wrapper, as the
 * engine reads them. Structurally the same as src/functions/catalog.ts's
 * types, declared here because that module is Node-only (the browser build
 * cannot type-check it).
 */
export interface EngineParameter {
  name: string;
  optional?: boolean;
}

export interface EngineFunctionMetadata {
  id: string;
  parameters: EngineParameter[];
  result: { dimensionality?: string };
}

export type EngineWrapper = (...args: unknown[]) => unknown;

/** What the engine needs of a catalog entry: the generated metadata and the wrapper. */
export interface EngineEntry {
  metadata: EngineFunctionMetadata;
  wrapper: EngineWrapper;
}
