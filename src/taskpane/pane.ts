/**
 * The task pane: lists the bundled sets with a preview, loads one into the
 * workbook, edits its values with inline validation, marks and resets what
 * differs from the reference, shows sources, imports and exports JSON, and
 * offers the host's sheet commands. It talks to the workbook only through a
 * `WorkbookHost`, so Excel, the playground and tests mount the same pane.
 */
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/badge.js";
import "@fluentui/web-components/progress-bar.js";
import { PARAMETERS, PARAMETER_KEYS, type ParameterGroup, type ParameterKey } from "../model/catalogue";
import {
  MAX_SET_JSON_CHARS,
  parseAssumptionSetJson,
  serializeAssumptionSet,
  SetValidationError,
  type AssumptionSet,
} from "../model/schema";
import { BUNDLED_SETS, bundledSet, defaultSet } from "../model/sets";
import type { AssumptionStore } from "../functions/store";
import type { LoadResult, WorkbookHost, WorkbookState } from "../workbook/host";
import { STATE_SHEET } from "../workbook/state-format";
import { el, replaceChildren, safeLink } from "./dom";
import {
  beginEdit,
  changedFields,
  checkInput,
  differs,
  editedId,
  fieldId,
  fieldsOf,
  fmt,
  GROUP_LABELS,
  inheritedFrom,
  isoToday,
  keyFigures,
  parameter,
  problemsFor,
  referenceOf,
  sameValues,
  setProblems,
  sharesSum,
  updateOffer,
  valueOf,
  withValue,
  yearBasisOf,
  type Field,
} from "./edit";
import { storedSetStatus } from "../model/sets/versions";
import { installStyles } from "./styles";
import { followTheme, type OfficeThemeColors } from "./theme";

export interface PaneOptions {
  /** `Office.context.officeTheme` inside Office; omitted elsewhere (the browser's scheme applies). */
  officeTheme?: OfficeThemeColors | null;
  /** Today's date (YYYY-MM-DD) for the vintage of an edited set. */
  today?: () => string;
}

export interface PaneHandle {
  /** Resolves once the workbook's state has been read and shown. */
  ready: Promise<void>;
  destroy(): void;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function base64Blob(base64: string, type: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

const GROUPS: ParameterGroup[] = ["power", "funding", "valuation"];

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Mounts the pane into `root`. */
/** The formula the pane offers to copy: the headline gap on the active set, through INFRA_ACTIVE. */
export const ACTIVE_FORMULA = "=INFRA.POWER_GAP_GW(2028,,INFRA_ACTIVE)";

/** "2028, TRUE, , ig_bonds" → [2028, true, null, "ig_bonds"]: numbers, TRUE/FALSE, empty = omitted, else text. */
export function parseArgsText(text: string): Array<number | string | boolean | null> {
  if (text.trim() === "") return [];
  return text.split(",").map((part) => {
    const t = part.trim();
    if (t === "") return null;
    if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
    const n = Number(t);
    return Number.isFinite(n) ? n : t;
  });
}

export function mountPane(root: HTMLElement, host: WorkbookHost, store: AssumptionStore, options: PaneOptions = {}): PaneHandle {
  installStyles(root.ownerDocument);
  const stopTheme = followTheme(root, options.officeTheme);
  const today = options.today ?? (() => isoToday());

  // ── State ──
  let loaded: LoadResult | null = null;
  /** What reading the workbook found about its sets (a renamed altered copy, another version), shown until the next read. */
  let notices: string[] = [];
  /** What the workbook holds (after the last successful save). */
  let workbook: WorkbookState | null = null;
  /** The set being edited; differs from `workbook.active` while it has problems. */
  let draft: AssumptionSet | null = null;
  /** Typed text that is not a valid value, by field id. */
  const invalid = new Map<string, { raw: string; message: string }>();
  const openPreviews = new Set<string>();
  const openGroups = new Set<ParameterGroup>(["power"]);
  let confirmingReplace = false;
  let busyCount = 0;
  let queue: Promise<unknown> = Promise.resolve();

  // ── Skeleton ──
  const activeLine = el("p", { class: "muted", id: "infra-active" }, "Reading the workbook…");
  const statusLine = el("p", { class: "status-line", role: "status", "aria-live": "polite", id: "infra-status" });
  const alertBox = el("div", { class: "message error", role: "alert", id: "infra-alert" });
  const busyBar = el("fluent-progress-bar", { class: "busy-bar", "aria-label": "Working", hidden: true });
  const setsList = el("ul", { class: "set-list", id: "infra-sets" });
  const workbookSection = el("section", { "aria-labelledby": "infra-wb-h" });
  const valuesSection = el("section", { "aria-labelledby": "infra-values-h", id: "infra-values" });
  const fileInput = el("input", { type: "file", accept: ".json,application/json", class: "sr-only", tabindex: -1, "aria-hidden": "true", id: "infra-import-file" });
  const main = el(
    "main",
    { class: "infra-pane", "aria-busy": "false" },
    el("header", {}, el("h1", {}, "INFRA assumptions"), activeLine),
    busyBar,
    statusLine,
    alertBox,
    el("section", { "aria-labelledby": "infra-sets-h" }, el("h2", { id: "infra-sets-h" }, "Assumption sets"), setsList),
    workbookSection,
    valuesSection,
    fileInput,
  );
  replaceChildren(root, main);

  // ── Feedback ──
  const announce = (text: string) => {
    statusLine.textContent = text;
  };
  const showError = (title: string, problems: readonly string[] = []) => {
    replaceChildren(
      alertBox,
      el("strong", {}, title),
      problems.length ? el("ul", {}, ...problems.slice(0, 20).map((p) => el("li", {}, p))) : null,
    );
  };
  const clearError = () => replaceChildren(alertBox);
  const setBusy = (on: boolean) => {
    busyCount += on ? 1 : -1;
    const busy = busyCount > 0;
    busyBar.hidden = !busy;
    main.setAttribute("aria-busy", String(busy));
  };

  /** Runs host work one at a time, with the busy state on and errors shown in the pane. */
  function work<T>(label: string, job: () => Promise<T>): Promise<T | undefined> {
    const run = async () => {
      setBusy(true);
      announce(`${label}…`);
      try {
        return await job();
      } catch (e) {
        announce(`${label} failed.`);
        showError(`${label} failed: ${message(e)}`);
        return undefined;
      } finally {
        setBusy(false);
      }
    };
    const next = queue.then(run, run);
    queue = next;
    return next;
  }

  /** Makes `next` the workbook's state: the host switches the store and recalculates the cells. */
  async function commit(next: WorkbookState, done: string): Promise<void> {
    await host.save(next);
    workbook = next;
    clearError();
    announce(done);
  }

  /** Saved user sets after `active` becomes active: the previous user set is kept, nameable by id. */
  function savedAfter(active: AssumptionSet): AssumptionSet[] {
    const keep = new Map<string, AssumptionSet>();
    for (const s of workbook?.saved ?? []) keep.set(s.id, s);
    const prev = workbook?.active;
    if (prev && !bundledSet(prev.id)) keep.set(prev.id, prev);
    keep.delete(active.id);
    return [...keep.values()];
  }

  // ── Actions ──
  /** Makes `set` the active set (inside a running `work`). */
  async function loadNow(set: AssumptionSet, verb: string): Promise<void> {
    await commit({ active: set, saved: savedAfter(set) }, `${verb} “${set.name}” (${set.id}) into the workbook.`);
    draft = set;
    invalid.clear();
    renderAll();
  }

  function loadSet(set: AssumptionSet, verb = "Loaded"): Promise<unknown> {
    return work(`Loading ${set.name}`, () => loadNow(set, verb));
  }

  /** Applies an edited draft when it is valid; otherwise keeps it in the pane with its problems shown. */
  function applyDraft(next: AssumptionSet, what: string): Promise<unknown> {
    const ref = referenceOf(next);
    // Every value back at the reference: the workbook simply uses the reference again.
    if (ref && next.reference && sameValues(next, ref)) {
      draft = next;
      return loadSet(ref, "Every value is back at its reference: loaded");
    }
    draft = next;
    const problems = setProblems(next);
    if (problems.length) {
      renderValues();
      announce(`Not applied yet: ${problems.length === 1 ? "one problem" : `${problems.length} problems`} to fix.`);
      return Promise.resolve();
    }
    return work(`Applying ${what}`, async () => {
      await commit({ active: next, saved: savedAfter(next) }, `Applied ${what} to “${next.name}”.`);
      renderAll();
    });
  }

  function editField(f: Field, raw: string): void {
    if (!draft) return;
    const checked = checkInput(draft, f, raw);
    if (!checked.ok) {
      invalid.set(fieldId(f), { raw, message: checked.message });
      renderValues();
      announce(`${label(f)}: ${checked.message}`);
      return;
    }
    invalid.delete(fieldId(f));
    if (valueOf(draft, f) === checked.value) {
      renderValues();
      return;
    }
    void applyDraft(withEdit(draft, f, checked.value), label(f));
  }

  function withEdit(set: AssumptionSet, f: Field, value: number): AssumptionSet {
    return withValue(beginEdit(set, today()), f, value);
  }

  function resetFields(fields: Field[], what: string): void {
    if (!draft) return;
    const ref = referenceOf(draft);
    if (!ref) return;
    let next = draft;
    for (const f of fields) {
      invalid.delete(fieldId(f));
      const v = valueOf(ref, f);
      if (v !== undefined) next = withEdit(next, f, v);
    }
    void applyDraft(next, what);
  }

  function resetAll(): void {
    if (!draft) return;
    const ref = referenceOf(draft);
    if (!ref) return;
    invalid.clear();
    draft = ref;
    void loadSet(ref, "Reset every value: loaded");
  }

  async function importFile(file: File): Promise<void> {
    let set: AssumptionSet;
    try {
      // Refuse a huge file before reading it into memory (4 bytes per character at most); the parser
      // enforces the exact limit on the text.
      if (file.size > MAX_SET_JSON_CHARS * 4) {
        throw new SetValidationError([`the file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_SET_JSON_CHARS / 1e6} MB`]);
      }
      set = parseAssumptionSetJson(await file.text());
    } catch (e) {
      const problems = e instanceof SetValidationError ? e.problems : [message(e)];
      announce(`The file was refused; the workbook is unchanged.`);
      showError(`“${file.name}” was refused; the workbook is unchanged.`, problems);
      return;
    }
    const status = storedSetStatus(set);
    let verb = `Imported “${file.name}”: loaded`;
    if (status.kind === "current") set = bundledSet(set.id) as AssumptionSet;
    // A file that claims a bundled id and version with other values must not change cells naming that id.
    else if (status.kind === "altered") {
      verb = `“${file.name}” claims to be version ${set.version} of the reference “${set.id}” but its values differ, so it was renamed: loaded`;
      set = { ...set, id: editedId(set.id), name: `${set.name.slice(0, 111)} (edited)`, reference: { id: set.id, version: set.version, vintage: set.vintage } };
    }
    await loadNow(set, verb);
  }

  function download(name: string, blob: Blob): void {
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name, hidden: true });
    root.ownerDocument.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function exportSet(): void {
    const set = workbook?.active;
    if (!set) return;
    download(`${set.id}.json`, new Blob([serializeAssumptionSet(set)], { type: "application/json" }));
    announce(`Exported “${set.name}” as ${set.id}.json.`);
  }

  // ── Rendering ──
  const label = (f: Field) => {
    const name = PARAMETERS[f.key].label;
    return f.part === null ? name : `${name}, ${f.part.replace(/_/g, " ")}`;
  };

  function renderActiveLine(): void {
    if (loaded?.kind === "unreadable") {
      activeLine.textContent = "The workbook's stored assumptions cannot be read.";
      return;
    }
    const set = store.active?.doc ?? workbook?.active;
    activeLine.textContent = set ? `Active set: ${set.name} (${set.id}), version ${set.version}, vintage ${set.vintage}` : "Reading the workbook…";
  }

  function renderSets(): void {
    const locked = loaded?.kind === "unreadable";
    const activeId = workbook?.active.id;
    const userSets = [...(workbook?.saved ?? []), ...(workbook && !bundledSet(workbook.active.id) ? [workbook.active] : [])];
    const cards = [...BUNDLED_SETS, ...userSets.sort((a, b) => a.id.localeCompare(b.id))].map((set) => {
      const isActive = set.id === activeId;
      const previewId = `infra-preview-${set.id}`;
      const open = openPreviews.has(set.id);
      const previewButton = el(
        "fluent-button",
        { appearance: "subtle", size: "small", "aria-expanded": String(open), "aria-controls": previewId, "data-action": "preview",
          onclick: () => {
            if (open) openPreviews.delete(set.id);
            else openPreviews.add(set.id);
            renderSets();
            root.querySelector<HTMLElement>(`[data-set="${set.id}"] [data-action="preview"]`)?.focus();
          } },
        open ? "Hide preview" : "Preview",
      );
      const loadButton = el(
        "fluent-button",
        { appearance: isActive ? "secondary" : "primary", size: "small", "data-action": "load", disabled: locked || isActive,
          "aria-label": isActive ? `${set.name} is active` : `Load ${set.name} into the workbook`,
          onclick: () => void loadSet(set) },
        isActive ? "Active" : "Load",
      );
      let preview: HTMLElement | null = null;
      if (open) {
        let figures: HTMLElement;
        try {
          figures = el("dl", { class: "figures" }, ...keyFigures(set).flatMap((k) => [el("dt", {}, k.label), el("dd", {}, k.value)]));
        } catch (e) {
          figures = el("p", { class: "error" }, `No preview: ${message(e)}`);
        }
        preview = el("div", { id: previewId }, figures, set.description ? el("p", { class: "muted" }, set.description) : null);
      }
      return el(
        "li",
        { class: `set-card${isActive ? " active" : ""}`, "data-set": set.id },
        el(
          "header",
          {},
          el("h3", {}, set.name),
          el("span", { class: "muted" }, `${set.id} · version ${set.version} · ${set.vintage}`),
          bundledSet(set.id) ? null : el("fluent-badge", { appearance: "tint", color: "informative", size: "small" }, "in this workbook"),
        ),
        el("p", {}, set.summary),
        el("div", { class: "actions" }, loadButton, previewButton),
        preview,
      );
    });
    replaceChildren(setsList, ...cards);
  }

  function renderWorkbook(): void {
    const locked = loaded?.kind === "unreadable";
    const sheetsInput = el("input", { id: "infra-share-sheets", type: "text", placeholder: "All sheets", "aria-describedby": "infra-share-hint" });
    const children: (HTMLElement | null)[] = [
      el("h2", { id: "infra-wb-h" }, "Workbook"),
      el(
        "div",
        { class: "actions" },
        el("fluent-button", { "data-action": "import", disabled: locked, onclick: () => fileInput.click() }, "Import JSON…"),
        el("fluent-button", { "data-action": "export", disabled: !workbook, onclick: exportSet }, "Export JSON"),
        host.insertPowerBalanceSheet
          ? el("fluent-button", { "data-action": "power-balance", disabled: locked,
              onclick: () => void work("Inserting the Power balance sheet", async () => {
                await host.insertPowerBalanceSheet?.();
                announce("Inserted the Power balance sheet.");
              }) }, "Insert Power balance sheet")
          : null,
      ),
    ];
    if (host.shareAsValues) {
      children.push(
        el(
          "div",
          { class: "field" },
          el("label", { for: "infra-share-sheets" }, "Sheets to share as values"),
          sheetsInput,
          el("span", { class: "muted", id: "infra-share-hint" }, "Comma-separated sheet names; empty shares the whole workbook."),
        ),
        el("div", { class: "actions" }, el("fluent-button", { "data-action": "share",
          onclick: () => void work("Sharing as values", async () => {
            const sheets = sheetsInput.value.split(",").map((s) => s.trim()).filter(Boolean);
            const result = await host.shareAsValues?.(sheets.length ? { sheets } : {});
            if (result?.file) download(result.file.name, base64Blob(result.file.base64, XLSX_TYPE));
            announce(result?.description ?? "Shared as values.");
          }) }, "Share as values")),
      );
    }
    children.push(...renderWhatIf(locked));
    replaceChildren(workbookSection, ...children);
  }

  /** The INFRA_ACTIVE formula to copy, and the Sensitivity sheet's inputs. */
  function renderWhatIf(locked: boolean): HTMLElement[] {
    const formula = el("input", { id: "infra-active-formula", type: "text", readonly: true, value: ACTIVE_FORMULA, "aria-describedby": "infra-active-hint" });
    const out: HTMLElement[] = [
      el("h3", {}, "Formulas Excel keeps current"),
      el(
        "p",
        { class: "muted", id: "infra-active-hint" },
        "The cell named INFRA_ACTIVE holds the active set's handle and every apply rewrites it. A formula that passes it as its scenario is recalculated by Excel's own dependency graph, for co-authors too:",
      ),
      el(
        "div",
        { class: "field" },
        el("label", { for: "infra-active-formula" }, "Formula to copy"),
        formula,
        el("fluent-button", { size: "small", "data-action": "copy-formula",
          onclick: () => {
            formula.select();
            const clip = globalThis.navigator?.clipboard;
            void (clip ? clip.writeText(ACTIVE_FORMULA).then(() => announce("Copied the formula."), () => announce("Press Ctrl+C to copy the selected formula.")) : Promise.resolve(announce("Press Ctrl+C to copy the selected formula.")));
          } }, "Copy"),
      ),
    ];
    if (!host.insertSensitivitySheet) return out;
    const fnInput = el("input", { id: "infra-sens-fn", type: "text", value: "POWER_GAP_GW" });
    const argsInput = el("input", { id: "infra-sens-args", type: "text", value: "2028", "aria-describedby": "infra-sens-hint" });
    out.push(
      el("h3", {}, "Sensitivity"),
      el("div", { class: "field" }, el("label", { for: "infra-sens-fn" }, "Function"), fnInput),
      el(
        "div",
        { class: "field" },
        el("label", { for: "infra-sens-args" }, "Arguments before scenario"),
        argsInput,
        el("span", { class: "muted", id: "infra-sens-hint" }, "Comma-separated, e.g. 2028 or 10, , ig_bonds; an empty one is omitted."),
      ),
      el("div", { class: "actions" }, el("fluent-button", { "data-action": "sensitivity", disabled: locked,
        onclick: () => void work("Inserting the Sensitivity sheet", async () => {
          await host.insertSensitivitySheet?.({ functionName: fnInput.value, args: parseArgsText(argsInput.value) });
          announce("Inserted the Sensitivity sheet.");
        }) }, "Insert Sensitivity sheet")),
    );
    return out;
  }

  function renderUnreadable(): HTMLElement | null {
    if (loaded?.kind !== "unreadable") return null;
    const box = el(
      "div",
      { class: "message warning", id: "infra-unreadable" },
      el("strong", {}, "The assumptions stored in this workbook cannot be read, so they were left untouched."),
      el("p", {}, loaded.reason),
      loaded.problems.length ? el("ul", {}, ...loaded.problems.slice(0, 20).map((p) => el("li", {}, p))) : null,
    );
    // A sheet of that name that INFRA did not write is never replaced: the user renames it.
    if (loaded.foreign) return box;
    const replacement = defaultSet();
    if (!confirmingReplace) {
      box.appendChild(el("div", { class: "actions" }, el("fluent-button", { "data-action": "replace",
        onclick: () => { confirmingReplace = true; renderValues(); root.querySelector<HTMLElement>('[data-action="confirm-replace"]')?.focus(); } },
        "Replace with a fresh set…")));
      return box;
    }
    box.appendChild(
      el(
        "div",
        { class: "confirm", role: "group", "aria-labelledby": "infra-confirm-q" },
        el("p", { id: "infra-confirm-q" }, `Replace the unreadable INFRA state on the hidden sheet ${STATE_SHEET} with “${replacement.name}”? Everything on that sheet is overwritten and cannot be recovered from this pane.`),
        el(
          "div",
          { class: "actions" },
          el("fluent-button", { appearance: "primary", "data-action": "confirm-replace",
            onclick: () => void work("Replacing the stored assumptions", async () => {
              const report = await host.save({ active: replacement, saved: [] }, { replaceUnreadable: true });
              // Readable again by now (a co-author fixed it): the host kept it and made it active.
              const state = report.stored ?? { active: replacement, saved: [] };
              loaded = { kind: "stored", state };
              workbook = state;
              draft = state.active;
              confirmingReplace = false;
              clearError();
              announce(
                report.stored
                  ? `The stored assumptions can be read now, so nothing was replaced; “${state.active.name}” is in use.`
                  : `Replaced the stored assumptions with “${replacement.name}”.`,
              );
              renderAll();
            }) }, "Replace"),
          el("fluent-button", { "data-action": "cancel-replace", onclick: () => { confirmingReplace = false; renderValues(); } }, "Cancel"),
        ),
      ),
    );
    return box;
  }

  function renderField(set: AssumptionSet, ref: AssumptionSet | undefined, f: Field): HTMLElement {
    const id = `infra-f-${fieldId(f).replace(/\./g, "-")}`;
    const bad = invalid.get(fieldId(f));
    const changed = differs(set, ref, f);
    const refValue = ref ? valueOf(ref, f) : undefined;
    const errorId = `${id}-error`;
    const p = parameter(set, f.key);
    const input = el("input", {
      id,
      type: "text",
      inputmode: "decimal",
      autocomplete: "off",
      "data-field": fieldId(f),
      "aria-invalid": bad ? "true" : null,
      "aria-describedby": [`infra-range-${f.key}`, bad ? errorId : null, changed ? `${id}-ref` : null].filter(Boolean).join(" "),
      onchange: (e) => editField(f, (e.target as HTMLInputElement).value),
      // Enter commits too (a repeated commit of the same value is a no-op).
      onkeydown: (e) => {
        if ((e as KeyboardEvent).key === "Enter") editField(f, (e.target as HTMLInputElement).value);
      },
    });
    input.value = bad ? bad.raw : String(valueOf(set, f) ?? "");
    const yearBasis = yearBasisOf(set, f);
    const shortLabel = f.part === null ? `Value (${p.unit})` : `${f.part.replace(/_/g, " ")}${yearBasis ? ` · ${yearBasis}` : ""}`;
    return el(
      "div",
      { class: `field${changed ? " changed" : ""}${bad ? " invalid" : ""}` },
      el("label", { for: id }, shortLabel),
      input,
      changed && refValue !== undefined ? el("span", { class: "sr-only", id: `${id}-ref` }, `Changed; reference value ${fmt(refValue)}`) : null,
      bad ? el("span", { class: "error", id: errorId }, bad.message) : null,
    );
  }

  function renderParameter(set: AssumptionSet, ref: AssumptionSet | undefined, key: ParameterKey, problems: string[]): HTMLElement {
    const spec = PARAMETERS[key];
    const p = parameter(set, key);
    const fields = fieldsOf(set, key);
    const changed = fields.filter((f) => differs(set, ref, f));
    const own = problemsFor(problems, key);
    const headingId = `infra-h-${key}`;
    const sources = el(
      "details",
      { class: "sources" },
      el("summary", {}, `Sources (${p.sources.length}) · ${p.basis}${p.mw_basis ? ` · per ${p.mw_basis === "it" ? "IT" : "grid"} MW` : ""}`),
      el(
        "ul",
        {},
        ...p.sources.map((s) =>
          el("li", {}, `${s.publisher}, `, safeLink(s.url, s.title), ` (${s.date})`, s.via ? ` · via ${s.via}` : null),
        ),
      ),
      p.derivation ? el("p", { class: "note" }, `Derivation: ${p.derivation}`) : null,
      p.note ? el("p", { class: "note" }, p.note) : null,
    );
    const inherited = inheritedFrom(set, key);
    return el(
      "div",
      { class: "param", "data-param": key, role: "group", "aria-labelledby": headingId },
      el(
        "div",
        { class: "param-head" },
        el("h3", { id: headingId }, spec.label),
        inherited
          ? el("fluent-badge", { appearance: "tint", color: "informative", size: "small", "data-inherited": inherited }, `inherited from ${inherited}`)
          : null,
        changed.length
          ? el("fluent-badge", { appearance: "tint", color: "brand", size: "small", "data-changed": String(changed.length) },
              changed.length === 1 ? "changed" : `${changed.length} changed`)
          : null,
        changed.length
          ? el("fluent-button", { appearance: "subtle", size: "small", "data-action": "reset", "aria-label": `Reset ${spec.label} to the reference`,
              onclick: () => resetFields(changed, `the reference value of ${spec.label}`) }, "Reset")
          : null,
      ),
      el(
        "p",
        { class: "muted", id: `infra-range-${key}` },
        `${p.unit}; allowed ${fmt(p.min)}–${fmt(p.max)}${spec.kind === "path" ? "; cumulative, by year" : ""}${spec.kind === "shares" ? `; shares must sum to 1 (now ${fmt(sharesSum(set))})` : ""}`,
      ),
      el("div", { class: `inputs ${spec.kind}` }, ...fields.map((f) => renderField(set, ref, f))),
      own.length ? el("p", { class: "error", role: "alert" }, own.map((s) => s.replace(/^parameters\.[a-z_]+\.?/, "")).join("; ")) : null,
      sources,
    );
  }

  function renderNotices(): HTMLElement | null {
    if (!notices.length) return null;
    return el("div", { class: "message warning", id: "infra-notices" }, el("strong", {}, "About the sets in this workbook"),
      el("ul", {}, ...notices.slice(0, 20).map((n) => el("li", {}, n))));
  }

  /** A newer version of the workbook's reference set: what differs, and an update only on request. */
  function renderUpdate(): HTMLElement | null {
    const current = workbook?.active;
    const offer = current ? updateOffer(current) : null;
    if (!current || !offer) return null;
    const { latest, differences } = offer;
    const label = (f: Field) => `${PARAMETERS[f.key].label}${f.part === null ? "" : `, ${f.part.replace(/_/g, " ")}`}`;
    const show = (v: number | undefined) => (v === undefined ? "—" : fmt(v));
    return el(
      "div",
      { class: "message", id: "infra-update", role: "region", "aria-label": "Newer reference version" },
      el("strong", {}, `A newer version of “${latest.name}” is available: version ${latest.version} (${latest.vintage}).`),
      el("p", {}, `This workbook holds version ${current.version} (${current.vintage}) and keeps computing with it until you update. ${differences.length === 1 ? "1 value differs" : `${differences.length} values differ`}:`),
      el(
        "table",
        { class: "diff" },
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Value"), el("th", { scope: "col" }, `Version ${current.version}`), el("th", { scope: "col" }, `Version ${latest.version}`), el("th", { scope: "col" }, "Source"))),
        el("tbody", {}, ...differences.slice(0, 200).map((d) =>
          el("tr", { "data-diff": fieldId(d.field) }, el("td", {}, label(d.field)), el("td", {}, show(d.old)), el("td", {}, show(d.new)), el("td", {}, d.source)))),
      ),
      el("div", { class: "actions" }, el("fluent-button", { appearance: "primary", "data-action": "update",
        onclick: () => void loadSet(latest, `Updated to version ${latest.version}: loaded`) }, `Update to version ${latest.version}`)),
    );
  }

  function renderValues(): void {
    const focusedId = (root.ownerDocument.activeElement as HTMLElement | null)?.id;
    const unreadable = renderUnreadable();
    if (!draft || loaded?.kind === "unreadable") {
      replaceChildren(valuesSection, el("h2", { id: "infra-values-h" }, "Values"), unreadable);
      restoreFocus(focusedId);
      return;
    }
    const set = draft;
    const ref = referenceOf(set);
    const problems = setProblems(set);
    const changed = changedFields(set, ref);
    const groups = GROUPS.map((g) => {
      const keys = PARAMETER_KEYS.filter((k) => PARAMETERS[k].group === g);
      const details = el(
        "details",
        { class: "group", open: openGroups.has(g), "data-group": g },
        el("summary", {}, GROUP_LABELS[g]),
        ...keys.map((k) => renderParameter(set, ref, k, problems)),
      );
      details.addEventListener("toggle", () => {
        if ((details as HTMLDetailsElement).open) openGroups.add(g);
        else openGroups.delete(g);
      });
      return details;
    });
    replaceChildren(
      valuesSection,
      el("h2", { id: "infra-values-h" }, `Values of “${set.name}”`),
      renderNotices(),
      renderUpdate(),
      el(
        "p",
        { class: "muted" },
        ref
          ? changed.length
            ? `${changed.length === 1 ? "1 value differs" : `${changed.length} values differ`} from the reference “${ref.id}” version ${ref.version} (${ref.vintage}).`
            : `Every value is the reference “${ref.id}” version ${ref.version} (${ref.vintage}).`
          : "A set of its own (no bundled reference to compare with).",
      ),
      problems.length
        ? el("div", { class: "message warning", id: "infra-problems" }, el("strong", {}, "Not applied yet. Fix these first:"),
            el("ul", {}, ...problems.slice(0, 20).map((p) => el("li", {}, p))))
        : null,
      ref && changed.length
        ? el("div", { class: "actions" }, el("fluent-button", { "data-action": "reset-all", onclick: resetAll }, "Reset all to reference"))
        : null,
      ...groups,
    );
    restoreFocus(focusedId);
  }

  function restoreFocus(id: string | undefined): void {
    if (!id) return;
    const target = root.ownerDocument.getElementById(id);
    if (target && root.contains(target)) target.focus();
  }

  function renderAll(): void {
    renderActiveLine();
    renderSets();
    renderWorkbook();
    renderValues();
  }

  // ── Wiring ──
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file) void work(`Importing “${file.name}”`, () => importFile(file));
  });

  async function readWorkbook(): Promise<void> {
    const result = await host.load();
    loaded = result;
    notices = result.kind === "stored" ? (result.notices ?? []) : [];
    if (result.kind === "stored") workbook = result.state;
    else if (result.kind === "empty") workbook = { active: store.active?.doc ?? defaultSet(), saved: [] };
    else workbook = null;
    draft = workbook?.active ?? null;
    invalid.clear();
    if (result.kind === "unreadable") showError(`The workbook's stored assumptions cannot be read: ${result.reason}`);
    renderAll();
  }

  const offStore = store.onChange(() => renderActiveLine());
  const offExternal = host.onExternalChange(() => {
    void work("Reading a change from a co-author", async () => {
      await readWorkbook();
      announce("The workbook's assumptions were changed by a co-author; the pane shows them.");
    });
  });

  const ready = work("Reading the workbook", async () => {
    await readWorkbook();
    announce("");
  }).then(() => undefined);

  return {
    ready,
    destroy() {
      offStore();
      offExternal();
      stopTheme();
      replaceChildren(root);
    },
  };
}
