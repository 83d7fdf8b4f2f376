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
    remember(source, [], '16:9', failed);
    expect(cached(source, [], '16:9')).toBe(failed);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBe(before);
    // A cancelled answer is not a layout.
    remember(source, ['g'], '16:9', { requestId: 2, cancelled: true });
    expect(cached(source, ['g'], '16:9')).toBeUndefined();
    expect(seen).toHaveLength(1);
    forget(source, [], '16:9');
    expect(cached(source, [], '16:9')).toBeUndefined();
    expect(seen).toHaveLength(2);
    stop();
    remember(source, [], '16:9', failed);
    expect(seen).toHaveLength(2);
  });

  it('keeps a layout per screen shape: another shape misses', () => {
    remember(source, [], '4:3', failed);
    expect(cached(source, [], '4:3')).toBe(failed);
    expect(cached(source, [], '3:4')).toBeUndefined();
    expect(cached(source, [], undefined)).toBeUndefined();
    remember(source, [], undefined, failed);
    expect(cached(source, [], undefined)).toBe(failed);
  });

  it('misses when the text changed', () => {
    remember(source, [], '16:9', failed);
    expect(cached({ ...source, text: `${source.text}\n b --> c` }, [], '16:9')).toBeUndefined();
  });
});
