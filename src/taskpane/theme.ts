/**
 * Light or dark, as Office shows it: Office's theme colours when the pane runs
 * in Office, the browser's `prefers-color-scheme` otherwise. The Fluent tokens
 * (CSS custom properties every style uses) follow it.
 */
import { setTheme } from "@fluentui/web-components";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";

import { modeFromOffice, type OfficeThemeColors, type ThemeMode } from "./theme-mode";

export type { OfficeThemeColors, ThemeMode };

export function applyTheme(root: HTMLElement, mode: ThemeMode): void {
  setTheme(mode === "dark" ? webDarkTheme : webLightTheme);
  root.dataset.theme = mode;
  document.documentElement.style.colorScheme = mode;
}

/**
 * Applies Office's theme when there is one, else follows the browser's colour
 * scheme as it changes. Returns a function that stops following.
 */
export function followTheme(root: HTMLElement, officeTheme?: OfficeThemeColors | null): () => void {
  const fromOffice = modeFromOffice(officeTheme);
  if (fromOffice) {
    applyTheme(root, fromOffice);
    return () => undefined;
  }
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  const update = () => applyTheme(root, query.matches ? "dark" : "light");
  update();
  query.addEventListener("change", update);
  return () => query.removeEventListener("change", update);
}
