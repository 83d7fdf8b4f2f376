import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from './suggest.ts';

describe('suggest', () => {
  it('finds near misses', () => {
    expect(suggest('shap', ['shape', 'label', 'nodes'])).toBe('shape');
    expect(suggest('lable', ['shape', 'label'])).toBe('label');
    expect(suggest('ectd', ['etcd', 'api'])).toBe('etcd');
  });
  it('says nothing when nothing is close', () => {
    expect(suggest('zzzzzz', ['shape', 'label'])).toBeUndefined();
  });
  it('counts code points, so Hangul is one edit per syllable', () => {
    expect(editDistance('컨테이너', '컨테이나')).toBe(1);
  });
  it('stops counting past a bound, and ties go to the first candidate', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(suggest('nod1', ['node1', 'nod12', 'nod'])).toBe('node1');
  });
  it('suggests nothing for a word too long to be a typo, however close', () => {
    // Each comparison with a 100 000-character word was seconds of work.
    const long = 'n'.repeat(101);
    expect(suggest(long, [`${long}x`])).toBeUndefined();
    expect(suggest('n'.repeat(99), ['n'.repeat(100)])).toBe('n'.repeat(100));
  });
});
