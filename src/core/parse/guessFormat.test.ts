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
  it('reads lines ending in \\r\\n, and front matter that is never closed, as before', () => {
    expect(guessFormat('\r\n%% c\r\n---\r\nflowchart LR')).toBe('yaml');
    expect(guessFormat('---\r\ntitle: x\r\n---\r\n\r\ngraph TD')).toBe('mermaid');
    expect(guessFormat('---\n---\n')).toBe('yaml');
    expect(guessFormat('---\n---\nflowchart')).toBe('mermaid');
  });
});
