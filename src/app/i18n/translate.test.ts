import { describe, expect, it } from 'vitest';
import { createLanguageStore } from './languageStore.ts';
import { en, ko, type MessageKey } from './messages.ts';
import { createTranslator, pickLanguage } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('uses the same {placeholders} in Korean and English, and no empty text', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
      expect(ko[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
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
