import { useSyncExternalStore } from 'react';
import { type FlowColorMode, flowColorMode } from './theme.ts';
import { startTheme, type ThemeState, type ThemeStore } from './themeStore.ts';

export interface UseThemeResult extends ThemeState {
  /** Pass to React Flow's `colorMode` prop. */
  colorMode: FlowColorMode;
  setPreference: ThemeStore['setPreference'];
  setReducedMotion: ThemeStore['setReducedMotion'];
}

/**
 * The theme preference, the theme it resolves to (live with the system) and
 * a setter that persists the choice.
 */
export function useTheme(): UseThemeResult {
  const store = startTheme();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return {
    ...state,
    colorMode: flowColorMode(state.theme),
    setPreference: store.setPreference,
    setReducedMotion: store.setReducedMotion,
  };
}
