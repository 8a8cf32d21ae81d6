/** Which theme Office shows, from its theme colours (no DOM, so tests run it in Node). */
export type ThemeMode = "light" | "dark";

/** The subset of `Office.OfficeTheme` the pane reads. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance (0 black … 1 white) of a "#rrggbb" colour, or null. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/** Dark when Office says so, or when its pane background is dark; null when Office gives no theme. */
export function modeFromOffice(theme: OfficeThemeColors | null | undefined): ThemeMode | null {
  if (!theme) return null;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const l = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  return l === null ? null : l < 0.2 ? "dark" : "light";
}
