import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../src/core/animate/timeline.ts';
import { animatedSvg } from '../src/core/export/animatedSvg.ts';
import { staticSvg } from '../src/core/export/staticSvg.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { type Block, type Inline, parseMarkdown } from '../src/core/text/markdown.ts';
import { DOMParser, PAYLOADS, type Payload, STYLE_PAYLOADS, unsafeParts } from './payloads.ts';

/**
 * Every payload of tests/payloads.ts in every text field of a spec and of a
 * Mermaid chart, through parse → layout → the three kinds of exported SVG:
 * none may hold anything that runs or loads, and the words must still be
 * there, as text. The browser side is tests/e2e/injection.test.ts.
 */
const engine = createDefaultLayoutEngine();

/** A YAML scalar: JSON's double-quoted strings are YAML's too. */
const q = (text: string) => JSON.stringify(text);

/** The fields of a spec the payload goes into. */
export const SPEC_FIELDS = [
  'title',
  'description',
  'node label',
  'node description',
  'node details',
  'node link',
  'group label',
  'edge label',
  'flow title',
  'flow description',
  'step caption',
  'step notes',
] as const;

function specWith(text: string): string {
  const v = q(text);
  return `title: ${v}
description: ${v}
nodes:
  a: { label: ${v}, description: ${v}, details: ${v}, link: ${v} }
  g:
    label: ${v}
    nodes:
      b: { label: ${q(`B ${text}`)}, details: ${q(`see [docs](https://example.com/ok) and ${text}`)}, link: "https://example.com/ok" }
edges:
  - { from: a, to: b, label: ${v} }
flows:
  - id: f
    title: ${v}
    description: ${v}
    steps:
      - { caption: ${v}, notes: ${v}, nodes: [a] }
      - { caption: ${v}, notes: ${v}, nodes: [b], edges: [a -> b] }
`;
}

/** The fields of a Mermaid chart the payload goes into. */
export const MERMAID_FIELDS = [
  'title',
  'config themeCSS, fontFamily',
  '%%{init} themeCSS, fontFamily',
  'node label',
  'edge label',
  'subgraph title',
  'click href',
  'click tooltip',
  'click url',
] as const;

/** Mermaid quotes cannot hold `"`: an author writes `#quot;`. */
const mq = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;

function mermaidWith(text: string): string {
  const config = `{ "themeCSS": ${q(text)}, "fontFamily": ${q(text)} }`;
  return `---
title: ${q(text)}
config: ${config}
---
%%{init: ${config}}%%
flowchart LR
  a[${mq(text)}] -->|${mq(text)}| b[${mq(`B ${text}`)}]
  subgraph g [${mq(text)}]
    b
  end
  c[plain]
  click a href ${mq(text)} ${mq(text)}
  click c ${mq(text)}
`;
}

export const STYLE_FIELDS = ['fill', 'stroke', 'color', 'strokeDasharray'] as const;

function specStyledWith(value: string): string {
  const style = `{ fill: ${q(value)}, stroke: ${q(value)}, color: ${q(value)}, strokeDasharray: ${q(value)} }`;
  return `title: styled
classes:
  c: ${style}
nodes:
  a: { label: A, class: c }
  b: { label: B, style: ${style} }
edges:
  - { from: a, to: b, label: x, style: ${style} }
flows:
  - id: f
    steps:
      - { nodes: [a], edges: [a -> b] }
`;
}

function mermaidStyledWith(value: string): string {
  return `flowchart LR
  a[A] --> b[B]
  classDef c fill:${value},stroke:${value},color:${value}
  class a c
  style b fill:${value},stroke:${value}
  linkStyle 0 stroke:${value}
`;
}

async function layout(text: string, file: string): Promise<LaidOutDiagram> {
  const { model, diagnostics } = parseDiagram(text, { file });
  if (!model) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return engine.layout(model);
}

/** The whole diagram, each step with its caption, and the animated file (interactive). */
function exportsOf(diagram: LaidOutDiagram): { kind: string; svg: string }[] {
  const out = [{ kind: 'static', svg: staticSvg(diagram) }];
  for (const flow of diagram.flows) {
    const timeline = buildTimeline(diagram, flow);
    timeline.steps.forEach((scene, k) => {
      out.push({
        kind: `step ${k + 1}`,
        svg: staticSvg(diagram, { scene, caption: true, stepCount: timeline.steps.length }),
      });
    });
    out.push({ kind: 'animated', svg: animatedSvg(diagram, timeline, { interactive: true }) });
  }
  return out;
}

/** All the words of a file a reader sees or hears (text, title, desc), without blanks. */
function shownText(svg: string): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return (doc.documentElement.textContent ?? '').replace(/\s+/g, '');
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** The markdown tokens' links and words. */
function markdownParts(blocks: Block[]): { hrefs: string[]; text: string } {
  const hrefs: string[] = [];
  let text = '';
  const walk = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'code') text += node.text;
      else if (node.type === 'link') {
        hrefs.push(node.href);
        walk(node.children);
      } else if (node.type !== 'break') walk(node.children);
    }
  };
  for (const block of blocks)
    if (block.type === 'paragraph') walk(block.children);
    else for (const item of block.items) walk(item);
  return { hrefs, text };
}

describe('injection payloads in a spec', () => {
  it.each(PAYLOADS.map((p) => [p.name, p] as [string, Payload]))('%s', async (_, payload) => {
    const diagram = await layout(specWith(payload.text), 'diagrams/injection.yaml');
    const a = diagram.nodes.find((n) => n.id === 'a');
    // A link that is not http(s) is dropped at parse time.
    expect(a?.link).toBeUndefined();
    const files = exportsOf(diagram);
    expect(files.length).toBe(4);
    for (const { kind, svg } of files) {
      expect(unsafeParts(svg), kind).toEqual([]);
      // What the author wrote is what a reader sees: the words, as text.
      expect(shownText(svg), kind).toContain(squash(payload.text));
    }
    // Details: only http(s)/mailto links come out of the markdown.
    for (const node of diagram.nodes) {
      const { hrefs } = markdownParts(parseMarkdown(node.details ?? ''));
      for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
    }
  });
});

describe('injection payloads in a Mermaid chart', () => {
  it.each(PAYLOADS.map((p) => [p.name, p] as [string, Payload]))('%s', async (_, payload) => {
    const diagram = await layout(mermaidWith(payload.text), 'diagrams/injection.mmd');
    for (const node of diagram.nodes) expect(node.link).toBeUndefined();
    // The front matter's title is text as written.
    expect(diagram.title).toBe(payload.text);
    const files = exportsOf(diagram);
    for (const { kind, svg } of files) {
      expect(unsafeParts(svg), kind).toEqual([]);
      // Labels lose their HTML tags (docs/mermaid.md), but what is left is drawn as text.
      const shown = shownText(svg);
      expect(shown, kind).toContain(squash(payload.text));
      for (const node of diagram.nodes) expect(shown, kind).toContain(squash(node.label));
      for (const edge of diagram.edges) expect(shown, kind).toContain(squash(edge.label ?? ''));
    }
  });
});

describe('injection payloads in style values', () => {
  it.each(STYLE_PAYLOADS.map((p) => [p.name, p] as [string, Payload]))(
    '%s in a spec',
    async (_, payload) => {
      const diagram = await layout(specStyledWith(payload.text), 'diagrams/styled.yaml');
      for (const { kind, svg } of exportsOf(diagram)) expect(unsafeParts(svg), kind).toEqual([]);
    },
  );

  it.each(STYLE_PAYLOADS.map((p) => [p.name, p] as [string, Payload]))(
    '%s in Mermaid classDef, style and linkStyle',
    async (_, payload) => {
      const { model } = parseDiagram(mermaidStyledWith(payload.text), { file: 'styled.mmd' });
      // A value Mermaid's grammar refuses is a syntax error: nothing to draw, nothing to fear.
      if (!model) return;
      const diagram = await engine.layout(model);
      for (const { kind, svg } of exportsOf(diagram)) expect(unsafeParts(svg), kind).toEqual([]);
    },
  );
});

describe('the checks can fail', () => {
  it('finds script, handlers, foreign content, unsafe links and CSS urls', () => {
    const svg = (body: string, css = '') =>
      `<svg xmlns="http://www.w3.org/2000/svg"><style>${css}</style>${body}</svg>`;
    expect(unsafeParts(svg('<script>x</script>'))).not.toEqual([]);
    expect(unsafeParts(svg('<g onload="x"/>'))).not.toEqual([]);
    expect(unsafeParts(svg('<foreignObject/>'))).not.toEqual([]);
    expect(unsafeParts(svg('<a href="javascript:x"/>'))).not.toEqual([]);
    expect(unsafeParts(svg('<rect fill="url(https://x/y#z)"/>'))).not.toEqual([]);
    expect(unsafeParts(svg('', '*{background:url(javascript:x)}'))).not.toEqual([]);
    expect(unsafeParts(svg('<a href="#fd-s1"><rect fill="url(#p-halo)"/></a>'))).toEqual([]);
  });
});
