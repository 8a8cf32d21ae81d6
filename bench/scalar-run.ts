/**
 * Times one function (wrapper + model, bare, inline) in the current process:
 * a number (bench/scalar.ts), a spilled table or a text (bench/table.ts). The bench runs each function in a fresh Node process of its own
 * (see run.ts), so no function's timing depends on what the JIT learned from
 * another; the reduced mode runs them all in one process.
 */
import * as functions from "../src/functions/functions";
import { store } from "../src/functions/store";
import { defaultSet } from "../src/model/sets";
import {
  seededRandom,
  timeBare,
  timeBareTable,
  timeInline,
  timeInlineTable,
  timeModel,
  timeModelTable,
  type Fn,
  type Sink,
} from "./lib/timing";
import { SCALAR_CASES, type ScalarCase } from "./scalar";
import { TABLE_CASES, TEXT_CASES, type TableCase, type TextCase } from "./table";

export interface ScalarFigures {
  model_calls_per_s: number;
  bare_calls_per_s: number;
  inline_calls_per_s: number;
  model_vs_bare: number;
  model_vs_inline: number;
}

export interface ScalarOptions {
  /** Minimum time per timed pass, ms. */
  minMs: number;
  /** Timed rounds per variant (the best is taken); variants alternate within a round. */
  rounds: number;
  inputs: number;
}

type Wrapper = (...args: unknown[]) => unknown;

/** Calls the wrapper with positional arguments, as Excel does (no spread in the timed loop). */
function positional(w: Wrapper, arity: number): Fn {
  switch (arity) {
    case 0: return () => w();
    case 1: return (a) => w(a[0]);
    case 2: return (a) => w(a[0], a[1]);
    case 3: return (a) => w(a[0], a[1], a[2]);
    case 4: return (a) => w(a[0], a[1], a[2], a[3]);
    case 5: return (a) => w(a[0], a[1], a[2], a[3], a[4]);
    case 6: return (a) => w(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7: return (a) => w(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    case 8: return (a) => w(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    case 9: return (a) => w(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
    case 10: return (a) => w(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
    case 11: return (a) => w(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10]);
    default: return (a) => w(...a);
  }
}

/** The exported wrapper of `functions.ts` by its export name. */
export function wrapperByName(name: string): Wrapper {
  const w = (functions as unknown as Record<string, Wrapper>)[name];
  if (typeof w !== "function") throw new Error(`functions.ts exports no ${name}`);
  return w;
}

type Case = (ScalarCase & { result?: "number" }) | TableCase | TextCase;

/** The baseline of a function id, whatever it returns; undefined when it has none. */
export function caseOf(id: string): Case | undefined {
  return SCALAR_CASES[id] ?? TABLE_CASES[id] ?? TEXT_CASES[id];
}

/** Same result: a number within 1e-9 (relative), text equal, a table of the same shape with every cell identical. */
function sameResult(v: unknown, m: unknown): boolean {
  if (typeof m === "number") return typeof v === "number" && Math.abs(v - m) <= 1e-9 * Math.max(1, Math.abs(m));
  if (typeof m === "string") return v === m;
  if (!Array.isArray(m) || !Array.isArray(v) || v.length !== m.length) return false;
  return m.every((row, r) => {
    const other = v[r] as unknown;
    return Array.isArray(row) && Array.isArray(other) && other.length === row.length && row.every((cell, c) => Object.is(cell, other[c]) || cell === other[c]);
  });
}

export function measureScalar(id: string, exportName: string, options: ScalarOptions): ScalarFigures {
  const c = caseOf(id);
  if (!c) throw new Error(`no baseline for ${id}`);
  const kind = c.result ?? "number";
  // The wrappers return synchronously once the workbook's set is loaded.
  if (!store.isReady()) store.activate(defaultSet());
  const set = store.resolve(null);
  const rand = seededRandom(0x1f2e3d4c);
  const inputs: unknown[][] = [];
  while (inputs.length < options.inputs) inputs.push(...c.inputs(rand, set));
  const wrapper = wrapperByName(exportName);
  const model = positional(wrapper, inputs[0].length);
  const bare = c.bare(set) as Fn;
  const inline = c.inline(set) as Fn;

  // Same formula: every baseline returns the wrapper's result on every input.
  const expected = { number: "a number", table: "a table", text: "text" }[kind];
  for (const a of inputs) {
    const m = model(a);
    const shape = kind === "table" ? Array.isArray(m) : typeof m === (kind === "text" ? "string" : "number");
    if (!shape) throw new Error(`${id}(${JSON.stringify(a)}) returned ${JSON.stringify(m)}, not ${expected}`);
    for (const [name, f] of [["bare", bare], ["inline", inline]] as const) {
      const v = f(a);
      if (!sameResult(v, m)) {
        throw new Error(`${id}: the ${name} baseline gives ${JSON.stringify(v)} where the wrapper gives ${JSON.stringify(m)} for ${JSON.stringify(a)}`);
      }
    }
  }

  // Numbers are summed; a table's rows or a text's characters are counted, the result kept.
  const [timeM, timeB, timeI] = kind === "number" ? [timeModel, timeBare, timeInline] : [timeModelTable, timeBareTable, timeInlineTable];
  const sink: Sink = { value: 0 };
  // Warm-up: let the JIT optimise all three before timing.
  timeM(model, inputs, options.minMs, sink);
  timeB(bare, inputs, options.minMs, sink);
  timeI(inline, inputs, options.minMs, sink);
  const runs = { model: [] as number[], bare: [] as number[], inline: [] as number[] };
  for (let r = 0; r < options.rounds; r++) {
    runs.model.push(timeM(model, inputs, options.minMs, sink));
    runs.bare.push(timeB(bare, inputs, options.minMs, sink));
    runs.inline.push(timeI(inline, inputs, options.minMs, sink));
  }
  if (!Number.isFinite(sink.value)) throw new Error(`${id}: a timed call returned a non-finite value`);
  // Best round of each: on a shared machine the slow rounds measure the neighbours, not the code.
  const m = Math.max(...runs.model);
  const b = Math.max(...runs.bare);
  const i = Math.max(...runs.inline);
  return {
    model_calls_per_s: Math.round(m),
    bare_calls_per_s: Math.round(b),
    inline_calls_per_s: Math.round(i),
    model_vs_bare: round(b / m, 2),
    model_vs_inline: round(i / m, 2),
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
