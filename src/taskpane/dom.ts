/**
 * The pane builds its DOM only through `el`: text always lands as a text node
 * (never parsed as markup), attributes through setAttribute.
 */
type Child = Node | string | number | null | undefined | false;

export interface Props {
  [attribute: string]: string | number | boolean | null | undefined | ((e: Event) => void);
}

/** `el("button", { class: "x", onclick: fn }, "Load")`: `on*` props become listeners; `true` is a bare attribute. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): HTMLElementTagNameMap[K];
export function el(tag: string, props?: Props, ...children: Child[]): HTMLElement;
export function el(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces every child of `node` (no markup involved). */
export function replaceChildren(node: Node, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}

/** A link to a source: https only, opened in a new tab without giving it our window. */
export function safeLink(url: string | undefined, text: string): HTMLElement {
  if (!url || !/^https:\/\/[^\s<>"]+$/.test(url)) return el("span", {}, text);
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text);
}
