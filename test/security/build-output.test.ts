/**
 * Tests on a real production build (the run's shared build in a temp folder,
 * test/support/built-addin.ts): every emitted HTML page carries a strict
 * Content-Security-Policy, and every npm package that webpack put into a
 * bundle has a permissive licence (HyperFormula, GPL-3.0, must never be among
 * them). The shared build serves Office.js locally; the policies the pages
 * carry when it comes from Microsoft's CDN (as deployed) are checked too.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "parse5";
import { packageDirOf } from "../../bench/lib/build";
import { sharedBuild, type BuildInfo } from "../support/built-addin";
import { declaredLicence, licenceProblem } from "./licences";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contentSecurityPolicy } = require("../../scripts/csp.cjs") as {
  contentSecurityPolicy(options?: { officeJsLocal?: boolean; inlineStyles?: boolean }): string;
};

let build: BuildInfo;

interface HtmlElement {
  tagName: string;
  parentNode: HtmlElement | null;
  attrs: { name: string; value: string }[];
}

/** Every element of an HTML page in document order (parse5: the browsers' parsing algorithm). */
function elementsOf(html: string): HtmlElement[] {
  const out: HtmlElement[] = [];
  const walk = (node: { childNodes?: unknown[]; content?: unknown }) => {
    for (const child of (node.childNodes ?? []) as (HtmlElement & { childNodes?: unknown[] })[]) {
      if (typeof child.tagName === "string") out.push(child);
      walk(child);
    }
  };
  walk(parse(html) as unknown as { childNodes: unknown[] });
  return out;
}

const attr = (el: HtmlElement, name: string) => el.attrs.find((a) => a.name === name)?.value ?? null;

beforeAll(() => {
  build = sharedBuild();
}, 180_000);

/** Directives of a policy: name → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Why a page's policy is too weak, or null. */
function policyProblems(policy: string): string[] {
  const d = parsePolicy(policy);
  const problems: string[] = [];
  const script = d.get("script-src") ?? d.get("default-src");
  if (!d.has("default-src")) problems.push("no default-src");
  if (!script) problems.push("no script-src or default-src");
  for (const s of script ?? []) {
    if (s !== "'self'" && !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(s)) problems.push(`script-src allows ${s}`);
  }
  if ((d.get("object-src") ?? []).join(" ") !== "'none'") problems.push("object-src is not 'none'");
  if (!["'none'", "'self'"].includes((d.get("base-uri") ?? []).join(" "))) problems.push("base-uri is not 'none' or 'self'");
  for (const [name, sources] of d) {
    if (name !== "style-src" && sources.some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'" || s === "*")) {
      problems.push(`${name} allows ${sources.join(" ")}`);
    }
  }
  return problems;
}

test("the build emits the shared-runtime page and the help page", () => {
  const pages = build.files.filter((f) => f.endsWith(".html"));
  expect(pages).toEqual(expect.arrayContaining(["taskpane.html", "help.html"]));
});

test("every emitted HTML page has a strict CSP in <head>, before any script, and no inline script or handler", () => {
  const pages = build.files.filter((f) => f.endsWith(".html"));
  const report: Record<string, string[]> = {};
  for (const page of pages) {
    const html = fs.readFileSync(path.join(build.dir, page), "utf8");
    const problems: string[] = [];
    const all = elementsOf(html);
    const metas = all.filter(
      (e) => e.tagName === "meta" && (attr(e, "http-equiv") ?? "").toLowerCase() === "content-security-policy",
    );
    if (metas.length !== 1) problems.push(`${metas.length} CSP meta elements`);
    const meta = metas[0];
    if (meta) {
      if (meta.parentNode?.tagName !== "head") problems.push("CSP meta is not in <head>");
      const firstScript = all.findIndex((e) => e.tagName === "script");
      if (firstScript >= 0 && firstScript < all.indexOf(meta)) problems.push("a script precedes the CSP");
      problems.push(...policyProblems(attr(meta, "content") ?? ""));
    }
    for (const el of all) {
      if (el.tagName === "script" && !attr(el, "src")) problems.push("inline <script>");
      for (const a of el.attrs) {
        if (/^on/i.test(a.name)) problems.push(`inline handler ${a.name} on <${el.tagName}>`);
        if (/^\s*javascript:/i.test(a.value)) problems.push(`javascript: address in ${a.name}`);
      }
    }
    report[page] = problems;
  }
  expect(report).toEqual(Object.fromEntries(pages.map((p) => [p, []])));
});

/** The policy in a page's CSP meta element, or null. */
function policyOf(html: string): string | null {
  const meta = elementsOf(html).find((e) => e.tagName === "meta" && (attr(e, "http-equiv") ?? "").toLowerCase() === "content-security-policy");
  return meta ? attr(meta, "content") : null;
}

test("every page's policy is one scripts/csp.cjs makes, and those policies pass with Office.js from the CDN too", () => {
  expect(build.options.officeJsLocal).toBe(true);
  const variants = [true, false].map((inlineStyles) => ({
    local: contentSecurityPolicy({ officeJsLocal: true, inlineStyles }),
    cdn: contentSecurityPolicy({ officeJsLocal: false, inlineStyles }),
  }));
  const pages = build.files.filter((f) => f.endsWith(".html"));
  expect(pages.length).toBeGreaterThan(0);
  const made = variants.map((v) => v.local);
  const policies = pages.map((page) => ({ page, policy: policyOf(fs.readFileSync(path.join(build.dir, page), "utf8")) }));
  expect(policies.filter(({ policy }) => !made.includes(policy ?? ""))).toEqual([]);
  // As deployed, the build passes officeJsLocal: false to the same function; only Office.js's origin is added.
  for (const { local, cdn } of variants) {
    expect(policyProblems(cdn)).toEqual([]);
    expect(cdn).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(cdn.replace(/ https:\/\/appsforoffice\.microsoft\.com/g, "")).toBe(local);
  }
});

test("each page's meta policy is the one scripts/headers.cjs sends as its Content-Security-Policy header", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pagePolicy, headersFor } = require("../../scripts/headers.cjs") as {
    pagePolicy(page: string, o?: { officeJsLocal?: boolean }): string | null;
    headersFor(file: string, o?: { officeJsLocal?: boolean }): Record<string, string>;
  };
  const pages = build.files.filter((f) => f.endsWith(".html"));
  expect(pages).toEqual(expect.arrayContaining(["taskpane.html", "help.html", "playground.html"]));
  for (const page of pages) {
    const meta = policyOf(fs.readFileSync(path.join(build.dir, page), "utf8"));
    expect({ page, header: headersFor(page, { officeJsLocal: true })["Content-Security-Policy"] }).toEqual({ page, header: meta });
    expect(pagePolicy(page, { officeJsLocal: true })).toBe(meta);
  }
});

test("the policy check itself refuses weak policies", () => {
  expect(policyProblems("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'")).toEqual([]);
  expect(policyProblems("default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'")).not.toEqual([]);
  expect(policyProblems("default-src *; object-src 'none'; base-uri 'none'")).not.toEqual([]);
  expect(policyProblems("default-src 'self'; script-src 'self'; base-uri 'none'")).toContain("object-src is not 'none'");
});

test("every npm package in the add-in's bundles (entries and on-demand chunks) has a permissive licence; no HyperFormula, no Office.js", () => {
  const dirs = [...new Set(build.addinModules.map(packageDirOf).filter((d): d is string => d !== null))];
  expect(build.addinModules.length).toBeGreaterThan(10);
  const packages = dirs.map((d) => ({ dir: d, ...declaredLicence(d) }));
  const problems = packages.flatMap((p) => {
    const problem = licenceProblem(p.licence);
    return problem ? [`${p.name}@${p.version}: ${problem}`] : [];
  });
  expect(problems).toEqual([]);
  const names = packages.map((p) => p.name);
  expect(names).toContain("zod");
  expect(names).not.toContain("hyperformula");
  expect(names).not.toContain("@microsoft/office-js");
});
