/**
 * The browser playground in headless Chromium: a production build served over
 * https (office-addin-dev-certs certificates) on an ephemeral port. Type a
 * formula, read its value, load another set in the task pane, read the new
 * value. Expected values are hand calculations from the bundled sets:
 *   call-2026-02, 2028: demand 67 − grid 15 − construction 6 = 46 GW (the call's figure)
 *   low, 2028: 55 − 15 − 10 = 30 GW;  high, 2028: 90 − 15 − 6 = 69 GW
 *   AIDC_FUNDING(10, 45) = 10 GW × USD 45m/MW = USD 450bn
 *   FUNDING_PLAN(2026, 2030), call-2026-02: (106 − 13) GW × USD 60m/MW = USD 5,580bn (README)
 *   low edited to 60 GW of demand in 2028: 60 − 15 − 10 = 35 GW
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
  /** A cell's shown value once it is not being edited (failing soon when the grid has no such cell). */
  const shown = async (ref: string) => cell(ref).inputValue({ timeout: 3_000 });
  const typeInto = async (ref: string, text: string) => {
    await cell(ref).click();
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  };

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

  test("numbers show as Excel's General format does; the formula line has the exact value", async () => {
    await typeInto("D5", "=3400/103");
    await expect(shown("D5")).resolves.toBe("33.00970874");
    await expect(cell("D5").getAttribute("title")).resolves.toBe("33.0097087378641");
    await cell("D5").click();
    await expect(page.locator("#live-value").textContent()).resolves.toBe("D5 = 33.0097087378641");
    await page.keyboard.press("Escape");
  });

  test("the grid grows to hold what spills: FUNDING_PLAN typed at A15 keeps its total row", async () => {
    await typeInto("A15", "=INFRA.FUNDING_PLAN(2026, 2030)");
    await expect(shown("A15")).resolves.toBe("year");
    await expect(shown("A20")).resolves.toBe("2030");
    await expect(shown("A21")).resolves.toBe("total");
    await expect(shown("D21")).resolves.toBe("5115"); // 93 GW × USD 55m per grid MW
    // And past the last column: a power balance typed at E23 spills 12 columns, to P.
    await typeInto("E23", "=INFRA.POWER_BALANCE(2028, 2028)");
    await expect(shown("O24")).resolves.toBe("46");
  });

  test("loading another set in the task pane recalculates the grid; a named scenario stays", async () => {
    await page.locator('[data-set="low"] [data-action="load"]').click();
    await page.waitForFunction(() => (document.querySelector('input.cell[data-cell="B2"]') as HTMLInputElement).value === "30", null, { timeout: 10_000 });
    await expect(shown("D1")).resolves.toBe("60");
    await expect(shown("B5")).resolves.toBe("low");
    await expect(shown("D3")).resolves.toBe("69");
    await expect(shown("D2")).resolves.toBe("450");
  });

  test("after loading low, the spilled tables show low's numbers, no #SPILL!", async () => {
    await expect(shown("A7")).resolves.toBe("year");
    await expect(shown("A11")).resolves.toBe("2028");
    await expect(shown("K11")).resolves.toBe("30"); // low: 55 − 15 − 10
    await expect(shown("A15")).resolves.toBe("year");
    await expect(shown("A21")).resolves.toBe("total");
  });

  test("after editing a value in the task pane, the spilled tables show the edited numbers", async () => {
    const field = page.locator('[data-field="demand_gw.2028"]');
    await field.fill("60");
    await field.press("Enter");
    await page.waitForFunction(() => (document.querySelector('input.cell[data-cell="B2"]') as HTMLInputElement).value === "35", null, { timeout: 10_000 });
    await expect(shown("A7")).resolves.toBe("year");
    await expect(shown("K11")).resolves.toBe("35"); // edited low: 60 − 15 − 10
    await expect(shown("A21")).resolves.toBe("total");
  });

  test("at a task pane's width the grid stays usable, the pane below it", async () => {
    const narrow = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 800 } });
    const small = await narrow.newPage();
    small.on("pageerror", (e) => problems.push(e.message));
    await small.goto(`${server.origin}/playground.html`);
    await small.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    const sheet = await small.locator("#sheet").boundingBox();
    expect(sheet?.width).toBeGreaterThan(300);
    const b2 = small.locator('input.cell[data-cell="B2"]');
    const box = await b2.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360 && box.width > 40).toBe(true);
    await expect(b2.inputValue()).resolves.toBe("46");
    await small.locator('input.cell[data-cell="B1"]').fill("2030");
    await small.keyboard.press("Escape");
    await expect(b2.inputValue()).resolves.toBe("77.5"); // 2030: 106 − 22.5 − 6
    // The formula line stays in view while the grid scrolls under it.
    await small.locator('input.cell[data-cell="G20"]').click();
    const line = await small.locator("#live-value").boundingBox();
    expect(line && line.y >= 0 && line.y < (sheet?.y ?? 0) + 40).toBe(true);
    const pane = await small.locator("#pane").boundingBox();
    expect(pane && pane.width > 300 && pane.y >= (sheet?.y ?? 0) + (sheet?.height ?? 0)).toBe(true);
    await narrow.close();
  });

  test("runs under the page's Content-Security-Policy without errors", () => {
    expect(problems).toEqual([]);
  });
});
