// biome-ignore lint/style/noRestrictedImports: tests run in Node; the diagrams are read from diagrams/.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDeckSource } from '../deck/isDeckSource.ts';
import { parseDiagram } from './parseDiagram.ts';
import { readTitle } from './readTitle.ts';

/** The title the full parser gives, or undefined when it fell back to the file name. */
function parsedTitle(text: string): string | undefined {
  const { model } = parseDiagram(text, { file: 'no-title-given' });
  return model && model.title !== 'no-title-given' ? model.title : undefined;
}

describe('readTitle', () => {
  it('reads a spec’s title, however it is written', () => {
    const specs: [text: string, title: string | undefined][] = [
      ['title: 3계층 웹 애플리케이션\nnodes:\n  web: Web', '3계층 웹 애플리케이션'],
      [
        '# yaml-language-server: $schema=x\ntitle: "Quoted: yes" # a comment\nnodes: {}',
        'Quoted: yes',
      ],
      ["nodes:\n  web: Web\ntitle: 'Last, not first'\n", 'Last, not first'],
      ['title: >\n  Folded over\n  two lines\nnodes: {}', 'Folded over two lines'],
      ['title: Plain\n  continued\n\nnodes: {}', 'Plain continued'],
      ['nodes:\n  web:\n    title: not the diagram’s\n', undefined],
      ['title: 42\nnodes: {}', undefined],
      ['nodes:\n  web: Web', undefined],
      ['', undefined],
    ];
    for (const [text, title] of specs) {
      expect(readTitle(text), text).toBe(title);
      expect(parsedTitle(text), text).toBe(title);
    }
  });

  it('reads a Mermaid chart’s front matter title, else its accTitle', () => {
    const charts: [text: string, title: string | undefined][] = [
      ['---\ntitle: 앞머리 제목\n---\nflowchart LR\n  A --> B', '앞머리 제목'],
      ['---\ntitle: Front\n---\nflowchart LR\naccTitle: Acc\nA --> B', 'Front'],
      ['flowchart TB\naccTitle: Kubernetes의 동작 흐름\nA --> B', 'Kubernetes의 동작 흐름'],
      ['%% accTitle: not this\nflowchart TB\n  accTitle:   Spaced  \n  A --> B', 'Spaced'],
      ['flowchart LR\n  A["accTitle: a label"] --> B', undefined],
      ['flowchart LR\n  A --> B', undefined],
    ];
    for (const [text, title] of charts) {
      expect(readTitle(text), text).toBe(title);
      expect(parsedTitle(text), text).toBe(title);
    }
  });

  it('reads the title of a chart embedded in a spec that gives none', () => {
    const text =
      'mermaid: |\n  flowchart LR\n  accTitle: Embedded\n  A --> B\nnodes:\n  A: { description: a }';
    expect(readTitle(text)).toBe('Embedded');
    expect(readTitle(`title: Own\n${text}`)).toBe('Own');
  });

  it('keeps the title of a spec whose YAML breaks further down', () => {
    expect(readTitle('title: Half typed\nnodes:\n  web: [unclosed')).toBe('Half typed');
  });

  it('agrees with the parser on every diagram in diagrams/', () => {
    const files = readdirSync('diagrams').filter((f) => /\.(mmd|ya?ml)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(`diagrams/${file}`, 'utf8');
      if (isDeckSource(text)) continue;
      expect(readTitle(text), file).toBe(parsedTitle(text));
    }
  });
});
