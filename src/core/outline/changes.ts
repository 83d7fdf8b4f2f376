import { flowSets, type Timeline } from '../animate/timeline.ts';
import type { Flow } from '../model/types.ts';
import type { Graph } from './structure.ts';

/** What a step of a flow does, as node and edge ids in diagram order. */
export interface StepChanges {
  /** Nodes and groups lit (`active`) at this step. */
  lit: string[];
  /** Edges lit at this step. */
  litEdges: string[];
  /** Nodes that come into sight. */
  shown: string[];
  /** Nodes that go out of sight. */
  hidden: string[];
  /** Nodes that fail. */
  failed: string[];
  /** Nodes that recover. */
  healed: string[];
}

/**
 * What step `index` (0-based) of a timeline lights, shows, hides, fails and
 * heals: what the Outline lists for each step and what an announcement
 * says besides the caption.
 */
export function stepChanges(timeline: Timeline, index: number): StepChanges {
  const scene = timeline.steps[index];
  if (!scene) return { lit: [], litEdges: [], shown: [], hidden: [], failed: [], healed: [] };
  const active = (states: Record<string, string>) =>
    Object.entries(states)
      .filter(([, state]) => state === 'active')
      .map(([id]) => id);
  return {
    lit: active(scene.nodes),
    litEdges: active(scene.edges),
    shown: [...scene.entered],
    hidden: [...scene.left],
    failed: [...scene.failed],
    healed: [...scene.healed],
  };
}

/**
 * `stepChanges()` of every step of a flow, without its timeline: the same
 * lists (a test holds them equal on every diagram), from the flow's sets
 * alone, so a long flow on a big diagram costs its lists, not every element
 * at every step.
 */
export function flowChanges(graph: Graph, flow: Flow): StepChanges[] {
  const nodeOrder = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const edgeOrder = new Map(graph.edges.map((e, i) => [e.id, i]));
  const inOrder = (order: ReadonlyMap<string, number>, ids: Iterable<string>) =>
    [...ids]
      .filter((id) => order.has(id))
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const only = (now: ReadonlySet<string>, before: ReadonlySet<string>) =>
    inOrder(
      nodeOrder,
      [...now].filter((id) => !before.has(id)),
    );
  const sets = flowSets(graph, flow);
  return sets.slice(1).map((now, i) => {
    const before = sets[i] ?? now;
    // Failed outranks lit, as in a scene's states.
    const lit = [...now.activeNodes].filter((id) => !now.failed.has(id));
    return {
      lit: inOrder(nodeOrder, lit),
      litEdges: inOrder(edgeOrder, now.activeEdges),
      shown: only(before.outOfSight, now.outOfSight),
      hidden: only(now.outOfSight, before.outOfSight),
      failed: only(now.failed, before.failed),
      healed: only(before.failed, now.failed),
    };
  });
}
