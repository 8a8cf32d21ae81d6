/**
 * The browser playground in headless Chromium: a production build served over
 * https (office-addin-dev-certs certificates) on an ephemeral port. Type a
 * formula, read its value, load another set in the task pane, read the new
 * value. Expected values are hand calculations from the bundled sets:
 *   call-2026-02, 2028: demand 67 − grid 15 − construction 6 = 46 GW (the call's figure)
 *   low, 2028: 55 − 15 − 6 = 34 GW;  high, 2028: 85 − 12 − 6 = 67 GW
 *   AIDC_FUNDING(10, 45) = 10 GW × USD 45m/MW = USD 450bn
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildOnce } from "./build";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { httpsOptions } = require("../../scripts/dev-certs.cjs") as { httpsOptions(): Promise<https.ServerOptions> };

function findChromium(): string | null {
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

const executablePath = findChromium();
if (!executablePath) {
  console.warn(
    "\n!!! NO CHROMIUM FOUND: the playground's browser test is SKIPPED.\n" +
      "!!! Install Debian's package (`sudo apt-get install chromium`) or put chromium, google-chrome or microsoft-edge on PATH.\n",
  );
}
const maybe = executablePath ? describe : describe.skip;

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };

maybe("the playground in Chromium", () => {
  let server: https.Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const { dist } = await buildOnce();
    server = https.createServer(await httpsOptions(), (req, res) => {
      const name = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname).replace(/^\/+/, "");
      const file = path.join(dist, name);
      if (!file.startsWith(dist) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `https://localhost:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: executablePath as string,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    page = await context.newPage();
    page.on("console", (m) => {
      // Failed requests are checked by URL below (the browser's own favicon request is no problem of the page).
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${origin}/playground.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  const cell = (ref: string) => page.locator(`input.cell[data-cell="${ref}"]`);
  /** A cell's shown value once it is not being edited. */
  const shown = async (ref: string) => cell(ref).inputValue();

  test("starts with the call's figures in the example cells", async () => {
    await expect(shown("B2")).resolves.toBe("46");
    await expect(shown("B3")).resolves.toBe("46");
    await expect(shown("B5")).resolves.toBe("call-2026-02");
    // The spilled power balance: header in row 7, 2028 in row 11, its gap in column K.
    await expect(shown("A11")).resolves.toBe("2028");
    await expect(shown("K11")).resolves.toBe("46");
  });

  test("evaluates a typed formula as you type, then shows its value", async () => {
    await cell("D1").click();
    await page.keyboard.type("=INFRA.POWER_GAP_GW(2028)*2");
    await expect(page.locator("#live-value").textContent()).resolves.toBe("D1 = 92");
    await page.keyboard.press("Enter");
    await expect(shown("D1")).resolves.toBe("92");
    await cell("D2").click();
    await page.keyboard.type("=ROUND(INFRA.AIDC_FUNDING(10, 45), 0)");
    await page.keyboard.press("Enter");
    await expect(shown("D2")).resolves.toBe("450");
    await cell("D3").click();
    await page.keyboard.type('=INFRA.POWER_GAP_GW(2028,,"high")');
    await page.keyboard.press("Enter");
    await expect(shown("D3")).resolves.toBe("67");
    await cell("D4").click();
    await page.keyboard.type("=INFRA.POWER_GAP_GW(2099)");
    await page.keyboard.press("Escape");
    await expect(shown("D4")).resolves.toBe("#N/A");
    await expect(cell("D4").getAttribute("title")).resolves.toContain("2099");
  });

  test("loading another set in the task pane recalculates the grid; a named scenario stays", async () => {
    await page.locator('[data-set="low"] [data-action="load"]').click();
    await page.waitForFunction(() => (document.querySelector('input.cell[data-cell="B2"]') as HTMLInputElement).value === "34", null, { timeout: 10_000 });
    await expect(shown("D1")).resolves.toBe("68");
    await expect(shown("B5")).resolves.toBe("low");
    await expect(shown("D3")).resolves.toBe("67");
    await expect(shown("D2")).resolves.toBe("450");
  });

  test("runs under the page's Content-Security-Policy without errors", () => {
    expect(problems).toEqual([]);
  });
});
