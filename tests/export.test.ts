import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { projectOnto } from '../src/core/animate/pointAlong.ts';
import { buildTimeline, pathLength } from '../src/core/animate/timeline.ts';
import { isDeckSource } from '../src/core/deck/isDeckSource.ts';
import { animatedSvg } from '../src/core/export/animatedSvg.ts';
import { mixColor, safeColor } from '../src/core/export/color.ts';
import { staticSvg } from '../src/core/export/staticSvg.ts';
import { textNeeds } from '../src/core/export/textNeeds.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram, Point } from '../src/core/layout/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { ARROW_LENGTH } from '../src/core/render/edgePath.ts';

const engine = createDefaultLayoutEngine();
const { DOMParser } = new JSDOM().window;

async function layout(text: string, file: string): Promise<LaidOutDiagram> {
  const { model, diagnostics } = parseDiagram(text, { file });
  if (!model) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return engine.layout(model);
}

/** Parses an SVG file as XML, failing the test on any XML error. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** What an exported file must never hold: script, event handlers, HTML, outside references. */
function unsafeParts(doc: Document): string[] {
  const problems: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const name = el.localName.toLowerCase();
    if (['script', 'foreignobject', 'iframe', 'image', 'object', 'embed'].includes(name))
      problems.push(`<${name}>`);
    // An icon is a <use> of a <symbol> in the same file, and nothing else is.
    if (name === 'use' && !/^#[\w-]+$/.test(el.getAttribute('href') ?? ''))
      problems.push(`<use href=${el.getAttribute('href')}>`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`${name}[${attr.name}]`);
      if (/href$/i.test(attr.name) && !attr.value.startsWith('#'))
        problems.push(`${name}[${attr.name}=${attr.value}]`);
      if (/url\((?!#|data:font\/woff2;base64,)/i.test(attr.value))
        problems.push(`${name}[${attr.name}] url`);
    }
  }
  const css = Array.from(doc.querySelectorAll('style'))
    .map((s) => s.textContent ?? '')
    .join('');
  for (const m of css.matchAll(/url\(([^)]*)\)/g))
    if (!/^(#|data:font\/woff2;base64,)/.test(m[1] ?? '')) problems.push(`css url(${m[1]})`);
  if (/@import|expression\(|javascript:/i.test(css)) problems.push('css import/script');
  return problems;
}

/** Every label line the layout drew, as text. */
function labelLines(diagram: LaidOutDiagram, visible: (id: string) => boolean = () => true) {
  return [
    ...diagram.nodes.filter((n) => visible(n.id)).flatMap((n) => n.labelBox.lines),
    ...diagram.edges.flatMap((e) => e.labelBox?.lines ?? []),
  ].filter((line) => line.trim() !== '');
}

const files = readdirSync('diagrams')
  .filter((f) => /\.(mmd|ya?ml)$/.test(f))
  .map((f) => `diagrams/${f}`)
  .filter((f) => !isDeckSource(readFileSync(f, 'utf8')));

describe('SVG export of every diagram in diagrams/', () => {
  for (const file of files) {
    it(`${file}: static, per step and animated files are well-formed, safe and hold every label`, async () => {
      const diagram = await layout(readFileSync(file, 'utf8'), file);
      for (const theme of ['light', 'dark'] as const) {
        const doc = parseSvg(staticSvg(diagram, { theme }));
        expect(unsafeParts(doc)).toEqual([]);
        const text = Array.from(doc.querySelectorAll('text'))
          .map((t) => t.textContent)
          .join('\n');
        for (const line of labelLines(diagram)) expect(text).toContain(line);
        expect(doc.documentElement.getAttribute('role')).toBe('graphics-document document');
        expect(doc.querySelector('title')?.textContent).toBe(diagram.title || diagram.id);
        expect(doc.querySelectorAll('[data-node-id]')).toHaveLength(diagram.nodes.length);
      }
      for (const flow of diagram.flows) {
        const timeline = buildTimeline(diagram, flow);
        const last = timeline.steps.at(-1);
        if (!last) continue;
        const step = parseSvg(staticSvg(diagram, { scene: last, caption: true }));
        expect(unsafeParts(step)).toEqual([]);
        // What is hidden at the step is left out; what is active is marked so.
        for (const [id, state] of Object.entries(last.nodes)) {
          const el = step.querySelector(`[data-node-id="${CSS_escape(id)}"]`);
          if (state === 'hidden') expect(el, id).toBeNull();
          else expect(el?.getAttribute('data-state'), id).toBe(state);
        }
        if (last.caption)
          expect(step.documentElement.textContent).toContain(
            last.caption.split('\n')[0]?.slice(0, 10),
          );
        for (const scene of timeline.steps) {
          const still = parseSvg(staticSvg(diagram, { scene }));
          const drawn = Array.from(still.querySelectorAll('g.tk'));
          expect(drawn.map((g) => g.getAttribute('data-token-edge'))).toEqual(
            scene.tokens.map((t) => t.edgeId),
          );
          drawn.forEach((g, i) => expectTokenOnRoute(g, scene.tokens[i]?.points ?? []));
        }
        const animated = parseSvg(animatedSvg(diagram, timeline, { interactive: true }));
        expect(unsafeParts(animated)).toEqual([]);
        const css = animated.querySelector('style')?.textContent ?? '';
        expect(css).toContain('@keyframes');
        expect(css).toContain('prefers-reduced-motion:reduce');
        expect(animated.querySelectorAll('[data-token-edge]')).toHaveLength(
          timeline.steps.reduce((n, s) => n + s.tokens.length, 0),
        );
      }
    });
  }
});

/**
 * A still step's token: its dot on the route (in travel order), short of
 * the arrowhead at the end; its trail along the route behind the dot,
 * fading from its tail to the dot.
 */
function expectTokenOnRoute(g: Element, route: readonly Point[]) {
  const edge = g.getAttribute('data-token-edge');
  const length = pathLength(route);
  const number = (el: Element | null, name: string) => Number(el?.getAttribute(name));
  const dot = g.querySelector('circle.tk-head');
  const head = projectOnto(route, { x: number(dot, 'cx'), y: number(dot, 'cy') });
  expect(head.off, `${edge}: dot on the route`).toBeLessThan(0.01);
  expect(head.along, `${edge}: dot short of the end`).toBeLessThan(length - ARROW_LENGTH);
  expect(head.along, `${edge}: dot past half-way`).toBeGreaterThan(length / 2 - 0.01);
  if (length < 2 * ARROW_LENGTH) return;
  const fade = g.querySelector('linearGradient');
  const tail = projectOnto(route, { x: number(fade, 'x1'), y: number(fade, 'y1') });
  expect(tail.off, `${edge}: trail starts on the route`).toBeLessThan(0.01);
  expect(tail.along, `${edge}: trail behind the dot`).toBeLessThan(head.along - 10);
  const stops = Array.from(g.querySelectorAll('stop')).map((s) => number(s, 'stop-opacity'));
  expect(stops[0], `${edge}: trail fades toward its tail`).toBeLessThan(stops.at(-1) ?? 0);
  const outline = g.querySelector('path.tk-trail')?.getAttribute('d') ?? '';
  const corners = [...outline.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)];
  expect(corners.length, `${edge}: trail outline`).toBeGreaterThanOrEqual(3);
  for (const [, x, y] of corners) {
    const at = projectOnto(route, { x: Number(x), y: Number(y) });
    expect(at.off, `${edge}: trail hugs the route`).toBeLessThan(8);
    expect(at.along, `${edge}: trail behind the dot`).toBeLessThan(head.along + 8);
  }
}

function CSS_escape(id: string): string {
  return id.replace(/["\\]/g, '\\$&');
}

describe('hostile input', () => {
  const payloads = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<svg onload=alert(1)><foreignObject><div>x</div></foreignObject></svg>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    ']]><script>alert(1)</script>',
    'a\u0000b\u0007c',
  ];
  it('keeps labels as text and style values out of markup', async () => {
    const lines = payloads.map((p, i) => `  N${i}["${p.replace(/"/g, '#quot;')}"]`);
    const source = [
      'flowchart LR',
      ...lines,
      '  N0 -->|"<b onmouseover=alert(1)>x</b>"| N1',
      '  style N0 fill:url(http://evil.example/x.svg),stroke:red" onload="alert(1)',
      '  classDef bad fill:javascript:alert(1)',
      '  class N1 bad',
    ].join('\n');
    const diagram = await layout(source, 'hostile.mmd');
    const svg = staticSvg(diagram);
    const doc = parseSvg(svg);
    expect(unsafeParts(doc)).toEqual([]);
    expect(svg).not.toContain('evil.example');
    expect(svg).not.toContain('javascript:');
    expect(doc.querySelectorAll('script, foreignObject, img')).toHaveLength(0);
    const text = Array.from(doc.querySelectorAll('text'))
      .map((t) => t.textContent)
      .join('\n');
    // Whatever the importer kept of a label is drawn as text, markup characters included.
    // (Control characters XML cannot hold are dropped.)
    for (const line of labelLines(diagram))
      expect(text).toContain(line.replace(/[\u0000-\u001f]/g, ''));
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('accepts only plain colour syntax from authors', () => {
    expect(safeColor('#f9f')).toBe('#f9f');
    expect(safeColor('rgb(10, 20, 30)')).toBe('rgb(10, 20, 30)');
    expect(safeColor('rebeccapurple')).toBe('rebeccapurple');
    expect(safeColor('url(#x)')).toBeUndefined();
    expect(safeColor('red;stroke:blue')).toBeUndefined();
    expect(safeColor('"><script>')).toBeUndefined();
  });
});

describe('colours as the app mixes them', () => {
  it('mixes in Oklab like CSS color-mix()', () => {
    // color-mix(in oklab, white 50%, black) is rgb(99 99 99) in Chromium.
    expect(mixColor('#ffffff', '#000000', 0.5)).toBe('#636363');
    expect(mixColor('#ff0000', '#1a2238', 1)).toBe('#ff0000');
    expect(mixColor(undefined, '#1a2238', 0.22)).toBe('#1a2238');
    expect(mixColor('tomato', '#1a2238', 0.22)).toBe('#1a2238');
  });
});

describe('the screen shape', () => {
  it('is on the root of every file laid out for one, and on none laid out as written', async () => {
    const { model } = parseDiagram('flowchart LR\n  a --> b --> c', { file: 'abc.mmd' });
    if (!model) throw new Error('no model');
    const shaped = await engine.layout(model, { screen: '4:3' });
    const flow = shaped.flows[0];
    if (!flow) throw new Error('no flow');
    const root = (svg: string) => parseSvg(svg).documentElement.getAttribute('data-shape');
    expect(root(staticSvg(shaped))).toBe('4:3');
    expect(root(animatedSvg(shaped, buildTimeline(shaped, flow)))).toBe('4:3');
    expect(root(staticSvg(await engine.layout(model)))).toBeNull();
  });
});

describe('textNeeds', () => {
  it('lists each drawn character once per weight, group titles semibold', async () => {
    const diagram = await layout(
      'flowchart LR\n  subgraph G[클러스터]\n    A[노드 A] -->|요청| B[Node B]\n  end',
      'needs.mmd',
    );
    const needs = textNeeds(diagram);
    expect(needs.semibold).toBe([...new Set('클러스터')].sort().join(''));
    expect(needs.regular).toContain(' ');
    for (const ch of '노드ABNode요청') expect(needs.regular).toContain(ch);
    expect(new Set(needs.regular).size).toBe(needs.regular.length);
  });
});
