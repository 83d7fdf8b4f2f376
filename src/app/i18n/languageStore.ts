import {
  browserStorage,
  type PreferenceStorage,
  readPreference,
  writePreference,
} from '../theme/preferenceStorage.ts';
import type { Language } from './messages.ts';
import { parseLanguage, pickLanguage } from './translate.ts';

export const LANGUAGE_STORAGE_KEY = 'flowdeck.language';

export interface LanguageEnv {
  root: Pick<Element, 'setAttribute'>;
  storage: PreferenceStorage;
  /** The reader's languages, most wanted first (`navigator.languages`). */
  preferred: readonly string[];
}

export interface LanguageStore {
  getLanguage(): Language;
  subscribe(listener: () => void): () => void;
  setLanguage(language: Language): void;
}

/**
 * Holds the UI language: the stored choice, else the first of the reader's
 * languages we have, else English. Keeps `<html lang>` in step at once, so
 * calling it before React renders gives screen readers the right language.
 */
export function createLanguageStore(env: LanguageEnv): LanguageStore {
  const listeners = new Set<() => void>();
  let language =
    parseLanguage(readPreference(env.storage, LANGUAGE_STORAGE_KEY)) ?? pickLanguage(env.preferred);
  env.root.setAttribute('lang', language);
  return {
    getLanguage: () => language,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setLanguage(next) {
      writePreference(env.storage, LANGUAGE_STORAGE_KEY, next);
      if (next === language) return;
      language = next;
      env.root.setAttribute('lang', language);
      for (const listener of listeners) listener();
    },
  };
}

let appStore: LanguageStore | undefined;

/** The app's language store, created on first call; main.tsx calls it before rendering. */
export function startLanguage(): LanguageStore {
  appStore ??= createLanguageStore({
    root: document.documentElement,
    storage: browserStorage(),
    preferred: navigator.languages.length > 0 ? navigator.languages : [navigator.language],
  });
  return appStore;
}
