import { ARROW_HEADS, LINE_STYLES, type ParseResult, SHAPES } from '../../model/types.ts';

/**
 * What is wrong with a parse result, if anything: the promises the importer
 * makes to later stages (unique ids, edges on nodes, parents before
 * children…). Empty when all hold. The property tests call it on garbage.
 *
 * @example resultProblems(importMermaid('graph\n a --> b', { id: 'x' })) // []
 */
export function resultProblems(result: ParseResult): string[] {
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    if (!(d.line >= 1 && d.col >= 1))
      problems.push(`diagnostic at ${d.line}:${d.col}: ${d.message}`);
    if (d.message.startsWith('Internal error')) problems.push(d.message);
  }
  const { model } = result;
  if (!model) {
    if (!result.diagnostics.some((d) => d.severity === 'error'))
      problems.push('no model and no error');
    return problems;
  }
  const seen = new Map<string, boolean>();
  for (const node of model.nodes) {
    if (seen.has(node.id)) problems.push(`node ${node.id} twice`);
    if (node.parent !== null && seen.get(node.parent) !== true) {
      problems.push(`node ${node.id}: parent ${node.parent} is not a group listed before it`);
    }
    if (!SHAPES.includes(node.shape)) problems.push(`node ${node.id}: shape ${node.shape}`);
    if (node.kind === 'group' && node.shape !== 'rect')
      problems.push(`group ${node.id} is not a rect`);
    seen.set(node.id, node.kind === 'group');
  }
  const edgeIds = new Set<string>();
  for (const edge of model.edges) {
    if (edgeIds.has(edge.id)) problems.push(`edge ${edge.id} twice`);
    edgeIds.add(edge.id);
    if (!seen.has(edge.source) || !seen.has(edge.target))
      problems.push(`edge ${edge.id} has an end that is no node`);
    if (!LINE_STYLES.includes(edge.line)) problems.push(`edge ${edge.id}: line ${edge.line}`);
    if (!ARROW_HEADS.includes(edge.arrows.start) || !ARROW_HEADS.includes(edge.arrows.end)) {
      problems.push(`edge ${edge.id}: arrows ${JSON.stringify(edge.arrows)}`);
    }
    if (!(edge.minLength >= 1)) problems.push(`edge ${edge.id}: minLength ${edge.minLength}`);
  }
  return problems;
}
