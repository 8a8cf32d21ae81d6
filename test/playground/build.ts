/**
 * The production build the bundle check and the playground's browser test
 * read: the run's shared build (test/support/built-addin.ts), made once for
 * every suite, with the chunks webpack put each entry's modules in.
 */
import path from "node:path";
import { sharedBuild, type ChunkInfo } from "../support/built-addin";

export const ROOT = path.resolve(__dirname, "../..");

export type { ChunkInfo };

export interface BuildResult {
  dist: string;
  /** Entry name → every chunk it loads, at once or later (async imports included). */
  entryChunks: Record<string, ChunkInfo[]>;
}

/** The run's shared build (made now, or by another test file). */
export async function buildOnce(): Promise<BuildResult> {
  const { dir, entryChunks } = sharedBuild();
  return { dist: dir, entryChunks };
}
