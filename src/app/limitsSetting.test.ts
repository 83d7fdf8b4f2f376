import { describe, expect, it } from 'vitest';
import { readLimitsSetting } from './limitsSetting.ts';

describe('readLimitsSetting', () => {
  it('reads the limits and the layout timeout from ?limits=', () => {
    expect(readLimitsSetting('?limits=nodes=8000,edges=20000,timeout=60')).toEqual({
      limits: { maxNodes: 8000, maxEdges: 20_000 },
      timeoutMs: 60_000,
    });
    expect(readLimitsSetting('?limits=timeout=0.5&limits=file=2MiB')).toEqual({
      limits: { maxFileBytes: 2 * 1024 * 1024 },
      timeoutMs: 500,
    });
    expect(readLimitsSetting('')).toEqual({ limits: {}, timeoutMs: undefined });
  });

  it('ignores a setting with a mistake in it, and says what it is', () => {
    expect(readLimitsSetting('?limits=nodes=8000,timeout=soon')).toEqual({
      limits: {},
      timeoutMs: undefined,
      problem: 'limit timeout must be a number of seconds above 0, not "soon"',
    });
    expect(readLimitsSetting('?limits=nodez=1').problem).toMatch(/^unknown limit "nodez"/);
  });
});
