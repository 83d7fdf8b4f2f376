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
});
