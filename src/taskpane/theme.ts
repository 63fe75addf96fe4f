import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The part of Office's theme the pane follows; Office.context.officeTheme where the host gives one. */
export interface HostTheme {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Relative luminance of a "#rrggbb" colour, 0 (black) to 1 (white); null for anything else. */
function luminance(colour: string): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark where Office says so, or, on hosts without isDarkTheme, where its background is dark. */
export function isDark(host: HostTheme | null | undefined): boolean {
  if (!host) return false;
  if (typeof host.isDarkTheme === "boolean") return host.isDarkTheme;
  const l = host.bodyBackgroundColor ? luminance(host.bodyBackgroundColor) : null;
  return l !== null && l < 0.5;
}

export function fluentTheme(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}
