/**
 * Offline check of the add-in manifest (Microsoft's `office-addin-manifest
 * validate` needs its online service). Checks what breaks a shared-runtime
 * custom-functions add-in at sideload time: well-formed XML, the top-level
 * element order of the schema, resource ids that resolve (to a resource of
 * the right kind), one long-lived runtime whose page also hosts the functions,
 * the ribbon and the task pane, a namespace, the SharedRuntime requirement,
 * https addresses and icons that exist with the declared size.
 *
 *   npm run --silent lint:manifest -- [PATH] [--assets DIR]
 *
 * Exit 0 when clean; 1 with one line per problem; 2 for a usage error.
 */
import fs from "node:fs";
import path from "node:path";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export type ProblemKind =
  | "malformed-xml"
  | "root"
  | "missing-element"
  | "element-order"
  | "unresolved-resid"
  | "wrong-resource-kind"
  | "duplicate-resource"
  | "runtime-count"
  | "runtime-lifetime"
  | "functions-page"
  | "function-file"
  | "taskpane-page"
  | "namespace"
  | "shared-runtime-requirement"
  | "https"
  | "icon";

export interface Problem {
  kind: ProblemKind;
  message: string;
}

/**
 * Children of a task-pane OfficeApp in the order of the schema's sequence
 * (OfficeApp then TaskPaneApp, OfficeAppManifestV1_1.xsd); Office refuses a
 * manifest whose elements are out of this order.
 */
export const OFFICEAPP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
] as const;

const REQUIRED_TOP = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"];

type ResourceKind = "Image" | "Url" | "String";

/** Which kind of resource a `resid` on each element must name. */
function expectedKind(el: Element): ResourceKind {
  const name = el.localName;
  if (name === "Image") return "Image";
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(name ?? "")) return "Url";
  return "String";
}

const elements = (root: Element | Document, localName: string): Element[] =>
  Array.from(root.getElementsByTagNameNS("*", localName));

const children = (el: Element): Element[] =>
  Array.from(el.childNodes).filter((n) => n.nodeType === 1) as Element[];

const line = (el: Element): string => {
  const n = (el as unknown as { lineNumber?: number }).lineNumber;
  return n ? ` (line ${n})` : "";
};

function pngSize(file: string): { width: number; height: number } | null {
  const b = fs.readFileSync(file);
  // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
  if (b.length < 24 || b.toString("latin1", 1, 4) !== "PNG" || b.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export interface CheckOptions {
  /** Folder the icons are served from (default: `assets` beside the manifest). */
  assetsDir: string;
}

/** Every problem found in the manifest text; an empty list means it passes. */
export function checkManifest(xml: string, options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const add = (kind: ProblemKind, message: string) => problems.push({ kind, message });

  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message.trim()}`);
      },
    }).parseFromString(xml, "application/xml");
  } catch (e) {
    add("malformed-xml", `the manifest is not well-formed XML: ${(e as Error).message.split("\n")[0]}`);
    return problems;
  }
  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp") {
    add("root", `the root element must be <OfficeApp>, found <${root?.localName ?? "nothing"}>`);
    return problems;
  }
  if (root.getAttribute("xsi:type") !== "TaskPaneApp") add("root", `<OfficeApp xsi:type> must be "TaskPaneApp"`);

  // Top-level children: required ones present, all known, in the schema's order.
  const top = children(root).map((c) => c.localName ?? "");
  for (const name of REQUIRED_TOP) if (!top.includes(name)) add("missing-element", `<OfficeApp> lacks <${name}>`);
  let lastIndex = -1;
  for (const name of top) {
    const i = (OFFICEAPP_ORDER as readonly string[]).indexOf(name);
    if (i < 0) add("element-order", `<${name}> is not an allowed child of <OfficeApp>`);
    else if (i < lastIndex) {
      add("element-order", `<${name}> must come before <${OFFICEAPP_ORDER[lastIndex]}> (order: ${OFFICEAPP_ORDER.join(", ")})`);
    } else lastIndex = i;
  }

  // Resources by id, with their kind.
  const resources = new Map<string, { kind: ResourceKind; value: string; el: Element }>();
  for (const kind of ["Image", "Url", "String"] as const) {
    for (const el of elements(doc, kind)) {
      const id = el.getAttribute("id");
      if (!id || !el.parentNode || (el.parentNode as Element).localName === "Icon") continue;
      if (resources.has(id)) add("duplicate-resource", `resource id "${id}"${line(el)} is defined twice`);
      resources.set(id, { kind, value: el.getAttribute("DefaultValue") ?? "", el });
    }
  }
  const resolve = (el: Element | undefined): string | null => {
    const id = el?.getAttribute("resid");
    return id ? (resources.get(id)?.value ?? null) : null;
  };

  // Every resid names a resource of the right kind.
  const withResid = Array.from(doc.getElementsByTagName("*")).filter((el) => el.hasAttribute("resid"));
  for (const el of withResid) {
    const id = el.getAttribute("resid") ?? "";
    const found = resources.get(id);
    const want = expectedKind(el);
    if (!found) add("unresolved-resid", `<${el.localName} resid="${id}">${line(el)} names no resource; define <bt:${want} id="${id}">`);
    else if (found.kind !== want) {
      add("wrong-resource-kind", `<${el.localName} resid="${id}">${line(el)} must name a bt:${want}, not a bt:${found.kind}`);
    }
  }

  // One runtime, long-lived: the shared runtime.
  const runtimes = elements(doc, "Runtime");
  if (runtimes.length !== 1) add("runtime-count", `the manifest must declare exactly one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.getAttribute("lifetime") !== "long") {
    add("runtime-lifetime", `<Runtime>${line(runtime)} must have lifetime="long" (shared runtime), found "${runtime.getAttribute("lifetime") ?? ""}"`);
  }
  const runtimeUrl = resolve(runtime);

  // The custom functions run on the runtime's page, with a namespace.
  const cf = elements(doc, "ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions");
  if (!cf) add("functions-page", "no <ExtensionPoint xsi:type=\"CustomFunctions\">");
  else {
    const page = elements(cf, "Page").flatMap((p) => elements(p, "SourceLocation"))[0];
    const pageUrl = resolve(page);
    if (!page) add("functions-page", "the CustomFunctions extension point has no <Page><SourceLocation>");
    else if (runtimeUrl !== null && pageUrl !== null && pageUrl !== runtimeUrl) {
      add("functions-page", `the functions page ${pageUrl} differs from the runtime's page ${runtimeUrl}; a shared runtime needs one page`);
    }
    for (const part of ["Script", "Metadata"]) {
      if (!elements(cf, part).some((p) => elements(p, "SourceLocation").length === 1)) {
        add("functions-page", `the CustomFunctions extension point has no <${part}><SourceLocation>`);
      }
    }
    const ns = elements(cf, "Namespace")[0];
    const nsValue = resolve(ns);
    if (!ns) add("namespace", "the CustomFunctions extension point has no <Namespace>");
    else if (nsValue !== null && !/^[A-Za-z][A-Za-z0-9.]{0,31}$/.test(nsValue)) {
      add("namespace", `the namespace "${nsValue}" must be letters, digits and dots (at most 32), starting with a letter`);
    }
  }

  // The ribbon's function file and the task pane also load the runtime's page.
  for (const ff of elements(doc, "FunctionFile")) {
    const url = resolve(ff);
    if (runtimeUrl !== null && url !== null && url !== runtimeUrl) {
      add("function-file", `<FunctionFile>${line(ff)} loads ${url}, not the runtime's page ${runtimeUrl}`);
    }
  }
  for (const action of elements(doc, "Action").filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane")) {
    const url = resolve(elements(action, "SourceLocation")[0]);
    if (runtimeUrl !== null && url !== null && url !== runtimeUrl) {
      add("taskpane-page", `the ShowTaskpane action${line(action)} loads ${url}, not the runtime's page ${runtimeUrl}`);
    }
  }

  // The SharedRuntime 1.1 requirement.
  const shared = elements(doc, "Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
  const sets = shared?.parentNode as Element | undefined;
  const minVersion = Number(shared?.getAttribute("MinVersion") ?? sets?.getAttribute("DefaultMinVersion") ?? NaN);
  if (!shared) add("shared-runtime-requirement", `<Requirements><Sets> lacks <Set Name="SharedRuntime" MinVersion="1.1"/>`);
  else if (!(minVersion >= 1.1)) add("shared-runtime-requirement", `SharedRuntime needs MinVersion 1.1 or later`);

  // Addresses: https only. Icons: present in the assets folder with the declared size.
  const urlValues: { where: string; value: string; size?: number; icon: boolean }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) {
    for (const el of elements(root, name)) {
      const value = el.getAttribute("DefaultValue");
      if (value !== null) urlValues.push({ where: `<${name}>${line(el)}`, value, icon: name.endsWith("IconUrl") });
    }
  }
  for (const [id, r] of resources) {
    if (r.kind === "String") continue;
    const size = Number((withResid.find((e) => e.getAttribute("resid") === id && e.localName === "Image") as Element | undefined)?.getAttribute("size"));
    urlValues.push({ where: `bt:${r.kind} "${id}"${line(r.el)}`, value: r.value, size: Number.isFinite(size) ? size : undefined, icon: r.kind === "Image" });
  }
  for (const el of elements(doc, "Override")) {
    const value = el.getAttribute("Value") ?? el.getAttribute("DefaultValue");
    if (value && /^[a-z]+:/i.test(value)) urlValues.push({ where: `<Override>${line(el)}`, value, icon: false });
  }
  for (const u of urlValues) {
    let parsed: URL;
    try {
      parsed = new URL(u.value);
    } catch {
      add("https", `${u.where}: "${u.value}" is not an absolute address`);
      continue;
    }
    if (parsed.protocol !== "https:") add("https", `${u.where}: ${u.value} must use https://`);
    if (!u.icon) continue;
    const file = path.join(options.assetsDir, path.posix.basename(parsed.pathname));
    if (!fs.existsSync(file)) {
      add("icon", `${u.where}: ${u.value} has no file ${path.relative(process.cwd(), file) || file}`);
      continue;
    }
    const dims = pngSize(file);
    if (!dims) add("icon", `${u.where}: ${file} is not a PNG image`);
    else if (u.size !== undefined && (dims.width !== u.size || dims.height !== u.size)) {
      add("icon", `${u.where}: declared ${u.size}×${u.size}, the file is ${dims.width}×${dims.height}`);
    }
  }
  return problems;
}

/** The command: prints one line per problem and returns the exit code. */
export function main(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  let manifestPath = "manifest.xml";
  let assetsDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--assets") assetsDir = argv[++i];
    else if (argv[i].startsWith("-")) {
      err(`usage: lint:manifest [PATH] [--assets DIR]; unknown option ${argv[i]}`);
      return 2;
    } else manifestPath = argv[i];
  }
  if (!fs.existsSync(manifestPath)) {
    err(`lint:manifest: ${manifestPath} does not exist`);
    return 2;
  }
  const problems = checkManifest(fs.readFileSync(manifestPath, "utf8"), {
    assetsDir: assetsDir ?? path.join(path.dirname(manifestPath), "assets"),
  });
  for (const p of problems) err(`${manifestPath}: ${p.kind}: ${p.message}`);
  if (problems.length === 0) out(`${manifestPath}: OK`);
  return problems.length ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
