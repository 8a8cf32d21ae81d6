#!/usr/bin/env node
/**
 * `npm start`: build and serve the add-in on https://localhost:3000 with
 * office-addin-dev-certs certificates, then
 * - on Windows and macOS (desktop Excel): trust the certificates and sideload
 *   manifest.xml into Excel with office-addin-debugging (fetched on demand, so
 *   its native dependency never breaks `npm install` elsewhere);
 * - everywhere else: say how to sideload into Excel on the web, and where the
 *   browser playground is.
 * Ctrl+C stops the server.
 */
import { spawn } from "node:child_process";
import https from "node:https";
import net from "node:net";
import { createRequire } from "node:module";
import process from "node:process";

const require = createRequire(import.meta.url);
const { caCertificatePath } = require("./dev-certs.cjs");
const ORIGIN = "https://localhost:3000";
const DEBUGGING = "office-addin-debugging@6";
const desktopExcel = process.platform === "win32" || process.platform === "darwin";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(cmd, args, opts = {}) {
  return spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...opts.env } });
}

function waitForServer(timeoutMs = 120_000) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const probe = () => {
      const req = https.get(`${ORIGIN}/taskpane.html`, { rejectUnauthorized: false }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
    };
    const retry = () => (Date.now() - started > timeoutMs ? reject(new Error("the dev server did not start")) : setTimeout(probe, 500));
    probe();
  });
}

/** True when nothing listens on the port yet. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

if (!(await portFree(3000))) {
  console.error(`Port 3000 is already in use: is another "npm start" running? Stop it (Ctrl+C in its terminal) and try again.
The add-in's manifest points at ${ORIGIN}/, so it must be served on that port.`);
  process.exit(1);
}

const server = run(npx, ["webpack", "serve", "--mode", "development"]);
server.on("exit", (code) => process.exit(code ?? 0));
process.on("SIGINT", () => server.kill("SIGINT"));
process.on("SIGTERM", () => server.kill("SIGTERM"));

await waitForServer();
if (desktopExcel) {
  console.log("\nSideloading into desktop Excel (first run asks to trust the development certificate)…");
  run(npx, ["--yes", "office-addin-dev-certs", "install"]).on("exit", () => {
    run(npx, ["--yes", DEBUGGING, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server-port", "3000", "--no-debug"]);
  });
} else {
  console.log(`
INFRA for Excel is served at ${ORIGIN}/ (no desktop Excel on this machine).

  Try it without Excel:   ${ORIGIN}/playground.html
  Function reference:     ${ORIGIN}/help.html

  Excel on the web:
    1. Trust the development certificate: open ${ORIGIN}/taskpane.html once and accept it,
       or import ${caCertificatePath} as a trusted authority in your browser.
    2. Open a workbook at https://excel.cloud.microsoft (or office.com).
    3. Home › Add-ins › More Add-ins › Upload My Add-in › choose manifest.xml from this folder.
    4. Type =INFRA.POWER_GAP_GW(2028) in a cell; Home › INFRA › Assumptions opens the task pane.

Ctrl+C stops the server.`);
}
