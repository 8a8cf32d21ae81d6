/**
 * The one place the functions read assumption sets from. It holds the
 * workbook's active set (and any user-edited sets saved in the workbook) and
 * knows whether they have been loaded yet: until `activate` is called the
 * store is "loading", and every function waits for it, so no cell computes
 * from the bundled default before the workbook's own set has been read.
 */
import { compileSet, type CompiledSet } from "../model/compiled-set";
import { InfraError, notAvailable, quoteGiven } from "../model/errors";
import {
  contentHash,
  deriveSet,
  formatHandle,
  hashedHandle,
  mergeOverrides,
  parseHandle,
  type Override,
  type ParsedHandle,
} from "../model/scenario";
import type { AssumptionSet } from "../model/schema";
import { BUNDLED_SETS } from "../model/sets";

/**
 * Distinct handles whose derived set is kept: a derived set is validated and
 * compiled once per distinct handle while it stays in the cache. Oldest first
 * out; cleared whenever the workbook's sets change.
 */
export const DERIVED_CACHE_SIZE = 512;

export type StoreListener = (store: AssumptionStore) => void;

export class AssumptionStore {
  private activeSet: CompiledSet | null = null;
  /** Why the workbook's stored set could not be used, when it could not. */
  private unreadableReason: string | null = null;
  private workbookSets = new Map<string, CompiledSet>();
  private readonly bundled = new Map<string, CompiledSet>();
  private readonly listeners = new Set<StoreListener>();
  /**
   * One lookup for the per-call path: every id (workbook sets over bundled
   * ones) and every cached handle text (as given and canonical) → its set.
   */
  private lookup = new Map<string, CompiledSet>();
  /** Cached handle texts, oldest first, with the error a bad one gives (null when it resolves). */
  private readonly derived = new Map<string, InfraError | null>();
  /** How many sets have been derived from handles (for tests and the benchmark). */
  derivations = 0;
  private ready: Promise<void>;
  private markReady!: () => void;
  /** Increases on every change, so callers can tell stale results apart. */
  version = 0;

  constructor(bundledSets: readonly AssumptionSet[] = BUNDLED_SETS) {
    for (const s of bundledSets) this.bundled.set(s.id, compileSet(s));
    this.rebuildLookup();
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
    this.rebuildLookup();
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
    this.rebuildLookup();
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
    this.rebuildLookup();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Ids only, the workbook's sets winning over bundled ones of the same id; the handle cache emptied. */
  private rebuildLookup(): void {
    this.lookup = new Map([...this.bundled, ...this.workbookSets]);
    this.derived.clear();
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
   * otherwise the workbook's or bundled set of that id, or the set a handle
   * derives (#N/A for an unknown id or a changed workbook set, #VALUE! for a
   * bad handle).
   */
  resolve(scenario: string | null): CompiledSet {
    // The common cases, kept tiny so they inline into every function call.
    if (scenario === null) {
      if (this.activeSet !== null) return this.activeSet;
    } else {
      const found = this.lookup.get(scenario);
      if (found !== undefined) return found;
    }
    return this.resolveGeneral(scenario);
  }

  private resolveGeneral(scenario: string | null): CompiledSet {
    const text = scenario === null ? "" : scenario.trim();
    if (text === "") {
      if (this.unreadableReason) throw notAvailable(`the workbook's assumption set cannot be read: ${this.unreadableReason}`);
      if (!this.activeSet) throw notAvailable("the workbook's assumption set has not been loaded yet");
      return this.activeSet;
    }
    const found = this.byId(text.toLowerCase());
    if (found) return found;
    if (!/[;#=]/.test(text)) throw this.unknownId(text);
    return this.resolveHandle(text);
  }

  private byId(id: string): CompiledSet | undefined {
    return this.workbookSets.get(id) ?? this.bundled.get(id);
  }

  private unknownId(id: string): InfraError {
    return notAvailable(`scenario ${quoteGiven(id)} is not a known assumption set; use one of ${this.knownIds().join(", ")}`);
  }

  /** A handle's set from the cache, or derived, validated, compiled and cached (errors too). */
  private resolveHandle(text: string): CompiledSet {
    const cached = this.lookup.get(text);
    if (cached) return cached;
    const error = this.derived.get(text);
    if (error) throw error;
    let set: CompiledSet;
    try {
      const parsed = parseHandle(text);
      const canonical = formatHandle(parsed);
      set = this.lookup.get(canonical) ?? this.derive(parsed);
      this.remember(canonical, set);
    } catch (e) {
      if (e instanceof InfraError) this.remember(text, e);
      throw e;
    }
    this.remember(text, set);
    return set;
  }

  private derive(handle: ParsedHandle): CompiledSet {
    const base = this.byId(handle.base);
    if (!base) throw this.unknownId(handle.base);
    if (handle.hash !== null) {
      const now = contentHash(base.doc);
      if (now !== handle.hash) {
        throw notAvailable(
          `the set "${handle.base}" has changed since this scenario was made (hash ${handle.hash}, now ${now}); make it again from the set as it is (SCENARIO, or the INFRA_ACTIVE cell)`,
        );
      }
    }
    if (handle.overrides.length === 0) return base;
    this.derivations++;
    return compileSet(deriveSet(base.doc, handle.overrides));
  }

  private remember(key: string, value: CompiledSet | InfraError): void {
    // An id ("low; " reads as "low") is in the lookup for good: never cached, so never evicted.
    if (this.derived.has(key) || this.workbookSets.has(key) || this.bundled.has(key)) return;
    if (this.derived.size >= DERIVED_CACHE_SIZE) {
      const oldest = this.derived.keys().next().value;
      if (oldest !== undefined) {
        this.derived.delete(oldest);
        this.lookup.delete(oldest);
      }
    }
    if (value instanceof InfraError) this.derived.set(key, value);
    else {
      this.derived.set(key, null);
      this.lookup.set(key, value);
    }
  }

  /**
   * The canonical handle of `base` (an id, a handle, or null for the active
   * set) with `overrides` added (replacing the base's own of the same name),
   * checked by resolving it: a bad override is a #VALUE! naming it. A base that
   * is a workbook set other than the bundled set of its id carries its hash.
   */
  makeHandle(base: string | null, overrides: readonly Override[]): string {
    let parsed: ParsedHandle;
    const text = base?.trim() ?? "";
    if (text === "") {
      const active = this.resolve(null);
      parsed = { base: active.id, hash: null, overrides: [] };
    } else if (/[;#=]/.test(text)) {
      parsed = parseHandle(text);
    } else {
      parsed = { base: text.toLowerCase(), hash: null, overrides: [] };
    }
    const set = this.byId(parsed.base);
    if (!set) throw this.unknownId(parsed.base);
    const hash = parsed.hash ?? (this.isBundledAsIs(set) ? null : contentHash(set.doc));
    const handle = formatHandle({ base: parsed.base, hash, overrides: mergeOverrides(parsed.overrides, overrides) });
    this.resolve(handle);
    return handle;
  }

  /** The active set's handle with its hash, for the workbook's INFRA_ACTIVE cell; null when no set is active. */
  activeHandle(): string | null {
    const active = this.activeSet;
    return active ? hashedHandle(active.doc) : null;
  }

  /** True when `set` is a bundled set unchanged (its id alone names it for good). */
  private isBundledAsIs(set: CompiledSet): boolean {
    const bundled = this.bundled.get(set.id);
    return bundled !== undefined && (bundled === set || contentHash(bundled.doc) === contentHash(set.doc));
  }

  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The store the Excel functions, the task pane and the command line share. */
export const store = new AssumptionStore();
