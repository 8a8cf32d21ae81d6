/**
 * What the browser tests need: a production build of the project (Office.js
 * copied locally, plus the Excel stand-in page) in a temp folder, an https
 * server for it with office-addin-dev-certs certificates on an ephemeral port,
 * and Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { buildAddin, runDir, SHARED_OPTIONS, sharedBuild, testRunId } from "../support/built-addin";

const ROOT = path.resolve(__dirname, "../..");

/** Chromium, Chrome or Edge on PATH (playwright cannot download browsers here), or null. */
export function findChromium(): string | null {
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge"]) {
    try {
      const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not this one
    }
  }
  return null;
}

export function warnNoChromium(what = "the task pane's browser tests"): void {
  console.warn(
    `\n!!! NO CHROMIUM FOUND: ${what} are SKIPPED.\n` +
      "!!! Install Debian's package (`sudo apt-get install chromium`) or put chromium, google-chrome or microsoft-edge on PATH.\n",
  );
}

/**
 * The add-in built as production does, with Office.js local and the Excel
 * stand-in page added; the caller removes the folder returned. Under jest it
 * is a link to the run's shared build (test/support/built-addin.ts), built
 * once for every suite; elsewhere (the bench) a build of its own.
 */
export async function buildWithStandIn(): Promise<string> {
  if (testRunId()) {
    const shared = sharedBuild().dir;
    const link = fs.mkdtempSync(path.join(runDir(), "pane-"));
    fs.rmdirSync(link);
    fs.symlinkSync(shared, link, "dir");
    return link;
  }
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "infra-pane-"));
  try {
    buildAddin(dist, SHARED_OPTIONS);
  } catch (e) {
    fs.rmSync(dist, { recursive: true, force: true });
    throw e;
  }
  return dist;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` over https on 127.0.0.1 at an ephemeral port. */
export async function serve(dir: string): Promise<StaticServer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { httpsOptions } = require(path.join(ROOT, "scripts/dev-certs.cjs"));
  const server = https.createServer(await httpsOptions(), (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname);
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Headless Chromium with the project's flags; playwright gives every launch a fresh profile of its own. */
export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

export const SCREENSHOTS = path.join(ROOT, "test-output", "screenshots");
