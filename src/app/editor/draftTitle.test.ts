import { describe, expect, it } from 'vitest';
import { draftTitle } from './draftTitle.ts';

describe('draftTitle', () => {
  it('goes by the title in the text, not the one stored with the draft', () => {
    // As older code saved it: the starter's title, though the text was retitled.
    const saved = { title: '새 다이어그램', text: 'title: 3계층 웹 애플리케이션\nnodes: {}' };
    expect(draftTitle(saved)).toBe('3계층 웹 애플리케이션');
    expect(draftTitle({ text: 'flowchart LR\naccTitle: 흐름\nA --> B' })).toBe('흐름');
  });

  it('falls back to the diagram it was copied from, else nothing', () => {
    expect(draftTitle({ text: 'flowchart LR\nA --> B', source: 'k8s-history' })).toBe(
      'k8s-history',
    );
    expect(draftTitle({ text: 'flowchart LR\nA --> B' })).toBe('');
    expect(draftTitle({ text: 'title: "  "\nnodes: {}' })).toBe('');
  });
});
