import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { edgeHop, structuralMove } from './navigate.ts';
import { readingOrder } from './structure.ts';

const { model } = parseDiagram(
  `flowchart LR
  kubectl -->|HTTPS| api
  subgraph cp[Control plane]
    api[API Server] -->|store| etcd
    sched[Scheduler] --> api
  end
  subgraph w1[Worker]
    k1[kubelet]
  end
  api -->|watch| k1
  api ~~~ w1`,
  { file: 'test.mmd' },
);
if (!model) throw new Error('no model');

describe('moving by structure', () => {
  it('goes into a group, between its members as written, and out again', () => {
    expect(structuralMove(model, 'cp', 'into')).toBe('api');
    expect(structuralMove(model, 'api', 'next')).toBe('etcd');
    expect(structuralMove(model, 'etcd', 'next')).toBe('sched');
    expect(structuralMove(model, 'sched', 'next')).toBeNull();
    expect(structuralMove(model, 'api', 'prev')).toBeNull();
    expect(structuralMove(model, 'etcd', 'out')).toBe('cp');
    expect(structuralMove(model, 'cp', 'out')).toBeNull();
    expect(structuralMove(model, 'k1', 'into')).toBeNull();
  });

  it('reaches every node from the first by into, next and out alone', () => {
    const order = readingOrder(model).map((n) => n.id);
    const seen = new Set<string>();
    // Depth first: into where possible, else next, else out until a next exists.
    let at: string | null = order[0] ?? null;
    while (at && !seen.has(at)) {
      seen.add(at);
      let next: string | null =
        structuralMove(model, at, 'into') ?? structuralMove(model, at, 'next');
      for (let up: string | null = at; !next && up; up = structuralMove(model, up, 'out')) {
        next = structuralMove(model, up, 'next');
      }
      at = next;
    }
    expect([...seen]).toEqual(order);
  });

  it('follows edges out and back, one at a time, wrapping, never along invisible ones', () => {
    expect(edgeHop(model, 'api', 'forward', 0)).toMatchObject({ node: 'etcd', index: 0, count: 2 });
    expect(edgeHop(model, 'api', 'forward', 1)?.node).toBe('k1');
    expect(edgeHop(model, 'api', 'forward', 2)?.node).toBe('etcd');
    expect(edgeHop(model, 'api', 'back', 0)?.node).toBe('kubectl');
    expect(edgeHop(model, 'api', 'back', 1)?.edge.label).toBeUndefined();
    expect(edgeHop(model, 'kubectl', 'back', 0)).toBeNull();
    expect(edgeHop(model, 'w1', 'back', 0)).toBeNull();
  });
});
