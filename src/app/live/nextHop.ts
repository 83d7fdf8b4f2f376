import type { StepScene, Timeline } from '../../core/animate/timeline.ts';

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

/** Where a question's answers are judged: the step's own `expected`, else the next hop. */
export function expectedAt(timeline: Timeline | null, index: number): string[] {
  if (!timeline) return [];
  return stepAsk(timeline.steps[index])?.expected ?? nextHop(timeline, index);
}
