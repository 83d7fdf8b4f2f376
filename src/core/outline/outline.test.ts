// biome-ignore lint/style/noRestrictedImports: tests run in Node; the layouts are read from the goldens.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../animate/timeline.ts';
import type { LaidOutDiagram } from '../layout/types.ts';
import { flowChanges, stepChanges } from './changes.ts';
import { escapeInline, escapeMarkdown, outlineMarkdown } from './markdown.ts';
import { oneLine, outline } from './outline.ts';
import { plainLabel, visibleEdges } from './structure.ts';
import { WORDS } from './words.ts';

const goldens = new URL('../../../tests/__goldens__/', import.meta.url);
/** Every diagram of diagrams/ as laid out (its layout golden, kept equal by tests/diagrams.test.ts). */
const diagrams: LaidOutDiagram[] = readdirSync(goldens)
  .filter((f) => f.endsWith('.layout.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, goldens), 'utf8')));

/** Markdown as a reader sees it: the document CommonMark (marked) makes of it. */
function render(markdown: string): Document {
  return new JSDOM(marked.parse(markdown, { async: false })).window.document;
}

/** The text of a list item without its nested lists. */
function ownText(li: Element): string {
  return [...li.childNodes]
    .filter(
      (n) =>
        !(
          n instanceof li.ownerDocument.defaultView!.HTMLElement &&
          /^(UL|OL)$/.test((n as Element).tagName)
        ),
    )
    .map((n) => n.textContent)
    .join('')
    .trim();
}

describe('the outline of every diagram in diagrams/', () => {
  it('has the diagrams', () => expect(diagrams.length).toBeGreaterThan(10));
  for (const diagram of diagrams) {
    it(`${diagram.id}: holds every node, visible edge and step, in Markdown too`, () => {
      const tree = outline(diagram);
      const markdown = outlineMarkdown(tree, WORDS.en);
      const doc = render(markdown);
      const [parts, ...flowLists] = [...doc.querySelectorAll('body > ul, body > ol')];
      if (!parts) throw new Error('no list of parts');
      const items = [...parts.querySelectorAll('li')].map(ownText);
      // Each node once, by its label (a group with its size and a node with its description after it).
      for (const node of diagram.nodes) {
        expect(items.some((text) => text.startsWith(plainLabel(node)))).toBe(true);
      }
      const edges = visibleEdges(diagram);
      const linkItems = items.filter((text) => /^[→←↔—] /.test(text));
      expect(linkItems).toHaveLength(edges.length);
      expect(items).toHaveLength(diagram.nodes.length + edges.length);
      for (const edge of edges) {
        const target = diagram.nodes.find((n) => n.id === edge.target);
        const name = target ? plainLabel(target) : edge.target;
        const label = edge.label ? ` (${oneLine(edge.label)})` : '';
        const said = (text: string) => text.slice(2).startsWith(name) && text.endsWith(label);
        expect(linkItems.some(said)).toBe(true);
      }
      // Each flow under its title, one numbered item per step with its caption.
      const titles = [...doc.querySelectorAll('h3')].map((h) => h.textContent);
      expect(titles).toEqual(diagram.flows.map((f) => oneLine(f.title)));
      const ordered = flowLists.filter((list) => list.tagName === 'OL');
      expect(ordered).toHaveLength(diagram.flows.length);
      diagram.flows.forEach((flow, f) => {
        const steps = [...(ordered[f]?.children ?? [])].map(ownText);
        expect(steps).toHaveLength(flow.steps.length);
        flow.steps.forEach((step, s) => {
          const caption = oneLine(step.caption ?? '');
          // A caption's own leading number is the list's.
          if (caption) expect(caption.endsWith(steps[s] ?? '?')).toBe(true);
        });
      });
    });
  }
});

describe('what a step changes, without its timeline', () => {
  it('is what the timeline says, at every step of every flow of every diagram', () => {
    let steps = 0;
    for (const diagram of diagrams)
      for (const flow of diagram.flows) {
        const timeline = buildTimeline(diagram, flow);
        const fromTimeline = timeline.steps.map((_, i) => stepChanges(timeline, i));
        expect(flowChanges(diagram, flow)).toEqual(fromTimeline);
        steps += fromTimeline.length;
      }
    expect(steps).toBeGreaterThan(50);
  });

  it('is what the timeline says when groups hide and show and lit nodes fail and heal', () => {
    const base = diagrams.find((d) => d.id === 'kubectl-apply');
    if (!base) throw new Error('no kubectl-apply');
    const flow = {
      id: 'f',
      title: 'F',
      steps: [
        { nodes: ['api'], edges: [], show: ['cluster'] },
        {
          nodes: ['api', 'etcd'],
          edges: ['api->etcd'],
          fail: ['etcd', 'nope'],
          hide: ['control-plane'],
        },
        {
          nodes: ['etcd', 'api'],
          edges: [],
          heal: ['etcd'],
          show: ['control-plane'],
          fail: ['api'],
        },
        { nodes: [], edges: [], hide: ['cluster'], heal: ['api'] },
      ],
    };
    const diagram = { ...base, flows: [flow] };
    const timeline = buildTimeline(diagram, flow);
    const fromTimeline = timeline.steps.map((_, i) => stepChanges(timeline, i));
    expect(fromTimeline.some((c) => c.shown.length > 1 && c.hidden.length === 0)).toBe(true);
    expect(fromTimeline.some((c) => c.healed.length > 0)).toBe(true);
    expect(flowChanges(diagram, flow)).toEqual(fromTimeline);
  });
});

describe('a step in the outline', () => {
  it('says what it lights, shows, hides and fails, by label', () => {
    const kinds = new Set<string>();
    for (const diagram of diagrams) {
      const labels = new Set(diagram.nodes.map(plainLabel));
      for (const step of outline(diagram).flows.flatMap((f) => f.steps)) {
        const { lit, shown, hidden, failed, healed } = step;
        for (const [kind, names] of Object.entries({ lit, shown, hidden, failed, healed })) {
          if (names.length > 0) kinds.add(kind);
          for (const name of names) expect(labels.has(name)).toBe(true);
        }
      }
    }
    // No diagram heals yet.
    expect([...kinds].sort()).toEqual(['failed', 'hidden', 'lit', 'shown']);
  });
});

describe('Markdown of any label', () => {
  const text = fc.string({
    unit: fc.constantFrom(
      ...'ab 1.-+=#*_`~[]()<>!&|\\:/"\'{}한'.split(''),
      '\n',
      '&amp;',
      '<script>',
      '1) ',
    ),
    maxLength: 30,
  });
  it('shows the label literally, never as markup', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const label = oneLine(raw);
        const doc = render(`- ${escapeMarkdown(label)}\n`);
        const li = doc.querySelector('body > ul > li');
        if (label === '') return;
        expect(li?.children.length ?? -1).toBe(0);
        expect(li?.textContent).toBe(label);
        const after = render(`- x ${escapeInline(label)}\n`).querySelector('body > ul > li');
        expect(after?.children.length ?? -1).toBe(0);
        expect(after?.textContent).toBe(`x ${label}`);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a diagram of script-like labels as text', () => {
    const base = diagrams.find((d) => d.id === 'containers');
    if (!base) throw new Error('no containers');
    const evil = {
      ...base,
      title: '# <img src=x onerror=alert(1)>',
      nodes: base.nodes.map((n, i) => (i === 0 ? { ...n, label: '*foo* <script>x</script>' } : n)),
    };
    const doc = render(outlineMarkdown(outline(evil), WORDS.ko));
    expect(doc.querySelector('script, img, em, strong')).toBeNull();
    expect(doc.querySelector('h1')?.textContent).toBe('# <img src=x onerror=alert(1)>');
    expect(doc.body.textContent).toContain('*foo* <script>x</script>');
    expect(doc.querySelector('h2')?.textContent).toBe('구성');
  });
});
