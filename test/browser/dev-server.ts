/**
 * The development server exactly as `npm start` runs it (`webpack serve
 * --mode development` on the project's webpack.config.js), on a free port of
 * its own instead of 3000 so it never meets a developer's running server.
 * Office.js is the page's own CDN address; the browser tests answer it from
 * @microsoft/office-js (see `routeOfficeJs`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import type { BrowserContext } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");
const WEBPACK_CLI = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
const OFFICE_JS_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export interface DevServer {
  origin: string;
  port: number;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** GET over https, certificate not checked (the development CA need not be trusted here). */
export function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { rejectUnauthorized: false, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
  });
}

/** Starts the development server and waits until it serves the pane's page (the first build is done). */
export async function startDevServer(timeoutMs = 240_000): Promise<DevServer> {
  const port = await freePort();
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [WEBPACK_CLI, "serve", "--mode", "development", "--port", String(port)], {
    cwd: ROOT,
    env: { ...process.env, OFFICE_JS: "", INFRA_URL: "", INFRA_DIST: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  };
  const origin = `https://localhost:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the development server exited (${child.exitCode}):\n${log.slice(-3000)}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`the development server did not serve taskpane.html within ${timeoutMs / 1000} s:\n${log.slice(-3000)}`);
    }
    try {
      // webpack-dev-server holds requests until the first build is done.
      if ((await get(`${origin}/taskpane.html`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { origin, port, output: () => log, stop };
}

/**
 * The local addresses a process listens on at `port`, read from the kernel's socket
 * tables (Linux), or null where there are none to read.
 */
export function listeningAddresses(port: number): string[] | null {
  const out: string[] = [];
  let readAny = false;
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = fs.readFileSync(table, "utf8");
    } catch {
      continue;
    }
    readAny = true;
    for (const line of text.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue; // 0A: LISTEN
      const [hexAddress, hexPort] = local.split(":");
      if (parseInt(hexPort, 16) !== port) continue;
      out.push(hexAddress.length === 8 ? ipv4(hexAddress) : ipv6(hexAddress));
    }
  }
  return readAny ? out : null;
}

/** /proc/net/tcp's little-endian hex IPv4 address as dotted quads. */
const ipv4 = (hex: string) => [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join(".");
/** /proc/net/tcp6's address (four little-endian 32-bit words) in a short form: "::1", "::" or the full groups. */
function ipv6(hex: string): string {
  const bytes = [0, 1, 2, 3].flatMap((w) => [3, 2, 1, 0].map((i) => parseInt(hex.slice(w * 8 + i * 2, w * 8 + i * 2 + 2), 16)));
  if (bytes.every((b) => b === 0)) return "::";
  if (bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1) return "::1";
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(":");
}

const TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".json": "application/json" };

/**
 * Answers the pages' requests for Office.js from Microsoft's CDN with the same
 * files from @microsoft/office-js, and aborts every other request that leaves
 * `origin` (the machine has no internet; nothing should go elsewhere anyway).
 * Playwright: the route registered last wins, so the catch-all comes first.
 */
export async function routeOfficeJs(context: BrowserContext, origin: string, leftOrigin: string[]): Promise<void> {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
    leftOrigin.push(url);
    return route.abort();
  });
  await context.route(`${OFFICE_CDN}**`, (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
    const file = path.join(OFFICE_JS_DIST, path.normalize(rel));
    if (!file.startsWith(OFFICE_JS_DIST) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? "application/octet-stream", body: fs.readFileSync(file) });
  });
}
