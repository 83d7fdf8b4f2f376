import { describe, expect, it } from 'vitest';
import type { Deck } from '../../core/deck/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { gallerySections, matches } from './Gallery.tsx';

const source = (id: string) => ({ id, file: `diagrams/${id}.mmd`, text: '' });
const deck: Deck = {
  id: 'part1',
  title: 'Part 1',
  entries: [{ diagram: 'b' }, { diagram: 'missing' }, { diagram: 'a' }, { diagram: 'b' }],
};

describe('gallerySections', () => {
  it('lists a deck in its order (once each, unknown ids skipped), then the rest', () => {
    const sections = gallerySections([deck], ['a', 'b', 'c'].map(source), 'More');
    expect(sections.map((s) => [s.title, s.ordered, s.sources.map((d) => d.id)])).toEqual([
      ['Part 1', true, ['b', 'a']],
      ['More', false, ['c']],
    ]);
    expect(sections[0]?.deckId).toBe('part1');
    expect(sections[1]?.deckId).toBeUndefined();
  });
});

describe('matches', () => {
  const diagram = {
    title: '클러스터 구성',
    nodes: [{ label: 'etcd' }, { label: 'API Server' }],
    edges: [{ label: 'watch · bind' }],
  } as unknown as LaidOutDiagram;
  it('finds every word in the title, labels or edge labels, ignoring case', () => {
    expect(matches('ETCD 클러스터', source('x'), diagram)).toBe(true);
    expect(matches('bind', source('x'), diagram)).toBe(true);
    expect(matches('etcd runc', source('x'), diagram)).toBe(false);
    expect(matches('', source('x'), null)).toBe(true);
    expect(matches('x', source('x'), null)).toBe(true);
  });
});
