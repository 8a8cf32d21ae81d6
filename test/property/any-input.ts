/**
 * Shared body of the any-input property suites: every function of the
 * catalogue (from loadCatalog(), no second list), called with generated
 * arguments, keeps the cell contract. The catalogue is split between two
 * test files so that Jest runs the halves on both cores.
 */
import fc from "fast-check";
import { loadCatalog, type CatalogEntry } from "../../src/functions/catalog";
import { store } from "../../src/functions/store";
import { useSet } from "../helpers";
import { argumentsFor } from "./arbitraries";
import { contractBreach } from "./outcome";

/** Generated calls per function with the default set active. */
export const CALLS_PER_FUNCTION = 10_000;

interface Tally {
  calls: number;
  values: number;
}

function check(entry: CatalogEntry, numRuns: number, tallies: Map<string, Tally>): void {
  const { metadata, wrapper } = entry;
  const tally = tallies.get(metadata.id) ?? { calls: 0, values: 0 };
  tallies.set(metadata.id, tally);
  fc.assert(
    fc.property(argumentsFor(metadata.parameters), (args) => {
      tally.calls++;
      let computed = false;
      const breach = contractBreach(metadata, () => {
        const v = wrapper(...args);
        computed = true;
        return v;
      });
      if (breach) throw new Error(`${metadata.id}(${args.map((a) => JSON.stringify(a)).join(", ")}) ${breach}`);
      if (computed) tally.values++;
    }),
    { numRuns },
  );
}

/** Registers the suite for the catalogue entries whose index has parity `half`. */
export function anyInputSuite(half: 0 | 1): void {
  const tallies = new Map<string, Tally>();
  let entries: CatalogEntry[] = [];

  beforeAll(async () => {
    entries = (await loadCatalog()).entries.filter((_, i) => i % 2 === half);
  });

  test("every function keeps the cell contract for any input (default set active)", () => {
    expect(entries.length).toBeGreaterThan(0);
    useSet();
    for (const entry of entries) check(entry, CALLS_PER_FUNCTION, tallies);
  });

  test("every function keeps the cell contract with another set active", () => {
    useSet("high");
    for (const entry of entries) check(entry, 500, tallies);
  });

  test("every function keeps the cell contract while the workbook's set is unreadable", () => {
    store.markUnreadable("test: stored set is corrupt");
    try {
      for (const entry of entries) check(entry, 500, tallies);
    } finally {
      useSet();
    }
  });

  test(`every function got at least ${CALLS_PER_FUNCTION} generated calls, and computed a value for some`, () => {
    for (const entry of entries) {
      const tally = tallies.get(entry.metadata.id);
      expect({ id: entry.metadata.id, calls: tally?.calls }).toEqual({ id: entry.metadata.id, calls: expect.any(Number) });
      expect(tally!.calls).toBeGreaterThanOrEqual(CALLS_PER_FUNCTION);
      // Not only refusals: at least 10% of the calls reached the model and returned a value.
      expect({ id: entry.metadata.id, valueShare: tally!.values / tally!.calls > 0.1 }).toEqual({
        id: entry.metadata.id,
        valueShare: true,
      });
    }
  });
}
