/**
 * The one place the functions read assumption sets from. It holds the
 * workbook's active set (and any user-edited sets saved in the workbook) and
 * knows whether they have been loaded yet: until `activate` is called the
 * store is "loading", and every function waits for it, so no cell computes
 * from the bundled default before the workbook's own set has been read.
 */
import { compileSet, type CompiledSet } from "../model/compiled-set";
import { notAvailable, quoteGiven } from "../model/errors";
import type { AssumptionSet } from "../model/schema";
import { BUNDLED_SETS } from "../model/sets";

export type StoreListener = (store: AssumptionStore) => void;

export class AssumptionStore {
  private activeSet: CompiledSet | null = null;
  /** Why the workbook's stored set could not be used, when it could not. */
  private unreadableReason: string | null = null;
  private workbookSets = new Map<string, CompiledSet>();
  private readonly bundled = new Map<string, CompiledSet>();
  private readonly listeners = new Set<StoreListener>();
  private ready: Promise<void>;
  private markReady!: () => void;
  /** Increases on every change, so callers can tell stale results apart. */
  version = 0;

  constructor(bundledSets: readonly AssumptionSet[] = BUNDLED_SETS) {
    for (const s of bundledSets) this.bundled.set(s.id, compileSet(s));
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  isReady(): boolean {
    return this.activeSet !== null || this.unreadableReason !== null;
  }

  /** Resolves once the workbook's set has been loaded (immediately if it has). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * Makes `active` the workbook's active set; `saved` are the user-edited sets
   * stored in the same workbook (nameable by id like the bundled ones).
   */
  activate(active: AssumptionSet, saved: readonly AssumptionSet[] = []): void {
    this.activeSet = compileSet(active);
    this.unreadableReason = null;
    this.workbookSets = new Map(saved.map((s) => [s.id, compileSet(s)]));
    this.workbookSets.set(active.id, this.activeSet);
    this.version++;
    this.markReady();
    for (const listener of this.listeners) listener(this);
  }

  /**
   * The workbook's stored set exists but cannot be read (corrupt, or from a
   * newer schema). Functions that rely on the active set show #N/A with the
   * reason instead of silently using the bundled default; a named bundled
   * scenario still works.
   */
  markUnreadable(reason: string): void {
    this.activeSet = null;
    this.workbookSets.clear();
    this.unreadableReason = reason;
    this.version++;
    this.markReady();
    for (const listener of this.listeners) listener(this);
  }

  /** Back to "loading": functions wait again until the next `activate`. */
  reset(): void {
    if (!this.isReady()) return;
    this.activeSet = null;
    this.unreadableReason = null;
    this.workbookSets.clear();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  get active(): CompiledSet | null {
    return this.activeSet;
  }

  /** Ids a `scenario` argument may name: the workbook's sets, then the bundled ones. */
  knownIds(): string[] {
    return [...new Set([...this.workbookSets.keys(), ...this.bundled.keys()])];
  }

  /**
   * The set a function should use: the active one when `scenario` is omitted,
   * otherwise the workbook's or bundled set of that id (#N/A if none).
   */
  resolve(scenario: string | null): CompiledSet {
    // The common case, kept tiny so it inlines into every function call.
    if (scenario === null && this.activeSet !== null) return this.activeSet;
    return this.resolveGeneral(scenario);
  }

  private resolveGeneral(scenario: string | null): CompiledSet {
    if (scenario === null) {
      if (this.unreadableReason) throw notAvailable(`the workbook's assumption set cannot be read: ${this.unreadableReason}`);
      if (!this.activeSet) throw notAvailable("the workbook's assumption set has not been loaded yet");
      return this.activeSet;
    }
    const id = scenario.toLowerCase();
    const found = this.workbookSets.get(id) ?? this.bundled.get(id);
    if (!found) throw notAvailable(`scenario ${quoteGiven(scenario)} is not a known assumption set; use one of ${this.knownIds().join(", ")}`);
    return found;
  }

  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The store the Excel functions, the task pane and the command line share. */
export const store = new AssumptionStore();
