import { describe, expect, it } from 'vitest';
import { preprocess } from './preprocess.ts';

const origin = (pre: ReturnType<typeof preprocess>, needle: string) =>
  pre.text.origins[pre.text.text.indexOf(needle)];

describe('preprocess', () => {
  it('cuts front matter, directives and comment lines but keeps source offsets', () => {
    const source = '---\ntitle: T\n---\n%%{init: {}}%%\nflowchart LR\n%% note\n  a --> b\n';
    const pre = preprocess(source);
    expect(pre.title).toBe('T');
    expect(pre.isFlowchart).toBe(true);
    expect(pre.text.text).toBe('flowchart LR\n  a --> b\n\n');
    expect(origin(pre, 'a -->')).toBe(source.indexOf('a -->'));
  });

  it('hides entity codes behind placeholders and keeps colours in styles', () => {
    const pre = preprocess('graph\nA["#quot;x#quot;"]\nstyle A fill:#f9f;\n');
    expect(pre.text.text).not.toContain('#quot;');
    expect(pre.text.text).toContain('fill:#f9f\n');
  });

  it('maps CRLF line ends without shifting columns', () => {
    const source = 'graph\r\nA --> B\r\n';
    const pre = preprocess(source);
    expect(pre.text.text).toBe('graph\nA --> B\n\n');
    expect(origin(pre, 'B')).toBe(source.indexOf('B'));
  });

  it('reports front matter whose closing line is indented differently', () => {
    const pre = preprocess('---\ntitle: T\n  ---\ngraph\n');
    expect(pre.notes[0]?.severity).toBe('error');
    expect(pre.title).toBe('T');
    expect(pre.isFlowchart).toBe(true);
  });

  it('names what it found when the text is not a flowchart', () => {
    expect(preprocess('pie title Pets\n')).toMatchObject({ isFlowchart: false, firstWord: 'pie' });
  });
});
