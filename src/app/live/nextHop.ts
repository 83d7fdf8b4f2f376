import { nextHop } from '../../core/animate/nextHop.ts';
import type { Timeline } from '../../core/animate/timeline.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';

/**
 * Where a question's answers are judged: the next hop of the step (its
 * `ask:`'s, else core's `nextHop`), its nodes rather than the groups around
 * them (a tap lands on a node).
 */
export function expectedAt(
  timeline: Timeline | null,
  index: number,
  diagram?: Pick<LaidOutDiagram, 'nodes'>,
): string[] {
  if (!timeline) return [];
  const hop = timeline.steps[index]?.ask?.expected ?? nextHop(timeline, index);
  const groups = new Set(diagram?.nodes.filter((n) => n.kind === 'group').map((n) => n.id));
  const leaves = hop.filter((id) => !groups.has(id));
  return leaves.length > 0 ? leaves : hop;
}
