import { describe, expect, it } from 'vitest';
import { createLexer, directionOf } from './lexer.ts';
import type { Token } from './tokens.ts';

function lex(text: string): string[] {
  const lexer = createLexer(text);
  const out: string[] = [];
  for (let token: Token = lexer.next(); token.type !== 'DONE'; token = lexer.next()) {
    out.push(
      token.type === 'NEWLINE' || token.type === 'EOF' ? token.type : `${token.type}:${token.text}`,
    );
  }
  return out;
}

describe('createLexer', () => {
  it('reads the header direction only after the first diagram keyword', () => {
    expect(lex('graph TD;A-->B\n')).toEqual([
      'GRAPH:graph',
      'DIR: TD',
      'SEMI:;',
      'NODE_STRING:A',
      'LINK:-->',
      'NODE_STRING:B',
      'NEWLINE',
      'EOF',
    ]);
  });

  it('stops an id before a link but keeps inner dashes', () => {
    expect(lex('graph\nstep-1--xB\n').slice(2, 5)).toEqual([
      'NODE_STRING:step-1',
      'LINK:--x',
      'NODE_STRING:B',
    ]);
  });

  it('splits a labelled link into its start, text and end', () => {
    expect(lex('graph\nA-- go -->B\n').slice(2, 8)).toEqual([
      'NODE_STRING:A',
      'START_LINK:-- ',
      'EDGE_TEXT:g',
      'EDGE_TEXT:o',
      'LINK: -->',
      'NODE_STRING:B',
    ]);
  });

  it('reads brackets and strings inside labels', () => {
    expect(lex('graph\nA["x"]\n').slice(2, 6)).toEqual([
      'NODE_STRING:A',
      'SQS:[',
      'STR:x',
      'SQE:]',
    ]);
    expect(lex('graph\nA[("x")]\n').slice(3, 6)).toEqual([
      'CYLINDER_START:[(',
      'STR:x',
      'CYLINDER_END:)]',
    ]);
  });

  it('takes an edge id only when an @ is not followed by { or "', () => {
    expect(lex('graph\nA e1@-->B\n').slice(2, 6)).toEqual([
      'NODE_STRING:A',
      'SPACE: ',
      'LINK_ID:e1@',
      'LINK:-->',
    ]);
    expect(lex('graph\nA@{ shape: rect }\n').slice(2, 6)).toEqual([
      'NODE_STRING:A',
      'SHAPE_DATA:',
      'SHAPE_DATA: shape: rect ',
      'SHAPE_DATA_END:}',
    ]);
  });

  it('reads a line that mentions a direction as a direction statement, as Mermaid does', () => {
    expect(lex('graph\n  A[go direction LR]\n').slice(2, 3)).toEqual([
      'DIRECTION:  A[go direction LR]',
    ]);
    expect(directionOf('direction RL')).toBe('RL');
  });

  it('yields INVALID for text no rule accepts, and then keeps going', () => {
    expect(lex('graph\n😀 A\n').slice(2, 4)).toEqual(['INVALID:😀', 'SPACE: ']);
  });

  it('restarts in the initial mode', () => {
    const lexer = createLexer('graph\nA[unclosed\nB\n');
    lexer.restartAt('graph\nA[unclosed\n'.length);
    expect(lexer.next()).toMatchObject({ type: 'NODE_STRING', text: 'B' });
  });
});
