import type { StepScene, Timeline } from '../../core/animate/timeline.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';

// TODO(h-ask): a stand-in until the `ask:` branch lands `StepScene.ask` and
// core/animate's `nextHop()`; the merge replaces both with those.

/** What a step's spec asks the class, read defensively until `StepScene.ask` exists. */
export interface StepAsk {
  question?: string;
  expected?: string[];
}

export function stepAsk(scene: StepScene | undefined): StepAsk | undefined {
  const ask = (scene as (StepScene & { ask?: unknown }) | undefined)?.ask;
  if (typeof ask !== 'object' || ask === null) return undefined;
  const { question, expected } = ask as { question?: unknown; expected?: unknown };
  return {
    ...(typeof question === 'string' && question ? { question } : {}),
    ...(Array.isArray(expected)
      ? { expected: expected.filter((id): id is string => typeof id === 'string') }
      : {}),
  };
}

/**
 * The node ids the step after `index` brings in: those it lights that this
 * one does not (all it lights, if it only carries on). None after the last step.
 */
export function nextHop(timeline: Timeline, index: number): string[] {
  const now = timeline.steps[index];
  const next = timeline.steps[index + 1];
  if (!now || !next) return [];
  const lit = Object.keys(next.nodes).filter((id) => next.nodes[id] === 'active');
  const fresh = lit.filter((id) => now.nodes[id] !== 'active');
  return fresh.length > 0 ? fresh : lit;
}

/**
 * Where a question's answers are judged: the step's own `expected`, else
 * the next hop, its nodes rather than the groups around them (a tap lands
 * on a node).
 */
export function expectedAt(
  timeline: Timeline | null,
  index: number,
  diagram?: Pick<LaidOutDiagram, 'nodes'>,
): string[] {
  if (!timeline) return [];
  const given = stepAsk(timeline.steps[index])?.expected;
  if (given) return given;
  const hop = nextHop(timeline, index);
  const groups = new Set(diagram?.nodes.filter((n) => n.kind === 'group').map((n) => n.id));
  const leaves = hop.filter((id) => !groups.has(id));
  return leaves.length > 0 ? leaves : hop;
}
