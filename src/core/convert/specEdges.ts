import type { ArrowHead, LineStyle, ModelEdge } from '../model/types.ts';
import { autoEdgeId, EDGE_OPERATORS } from '../parse/spec/edgeExpression.ts';
import { resolveEdgeRef } from '../parse/spec/resolveEdgeRef.ts';

type Arrows = { start: ArrowHead; end: ArrowHead };

/** How one edge is written: `source OP target`, and the options that operator can't say. */
export interface SpecEdge {
  expression: string;
  line?: LineStyle;
  /** Only the ends that differ from what the operator draws. */
  arrows?: Partial<Arrows>;
  /** Only when the id the spec would give the edge is not its id. */
  id?: string;
}

// Our short operators, by line; in each, the head at the target, at both ends, at neither.
const FAMILIES: Readonly<Record<Exclude<LineStyle, 'invisible'>, readonly string[]>> = {
  solid: ['->', '<->', '--'],
  dashed: ['..>', '<..>', '..'],
  thick: ['=>', '<=>', '=='],
};

function differingEnds(drawn: Arrows, wanted: Arrows): Partial<Arrows> {
  return {
    ...(drawn.start === wanted.start ? {} : { start: wanted.start }),
    ...(drawn.end === wanted.end ? {} : { end: wanted.end }),
  };
}

/**
 * The operator that draws most of the edge. An invisible line takes a solid
 * operator plus `line: invisible` (the parser warns when options contradict a
 * dashed or thick operator, never a solid one); heads no operator draws
 * (circles, crosses, a head only at the start) are the ends written in
 * `arrows`, from the operator that leaves the fewest to write.
 */
function operatorFor(edge: ModelEdge): { operator: string; arrows: Partial<Arrows> } {
  const family = FAMILIES[edge.line === 'invisible' ? 'solid' : edge.line];
  let best = { operator: family[0] ?? '->', arrows: {} as Partial<Arrows>, count: 3 };
  for (const operator of family) {
    const drawn = EDGE_OPERATORS[operator]?.arrows;
    if (!drawn) continue;
    const arrows = differingEnds(drawn, edge.arrows);
    const count = Object.keys(arrows).length;
    if (count < best.count) best = { operator, arrows, count };
  }
  return { operator: best.operator, arrows: best.arrows };
}

/**
 * The edges whose id must be written: those the spec's automatic naming
 * (`a->b`, `a->b#2`, explicit ids reserved first) would name otherwise.
 * Writing one id can change the automatic names of others, so this repeats
 * until nothing changes; the set only grows, so it ends.
 */
function explicitIds(edges: readonly ModelEdge[]): Set<string> {
  const explicit = new Set<string>();
  for (;;) {
    const taken = new Set(explicit);
    const more = edges.filter((edge) => {
      if (explicit.has(edge.id)) return false;
      const id = autoEdgeId(edge.source, edge.target, taken);
      taken.add(id);
      return id !== edge.id;
    });
    if (more.length === 0) return explicit;
    for (const edge of more) explicit.add(edge.id);
  }
}

/**
 * How to write each edge so the spec reads it back with the same line,
 * heads and id. Ends must be valid spec ids (see `fitToSpec`).
 *
 * @example specEdges([dashedEdgeFromAToB])[0] // { expression: 'a ..> b' }
 */
export function specEdges(edges: readonly ModelEdge[]): SpecEdge[] {
  const explicit = explicitIds(edges);
  return edges.map((edge) => {
    const { operator, arrows } = operatorFor(edge);
    return {
      expression: `${edge.source} ${operator} ${edge.target}`,
      ...(edge.line === 'invisible' ? { line: edge.line } : {}),
      ...(Object.keys(arrows).length > 0 ? { arrows } : {}),
      ...(explicit.has(edge.id) ? { id: edge.id } : {}),
    };
  });
}

/**
 * How a flow step names an edge: `a -> b` when that finds exactly this edge
 * and no other, as people write it; else its id.
 *
 * @example edgeReference('a->b', edges) // 'a -> b'
 */
export function edgeReference(id: string, edges: readonly ModelEdge[]): string {
  const edge = edges.find((candidate) => candidate.id === id);
  if (!edge) return id;
  const expression = `${edge.source} -> ${edge.target}`;
  const found = resolveEdgeRef(expression, edges);
  return found.kind === 'found' && found.id === id && found.alternatives.length === 0
    ? expression
    : id;
}
