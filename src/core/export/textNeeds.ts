import type { Timeline } from '../animate/timeline.ts';
import type { LaidOutDiagram } from '../layout/types.ts';
import type { TextNeeds } from './types.ts';

/**
 * Every character an export draws, per weight (spaces included), so the embedded fonts can be
 * cut down to them: labels (group titles are semibold), fold badges, and with
 * a timeline its captions (regular) and step counters (semibold).
 */
export function textNeeds(diagram: LaidOutDiagram, timeline?: Timeline): TextNeeds {
  const regular = new Set<string>();
  const semibold = new Set<string>();
  const add = (set: Set<string>, text: string) => {
    for (const ch of text) set.add(ch);
  };
  for (const node of diagram.nodes) {
    add(node.kind === 'group' ? semibold : regular, node.labelBox.lines.join(''));
    // An icon drawn alone has its label drawn in its place when the icon is missing.
    if (node.iconBox && node.labelBox.lines.length === 0) add(regular, node.label);
    if (node.collapsed) add(regular, `+${node.hiddenCount ?? 0}`);
  }
  for (const edge of diagram.edges) add(regular, edge.labelBox?.lines.join('') ?? '');
  if (timeline) {
    for (const step of timeline.steps) add(regular, step.caption);
    add(semibold, `0123456789 /${timeline.title}`);
  }
  // Spaces are drawn (and measured) in Pretendard too; line breaks are not drawn.
  const text = (set: Set<string>) =>
    [...set]
      .filter((ch) => ch !== '\n' && ch !== '\r')
      .sort()
      .join('');
  return { regular: text(regular), semibold: text(semibold) };
}
