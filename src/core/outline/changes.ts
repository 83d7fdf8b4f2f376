import type { Timeline } from '../animate/timeline.ts';

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
