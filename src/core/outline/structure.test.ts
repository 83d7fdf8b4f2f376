import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { connections, groupPath, plainLabel, readingOrder } from './structure.ts';

const { model } = parseDiagram(
  `flowchart LR
  kubectl -->|HTTPS| api
  subgraph cluster[Cluster]
    subgraph cp[Control plane]
      api[API Server] -->|store| etcd
      sched[Scheduler] --> api
    end
    subgraph w1[Worker 1]
      k1[kubelet]
    end
    subgraph w2[Worker 2]
      k2[kubelet]
    end
  end
  api -->|watch| k1
  api -->|watch| k2
  k2 -->|status| api
  api ~~~ sched`,
  { file: 'test.mmd' },
);
if (!model) throw new Error('no model');

describe('the structure a reader is told', () => {
  it('reads groups before what they hold, siblings as written', () => {
    const ids = readingOrder(model).map((n) => n.id);
    expect(ids.indexOf('cluster')).toBeLessThan(ids.indexOf('cp'));
    expect(ids.indexOf('cp')).toBeLessThan(ids.indexOf('api'));
    expect(ids.indexOf('api')).toBeLessThan(ids.indexOf('w1'));
    expect(ids.indexOf('w1')).toBeLessThan(ids.indexOf('k1'));
    expect(ids.indexOf('k1')).toBeLessThan(ids.indexOf('w2'));
    expect(new Set(ids).size).toBe(model.nodes.length);
  });

  it('names the groups around a node, nearest first', () => {
    expect(groupPath(model, 'api').map(plainLabel)).toEqual(['Control plane', 'Cluster']);
    expect(groupPath(model, 'kubectl')).toEqual([]);
  });

  it('groups the other ends by label, with the edge labels, leaving invisible edges out', () => {
    const { outgoing, incoming } = connections(model, 'api');
    expect(outgoing.map((g) => [g.label, g.nodes, g.edgeLabels])).toEqual([
      ['etcd', ['etcd'], ['store']],
      ['kubelet', ['k1', 'k2'], ['watch']],
    ]);
    expect(incoming.map((g) => [g.label, g.nodes.length, g.edgeLabels])).toEqual([
      ['kubectl', 1, ['HTTPS']],
      ['Scheduler', 1, []],
      ['kubelet', 1, ['status']],
    ]);
  });
});

describe('a node in words', () => {
  it('says its label, its groups and its connections, in English and Korean', async () => {
    const { describeNode } = await import('./describeNode.ts');
    const { WORDS } = await import('./words.ts');
    expect(describeNode(model, 'api', WORDS.en)).toBe(
      'API Server, in Control plane, in Cluster. 3 outgoing: etcd (store), kubelet ×2 (watch). 3 incoming: kubectl (HTTPS), Scheduler, kubelet (status).',
    );
    expect(describeNode(model, 'cp', WORDS.ko)).toBe(
      'Control plane, 그룹, 3개 포함, Cluster 안. 연결 없음.',
    );
  });
});

describe('a step in words', () => {
  it('names what it lights, grouping equal labels, and counts the rest of a long list', async () => {
    const { describeChanges } = await import('./describeNode.ts');
    const { WORDS } = await import('./words.ts');
    const none = { litEdges: [], shown: [], hidden: [], healed: [] };
    expect(
      describeChanges(model, { ...none, lit: ['api', 'k1', 'k2'], failed: ['k2'] }, WORDS.en),
    ).toBe('Lights: API Server, kubelet ×2. Fails: kubelet.');
    const many = ['kubectl', 'api', 'etcd', 'sched', 'cp', 'cluster', 'w1', 'w2', 'k1'];
    expect(describeChanges(model, { ...none, lit: many, failed: [] }, WORDS.ko)).toBe(
      '강조: kubectl, API Server, etcd, Scheduler, Control plane, 외 4개.',
    );
    expect(describeChanges(model, { ...none, lit: [], failed: [] }, WORDS.en)).toBe('');
  });
});
