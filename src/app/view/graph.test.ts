import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultLayoutEngine } from '../../core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { parseDiagram } from '../../core/parse/parseDiagram.ts';
import { edgesOf, nearestInDirection, neighbourhood } from './graph.ts';

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

let diagram: LaidOutDiagram;
beforeAll(async () => {
  const { model } = parseDiagram(CRI_CHAIN, { file: 'cri-chain.mmd' });
  if (!model) throw new Error('no model');
  diagram = await createDefaultLayoutEngine().layout(model);
});

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
