/**
 * The browser playground in headless Chromium: a production build served over
 * https (office-addin-dev-certs certificates) on an ephemeral port. Type a
 * formula, read its value, load another set in the task pane, read the new
 * value. Expected values are hand calculations from the bundled sets:
 *   call-2026-02, 2028: demand 67 − grid 15 − construction 6 = 46 GW (the call's figure)
 *   low, 2028: 55 − 15 − 10 = 30 GW;  high, 2028: 90 − 15 − 6 = 69 GW
 *   AIDC_FUNDING(10, 45) = 10 GW × USD 45m/MW = USD 450bn
 */
import type { Browser, Page } from "playwright-core";
import { findChromium, launch, serve, warnNoChromium, type StaticServer } from "../browser/harness";
import { buildOnce } from "./build";

const executablePath = findChromium();
if (!executablePath) warnNoChromium("the playground's browser tests");
const maybe = executablePath ? describe : describe.skip;

maybe("the playground in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const { dist } = await buildOnce();
    server = await serve(dist);
    browser = await launch(executablePath as string);
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
    await page.goto(`${server.origin}/playground.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
    await expect(shown("D3")).resolves.toBe("69");
    await cell("D4").click();
    await page.keyboard.type("=INFRA.POWER_GAP_GW(2099)");
    await page.keyboard.press("Escape");
    await expect(shown("D4")).resolves.toBe("#N/A");
    await expect(cell("D4").getAttribute("title")).resolves.toContain("2099");
  });

  test("loading another set in the task pane recalculates the grid; a named scenario stays", async () => {
    await page.locator('[data-set="low"] [data-action="load"]').click();
    await page.waitForFunction(() => (document.querySelector('input.cell[data-cell="B2"]') as HTMLInputElement).value === "30", null, { timeout: 10_000 });
    await expect(shown("D1")).resolves.toBe("60");
    await expect(shown("B5")).resolves.toBe("low");
    await expect(shown("D3")).resolves.toBe("69");
    await expect(shown("D2")).resolves.toBe("450");
  });

  test("runs under the page's Content-Security-Policy without errors", () => {
    expect(problems).toEqual([]);
  });
});
