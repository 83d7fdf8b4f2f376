import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapText } from './mappedText.ts';
import { commentLines, dropColourSemicolon, preprocess } from './preprocess.ts';

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

describe('dropColourSemicolon', () => {
  const mermaids = (text: string, keyword: string) =>
    text.replace(new RegExp(`${keyword}.*:\\S*#.*;`, 'g'), (m) => m.slice(0, -1));
  const piece = fc.constantFrom('style', 'classDef', ' ', ':', '#', ';', 'a', '\n', '\u2028', '\t');

  it("drops what Mermaid's regular expression drops, and keeps positions", () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.constantFrom('style', 'classDef'),
        (parts, keyword) => {
          const text = parts.join('');
          const dropped = dropColourSemicolon(mapText(text), keyword);
          expect(dropped.text).toBe(mermaids(text, keyword));
          expect(dropped.origins).toHaveLength(dropped.text.length + 1);
          dropped.origins.slice(0, -1).forEach((origin, i) => {
            expect(text[origin]).toBe(dropped.text[i]);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a 200 kB style line at once (the expression backtracked for minutes)', () => {
    const declarations = Array.from({ length: 20_000 }, (_, i) => `fill:#${i}`).join(',');
    const text = `style a ${declarations};`;
    expect(dropColourSemicolon(mapText(text), 'style').text).toBe(text.slice(0, -1));
  });
});

describe('commentLines', () => {
  const piece = fc.constantFrom('%%', '%', '{', ' ', '\n', '\r', '\u2028', '\t', 'a', 'graph');
  const remove = (text: string) =>
    commentLines(text).reduceRight((t, [start, end]) => t.slice(0, start) + t.slice(end), text);

  it("removes what Mermaid's comment expression removes", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(remove(text)).toBe(text.replace(/^\s*%%(?!{)[^\n]+\n?/gm, ''));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads 100 000 blank lines at once (the expression took seconds)', () => {
    expect(commentLines(`${'\n'.repeat(100_000)}%% c\na`)).toEqual([[0, 100_005]]);
  });
});
