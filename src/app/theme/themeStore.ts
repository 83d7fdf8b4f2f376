import {
  browserStorage,
  type PreferenceStorage,
  readPreference,
  writePreference,
} from './preferenceStorage.ts';
import {
  parseThemePreference,
  resolveTheme,
  THEME_STORAGE_KEY,
  type Theme,
  type ThemePreference,
} from './theme.ts';

export interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
  /** Reduced motion: the reader's own choice if made, else the system's (`prefers-reduced-motion`). */
  reducedMotion: boolean;
}

const MOTION_STORAGE_KEY = 'flowdeck.motion';

/** The parts of the browser the store touches, so tests can hand in fakes. */
export interface ThemeEnv {
  root: Pick<Element, 'setAttribute' | 'removeAttribute'>;
  /** Null when storage is unavailable; the preference then lasts for the page only. */
  storage: PreferenceStorage;
  matchMedia: (query: string) => MediaQuery;
}

/** What the store uses of a MediaQueryList. */
export interface MediaQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

export interface ThemeStore {
  getState(): ThemeState;
  subscribe(listener: () => void): () => void;
  setPreference(preference: ThemePreference): void;
  /** Overrides the system's reduced-motion setting (remembered). */
  setReducedMotion(reduce: boolean): void;
  destroy(): void;
}

/**
 * Holds the theme preference, resolves it against the system's media queries
 * (following them live) and writes the result onto the root element as
 * `data-theme` and `data-motion`. Writes happen at once, so calling this
 * before React renders avoids a flash of the wrong theme.
 */
export function createThemeStore(env: ThemeEnv): ThemeStore {
  const dark = env.matchMedia('(prefers-color-scheme: dark)');
  const moreContrast = env.matchMedia('(prefers-contrast: more)');
  const reduce = env.matchMedia('(prefers-reduced-motion: reduce)');
  const listeners = new Set<() => void>();
  let preference = parseThemePreference(readPreference(env.storage, THEME_STORAGE_KEY));
  let motion = readPreference(env.storage, MOTION_STORAGE_KEY);
  let state = compute();
  apply(state);

  function compute(): ThemeState {
    return {
      preference,
      theme: resolveTheme(preference, { dark: dark.matches, moreContrast: moreContrast.matches }),
      reducedMotion: motion === 'reduce' || (motion !== 'full' && reduce.matches),
    };
  }

  function apply({ theme, reducedMotion }: ThemeState) {
    env.root.setAttribute('data-theme', theme);
    if (reducedMotion) env.root.setAttribute('data-motion', 'reduce');
    else env.root.removeAttribute('data-motion');
  }

  function refresh() {
    const next = compute();
    if (
      next.preference === state.preference &&
      next.theme === state.theme &&
      next.reducedMotion === state.reducedMotion
    )
      return;
    state = next;
    apply(state);
    for (const listener of listeners) listener();
  }

  const queries = [dark, moreContrast, reduce];
  for (const query of queries) query.addEventListener('change', refresh);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setPreference(next) {
      preference = next;
      writePreference(env.storage, THEME_STORAGE_KEY, next);
      refresh();
    },
    setReducedMotion(on) {
      motion = on ? 'reduce' : 'full';
      writePreference(env.storage, MOTION_STORAGE_KEY, motion);
      refresh();
    },
    destroy() {
      for (const query of queries) query.removeEventListener('change', refresh);
      listeners.clear();
    },
  };
}

let appStore: ThemeStore | undefined;

/**
 * The app's theme store, created on first call. Call it in main.tsx before
 * rendering so `data-theme` is on `<html>` before the first paint.
 */
export function startTheme(): ThemeStore {
  appStore ??= createThemeStore({
    root: document.documentElement,
    storage: browserStorage(),
    matchMedia: (query) => window.matchMedia(query),
  });
  return appStore;
}
