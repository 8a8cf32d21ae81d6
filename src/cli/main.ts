/**
 * The INFRA command line: the same wrappers Excel calls, from a terminal.
 *
 *   npm run --silent infra -- call FUNCTION [args...] [--scenario ID]
 *   npm run --silent infra -- sets
 *   npm run --silent infra -- set ID
 *   npm run --silent infra -- functions
 *   npm run --silent infra -- eval "=FORMULA" [--scenario ID]
 *   npm run --silent infra -- recalc IN.xlsx OUT.xlsx [--scenario ID] [--force]
 *
 * Prints JSON. A formula error is a result ({"error": "#VALUE!", "message": …},
 * exit 0); a usage error (wrong arguments) exits 2 with the usage; a refusal (input that
 * cannot be used) exits 2 with one line.
 */
import { quoteGiven } from "../model/errors";
import { serializeAssumptionSet } from "../model/schema";
import { bundledSet, BUNDLED_SETS, DEFAULT_SET_ID } from "../model/sets";
import { loadCatalog, signature, type CatalogEntry } from "../functions/catalog";
import { store } from "../functions/store";
import { formatResult, parseArgument } from "./format";
import { CommandRefusal, CommandUsageError } from "./usage-error";

const USAGE = `usage:
  infra call FUNCTION [args...] [--scenario ID]   evaluate one INFRA function, print JSON
  infra sets                                      list the bundled assumption sets as JSON
  infra set ID                                    print one bundled set's canonical JSON (as Export JSON writes it)
  infra functions                                 list the functions and their arguments
  infra eval "=FORMULA" [--scenario ID]           evaluate a whole formula (INFRA functions, Excel built-ins), print JSON
  infra recalc IN.xlsx OUT.xlsx [--scenario ID] [--force]
                                                  compute a workbook's INFRA cells, write their values as cached results;
                                                  only the cached values of those cells change; --force lets OUT be IN
Arguments: a number is a number, TRUE/FALSE are booleans, anything else is text; "" omits an optional one.`;

export class UsageError extends Error {}

/** Splits `--scenario ID` (or `--scenario=ID`) out of the argument list. */
function takeScenario(args: string[]): { rest: string[]; scenario: string | null } {
  const rest: string[] = [];
  let scenario: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--scenario") {
      if (i + 1 >= args.length) throw new UsageError("--scenario needs an assumption set id");
      scenario = args[++i];
    } else if (a.startsWith("--scenario=")) {
      scenario = a.slice("--scenario=".length);
    } else rest.push(a);
  }
  return { rest, scenario };
}

async function call(args: string[]): Promise<string> {
  const { rest, scenario } = takeScenario(args);
  const [name, ...raw] = rest;
  if (!name) throw new UsageError("call needs a function name, e.g. call POWER_GAP_GW 2028");
  const catalog = await loadCatalog();
  const id = name.toUpperCase().replace(/^=?INFRA\./, "");
  const entry: CatalogEntry | undefined = catalog.byId.get(id);
  if (!entry) throw new UsageError(`unknown function ${quoteGiven(name)}; run "infra functions" for the list`);
  const params = entry.metadata.parameters;
  const required = params.filter((p) => !p.optional).length;
  if (raw.length > params.length || raw.length < required) {
    const count = required === params.length ? `${required}` : `${required}–${params.length}`;
    throw new UsageError(`${signature(entry.metadata)} takes ${count} arguments; got ${raw.length}`);
  }
  const set = bundledSet(scenario ?? DEFAULT_SET_ID);
  if (!set) {
    const known = BUNDLED_SETS.map((s) => s.id).join(", ");
    return formatResult({ kind: "error", code: "#N/A", message: `scenario ${quoteGiven(scenario ?? "")} is not a known assumption set; use one of ${known}` });
  }
  store.activate(set);
  const values: unknown[] = raw.map(parseArgument);
  while (values.length < params.length) values.push(null); // Excel passes null for omitted arguments
  try {
    return formatResult({ kind: "value", value: await entry.wrapper(...values) });
  } catch (e) {
    return formatResult({ kind: "thrown", error: e });
  }
}

async function listFunctions(): Promise<string> {
  const catalog = await loadCatalog();
  return JSON.stringify(
    catalog.entries.map(({ metadata: m }) => ({ name: m.id, signature: signature(m), description: m.description })),
    null,
    2,
  );
}

function listSets(): string {
  return JSON.stringify(
    BUNDLED_SETS.map((s) => ({
      id: s.id,
      version: s.version,
      name: s.name,
      vintage: s.vintage,
      ...(s.extends ? { extends: s.extends.id } : {}),
      base_year: s.base_year,
      summary: s.summary,
      default: s.id === DEFAULT_SET_ID,
    })),
    null,
    2,
  );
}

/** One bundled set, whole, in the canonical JSON the pane's Export JSON writes. */
function showSet(args: string[]): string {
  if (args.length !== 1) throw new UsageError(`set takes one assumption set id, e.g. set ${DEFAULT_SET_ID}; got ${args.length} arguments`);
  const set = bundledSet(args[0].trim().toLowerCase());
  if (!set) throw new CommandRefusal(`${quoteGiven(args[0])} is not a bundled assumption set; use one of ${BUNDLED_SETS.map((s) => s.id).join(", ")}`);
  return serializeAssumptionSet(set);
}

export async function run(argv: string[]): Promise<{ out: string; code: number }> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "call":
        return { out: await call(args), code: 0 };
      case "sets":
        return { out: listSets(), code: 0 };
      case "set":
        return { out: showSet(args), code: 0 };
      case "functions":
        return { out: await listFunctions(), code: 0 };
      case "eval": {
        // Loaded on demand: the embedded engine is only needed here.
        const { rest, scenario } = takeScenario(args);
        if (rest.length > 1) throw new UsageError(`eval takes one formula (quote it); got ${rest.length} arguments`);
        return { out: await (await import("./eval")).evalCommand(rest[0], scenario), code: 0 };
      }
      case "recalc": {
        const { rest, scenario } = takeScenario(args);
        const force = rest.includes("--force");
        const files = rest.filter((a) => a !== "--force");
        return { out: await (await import("./recalc")).recalcCommand(files, scenario, { force }), code: 0 };
      }
      case "help":
      case "--help":
      case "-h":
        return { out: USAGE, code: 0 };
      default:
        throw new UsageError(command ? `unknown command ${quoteGiven(command)}` : "no command given");
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CommandUsageError) return { out: `infra: ${e.message}\n${USAGE}`, code: 2 };
    if (e instanceof CommandRefusal) return { out: `infra: ${e.message}`, code: 2 };
    throw e;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    ({ out, code }) => {
      (code === 0 ? process.stdout : process.stderr).write(out + "\n");
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`infra: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
