import type { StepScene, Timeline } from './timeline.ts';

/** Lit at this step: active, or failing now. */
function lit(scene: StepScene, id: string): boolean {
  return scene.nodes[id] === 'active' || scene.failed.includes(id);
}

/**
 * The node ids a class should predict after step `index`: what the next
 * step lights (active, or failing now) that this step does not, in the
 * order of the next step's `subjects`. A group the next step only frames
 * (`focus`) is not lit, so leaves are asked for; when the next step lights
 * nothing new, its first subject. The last step (or an index out of
 * range) gives [].
 *
 * @example nextHop(buildTimeline(diagram, flow), 0) // ['b'] for steps a, a -> b, b -> c
 */
export function nextHop(timeline: Timeline, index: number): string[] {
  const current = timeline.steps[index];
  const next = timeline.steps[index + 1];
  if (!current || !next) return [];
  const brought = next.subjects.filter((id) => lit(next, id) && !lit(current, id));
  if (brought.length > 0) return brought;
  return next.subjects.slice(0, 1);
}
