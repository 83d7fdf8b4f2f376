/** What the reader asked for in the theme menu; `system` follows the operating system. */
export const THEME_PREFERENCES = ['system', 'light', 'dark', 'contrast'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

/** The theme actually drawn: the value of `data-theme` on `<html>`. */
export type Theme = Exclude<ThemePreference, 'system'>;

/** React Flow's `colorMode` has no high-contrast mode; ours is light underneath. */
export type FlowColorMode = 'light' | 'dark';

/** What the operating system says, as read from `matchMedia`. */
export interface SystemAppearance {
  dark: boolean;
  moreContrast: boolean;
}

export const THEME_STORAGE_KEY = 'flowdeck.theme';

/** A stored or chosen value as a preference; anything unknown (or nothing) is `system`. */
export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return THEME_PREFERENCES.find((p) => p === value) ?? 'system';
}

/**
 * The theme a preference draws. Under `system`, asking for more contrast wins
 * over asking for dark: it is a need, dark is a taste.
 */
export function resolveTheme(preference: ThemePreference, system: SystemAppearance): Theme {
  if (preference !== 'system') return preference;
  if (system.moreContrast) return 'contrast';
  return system.dark ? 'dark' : 'light';
}

/** The value for React Flow's `colorMode` prop. */
export function flowColorMode(theme: Theme): FlowColorMode {
  return theme === 'dark' ? 'dark' : 'light';
}
