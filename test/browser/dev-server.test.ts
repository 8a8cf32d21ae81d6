/**
 * The pages as `npm start` serves them: the development build through
 * webpack-dev-server with the project's own configuration (test/browser/dev-server.ts),
 * loaded in headless Chromium with Office.js answered from @microsoft/office-js.
 *
 * - taskpane.html (the shared runtime's page: functions.js and taskpane.js)
 *   runs both bundles with no page error: the functions register and, outside
 *   Excel, the pane's entry mounts its notice saying the pane runs inside Excel,
 *   with a link to the playground.
 * - playground.html mounts the same task pane on the embedded engine.
 * - The server listens on localhost only, and sends the CORS header on
 *   functions.json alone (Excel on the web fetches it from another origin).
 */
import type { Browser, Page } from "playwright-core";
import { findChromium, launch, warnNoChromium } from "./harness";
import { get, listeningAddresses, routeOfficeJs, startDevServer, type DevServer } from "./dev-server";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pagePolicy } = require("../../scripts/headers.cjs") as { pagePolicy(page: string): string };

const chromiumPath = findChromium();
if (!chromiumPath) warnNoChromium("the development server's browser tests");
const describeBrowser = chromiumPath ? describe : describe.skip;

jest.setTimeout(120_000);

describeBrowser("npm start's development server", () => {
  let server: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launch(chromiumPath as string);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  interface Watched {
    page: Page;
    errors: string[];
    leftOrigin: string[];
  }

  /**
   * Opens a page of the server. `officeJs`: "package" answers Microsoft's CDN from @microsoft/office-js;
   * "unreachable" aborts it, as on a machine offline.
   */
  async function open(file: string, { officeJs = "package" }: { officeJs?: "package" | "unreachable" } = {}): Promise<Watched> {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1200, height: 900 } });
    const leftOrigin: string[] = [];
    if (officeJs === "package") await routeOfficeJs(context, server.origin, leftOrigin);
    else await context.route("**/*", (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.origin}/${file}`);
    return { page, errors, leftOrigin };
  }

  test("taskpane.html runs the functions and the pane's entry with no page error", async () => {
    const { page, errors, leftOrigin } = await open("taskpane.html");
    // Office.js reports no host here: the pane's entry mounts its notice instead of the pane.
    await page.waitForSelector("main.infra-pane");
    expect(await page.textContent("#app")).toContain("runs inside Excel");
    // npm start serves the playground, and the notice links it.
    expect(await page.getAttribute('#app a[href="playground.html"]', "href")).toBe("playground.html");
    // The functions bundle registered every function with the real Office.js.
    const registered = await page.evaluate(() => Object.keys((window as unknown as { CustomFunctions: { _association: { mappings: object } } }).CustomFunctions._association.mappings));
    expect(registered).toEqual(expect.arrayContaining(["POWER_GAP_GW", "FUNDING_PLAN", "ACTIVE_SCENARIO"]));
    expect(errors).toEqual([]);
    // Office.js itself was loaded (from the package), and nothing else left the server's origin.
    expect(leftOrigin.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual([]);
    await page.context().close();
  });

  test("without Office.js, the pane's page says that it runs inside Excel and links the playground", async () => {
    const { page, errors } = await open("taskpane.html", { officeJs: "unreachable" });
    await page.waitForSelector("main.infra-pane", { timeout: 15_000 });
    expect(await page.textContent("#app")).toContain("runs inside Excel");
    await page.click('#app a[href="playground.html"]');
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("while Office has not reported ready (a slow Excel), the pane's page keeps saying Loading and never claims to be outside Excel", async () => {
    // The page's clock is Playwright's (installed before any script runs), so a minute passes without waiting for it.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    await context.route("**/*", (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    await context.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: "window.Office = { HostType: { Excel: 'Excel' }, onReady() {} }; window.CustomFunctions = { associate() {} };" }),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    await page.clock.install();
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForFunction(() => document.readyState === "complete");
    await page.clock.runFor(60_000);
    expect(await page.textContent("#app")).toContain("Loading INFRA for Excel");
    expect(await page.$("main.infra-pane")).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  test("when Office.js reports no host (the page opened in a browser), the pane's page says it runs inside Excel", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    await context.route("**/*", (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    await context.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { HostType: { Excel: 'Excel' }, onReady(cb) { setTimeout(() => cb({ host: null, platform: null }), 0); } }; window.CustomFunctions = { associate() {} };",
      }),
    );
    const page = await context.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector("main.infra-pane", { timeout: 15_000 });
    expect(await page.textContent("#app")).toContain("runs inside Excel");
    expect(await page.getAttribute('#app a[href="playground.html"]', "href")).toBe("playground.html");
    await context.close();
  });

  test("playground.html mounts the task pane on the embedded engine", async () => {
    const { page, errors } = await open("playground.html");
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    for (const id of ["call-2026-02", "low", "high"]) await page.waitForSelector(`#pane [data-set="${id}"]`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("listens on localhost only", async () => {
    // webpack-dev-server lists the other interfaces ("On Your Network") when it listens on all of them.
    expect(server.output()).not.toMatch(/On Your Network/);
    // The kernel's own table of listening sockets: loopback addresses only.
    const addresses = listeningAddresses(server.port);
    if (addresses !== null) {
      expect(addresses.length).toBeGreaterThan(0);
      expect(addresses.filter((a) => a !== "::1" && !a.startsWith("127."))).toEqual([]);
    }
  });

  test("sends Access-Control-Allow-Origin on functions.json only", async () => {
    const functions = await get(`${server.origin}/functions.json`, { origin: "https://excel.officeapps.live.com" });
    expect(functions.status).toBe(200);
    expect(functions.headers["access-control-allow-origin"]).toBe("*");
    for (const file of ["taskpane.html", "functions.js", "taskpane.js", "help.html"]) {
      const r = await get(`${server.origin}/${file}`);
      expect({ file, status: r.status, cors: r.headers["access-control-allow-origin"] }).toEqual({ file, status: 200, cors: undefined });
    }
  });

  test("a malformed address gets 400 with a one-line answer, not a 500 with a stack trace", async () => {
    for (const bad of ["/%E0%A4%A", "/%", "/taskpane.html%FF"]) {
      const r = await get(`${server.origin}${bad}`);
      expect({ bad, status: r.status }).toEqual({ bad, status: 400 });
      expect(r.body).not.toMatch(/\bat .*\(|URIError|node_modules/);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
    }
    // The server still answers afterwards.
    expect((await get(`${server.origin}/taskpane.html`)).status).toBe(200);
  });

  test("sends the headers a production host should: Cache-Control, and each page's CSP as a header equal to its meta tag", async () => {
    for (const page of ["taskpane.html", "help.html", "playground.html"]) {
      const r = await get(`${server.origin}/${page}`);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(r.body)?.[1]?.replace(/&#39;/g, "'");
      expect({ page, csp: r.headers["content-security-policy"], cache: r.headers["cache-control"] }).toEqual({ page, csp: meta, cache: "no-cache" });
      expect(r.headers["content-security-policy"]).toBe(pagePolicy(page));
    }
    expect((await get(`${server.origin}/functions.json`)).headers["cache-control"]).toBe("no-cache");
    // Development bundles keep their names from build to build: never cached without asking.
    expect((await get(`${server.origin}/functions.js`)).headers["cache-control"]).toBe("no-cache");
    expect((await get(`${server.origin}/assets/icon-32.png`)).headers["cache-control"]).toBe("public, max-age=86400");
  });
});
