import { describe, expect, it } from 'vitest';
import { measureText } from '../measure/measureText.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { createDefaultLayoutEngine } from './createDefaultLayoutEngine.ts';
import { createLayoutEngine } from './createLayoutEngine.ts';
import { crowdedEnds, END_GAP } from './edgeEnds.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';
import type { LaidOutDiagram, Point } from './types.ts';

const model = (text: string, file = 'test.mmd') => {
  const result = parseDiagram(text, { file });
  if (!result.model) throw new Error('did not parse');
  return result.model;
};

/** Where the edges touching `node` touch it. */
function endsOn(diagram: LaidOutDiagram, node: string): Point[] {
  return diagram.edges.flatMap((e) => [
    ...(e.source === node ? [e.points[0] as Point] : []),
    ...(e.target === node ? [e.points[e.points.length - 1] as Point] : []),
  ]);
}

function closest(points: Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const [i, a] of points.entries())
    for (const b of points.slice(i + 1)) best = Math.min(best, Math.hypot(a.x - b.x, a.y - b.y));
  return best;
}

describe('edges meeting one node', () => {
  // API Server's hexagon in kubectl-apply: three watchers come in on its left,
  // etcd and three kubelets go out on its right, all on a 44 px side.
  const HUB = `direction: right
nodes:
  kubectl: kubectl
  controller: Controller Manager
  scheduler: Scheduler
  api: { label: API Server, shape: hexagon }
  etcd: etcd
  k1: kubelet
  k2: kubelet
  k3: kubelet
edges:
  - kubectl -> api
  - controller -> api
  - scheduler -> api
  - api -> etcd
  - api -> k1: watch
  - api -> k2
  - api -> k3
`;

  it('end at points spread along its side, an arrowhead and a gap apart', async () => {
    const diagram = await createDefaultLayoutEngine().layout(model(HUB, 'hub.yaml'));
    const api = diagram.nodes.find((n) => n.id === 'api');
    if (!api) throw new Error('no api');
    const ends = endsOn(diagram, 'api');
    expect(ends).toHaveLength(7);
    expect(closest(ends)).toBeGreaterThanOrEqual(END_GAP - 0.5);
    expect(crowdedEnds(diagram)).toEqual([]);
    // The hexagon grew to hold four ends on a side, and its label stayed in the middle.
    expect(api.height).toBeGreaterThan(44);
    const labelMiddle = api.labelBox.y + api.labelBox.height / 2;
    expect(Math.abs(labelMiddle - (api.y + api.height / 2))).toBeLessThan(0.5);
  });

  it('end apart on a group in a bottom-up layout too', async () => {
    // g has a port for a -> inner (the edge crosses into its run), and ELK
    // used to join every other edge ending on g at one point.
    const text = `flowchart TD
  a --> g
  b --> g
  c --> g
  a --> inner
  d
  subgraph g
    inner
  end`;
    const engine = createLayoutEngine({
      measure: measureText,
      settings: DEFAULT_LAYOUT_SETTINGS,
      maxRun: 3,
    });
    const diagram = await engine.layout(model(text));
    expect(closest(endsOn(diagram, 'g'))).toBeGreaterThanOrEqual(END_GAP - 0.5);
  });
});

describe('crowdedEnds', () => {
  const edge = (id: string, points: Point[]) => ({
    id,
    source: `from-${id}`,
    target: 'n',
    points,
  });

  it('names heads side by side closer than a head and a gap', () => {
    const diagram = {
      edges: [
        edge('a', [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
        ]),
        edge('b', [
          { x: 0, y: 10 },
          { x: 50, y: 10 },
        ]),
        edge('c', [
          { x: 0, y: 26 },
          { x: 50, y: 26 },
        ]),
      ],
    };
    expect(crowdedEnds(diagram)).toEqual(['edges a and b end too close together on n']);
  });

  it('lets heads come in on two sides of a corner', () => {
    // The node's top-left corner is at (50, 0): one head comes down onto its
    // top 8 px from the corner, one comes in from the left 8 px below it.
    const diagram = {
      edges: [
        edge('down', [
          { x: 58, y: -40 },
          { x: 58, y: 0 },
        ]),
        edge('right', [
          { x: 10, y: 8 },
          { x: 50, y: 8 },
        ]),
      ],
    };
    expect(crowdedEnds(diagram)).toEqual([]);
  });
});
