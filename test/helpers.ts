/** Test helpers: call a wrapper and see what a cell would show. */
import { store } from "../src/functions/store";
import { bundledSet, DEFAULT_SET_ID } from "../src/model/sets";

export type CellOutcome = { value: unknown } | { error: string; message: string };

/** What a cell shows: the value, or the error code and message (awaiting async results). */
export async function cell(fn: () => unknown): Promise<CellOutcome> {
  try {
    return { value: await fn() };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (typeof err.code === "string") return { error: err.code, message: err.message ?? "" };
    throw e;
  }
}

/** Makes `id` (default: the default set) the workbook's active set. */
export function useSet(id: string = DEFAULT_SET_ID): void {
  const set = bundledSet(id);
  if (!set) throw new Error(`no bundled set ${id}`);
  store.activate(set);
}
