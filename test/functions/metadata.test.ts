/** functions.json is generated from the JSDoc of functions.ts: every function registered and described. */
import { loadCatalog } from "../../src/functions/catalog";

/** PRODUCT §3: the v1 catalogue, in order of the spec. */
const PRODUCT_FUNCTIONS = [
  "POWER_DEMAND_GW",
  "POWER_SUPPLY_GW",
  "POWER_GAP_GW",
  "POWER_BALANCE",
  "NUCLEAR_EQUIV",
  "TWH_TO_GW",
  "GW_TO_TWH",
  "AIDC_FUNDING",
  "FUNDING_PLAN",
  "PROJECT_DEBT",
  "EV_PER_MW",
  "UNCONTRACTED_EV_PER_MW",
  "SOTP_EV",
  "RENT_PER_MW",
  "KW_MONTH",
  "LEASE_VALUE_PER_MW",
  "GPU_DEPRECIATION",
  "DEPRECIATION_GAP",
];

/** Argument order and names from PRODUCT §3. */
const PRODUCT_SIGNATURES: Record<string, string[]> = {
  POWER_GAP_GW: ["year", "after_solutions", "scenario"],
  AIDC_FUNDING: ["capacity_gw", "capex_musd_per_mw", "source", "scenario"],
  PROJECT_DEBT: ["cost_musd", "noi_musd", "ltc", "dscr", "rate", "tenor_years", "scenario"],
  UNCONTRACTED_EV_PER_MW: [
    "enterprise_value_musd",
    "contracted_mw",
    "uncontracted_mw",
    "contracted_value_musd_per_mw",
    "other_assets_musd",
    "scenario",
  ],
  SOTP_EV: ["contracted_mw", "uncontracted_mw", "p_contract", "contracted_value_musd_per_mw", "uncontracted_value_musd_per_mw", "scenario"],
  LEASE_VALUE_PER_MW: [
    "rent_musd_per_mw_year",
    "term_years",
    "discount_rate",
    "noi_margin",
    "renewal_probability",
    "renewal_term_years",
    "scenario",
  ],
  EV_PER_MW: ["enterprise_value_musd", "mw"],
};

test("the generator reports no errors and registers all 18 functions of PRODUCT §3", async () => {
  const catalog = await loadCatalog();
  const ids = catalog.entries.map((e) => e.metadata.id);
  for (const name of PRODUCT_FUNCTIONS) expect(ids).toContain(name);
});

test("every function has a description, a help link and every parameter a description", async () => {
  const catalog = await loadCatalog();
  for (const { metadata: m } of catalog.entries) {
    expect(m.description.length).toBeGreaterThan(20);
    expect(m.helpUrl).toBe(`https://localhost:3000/help.html#${m.id.toLowerCase()}`);
    for (const p of m.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
  }
});

test("argument names and order follow PRODUCT §3; every scenario argument is the optional last one", async () => {
  const catalog = await loadCatalog();
  for (const [id, names] of Object.entries(PRODUCT_SIGNATURES)) {
    expect(catalog.byId.get(id)!.metadata.parameters.map((p) => p.name)).toEqual(names);
  }
  for (const { metadata: m } of catalog.entries) {
    const i = m.parameters.findIndex((p) => p.name === "scenario");
    if (i >= 0) {
      expect(i).toBe(m.parameters.length - 1);
      expect(m.parameters[i].optional).toBe(true);
    }
  }
});

test("the tables spill (matrix results); the rest return one value", async () => {
  const catalog = await loadCatalog();
  const tables = ["POWER_BALANCE", "FUNDING_PLAN", "SENSITIVITY", "COMPARE", "LEASE_CASHFLOWS", "DEPRECIATION_GAP_FLEET"];
  for (const { metadata: m } of catalog.entries) {
    const spills = tables.includes(m.id);
    expect(m.result.dimensionality === "matrix").toBe(spills);
  }
});

describe("descriptions are plain text; formatting is the help page's", () => {
  /** Markdown Excel's formula tooltip would print as typed: `code`, **bold**, [links](…). */
  const MARKDOWN = /`|\*\*|\]\(/;

  test("no Markdown in any function or argument description of functions.json", async () => {
    const catalog = await loadCatalog();
    const marked = catalog.entries.flatMap(({ metadata: m }) =>
      [m.description, ...m.parameters.map((p) => p.description ?? "")].filter((d) => MARKDOWN.test(d)).map((d) => `${m.id}: ${d}`),
    );
    expect(marked).toEqual([]);
  });

  test("the help page sets argument and source names (snake_case identifiers) in descriptions as code", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderHelp } = require("../../scripts/build-plugins.cjs") as { renderHelp: (metadata: unknown, csp: string) => string };
    const catalog = await loadCatalog();
    const html = renderHelp(JSON.parse(catalog.metadataJson), "default-src 'self'");
    expect(html).toContain("the present value at rate over <code>tenor_years</code> of");
    expect(html).toContain("gas, <code>fuel_cells</code>, nuclear");
    expect(html).not.toContain("`");
  });
});
