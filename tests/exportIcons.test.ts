import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../src/core/animate/timeline.ts';
import { animatedSvg } from '../src/core/export/animatedSvg.ts';
import { planClip } from '../src/core/export/clip.ts';
import { staticSvg } from '../src/core/export/staticSvg.ts';
import { textNeeds } from '../src/core/export/textNeeds.ts';
import { type IconSet, resolveIcon } from '../src/core/icons/resolve.ts';
import type { IconData } from '../src/core/icons/types.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { DOMParser, unsafeParts } from './payloads.ts';

const TEXT = `title: Icons
nodes:
  api: { label: API Server, icon: "logos:kubernetes" }
  etcd: { label: etcd, icon: "mdi:database" }
  cache: { label: Cache, icon: "mdi:database" }
  gone: { label: Gone, icon: "logos:docker" }
  plain: Plain
edges:
  - api -> etcd
  - api -> cache
  - api -> gone
  - api -> plain
flows:
  - id: main
    title: Main
    steps:
      - caption: One
        nodes: [api, etcd]
        edges: [api -> etcd]
      - caption: Two
        nodes: [api, gone]
        edges: [api -> gone]
`;

function set(name: string): IconSet {
  return JSON.parse(readFileSync(`node_modules/@iconify-json/${name}/icons.json`, 'utf8'));
}
const logos = set('logos');
const mdi = set('mdi');
const ICONS = new Map<string, IconData>([
  ['logos:kubernetes', resolveIcon(logos, 'kubernetes') as IconData],
  ['logos:docker', resolveIcon(logos, 'docker') as IconData],
  ['mdi:database', resolveIcon(mdi, 'database') as IconData],
]);

async function layout(text = TEXT) {
  const { model } = parseDiagram(text, { file: 'icons.yaml' });
  if (!model) throw new Error('no model');
  return createDefaultLayoutEngine().layout(model);
}

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
const symbols = (svg: string) => [...svg.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]);

describe('icons in exported files', async () => {
  const diagram = await layout();

  it('defines each icon drawn once and draws it in its node, in the node’s ink', () => {
    const svg = staticSvg(diagram, { icons: ICONS });
    expect(unsafeParts(svg)).toEqual([]);
    expect(symbols(svg)).toEqual([
      'fd-icons-i-logos_docker',
      'fd-icons-i-logos_kubernetes',
      'fd-icons-i-mdi_database',
    ]);
    const doc = parse(svg);
    const use = (id: string) => doc.querySelector(`[data-node-id="${id}"] use`);
    expect(use('etcd')?.getAttribute('href')).toBe('#fd-icons-i-mdi_database');
    expect(use('cache')?.getAttribute('href')).toBe('#fd-icons-i-mdi_database');
    expect(use('plain')).toBeNull();
    const box = diagram.nodes.find((n) => n.id === 'etcd')?.iconBox;
    expect(use('etcd')?.getAttribute('width')).toBe(String(box?.width));
    const ink = doc.querySelector('[data-node-id="etcd"] text')?.getAttribute('fill');
    expect(use('etcd')?.getAttribute('color')).toBe(ink);
  });

  it('leaves icons out of a file drawn without them, and an icon not loaded out of its node', () => {
    const none = staticSvg(diagram);
    expect(none).not.toContain('<symbol');
    expect(none).not.toContain('<use');
    const some = staticSvg(diagram, {
      icons: new Map([['mdi:database', ICONS.get('mdi:database') as IconData]]),
    });
    expect(symbols(some)).toEqual(['fd-icons-i-mdi_database']);
    expect(parse(some).querySelector('[data-node-id="api"] use')).toBeNull();
  });

  it('dims an icon with its node at a step, and leaves out the icons of hidden nodes', async () => {
    const hiding = await layout(
      TEXT.replace('      - caption: One\n', '      - caption: One\n        hide: [gone]\n'),
    );
    const timeline = buildTimeline(hiding, hiding.flows[0] ?? (undefined as never));
    const first = timeline.steps[0];
    if (!first) throw new Error('no step');
    expect(first.nodes.gone).toBe('hidden');
    const svg = staticSvg(hiding, { icons: ICONS, scene: first });
    expect(symbols(svg)).not.toContain('fd-icons-i-logos_docker');
    const cache = parse(svg).querySelector('[data-node-id="cache"]');
    expect(cache?.getAttribute('data-state')).toBe('dimmed');
    expect(Number(cache?.getAttribute('opacity'))).toBeLessThan(1);
    expect(cache?.querySelector('use')).not.toBeNull();
  });

  it('draws icons in the animated file and in every video frame', () => {
    const timeline = buildTimeline(diagram, diagram.flows[0] ?? (undefined as never));
    const animated = animatedSvg(diagram, timeline, { icons: ICONS, interactive: true });
    expect(unsafeParts(animated)).toEqual([]);
    expect(symbols(animated)).toHaveLength(3);
    const clip = planClip(diagram, timeline, { width: 640, height: 360, fps: 4, icons: ICONS });
    const frame = clip.svgAt(0.5);
    expect(symbols(frame)).toHaveLength(3);
    expect(frame).toContain('href="#fd-icons-i-logos_kubernetes"');
  });

  it('names a node whose icon is drawn alone by its label', async () => {
    const { model } = parseDiagram(
      'nodes:\n  k8s: { label: Kubernetes, icon: "logos:kubernetes" }\n',
      {
        file: 'alone.yaml',
      },
    );
    if (!model) throw new Error('no model');
    const only = {
      ...model,
      nodes: model.nodes.map((n) => ({ ...n, iconPlacement: 'only' as const })),
    };
    const relaid = await createDefaultLayoutEngine().layout(only);
    const doc = parse(staticSvg(relaid, { icons: ICONS }));
    const node = doc.querySelector('[data-node-id="k8s"]');
    expect(node?.querySelector('text')).toBeNull();
    expect(node?.querySelector('title')?.textContent).toBe('Kubernetes');
    expect(node?.querySelector('use')).not.toBeNull();
    // Without its icon, the label stands in for it, inside the node.
    const bare = parse(staticSvg(relaid)).querySelector('[data-node-id="k8s"] text');
    expect(bare?.textContent).toBe('Kubernetes');
    expect(Number(bare?.getAttribute('font-size'))).toBeLessThan(16);
    expect(textNeeds(relaid).regular).toContain('K');
  });

  it('never writes a name that is not an icon name', async () => {
    const hostile = await layout(
      'nodes:\n  a: { label: A, icon: "javascript:alert(1)" }\n  b: { label: B, icon: "https://evil.example/x.svg" }\n',
    );
    const svg = staticSvg(hostile, {
      icons: new Map([
        ['javascript:alert(1)', ICONS.get('mdi:database') as IconData],
        ['https://evil.example/x.svg', ICONS.get('mdi:database') as IconData],
      ]),
    });
    expect(unsafeParts(svg)).toEqual([]);
    expect(svg).not.toContain('javascript');
    expect(svg).not.toContain('evil');
  });
});
