import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../model/formatDiagnostic.ts';
import { checkDeckReferences } from './checkDeckReferences.ts';
import { parseDeck } from './parseDeck.ts';

const file = 'diagrams/lesson.yaml';
const diagrams = [
  { id: 'cri-chain', flows: [] },
  { id: 'pod-lifecycle', flows: ['create-pod', 'delete-pod'] },
];

function report(text: string): string[] {
  const { deck, diagnostics } = parseDeck(text, { file });
  expect(diagnostics).toEqual([]);
  if (!deck) throw new Error('no deck');
  return checkDeckReferences(deck, diagrams, { file }).map(formatDiagnostic);
}

describe('checkDeckReferences', () => {
  it('accepts existing diagrams and flows', () => {
    expect(
      report('deck:\n  - cri-chain\n  - { diagram: pod-lifecycle, flow: delete-pod }\n'),
    ).toEqual([]);
  });

  it('reports an unknown diagram at its id, with did-you-mean', () => {
    expect(report('deck:\n  - cri-chian\n  - { diagram: nothing-like-it }\n')).toEqual([
      `${file}:2:5: error: unknown diagram \`cri-chian\` (did you mean \`cri-chain\`?)`,
      `${file}:3:16: error: unknown diagram \`nothing-like-it\``,
    ]);
  });

  it('says to drop the folder and extension of a file name', () => {
    expect(report('deck:\n  - diagrams/cri-chain.mmd\n')).toEqual([
      `${file}:2:5: error: unknown diagram \`diagrams/cri-chain.mmd\`; a diagram id is its file name without folder or extension (did you mean \`cri-chain\`?)`,
    ]);
  });

  it('reports an unknown flow at the flow id, with did-you-mean or the flows there are', () => {
    const text = [
      'deck:',
      '  - diagram: pod-lifecycle',
      '    flow: create-pd',
      '  - { diagram: pod-lifecycle, flow: zzz }',
      '  - { diagram: cri-chain, flow: main }',
    ].join('\n');
    expect(report(text)).toEqual([
      `${file}:3:11: error: unknown flow \`create-pd\` in diagram \`pod-lifecycle\` (did you mean \`create-pod\`?)`,
      `${file}:4:37: error: unknown flow \`zzz\` in diagram \`pod-lifecycle\`; its flows: create-pod, delete-pod`,
      `${file}:5:33: error: unknown flow \`main\` in diagram \`cri-chain\`; \`cri-chain\` has no flows`,
    ]);
  });

  it('leaves the file out when not given', () => {
    const deck = { id: 'd', title: 'd', entries: [{ diagram: 'x' }] };
    expect(checkDeckReferences(deck, [])).toEqual([
      { severity: 'error', message: 'unknown diagram `x`', line: 1, col: 1 },
    ]);
  });
});
