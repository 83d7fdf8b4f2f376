import { describe, expect, it } from 'vitest';
import { looksLikeDiagram } from './usePasteToOpen.ts';

describe('looksLikeDiagram', () => {
  it('takes Mermaid flowcharts and specs', () => {
    expect(looksLikeDiagram('flowchart LR\n  A --> B')).toBe(true);
    expect(looksLikeDiagram('title: x\nnodes:\n  a: A')).toBe(true);
    expect(looksLikeDiagram('mermaid: |\n  flowchart LR\n    A')).toBe(true);
  });
  it('leaves other pasted text alone', () => {
    expect(looksLikeDiagram('etcd')).toBe(false);
    expect(looksLikeDiagram('')).toBe(false);
    expect(looksLikeDiagram('sequenceDiagram\n  A->>B: hi')).toBe(false);
    expect(looksLikeDiagram(`flowchart LR\n${'A-->B\n'.repeat(200_000)}`)).toBe(false);
  });
});
