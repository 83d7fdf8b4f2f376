import fc from 'fast-check';
import {
  type Direction,
  type Model,
  type ModelEdge,
  type ModelNode,
  SHAPES,
} from '../model/types.ts';

const WORDS = [
  'API Server',
  'etcd',
  'kubelet',
  '컨테이너',
  '스케줄러',
  'Pod',
  'runc',
  'Node 1',
  '상태 저장',
  'containerd',
  'CRI-O',
  '가상 머신',
];
const DIRECTIONS: Direction[] = ['down', 'right', 'up', 'left'];

/** A self-loop, or an edge between a group and something inside it. */
function loops(source: string, target: string, nodes: ModelNode[]): boolean {
  const parent = new Map(nodes.map((n) => [n.id, n.parent]));
  const inside = (id: string, group: string) => {
    for (let p = parent.get(id) ?? null; p !== null; p = parent.get(p) ?? null) {
      if (p === group) return true;
    }
    return false;
  };
  return source === target || inside(target, source) || inside(source, target);
}

/**
 * Random nested models for property tests: up to `maxNodes` nodes in groups
 * up to four deep, edges between any two of them (groups included), random
 * shapes, labels, directions and edge labels. `labelsOnLoops: false` leaves
 * self-loops and edges between a group and its own member unlabelled.
 */
export function arbitraryModel(
  maxNodes = 24,
  options: { labelsOnLoops?: boolean } = {},
): fc.Arbitrary<Model> {
  return fc
    .record({
      count: fc.integer({ min: 1, max: maxNodes }),
      parents: fc.array(fc.nat(), { minLength: maxNodes, maxLength: maxNodes }),
      groupFlags: fc.array(fc.boolean(), { minLength: maxNodes, maxLength: maxNodes }),
      shapes: fc.array(fc.constantFrom(...SHAPES), { minLength: maxNodes, maxLength: maxNodes }),
      labels: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), {
        minLength: maxNodes,
        maxLength: maxNodes,
      }),
      directions: fc.array(fc.option(fc.constantFrom(...DIRECTIONS)), {
        minLength: maxNodes,
        maxLength: maxNodes,
      }),
      direction: fc.constantFrom(...DIRECTIONS),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(fc.constantFrom(...WORDS))), {
        maxLength: maxNodes * 2,
      }),
    })
    .map((r): Model => {
      const nodes: ModelNode[] = [];
      const groups: number[] = [];
      const depthOf: number[] = [];
      for (let i = 0; i < r.count; i++) {
        // A node's parent is an earlier group (or none), so parents come first and there are no cycles.
        const pick = r.parents[i] ?? 0;
        const parentIndex =
          groups.length > 0 && pick % 3 !== 0 ? groups[pick % groups.length] : undefined;
        const depth = parentIndex === undefined ? 0 : (depthOf[parentIndex] ?? 0) + 1;
        depthOf[i] = depth;
        const isGroup = (r.groupFlags[i] ?? false) && depth < 4;
        if (isGroup) groups.push(i);
        const direction = r.directions[i];
        nodes.push({
          id: `n${i}`,
          parent: parentIndex === undefined ? null : `n${parentIndex}`,
          kind: isGroup ? 'group' : 'node',
          label: (r.labels[i] ?? ['x']).join(i % 2 ? ' ' : '\n'),
          shape: isGroup ? 'rect' : (r.shapes[i] ?? 'rect'),
          classes: [],
          style: {},
          ...(isGroup && direction ? { direction } : {}),
        });
      }
      const seen = new Map<string, number>();
      const edges: ModelEdge[] = [];
      for (const [a, b, label] of r.edges) {
        const source = `n${a % r.count}`;
        const target = `n${b % r.count}`;
        const base = `${source}->${target}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        edges.push({
          id: n === 1 ? base : `${base}#${n}`,
          source,
          target,
          line: 'solid',
          arrows: { start: 'none', end: 'arrow' },
          minLength: 1,
          classes: [],
          style: {},
          ...(label && (options.labelsOnLoops !== false || !loops(source, target, nodes))
            ? { label }
            : {}),
        });
      }
      return {
        id: 'random',
        title: 'random',
        direction: r.direction,
        nodes,
        edges,
        flows: [],
        classDefs: {},
        source: 'yaml',
      };
    });
}
