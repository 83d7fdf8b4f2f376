import { describe, expect, it } from 'vitest';
import { resolveTheme } from './theme.ts';
import { createThemeStore, type ThemeEnv } from './themeStore.ts';

/** A fake browser: media queries whose answers the test flips, a root that records attributes. */
function fakeEnv(media: Record<string, boolean>, stored: Record<string, string> = {}) {
  const attributes = new Map<string, string>();
  const listeners = new Map<string, Set<() => void>>();
  const env: ThemeEnv = {
    root: {
      setAttribute: (name, value) => void attributes.set(name, value),
      removeAttribute: (name) => void attributes.delete(name),
    },
    storage: {
      getItem: (key) => stored[key] ?? null,
      setItem: (key, value) => void (stored[key] = value),
    },
    matchMedia: (query) => ({
      get matches() {
        return media[query] ?? false;
      },
      addEventListener: (_type: 'change', listener: () => void) => {
        const set = listeners.get(query) ?? new Set();
        set.add(listener);
        listeners.set(query, set);
      },
      removeEventListener: (_type: 'change', listener: () => void) => {
        listeners.get(query)?.delete(listener);
      },
    }),
  };
  const change = (query: string, matches: boolean) => {
    media[query] = matches;
    for (const listener of listeners.get(query) ?? []) listener();
  };
  return { env, attributes, stored, change, listeners };
}

const DARK = '(prefers-color-scheme: dark)';
const MORE = '(prefers-contrast: more)';
const REDUCE = '(prefers-reduced-motion: reduce)';

describe('resolveTheme', () => {
  it('follows the system under `system`, more contrast before dark', () => {
    expect(resolveTheme('system', { dark: false, moreContrast: false })).toBe('light');
    expect(resolveTheme('system', { dark: true, moreContrast: false })).toBe('dark');
    expect(resolveTheme('system', { dark: true, moreContrast: true })).toBe('contrast');
  });
  it('keeps an explicit choice whatever the system says', () => {
    expect(resolveTheme('light', { dark: true, moreContrast: true })).toBe('light');
    expect(resolveTheme('dark', { dark: false, moreContrast: false })).toBe('dark');
  });
});

describe('createThemeStore', () => {
  it('writes data-theme and data-motion at once, before anyone subscribes', () => {
    const { env, attributes } = fakeEnv({ [DARK]: true, [REDUCE]: true });
    const store = createThemeStore(env);
    expect(store.getState()).toEqual({ preference: 'system', theme: 'dark', reducedMotion: true });
    expect(attributes.get('data-theme')).toBe('dark');
    expect(attributes.get('data-motion')).toBe('reduce');
  });

  it('lets the reader override the system on motion, and remembers it', () => {
    const { env, attributes, stored } = fakeEnv({ [REDUCE]: true });
    const store = createThemeStore(env);
    store.setReducedMotion(false);
    expect(store.getState().reducedMotion).toBe(false);
    expect(attributes.has('data-motion')).toBe(false);
    store.setReducedMotion(true);
    expect(attributes.get('data-motion')).toBe('reduce');
    expect(createThemeStore(fakeEnv({}, stored).env).getState().reducedMotion).toBe(true);
  });

  it('reads the stored preference; ignores a value it does not know', () => {
    expect(
      createThemeStore(fakeEnv({}, { 'flowdeck.theme': 'contrast' }).env).getState().theme,
    ).toBe('contrast');
    expect(
      createThemeStore(fakeEnv({}, { 'flowdeck.theme': 'neon' }).env).getState().preference,
    ).toBe('system');
  });

  it('follows live system changes and tells subscribers once per change', () => {
    const { env, attributes, change } = fakeEnv({});
    const store = createThemeStore(env);
    let calls = 0;
    store.subscribe(() => calls++);
    change(DARK, true);
    expect(attributes.get('data-theme')).toBe('dark');
    change(MORE, true);
    expect(attributes.get('data-theme')).toBe('contrast');
    change(REDUCE, true);
    expect(attributes.get('data-motion')).toBe('reduce');
    change(REDUCE, false);
    expect(attributes.has('data-motion')).toBe(false);
    expect(calls).toBe(4);
  });

  it('persists a chosen preference, which then wins over the system', () => {
    const { env, attributes, stored, change } = fakeEnv({ [DARK]: true });
    const store = createThemeStore(env);
    store.setPreference('light');
    expect(stored['flowdeck.theme']).toBe('light');
    expect(attributes.get('data-theme')).toBe('light');
    change(DARK, false);
    change(DARK, true);
    expect(store.getState().theme).toBe('light');
  });

  it('works without storage, and when storage throws', () => {
    const { env } = fakeEnv({});
    const broken = createThemeStore({
      ...env,
      storage: {
        getItem: () => {
          throw new Error('blocked');
        },
        setItem: () => {
          throw new Error('blocked');
        },
      },
    });
    broken.setPreference('dark');
    expect(broken.getState().theme).toBe('dark');
    expect(createThemeStore({ ...env, storage: null }).getState().preference).toBe('system');
  });

  it('stops listening on destroy', () => {
    const { env, listeners } = fakeEnv({});
    createThemeStore(env).destroy();
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
  });
});
