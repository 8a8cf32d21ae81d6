/**
 * The browser's view of the custom functions: the functions.json the build
 * generated from the JSDoc (fetched from the same origin) joined to the
 * wrappers the build associated with each id. No list is written by hand.
 */
import "./associations"; // must run before functions.ts registers its wrappers
import "../functions/functions";
import type { EngineEntry, EngineFunctionMetadata as FunctionMetadata } from "../engine/types";
import { associations } from "./associations";

export async function loadBrowserCatalog(metadataUrl = "functions.json"): Promise<EngineEntry[]> {
  const response = await fetch(metadataUrl);
  if (!response.ok) throw new Error(`${metadataUrl}: HTTP ${response.status}`);
  const metadata = (await response.json()) as { functions: FunctionMetadata[] };
  return metadata.functions.map((m) => {
    const wrapper = associations.get(m.id.toUpperCase());
    if (!wrapper) throw new Error(`functions.json lists ${m.id}, but the build associated no function with it`);
    return { metadata: m, wrapper };
  });
}
