import type { LaidOutDiagram } from '../layout/types.ts';
import { visibleEdges } from '../outline/structure.ts';
import { WORDS, type Words } from '../outline/words.ts';

/**
 * The `<desc>` of an exported file: the author's description, else what the
 * diagram holds; then `more` (a step's caption, a flow's steps), if any.
 */
export function describe(diagram: LaidOutDiagram, more?: string, words: Words = WORDS.en): string {
  const groups = diagram.nodes.filter((n) => n.kind === 'group').length;
  const summary =
    diagram.description?.trim() ||
    words.summary(diagram.nodes.length - groups, groups, visibleEdges(diagram).length);
  return more?.trim() ? `${summary} ${more.trim()}` : summary;
}
