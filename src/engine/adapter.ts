/**
 * Registers the INFRA custom functions with HyperFormula, an embedded
 * spreadsheet engine, from the catalog (generated metadata joined to the very
 * wrappers Excel calls): no second list of functions, the wrappers' own
 * coercion and errors. Works in Node and in the browser; the caller supplies
 * the catalog (src/engine/node.ts from loadCatalog(), the playground from the
 * build's functions.json and the build's own associate calls).
 *
 * HyperFormula is GPL-3.0 (used here under `licenseKey: "gpl-v3"`): this module
 * must never be imported by the add-in's bundles (functions.js, taskpane.js).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from "hyperformula";
import type { Cell } from "../functions/invoke";
import { DEPRECIATION_FLEET_HEADER, LEASE_CASHFLOWS_HEADER, MAX_FLEET_YEARS, MAX_LEASE_TERM_YEARS } from "../model";
import type { EngineEntry, EngineFunctionMetadata, EngineWrapper } from "./types";

export type { EngineEntry } from "./types";

/** The namespace Excel shows: `=INFRA.POWER_GAP_GW(2028)`. */
export const NAMESPACE = "INFRA";

/** Excel error codes (CustomFunctions.ErrorCode values) → HyperFormula error types. */
const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  // HyperFormula has no #NULL!; the nearest kind keeps the message.
  "#NULL!": ErrorType.VALUE,
};

/** A thrown CustomFunctions.Error (or anything else) as the cell error HyperFormula shows. */
export function toCellError(e: unknown): CellError {
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err?.code === "string" && Object.hasOwn(ERROR_TYPES, err.code)) {
    return new CellError(ERROR_TYPES[err.code], typeof err.message === "string" ? err.message : undefined);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CellError(ErrorType.VALUE, `INFRA could not compute this: ${detail}`);
}

type EngineValue = unknown;

/** A HyperFormula scalar as Excel hands it to a custom function: empty → null, rich numbers → number. */
function scalarForWrapper(v: EngineValue): unknown {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number") {
    return (v as { val: number }).val; // dates, percentages, currencies: the number underneath
  }
  return v;
}

/**
 * An argument as Excel passes it: a scalar, or a 2-D array for a range. An
 * error anywhere in it is returned as the error (Excel does not call a
 * function with an error argument; the error propagates).
 */
function argumentForWrapper(v: EngineValue): unknown | CellError {
  if (v instanceof CellError) return v;
  if (v instanceof SimpleRangeValue) {
    const rows: unknown[][] = [];
    for (const row of v.data) {
      const out: unknown[] = [];
      for (const cell of row) {
        if (cell instanceof CellError) return cell;
        out.push(scalarForWrapper(cell));
      }
      rows.push(out);
    }
    return rows;
  }
  return scalarForWrapper(v);
}

/** What a wrapper returned, as an engine value: a number, text, or a spilled array. */
function resultForEngine(result: unknown): unknown {
  if (Array.isArray(result)) {
    return SimpleRangeValue.onlyValues((result as Cell[][]).map((row) => row.map((c) => (c === null ? EmptyValue : c))));
  }
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean") return result;
  return new CellError(ErrorType.VALUE, "INFRA returned a value a cell cannot hold");
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

/** Calls a wrapper the way Excel does: omitted arguments are null; a throw becomes a cell error. */
export function callWrapper(wrapper: EngineWrapper, args: readonly unknown[], arity: number): unknown {
  const values: unknown[] = [];
  for (let i = 0; i < arity; i++) {
    const a = argumentForWrapper(args[i]);
    if (a instanceof CellError) return a;
    values.push(a);
  }
  try {
    const result = wrapper(...values);
    if (isThenable(result)) {
      // Wrappers answer synchronously once the store is ready; the engine makes sure it is.
      void Promise.resolve(result).catch(() => undefined);
      return new CellError(ErrorType.NA, "the assumption set has not been loaded yet");
    }
    return resultForEngine(result);
  } catch (e) {
    return toCellError(e);
  }
}

/** Argument literals whose value is known when a formula is parsed (for sizing a spilled table); inline arrays of literals too. */
function literalValue(ast: AstLike): { known: boolean; value: unknown } {
  switch (ast.type) {
    case "NUMBER":
    case "STRING":
      return { known: true, value: ast.value };
    case "EMPTY":
      return { known: true, value: null };
    case "ARRAY": {
      const rows = (ast.args ?? []) as AstLike[][];
      const values = rows.map((row) => row.map(literalValue));
      if (!values.every((row) => row.every((v) => v.known))) return { known: false, value: undefined };
      return { known: true, value: values.map((row) => row.map((v) => v.value)) };
    }
    default:
      return { known: false, value: undefined };
  }
}

/** Rows × columns of an argument when the formula fixes them (a range or inline array); null otherwise. */
function shapeOf(ast: AstLike, base: unknown): ArgumentShape | null {
  if (ast.type === "ARRAY") {
    const rows = (ast.args ?? []) as AstLike[][];
    return { rows: rows.length, cols: Math.max(0, ...rows.map((r) => r.length)) };
  }
  if (ast.type === "CELL_RANGE" && ast.start && ast.end && base) {
    const a = ast.start.toSimpleCellAddress(base);
    const b = ast.end.toSimpleCellAddress(base);
    return { rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
  }
  return null;
}

function sizeOf(result: unknown): ArraySize {
  if (!Array.isArray(result) || result.length === 0) return ArraySize.scalar();
  const width = Math.max(1, ...(result as unknown[][]).map((row) => row.length));
  return new ArraySize(width, result.length);
}

/**
 * The largest table of the spilling functions whose size depends on required
 * arguments (a term, a capex path): the size reserved when those arguments are
 * cells, not literals. A lease spills a header and years 0…term; a fleet a
 * header and its years until the last vintage is depreciated on a life of at
 * most 50 years.
 */
const LARGEST_TABLE: Readonly<Record<string, readonly [rows: number, columns: number]>> = {
  LEASE_CASHFLOWS: [MAX_LEASE_TERM_YEARS + 2, LEASE_CASHFLOWS_HEADER.length],
  DEPRECIATION_GAP_FLEET: [1 + MAX_FLEET_YEARS + 49, DEPRECIATION_FLEET_HEADER.length],
};

export interface ArgumentShape {
  rows: number;
  cols: number;
}

export interface AdapterOptions {
  /** Ids a `scenario` argument may name (for the largest table a formula with cell arguments can spill). */
  scenarioIds: () => string[];
  /**
   * The largest table a function whose size depends on its arguments can
   * spill, from the shapes of those arguments (null where a cell decides).
   */
  spillBound?: (id: string, shapes: ReadonlyArray<ArgumentShape | null>) => ArgumentShape | undefined;
}

/** `POWER_GAP_GW` → `INFRA.POWER_GAP_GW`. */
export function engineName(m: EngineFunctionMetadata): string {
  return `${NAMESPACE}.${m.id}`;
}

/**
 * A HyperFormula function plugin for `entries`. Every function takes its
 * arguments as `ANY` (ranges arrive whole, so the wrappers' own coercion
 * decides: a 1×1 range is a value, a larger one a #VALUE! naming the
 * argument). Functions whose metadata says `matrix` spill: HyperFormula sizes
 * a spill when it parses the formula, so the size comes from calling the
 * wrapper with the literal arguments, or, when an argument is a cell, from the
 * largest table any known scenario gives (unused cells stay empty).
 */
export function createInfraPlugin(entries: readonly EngineEntry[], options: AdapterOptions): FunctionPluginDefinition {
  const implemented: ImplementedFunctions = {};
  const methods: Record<string, unknown> = {};

  class InfraPlugin extends FunctionPlugin {}

  entries.forEach((entry, index) => {
    const { metadata, wrapper } = entry;
    const name = engineName(metadata);
    const arity = metadata.parameters.length;
    const method = `infra${index}`;
    const spills = metadata.result.dimensionality === "matrix";
    implemented[name] = {
      method,
      // All optional for the engine: a missing required argument reaches the wrapper as null,
      // whose coercion then names it ("year is required"), as the Excel function would.
      parameters: metadata.parameters.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
      // A table is one result; never call the wrapper once per cell of a range argument.
      vectorizationForbidden: true,
      ...(spills ? { sizeOfResultArrayMethod: `${method}Size` } : {}),
    };
    methods[method] = function (this: FunctionPlugin & PluginInternals, ast: ProcedureAstLike, state: unknown) {
      return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
        const result = callWrapper(wrapper, args, arity);
        if (spills && result instanceof SimpleRangeValue) {
          // HyperFormula cannot grow a spill past the size it predicted at parse time.
          const predicted = predictSize(ast, state as { formulaAddress?: unknown });
          if (result.height() > predicted.height || result.width() > predicted.width) {
            return new CellError(ErrorType.SPILL, "the table is larger than predicted; recalculate the sheet");
          }
        }
        return result;
      });
    };
    const predictSize = (ast: ProcedureAstLike, state?: { formulaAddress?: unknown }): ArraySize => {
      const literals = ast.args.map(literalValue);
      if (literals.every((l) => l.known)) {
        const values = literals.map((l) => l.value);
        while (values.length < arity) values.push(null);
        try {
          const result = wrapper(...values);
          return isThenable(result) ? ArraySize.scalar() : sizeOf(result);
        } catch {
          return ArraySize.scalar(); // the error shows in one cell
        }
      }
      const bound = options.spillBound?.(
        metadata.id,
        ast.args.map((a) => shapeOf(a, state?.formulaAddress)),
      );
      if (bound) return new ArraySize(bound.cols, bound.rows);
      let width = 1;
      let height = 1;
      const scenarioIndex = metadata.parameters.findIndex((p) => p.name === "scenario");
      for (const id of options.scenarioIds()) {
        const values: unknown[] = new Array(arity).fill(null);
        if (scenarioIndex >= 0) values[scenarioIndex] = id;
        try {
          const size = sizeOf(wrapper(...values));
          width = Math.max(width, size.width);
          height = Math.max(height, size.height);
        } catch {
          // a scenario that cannot give a table does not bound the size
        }
      }
      const largest = LARGEST_TABLE[metadata.id];
      if (largest) {
        height = Math.max(height, largest[0]);
        width = Math.max(width, largest[1]);
      }
      return new ArraySize(width, height);
    };
    if (spills) methods[`${method}Size`] = (ast: ProcedureAstLike, state: { formulaAddress?: unknown }) => predictSize(ast, state);
  });

  Object.assign(InfraPlugin.prototype, methods);
  (InfraPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  return InfraPlugin as unknown as FunctionPluginDefinition;
}

interface AstLike {
  type: string;
  value?: unknown;
  args?: unknown;
  start?: { toSimpleCellAddress(base: unknown): { row: number; col: number } };
  end?: { toSimpleCellAddress(base: unknown): { row: number; col: number } };
}

interface ProcedureAstLike {
  args: AstLike[];
}

/** The protected members of FunctionPlugin the generated methods use. */
interface PluginInternals {
  runFunction(args: unknown[], state: unknown, metadata: unknown, fn: (...args: unknown[]) => unknown): unknown;
  metadata(name: string): unknown;
}

let registered: FunctionPluginDefinition | undefined;

/**
 * Registers the INFRA functions with HyperFormula once per process (its
 * function registry is global). English names only: the same names Excel shows.
 */
export function registerInfraFunctions(entries: readonly EngineEntry[], options: AdapterOptions): void {
  if (registered) return;
  const plugin = createInfraPlugin(entries, options);
  const names = Object.keys(plugin.implementedFunctions);
  const translations = { enGB: Object.fromEntries(names.map((n) => [n, n])) };
  HyperFormula.registerFunctionPlugin(plugin, translations);
  registered = plugin;
}

/** The function names registered (for tests and the playground's help). */
export function registeredInfraNames(): string[] {
  return registered ? Object.keys(registered.implementedFunctions) : [];
}
