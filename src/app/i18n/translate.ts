import {
  LANGUAGES,
  type Language,
  MESSAGES,
  type MessageKey,
  type MessageVars,
} from './messages.ts';

/** The arguments after the key: none for a plain message, the values for one with placeholders. */
export type TranslateArgs<K extends MessageKey> = [keyof MessageVars<K>] extends [never]
  ? []
  : [vars: MessageVars<K>];

/**
 * A message in the current language, `{name}` filled from `vars`; a plural
 * message in the form its language uses for `vars.count`.
 */
export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

/**
 * A `t` function for one language.
 *
 * @example
 * createTranslator('ko')('diagram.notFound', { id: 'pods' }); // '“pods”라는 다이어그램이 없습니다.'
 * createTranslator('en')('player.stepCount', { count: 1 }); // '1 step'
 */
export function createTranslator(language: Language): Translate {
  const messages = MESSAGES[language];
  const rules = new Intl.PluralRules(language);
  return (key, ...args) => {
    const vars: Partial<Record<string, string | number>> = args[0] ?? {};
    const message: string | { readonly other: string } = messages[key];
    const text =
      typeof message === 'string' ? message : formFor(message, rules.select(Number(vars.count)));
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      return value === undefined ? whole : String(value);
    });
  };
}

/** The text for a plural category; `other` when the language gives none for it. */
function formFor(message: { readonly other: string }, category: Intl.LDMLPluralRule): string {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = message;
  return forms[category] ?? message.other;
}

/**
 * The first of the reader's languages we have (`ko-KR` → `ko`, `en-GB` → `en`);
 * English when none is.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((language) => language === primary);
    if (found) return found;
  }
  return 'en';
}

export function parseLanguage(value: string | null | undefined): Language | null {
  return LANGUAGES.find((language) => language === value) ?? null;
}
