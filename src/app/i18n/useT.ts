import { useMemo, useSyncExternalStore } from 'react';
import { startLanguage } from './languageStore.ts';
import type { Language } from './messages.ts';
import { createTranslator, type Translate } from './translate.ts';

/** The UI language and a setter that persists it and updates `<html lang>`. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const store = startLanguage();
  const language = useSyncExternalStore(store.subscribe, store.getLanguage);
  return { language, setLanguage: store.setLanguage };
}

/**
 * `t(key, vars?)` in the current UI language; a new function when the
 * language changes, so it can sit in dependency lists.
 *
 * @example
 * const t = useT();
 * t('diagram.notFound', { id }); // 'No diagram called “pods”.'
 */
export function useT(): Translate {
  const { language } = useLanguage();
  return useMemo(() => createTranslator(language), [language]);
}
