import { describe, expect, it } from 'vitest';
import { createLanguageStore } from './languageStore.ts';
import { en, ko, LANGUAGES, MESSAGES, type MessageKey, type Plural } from './messages.ts';
import { createTranslator, pickLanguage } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** A message's texts: itself, or its plural forms. */
const texts = (message: string | Readonly<Record<string, string>>) =>
  typeof message === 'string' ? [message] : Object.values(message);

describe('messages', () => {
  it('uses the same {placeholders} in Korean and English, and no empty text', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const names = placeholders(texts(en[key])[0] ?? '');
      for (const text of [...texts(en[key]), ...texts(ko[key])]) {
        expect(placeholders(text), key).toEqual(names);
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('gives exactly the plural forms each language’s rules use, each showing the count', () => {
    const plural = (Object.keys(en) as MessageKey[]).filter((key) => typeof en[key] !== 'string');
    expect(plural).toEqual(expect.arrayContaining(['player.stepCount', 'gallery.nodes']));
    for (const language of LANGUAGES) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of plural) {
        const message = MESSAGES[language][key];
        expect(Object.keys(message).sort(), `${language} ${key}`).toEqual([...categories].sort());
        for (const text of texts(message)) expect(text, key).toContain('{count}');
      }
    }
  });

  it('makes a missing or extra plural form a type error', () => {
    // @ts-expect-error English needs `one` as well as `other`.
    const missing: Plural<'en'> = { other: '{count} steps' };
    // @ts-expect-error Korean has no `one`.
    const extra: Plural<'ko'> = { one: '{count}단계', other: '{count}단계' };
    const t = createTranslator('en');
    // @ts-expect-error A plural message needs its count…
    expect(() => t('player.stepCount')).not.toThrow();
    // @ts-expect-error …and the count is a number.
    expect(t('player.stepCount', { count: '1' })).toBe('1 step');
    expect([missing.other, extra.other]).toHaveLength(2);
  });
});

describe('createTranslator', () => {
  it('fills placeholders by name, in either language', () => {
    expect(createTranslator('en')('diagram.notFound', { id: 'pods' })).toBe(
      'No diagram called “pods”.',
    );
    expect(createTranslator('ko')('diagram.notFound', { id: 'pods' })).toBe(
      '“pods”라는 다이어그램이 없습니다.',
    );
    expect(createTranslator('ko')('gallery.nodes', { count: 3 })).toBe('노드 3개');
    expect(createTranslator('en')('diagram.loading')).toBe('Laying out…');
  });

  it('picks the plural form the language uses for the count', () => {
    const en = createTranslator('en');
    expect(en('player.stepCount', { count: 1 })).toBe('1 step');
    expect(en('player.stepCount', { count: 2 })).toBe('2 steps');
    expect(en('player.stepCount', { count: 0 })).toBe('0 steps');
    expect(en('view.hiddenCount', { count: 1 })).toBe('1 node folded away');
    expect(en('deck.preparing', { done: 1, count: 1 })).toBe(
      'Laying out the deck: 1 of 1 diagram…',
    );
    expect(en('deck.preparing', { done: 1, count: 3 })).toBe(
      'Laying out the deck: 1 of 3 diagrams…',
    );
    const ko = createTranslator('ko');
    expect(ko('player.stepCount', { count: 1 })).toBe('1단계');
    expect(ko('player.stepCount', { count: 2 })).toBe('2단계');
  });
});

describe('pickLanguage', () => {
  it('takes the first of the reader’s languages we have, else English', () => {
    expect(pickLanguage(['ko-KR', 'en-US'])).toBe('ko');
    expect(pickLanguage(['en-GB', 'ko'])).toBe('en');
    expect(pickLanguage(['fr-FR', 'ko'])).toBe('ko');
    expect(pickLanguage(['ja-JP'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});

describe('createLanguageStore', () => {
  it('starts from storage, else the browser; sets <html lang>; persists a choice', () => {
    const stored: Record<string, string> = {};
    const attributes = new Map<string, string>();
    const env = {
      root: { setAttribute: (name: string, value: string) => void attributes.set(name, value) },
      storage: {
        getItem: (key: string) => stored[key] ?? null,
        setItem: (key: string, value: string) => void (stored[key] = value),
      },
      preferred: ['ko-KR'],
    };
    const store = createLanguageStore(env);
    expect(store.getLanguage()).toBe('ko');
    expect(attributes.get('lang')).toBe('ko');
    let calls = 0;
    store.subscribe(() => calls++);
    store.setLanguage('en');
    expect(attributes.get('lang')).toBe('en');
    expect(calls).toBe(1);
    expect(createLanguageStore(env).getLanguage()).toBe('en');
  });
});
