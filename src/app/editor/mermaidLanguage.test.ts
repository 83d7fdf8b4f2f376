import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { mermaidParser } from './mermaidLanguage.ts';

/** Each line's tokens as `text:type`, whitespace dropped. */
function tokenize(text: string): string[][] {
  const state = mermaidParser.startState?.(2) ?? (null as never);
  return text.split('\n').map((line) => {
    const out: string[] = [];
    const stream = new StringStream(line, 4, 2);
    while (!stream.eol()) {
      const type = mermaidParser.token(stream, state);
      const piece = line.slice(stream.start, stream.pos);
      if (stream.pos === stream.start) throw new Error(`no progress at ${stream.pos} in ${line}`);
      if (piece.trim()) out.push(`${piece}:${type}`);
      stream.start = stream.pos;
    }
    return out;
  });
}

describe('mermaid tokenizer', () => {
  it('reads the header, node shapes, links and labels', () => {
    expect(
      tokenize(
        [
          'flowchart LR',
          '  A[Client] -->|HTTP| B(("API"))',
          '  B -- reads --> C[(DB)]',
          '  C -.-> D{Ok?} ==> E>flag]',
        ].join('\n'),
      ),
    ).toEqual([
      ['flowchart:keyword', 'LR:atom'],
      [
        'A:variableName',
        '[:bracket',
        'Client:string',
        ']:bracket',
        '-->:operator',
        '|:bracket',
        'HTTP:string',
        '|:bracket',
        'B:variableName',
        '((:bracket',
        '"API":string',
        ')):bracket',
      ],
      [
        'B:variableName',
        '--:operator',
        'reads:string',
        '-->:operator',
        'C:variableName',
        '[(:bracket',
        'DB:string',
        ')]:bracket',
      ],
      [
        'C:variableName',
        '-.->:operator',
        'D:variableName',
        '{:bracket',
        'Ok?:string',
        '}:bracket',
        '==>:operator',
        'E:variableName',
        '>:bracket',
        'flag:string',
        ']:bracket',
      ],
    ]);
  });

  it('reads comments, directives, subgraphs, styles and accessibility text', () => {
    expect(
      tokenize(
        [
          '%%{init: {"theme": "dark"}}%%',
          'graph TD',
          '%% a comment',
          'subgraph one [The one]',
          '  direction TB',
          '  a1:::hot --- b1 & c1',
          'end',
          'classDef hot fill:#f96,stroke-width:2px',
          'class a1,b1 hot',
          'style c1 fill:#eee',
          'linkStyle 0 stroke:red',
          'accTitle: Title here',
          'click a1 href "https://example.com"',
        ].join('\n'),
      ),
    ).toEqual([
      ['%%{init: {"theme": "dark"}}%%:meta'],
      ['graph:keyword', 'TD:atom'],
      ['%% a comment:comment'],
      [
        'subgraph:keyword',
        'one:variableName.definition',
        '[:bracket',
        'The one:string',
        ']:bracket',
      ],
      ['direction:keyword', 'TB:atom'],
      [
        'a1:variableName',
        ':::hot:className',
        '---:operator',
        'b1:variableName',
        '&:punctuation',
        'c1:variableName',
      ],
      ['end:keyword'],
      [
        'classDef:keyword',
        'hot:className',
        'fill:propertyName',
        '::punctuation',
        '#f96:number',
        ',:punctuation',
        'stroke-width:propertyName',
        '::punctuation',
        '2px:number',
      ],
      ['class:keyword', 'a1:variableName', ',:punctuation', 'b1:variableName', 'hot:className'],
      ['style:keyword', 'c1:variableName', 'fill:propertyName', '::punctuation', '#eee:number'],
      ['linkStyle:keyword', '0:number', 'stroke:propertyName', '::punctuation', 'red:atom'],
      ['accTitle:keyword', '::punctuation', 'Title here:string'],
      ['click:keyword', 'a1:variableName', 'href:keyword', '"https://example.com":string'],
    ]);
  });

  it('takes `end` inside a line and ids that start with o or x as ids', () => {
    expect(tokenize('flowchart TB\n  A --> oven --o xray\n  backend --> end2')).toEqual([
      ['flowchart:keyword', 'TB:atom'],
      ['A:variableName', '-->:operator', 'oven:variableName', '--o:operator', 'xray:variableName'],
      ['backend:variableName', '-->:operator', 'end2:variableName'],
    ]);
  });

  it('ends an unclosed label with its line', () => {
    expect(tokenize('flowchart TB\n  A[open\n  B --> C')).toEqual([
      ['flowchart:keyword', 'TB:atom'],
      ['A:variableName', '[:bracket', 'open:string'],
      ['B:variableName', '-->:operator', 'C:variableName'],
    ]);
  });

  it('never stalls on arbitrary text', () => {
    expect(() => tokenize('}{][)(|||>>>::: --- -. == %%{ @{ "unterminated \\')).not.toThrow();
  });

  it('indents inside subgraphs', () => {
    const state = mermaidParser.startState?.(2) ?? (null as never);
    for (const line of ['flowchart TB', 'subgraph a']) {
      const stream = new StringStream(line, 4, 2);
      while (!stream.eol()) {
        mermaidParser.token(stream, state);
        stream.start = stream.pos;
      }
    }
    const cx = { unit: 2, lineIndent: () => 0, textAfterPos: () => '', column: () => 0 };
    expect(mermaidParser.indent?.(state, 'x --> y', cx as never)).toBe(4);
    expect(mermaidParser.indent?.(state, 'end', cx as never)).toBe(2);
  });
});
