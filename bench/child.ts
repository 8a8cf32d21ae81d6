/**
 * Child-process entry of the scalar timings. The bench bundles this file with
 * webpack in production mode (the same ts-loader and module concatenation as
 * the add-in's functions.js), then runs it once per function:
 *
 *   node child.js '{"id":"POWER_GAP_GW","exportName":"powerGapGw","options":{...}}'
 *
 * and reads one JSON line of figures from stdout.
 */
import { installCustomFunctionsShim } from "../src/functions/custom-functions-shim";
import { measureScalar, type ScalarOptions } from "./scalar-run";

installCustomFunctionsShim();

interface Job {
  id: string;
  exportName: string;
  options: ScalarOptions;
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
try {
  process.stdout.write(`${JSON.stringify({ id: job.id, figures: measureScalar(job.id, job.exportName, job.options) })}\n`);
} catch (e) {
  process.stdout.write(`${JSON.stringify({ id: job.id, error: (e as Error).message })}\n`);
}
