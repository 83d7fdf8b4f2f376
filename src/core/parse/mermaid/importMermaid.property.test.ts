import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMermaid } from './importMermaid.ts';
import { resultProblems } from './resultProblems.ts';

/** Flowcharts in the styles people write, to mutate. */
const SAMPLES = [
  'flowchart LR\n  a[Start] --> b{Ready?}\n  b -->|yes| c((Go))\n  b -- no --> d[(Wait)]\n  d -.-> a',
  '---\ntitle: Deploy\n---\nflowchart TB\n  subgraph cluster["Cluster"]\n    direction LR\n    api["API<br/>server"] <--> db[(etcd)]\n  end\n  user --> api',
  'graph TD;A-->B;subgraph s1 [One];c-->d;end;class c hot\nstyle A fill:#f9f,stroke:#333;\nclassDef hot fill:#f00;',
  '%%{init: {"theme": "dark"}}%%\nflowchart LR\n  %% comment\n  x@{ shape: cyl, label: "Store" }\n  x e1@==> y:::hot & z\n  e1@{ animate: true }\n  linkStyle 0 stroke:red\n  click x "https://example.com" "tip"',
  'flowchart RL\n  accTitle: A11y\n  accDescr { two\n  lines }\n  a["`**md** label`"] ~~~ b>odd] o--o c[/lean/] x--x d[\\trap/]\n  a ---> b -..-> c ===> d',
];

/** Pieces of flowchart syntax, so random text hits the interesting paths. */
const FRAGMENTS = [
  'flowchart LR\n',
  'graph TD;',
  '\n',
  ' ',
  ';',
  'a',
  'B1',
  '가',
  '-->',
  '---',
  '-.->',
  '==>',
  '~~~',
  '<-->',
  'o--o',
  'x--x',
  '-- t -->',
  '-->|t|',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '((',
  '))',
  '[(',
  ')]',
  '[/',
  '/]',
  '[\\',
  '\\]',
  '>',
  '"',
  '"`',
  '`"',
  '|',
  '&',
  ':::',
  '@{',
  'shape: circle',
  'label: "x"',
  'e1@',
  'subgraph ',
  'end',
  'direction LR',
  'style a fill:#f00',
  'classDef c fill:#0f0',
  'class a c',
  'linkStyle 0 stroke:red',
  'click a "https://x.y"',
  'accTitle: t',
  'accDescr {',
  '%%',
  '%%{init: {}}%%',
  '---',
  '#quot;',
  '<br/>',
  '**',
  '\\',
  'call f()',
  ',',
];

function check(text: string): void {
  const result = importMermaid(text, { id: 'fuzz' });
  expect(resultProblems(result), JSON.stringify(text)).toEqual([]);
}

const mutated = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 12 }),
        fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([sample, edits]) =>
    edits.reduce((text, [at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }, sample),
  );

describe('importMermaid never throws and always returns a well-formed result', () => {
  it('on the samples themselves', () => {
    for (const sample of SAMPLES) {
      const result = importMermaid(sample, { id: 'sample' });
      expect(resultProblems(result)).toEqual([]);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 400 });
  });

  it('on random text after a flowchart header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (tail) =>
        check(`flowchart LR\n${tail}`),
      ),
      { numRuns: 400 },
    );
  });

  it('on soups of flowchart syntax', () => {
    const soup = fc
      .array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(soup, (tail) => check(`flowchart TB\n${tail}`)),
      { numRuns: 600 },
    );
  });

  it('on mutated flowcharts', () => {
    fc.assert(fc.property(mutated, check), { numRuns: 800 });
  });
});
