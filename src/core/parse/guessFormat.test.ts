import { describe, expect, it } from 'vitest';
import { guessFormat } from './guessFormat.ts';

describe('guessFormat', () => {
  it('knows a Mermaid flowchart by its first statement', () => {
    expect(guessFormat('flowchart LR\n  A --> B')).toBe('mermaid');
    expect(guessFormat('\n%% a comment\ngraph TD;A-->B')).toBe('mermaid');
    expect(guessFormat('---\ntitle: x\n---\nflowchart TB\n  A')).toBe('mermaid');
    expect(guessFormat('FLOWCHART LR\nA')).toBe('mermaid');
  });
  it('takes anything else for a spec', () => {
    expect(guessFormat('title: x\nnodes:\n  a: A')).toBe('yaml');
    expect(guessFormat('')).toBe('yaml');
    expect(guessFormat('flowcharts: []')).toBe('yaml');
    expect(guessFormat('---\ntitle: never closed')).toBe('yaml');
    expect(guessFormat('sequenceDiagram\n  A->>B: hi')).toBe('yaml');
  });
});
