/**
 * Throughput of a function over a fixed array of inputs: whole passes over the
 * inputs until `minMs` has elapsed, results summed into a sink the caller
 * keeps (so the work cannot be dropped). Three separate loops, one per kind of
 * function timed, so that no loop's call site mixes the wrapper and a baseline.
 * (One loop calling the passes through a parameter is shorter but not neutral:
 * it moved TWH_TO_GW's inline baseline from 194–201 to 216–218 M calls/s and
 * its ratio from 1.42–1.48 to 1.57–1.61, other functions' bare baselines too.)
 *
 * Each pass over the inputs is a function of its own. The engine compiles it
 * once, during the warm-up, and every timed round then runs that code. With
 * the pass inside the timing loop, each round left the compiled loop on exit
 * (code after it had not run yet), started again in the interpreter and was
 * compiled anew mid-loop: every round timed a compilation, the largest for
 * the wrapper (it inlines the most), more so on a busy machine.
 */
export type Fn = (a: unknown[]) => unknown;

export interface Sink {
  value: number;
}

const now = () => performance.now();

function rate(calls: number, t0: number, t1: number): number {
  return calls / ((t1 - t0) / 1000);
}

function passModel(fn: Fn, inputs: unknown[][]): number {
  let acc = 0;
  for (let i = 0; i < inputs.length; i++) acc += fn(inputs[i]) as number;
  return acc;
}

function passInline(fn: Fn, inputs: unknown[][]): number {
  let acc = 0;
  for (let i = 0; i < inputs.length; i++) acc += fn(inputs[i]) as number;
  return acc;
}

function passBare(fn: Fn, inputs: unknown[][]): number {
  let acc = 0;
  for (let i = 0; i < inputs.length; i++) acc += fn(inputs[i]) as number;
  return acc;
}

export function timeModel(fn: Fn, inputs: unknown[][], minMs: number, sink: Sink): number {
  let calls = 0;
  let acc = 0;
  const t0 = now();
  let t1 = t0;
  do {
    acc += passModel(fn, inputs);
    calls += inputs.length;
    t1 = now();
  } while (t1 - t0 < minMs);
  sink.value += acc;
  return rate(calls, t0, t1);
}

export function timeInline(fn: Fn, inputs: unknown[][], minMs: number, sink: Sink): number {
  let calls = 0;
  let acc = 0;
  const t0 = now();
  let t1 = t0;
  do {
    acc += passInline(fn, inputs);
    calls += inputs.length;
    t1 = now();
  } while (t1 - t0 < minMs);
  sink.value += acc;
  return rate(calls, t0, t1);
}

export function timeBare(fn: Fn, inputs: unknown[][], minMs: number, sink: Sink): number {
  let calls = 0;
  let acc = 0;
  const t0 = now();
  let t1 = t0;
  do {
    acc += passBare(fn, inputs);
    calls += inputs.length;
    t1 = now();
  } while (t1 - t0 < minMs);
  sink.value += acc;
  return rate(calls, t0, t1);
}

// Tables and text: the same three loops, each result kept (a table in `kept`,
// so no allocation can be optimised away) and its size (rows, characters)
// summed into the sink.
let kept: unknown = null;

function passModelTable(fn: Fn, inputs: unknown[][]): number {
  let acc = 0;
  for (let i = 0; i < inputs.length; i++) {
    const t = fn(inputs[i]) as ArrayLike<unknown>;
    acc += t.length;
    kept = t;
  }
  return acc;
}

function passInlineTable(fn: Fn, inputs: unknown[][]): number {
  let acc = 0;
  for (let i = 0; i < inputs.length; i++) {
    const t = fn(inputs[i]) as ArrayLike<unknown>;
    acc += t.length;
    kept = t;
  }
  return acc;
}

function passBareTable(fn: Fn, inputs: unknown[][]): number {
  let acc = 0;
  for (let i = 0; i < inputs.length; i++) {
    const t = fn(inputs[i]) as ArrayLike<unknown>;
    acc += t.length;
    kept = t;
  }
  return acc;
}

export function timeModelTable(fn: Fn, inputs: unknown[][], minMs: number, sink: Sink): number {
  let calls = 0;
  let acc = 0;
  const t0 = now();
  let t1 = t0;
  do {
    acc += passModelTable(fn, inputs);
    calls += inputs.length;
    t1 = now();
  } while (t1 - t0 < minMs);
  sink.value += acc;
  return rate(calls, t0, t1);
}

export function timeInlineTable(fn: Fn, inputs: unknown[][], minMs: number, sink: Sink): number {
  let calls = 0;
  let acc = 0;
  const t0 = now();
  let t1 = t0;
  do {
    acc += passInlineTable(fn, inputs);
    calls += inputs.length;
    t1 = now();
  } while (t1 - t0 < minMs);
  sink.value += acc;
  return rate(calls, t0, t1);
}

export function timeBareTable(fn: Fn, inputs: unknown[][], minMs: number, sink: Sink): number {
  let calls = 0;
  let acc = 0;
  const t0 = now();
  let t1 = t0;
  do {
    acc += passBareTable(fn, inputs);
    calls += inputs.length;
    t1 = now();
  } while (t1 - t0 < minMs);
  sink.value += acc;
  return rate(calls, t0, t1);
}

/** The last table or text a table loop produced (read by nobody; keeping it is the point). */
export function lastKept(): unknown {
  return kept;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run times the same inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
