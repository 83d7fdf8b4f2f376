import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleWalkthroughs } from '../src/core/animate/defaultFlow.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { escapeInline, escapeMarkdown, outlineMarkdown } from '../src/core/outline/markdown.ts';
import { outline } from '../src/core/outline/outline.ts';
import { plainLabel } from '../src/core/outline/structure.ts';
import { WORDS } from '../src/core/outline/words.ts';
import { flowdeck } from './flowdeck.ts';

// `flowdeck export --format md`: the Outline, the diagram as text (issue 23).

const dir = mkdtempSync(join(tmpdir(), 'flowdeck-md-'));

/** A diagram of diagrams/ as laid out without a screen shape, as the CLI lays it out. */
function golden(id: string): LaidOutDiagram {
  return JSON.parse(readFileSync(`tests/__goldens__/${id}.layout.json`, 'utf8'));
}

describe('flowdeck export --format md', () => {
  it('writes <id>.md for every diagram of a folder, the Outline of each', async () => {
    const out = join(dir, 'all');
    const run = await flowdeck('export', 'diagrams', '-o', out, '--format', 'md');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(out).sort();
    const ids = readdirSync('tests/__goldens__')
      .filter((f) => f.endsWith('.layout.json'))
      .map((f) => f.replace('.layout.json', ''))
      .sort();
    // Decks are skipped; nothing else is written.
    expect(files).toEqual(ids.map((id) => `${id}.md`).sort());
    for (const id of ids) {
      const text = readFileSync(join(out, `${id}.md`), 'utf8');
      const diagram = golden(id);
      expect(text).toBe(outlineMarkdown(outline(diagram), WORDS.en));
      for (const node of diagram.nodes)
        expect(text).toContain(`- ${escapeMarkdown(plainLabel(node))}`);
      for (const flow of diagram.flows) expect(text).toContain(`### ${escapeInline(flow.title)}`);
    }
  });

  it('writes one file from -o x.md, its labels never markup', async () => {
    const file = join(dir, 'tricky.yaml');
    writeFileSync(
      file,
      [
        'title: "*Tricky* <b>bold</b>"',
        'nodes:',
        '  a: { label: "*foo* <script>" }',
        '  b: { label: "1. Plain" }',
        'edges:',
        '  - a -> b: a_b',
        'flows:',
        '  - id: f',
        '    title: F',
        '    steps:',
        '      - { caption: "<img src=x>", nodes: [a] }',
        '',
      ].join('\n'),
    );
    const md = join(dir, 'tricky.md');
    const run = await flowdeck('export', file, '-o', md);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tricky.md');
    expect(readFileSync(md, 'utf8')).toBe(
      [
        '# \\*Tricky\\* \\<b\\>bold\\</b\\>',
        '',
        '## Parts',
        '',
        '- \\*foo\\* \\<script\\>',
        '  - → 1. Plain (a\\_b)',
        '- 1\\. Plain',
        '',
        '## Flows',
        '',
        '### F',
        '',
        '1. \\<img src=x\\>',
        '   - Lights: \\*foo\\* \\<script\\>',
        '',
      ].join('\n'),
    );
  });

  it('says its own words in the language --lang picks', async () => {
    const file = join(dir, 'plain.mmd');
    writeFileSync(file, 'flowchart LR\n  a[One] --> b[Two]\n');
    const ko = join(dir, 'plain.ko.md');
    expect((await flowdeck('export', file, '-o', ko, '--lang', 'ko')).code).toBe(0);
    // The plain chart's walkthrough, named as the app names it in Korean.
    expect(readFileSync(ko, 'utf8')).toContain(
      '## 구성\n\n- One\n  - → Two\n- Two\n\n## 흐름\n\n### 둘러보기\n',
    );
    const en = join(dir, 'plain.en.md');
    expect((await flowdeck('export', file, '-o', en)).code).toBe(0);
    expect(readFileSync(en, 'utf8')).toContain('## Flows\n\n### Walkthrough\n');
  });

  it('holds the same words as the core for a Korean outline of a real diagram', async () => {
    const md = join(dir, 'kubectl.md');
    const run = await flowdeck('export', 'diagrams/kubectl-apply.yaml', '-o', md, '--lang', 'ko');
    expect(run.code).toBe(0);
    const diagram = golden('kubectl-apply');
    expect(readFileSync(md, 'utf8')).toBe(
      outlineMarkdown(outline(titleWalkthroughs(diagram, '둘러보기')), WORDS.ko),
    );
  });

  it('refuses flags an Outline has no use for, and --lang for a picture', async () => {
    const md = join(dir, 'x.md');
    for (const args of [['--lang', 'fr'], ['--step', '1'], ['--animated'], ['--flow', 'apply']]) {
      const run = await flowdeck('export', 'diagrams/kubectl-apply.yaml', '-o', md, ...args);
      expect(run.code, args.join(' ')).toBe(2);
    }
    const png = await flowdeck(
      'export',
      'diagrams/kubectl-apply.yaml',
      '-o',
      join(dir, 'x.png'),
      '--lang',
      'ko',
    );
    expect(png.code).toBe(2);
    expect(png.stderr).toContain('--lang is for an SVG or an Outline');
  });

  it('gives an SVG its words to screen readers in the language --lang picks', async () => {
    const svg = join(dir, 'ko.svg');
    expect(
      (await flowdeck('export', 'diagrams/kubectl-apply.yaml', '-o', svg, '--lang', 'ko')).code,
    ).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/<svg[^>]* lang="ko"/);
    expect(text).toContain('컨트롤 플레인 안');
    expect(text).not.toContain('in 컨트롤 플레인');
  });
});
