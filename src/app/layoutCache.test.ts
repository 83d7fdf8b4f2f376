import { describe, expect, it } from 'vitest';
import type { LayoutResult } from '../worker/protocol.ts';
import { cached, forget, layoutsSnapshot, remember, subscribeLayouts } from './layoutCache.ts';

const source = { id: 'a', file: 'diagrams/a.mmd', text: 'flowchart LR\n a --> b' };
const failed: LayoutResult = {
  requestId: 1,
  ok: false,
  reason: 'crashed',
  diagnostics: [],
  message: 'x',
};

describe('the layout cache', () => {
  it('tells subscribers when a layout lands or goes, with a new snapshot each time', () => {
    const seen: unknown[] = [];
    const stop = subscribeLayouts(() => seen.push(layoutsSnapshot()));
    const before = layoutsSnapshot();
    remember(source, [], failed);
    expect(cached(source, [])).toBe(failed);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBe(before);
    // A cancelled answer is not a layout.
    remember(source, ['g'], { requestId: 2, cancelled: true });
    expect(cached(source, ['g'])).toBeUndefined();
    expect(seen).toHaveLength(1);
    forget(source, []);
    expect(cached(source, [])).toBeUndefined();
    expect(seen).toHaveLength(2);
    stop();
    remember(source, [], failed);
    expect(seen).toHaveLength(2);
  });

  it('misses when the text changed', () => {
    remember(source, [], failed);
    expect(cached({ ...source, text: `${source.text}\n b --> c` }, [])).toBeUndefined();
  });
});
