import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../model/formatDiagnostic.ts';
import { parseDeck } from './parseDeck.ts';

const file = 'diagrams/lesson.yaml';

function report(text: string): string[] {
  return parseDeck(text, { file }).diagnostics.map(formatDiagnostic);
}

describe('parseDeck', () => {
  it('reads title, description and entries of both forms, with positions', () => {
    const text = [
      '# yaml-language-server: $schema=whatever',
      'title: 왜 Kubernetes인가',
      'description: |',
      '  컨테이너부터',
      'deck:',
      '  - cri-chain',
      '  - { diagram: pod-lifecycle, flow: create-pod }',
      '  - diagram: apply-flow',
      '',
    ].join('\n');
    expect(parseDeck(text, { file })).toEqual({
      deck: {
        id: 'lesson',
        title: '왜 Kubernetes인가',
        description: '컨테이너부터',
        entries: [
          { diagram: 'cri-chain', pos: { line: 6, col: 5 } },
          {
            diagram: 'pod-lifecycle',
            flow: 'create-pod',
            pos: { line: 7, col: 16 },
            flowPos: { line: 7, col: 37 },
          },
          { diagram: 'apply-flow', pos: { line: 8, col: 14 } },
        ],
      },
      diagnostics: [],
    });
  });

  it('defaults the title to the id', () => {
    expect(parseDeck('deck: [a]', { file: 'x/part2.yml' }).deck).toMatchObject({
      id: 'part2',
      title: 'part2',
    });
  });

  it('reports unknown keys at the key, with did-you-mean or the known keys', () => {
    expect(report('titel: t\nzzzzzz: 1\ndeck:\n  - { diagrm: a, flow: f }\n')).toEqual([
      `${file}:1:1: error: unknown key \`titel\` (did you mean \`title\`?) [titel]`,
      `${file}:2:1: error: unknown key \`zzzzzz\` (known keys: title, description, deck) [zzzzzz]`,
      `${file}:4:5: error: a deck entry needs \`diagram:\`, the id of a diagram [deck[0]]`,
      `${file}:4:7: error: unknown key \`diagrm\` (did you mean \`diagram\`?) [deck[0].diagrm]`,
    ]);
    expect(parseDeck('dek: [a]', { file }).diagnostics[0]?.suggestion).toBe('deck');
  });

  it('reports wrong types at the value and keeps the valid entries', () => {
    const { deck, diagnostics } = parseDeck(
      'title: 2024\ndeck:\n  - 1\n  - ok\n  - [a]\n  - { diagram: b, flow: true }\n  - ""\n',
      { file },
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${file}:1:8: error: \`title\` should be text, not the number 2024; put it in quotes to keep it as text [title]`,
      `${file}:3:5: error: a deck entry is a diagram id or a map \`{ diagram, flow }\`, not the number 1; put it in quotes to keep it as text [deck[0]]`,
      `${file}:5:5: error: a deck entry is a diagram id or a map \`{ diagram, flow }\`, not a list [deck[2]]`,
      `${file}:6:25: error: \`flow\` should be text, not \`true\`; put it in quotes to keep it as text [deck[3].flow]`,
      `${file}:7:5: error: a diagram id is empty [deck[4]]`,
    ]);
    expect(deck?.entries.map((e) => e.diagram)).toEqual(['ok']);
    expect(deck?.title).toBe('lesson');
  });

  it('needs a `deck:` list', () => {
    expect(report('title: t\n')).toEqual([
      `${file}:1:1: error: a deck needs \`deck:\`, the list of its diagrams in lesson order`,
    ]);
    expect(report('deck: cri-chain\n')).toEqual([
      `${file}:1:7: error: \`deck\` should be a list of diagram ids (\`- cri-chain\`, one a line), not the text "cri-chain" [deck]`,
    ]);
    expect(report('deck: []\n')).toEqual([
      `${file}:1:7: warning: the deck has no entries: list its diagrams under \`deck:\` [deck]`,
    ]);
  });

  it('gives no deck for broken YAML or a top level that is not a map', () => {
    const broken = parseDeck('deck: [a\n', { file });
    expect(broken.deck).toBeNull();
    expect(broken.diagnostics[0]?.message).toMatch(/^YAML syntax error/);
    expect(parseDeck('- a\n- b\n', { file })).toMatchObject({
      deck: null,
      diagnostics: [{ message: 'a deck is a map with a `deck:` list of diagram ids, not a list' }],
    });
    expect(parseDeck('', { file }).deck).toBeNull();
  });

  it('reports a key written twice where the second one is', () => {
    expect(report('deck: [a]\ndeck: [b]\n')).toEqual([
      `${file}:2:1: error: duplicate key \`deck\`; first defined at line 1, column 1 [deck]`,
    ]);
  });
});
