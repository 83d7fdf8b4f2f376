import type { LaidOutDiagram } from '../layout/types.ts';

/**
 * The `<desc>` of an exported file: the author's description, else what the
 * diagram holds; then the step's caption, if any.
 */
export function describe(diagram: LaidOutDiagram, caption?: string): string {
  const groups = diagram.nodes.filter((n) => n.kind === 'group').length;
  const leaves = diagram.nodes.length - groups;
  const summary =
    diagram.description?.trim() ||
    `${leaves} nodes${groups ? ` in ${groups} groups` : ''}, ${diagram.edges.length} edges.`;
  return caption?.trim() ? `${summary} ${caption.trim()}` : summary;
}
