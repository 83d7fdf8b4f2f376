import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultLayoutEngine } from '../../core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { parseDiagram } from '../../core/parse/parseDiagram.ts';
import { edgesOf, nearestInDirection, neighbourhood, throughGroups } from './graph.ts';

// The seed's CRI chain: a node, then three groups of two side by side.
const CRI_CHAIN = `flowchart TB
Kubelet["kubelet"]
subgraph CRI["CRI gRPC API"]
RS["RuntimeService"]
IS["ImageService"]
end
subgraph Runtimes["Container Runtimes"]
CD["containerd"]
CRIO["CRI-O"]
end
subgraph LowLevel["Low-level Runtime (OCI)"]
RUNC["runc"]
CRUN["crun"]
end
Kubelet --> CRI
CRI --> Runtimes
Runtimes --> LowLevel`;

// Groups in groups, with edges on each level, to a member, and unseen.
const NESTED = `flowchart LR
user --> cluster
subgraph cluster
  subgraph node1
    kubelet
    runtime
  end
  api
  cluster --> api
end
node1 --> api
cluster --> logs
node1 --> cluster
user ~~~ node1`;

async function layOut(text: string, file: string) {
  const { model } = parseDiagram(text, { file });
  if (!model) throw new Error('no model');
  return createDefaultLayoutEngine().layout(model);
}

let diagram: LaidOutDiagram;
let nested: LaidOutDiagram;
beforeAll(async () => {
  diagram = await layOut(CRI_CHAIN, 'cri-chain.mmd');
  nested = await layOut(NESTED, 'nested.mmd');
});

/** Each group's edges as `source->target`, for reading. */
const ends = (groups: ReturnType<typeof throughGroups>) =>
  groups.map(({ group, incoming, outgoing }) => ({
    group,
    incoming: incoming.map((e) => `${e.source}->${e.target}`),
    outgoing: outgoing.map((e) => `${e.source}->${e.target}`),
  }));

describe('neighbourhood', () => {
  it('lights a node, its edges, the other ends and the groups around them', () => {
    const lit = neighbourhood(diagram, 'Kubelet');
    expect([...lit.edges]).toEqual(['Kubelet->CRI']);
    expect(lit.nodes.has('CRI')).toBe(true);
    expect(lit.nodes.has('CD')).toBe(false);
  });
  it('treats a group as everything inside it', () => {
    const lit = neighbourhood(diagram, 'CRI');
    expect(lit.nodes.has('RS')).toBe(true);
    expect(lit.nodes.has('Runtimes')).toBe(true);
    expect(lit.nodes.has('Kubelet')).toBe(true);
    expect(lit.nodes.has('LowLevel')).toBe(false);
  });
});

describe('edgesOf', () => {
  it('splits incoming from outgoing', () => {
    const { incoming, outgoing } = edgesOf(diagram, 'CRI');
    expect(incoming.map((e) => e.source)).toEqual(['Kubelet']);
    expect(outgoing.map((e) => e.target)).toEqual(['Runtimes']);
  });
});

describe('throughGroups', () => {
  it('gives a member its group’s edges, though it has none of its own', () => {
    expect(edgesOf(diagram, 'CD')).toEqual({ incoming: [], outgoing: [] });
    expect(ends(throughGroups(diagram, 'CD'))).toEqual([
      { group: 'Runtimes', incoming: ['CRI->Runtimes'], outgoing: ['Runtimes->LowLevel'] },
    ]);
  });

  it('goes up every group around the node, nearest first', () => {
    expect(ends(throughGroups(nested, 'kubelet'))).toEqual([
      { group: 'node1', incoming: [], outgoing: ['node1->api'] },
      { group: 'cluster', incoming: ['user->cluster'], outgoing: ['cluster->logs'] },
    ]);
  });

  it('leaves out edges between a group and what is inside or around it, and unseen ones', () => {
    // cluster --> api ends inside cluster; node1 --> cluster ends around kubelet;
    // user ~~~ node1 is invisible.
    const all = ends(throughGroups(nested, 'kubelet')).flatMap((g) => [
      ...g.incoming,
      ...g.outgoing,
    ]);
    expect(all).not.toContain('cluster->api');
    expect(all).not.toContain('node1->cluster');
    expect(all).not.toContain('user->node1');
    // api's own edges are direct; its group's others still reach it.
    expect(edgesOf(nested, 'api').incoming.map((e) => e.source)).toEqual(['cluster', 'node1']);
    expect(ends(throughGroups(nested, 'api'))).toEqual([
      { group: 'cluster', incoming: ['user->cluster'], outgoing: ['cluster->logs'] },
    ]);
  });

  it('gives a top-level node or group nothing through groups', () => {
    expect(throughGroups(nested, 'user')).toEqual([]);
    expect(throughGroups(nested, 'cluster')).toEqual([]);
  });
});

describe('nearestInDirection', () => {
  it('goes down the chain and sideways within a row', () => {
    expect(nearestInDirection(diagram, 'Kubelet', 'up')).toBeNull();
    const below = nearestInDirection(diagram, 'Kubelet', 'down');
    expect(below).toBe('CRI');
    const rs = diagram.nodes.find((n) => n.id === 'RS');
    const is = diagram.nodes.find((n) => n.id === 'IS');
    if (!rs || !is) throw new Error('missing');
    const [left, right] = rs.x < is.x ? ['RS', 'IS'] : ['IS', 'RS'];
    expect(nearestInDirection(diagram, left, 'right')).toBe(right);
    expect(nearestInDirection(diagram, right, 'left')).toBe(left);
  });
});
