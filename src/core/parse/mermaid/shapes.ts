import type { Shape } from '../../model/types.ts';

/** Shapes written with brackets (`A[(db)]`), by Mermaid's internal name. */
export type BracketShape =
  | 'square'
  | 'round'
  | 'stadium'
  | 'subroutine'
  | 'cylinder'
  | 'circle'
  | 'doublecircle'
  | 'ellipse'
  | 'diamond'
  | 'hexagon'
  | 'odd'
  | 'trapezoid'
  | 'inv_trapezoid'
  | 'lean_right'
  | 'lean_left';

const FROM_BRACKETS: Readonly<Record<BracketShape, Shape>> = {
  square: 'rect',
  round: 'rounded',
  stadium: 'stadium',
  subroutine: 'subroutine',
  cylinder: 'cylinder',
  circle: 'circle',
  doublecircle: 'doublecircle',
  // `A(-text-)`: Mermaid's own ellipse is broken; a circle is the closest we draw.
  ellipse: 'circle',
  diamond: 'diamond',
  hexagon: 'hexagon',
  odd: 'asymmetric',
  trapezoid: 'trapezoid',
  inv_trapezoid: 'trapezoid-alt',
  lean_right: 'parallelogram',
  lean_left: 'parallelogram-alt',
};

/** Our shape for a bracket shape. */
export function shapeOfBrackets(shape: BracketShape): Shape {
  return FROM_BRACKETS[shape];
}

/** Mermaid v11 `@{ shape: … }` names (short names and aliases) we draw as they are. */
const EXACT: ReadonlyArray<readonly [Shape, string]> = [
  ['rect', 'rect proc process rectangle'],
  ['rounded', 'rounded event'],
  ['stadium', 'stadium terminal pill'],
  ['subroutine', 'fr-rect subprocess subproc framed-rectangle subroutine'],
  ['cylinder', 'cyl db database cylinder'],
  ['circle', 'circle circ'],
  ['doublecircle', 'dbl-circ double-circle'],
  ['diamond', 'diam decision diamond question'],
  ['hexagon', 'hex hexagon prepare'],
  ['parallelogram', 'lean-r lean-right in-out'],
  ['parallelogram-alt', 'lean-l lean-left out-in'],
  ['trapezoid', 'trap-b priority trapezoid-bottom trapezoid'],
  ['trapezoid-alt', 'trap-t manual trapezoid-top inv-trapezoid'],
  ['asymmetric', 'odd'],
  ['document', 'doc document'],
  ['person', 'person'],
  ['text', 'text'],
];

/** Mermaid shapes we cannot draw, and the closest one we can. */
const NEAREST: ReadonlyArray<readonly [Shape, string]> = [
  [
    'rect',
    'notch-rect card notched-rectangle lin-rect lined-rectangle lined-process lin-proc shaded-process ' +
      'fork join div-rect div-proc divided-rectangle divided-process win-pane internal-storage window-pane ' +
      'st-rect procs processes stacked-rectangle tag-rect tagged-rectangle tag-proc tagged-process ' +
      'sl-rect manual-input sloped-rectangle bolt com-link lightning-bolt hourglass collate ' +
      'folder directory console browser note composite icon',
  ],
  ['rounded', 'cloud curv-trap curved-trapezoid display state'],
  ['stadium', 'delay half-rounded-rectangle'],
  [
    'cylinder',
    'h-cyl das horizontal-cylinder lin-cyl disk lined-cylinder datastore data-store bucket bow-rect stored-data bow-tie-rectangle',
  ],
  [
    'circle',
    'sm-circ start small-circle f-circ junction filled-circle cross-circ summary crossed-circle bang anchor',
  ],
  ['doublecircle', 'fr-circ stop framed-circle'],
  ['diamond', 'choice'],
  ['trapezoid', 'tri extract triangle notch-pent loop-limit notched-pentagon'],
  ['trapezoid-alt', 'flip-tri manual-file flipped-triangle'],
  [
    'document',
    'docs documents st-doc stacked-document tag-doc tagged-document lin-doc lined-document flag paper-tape',
  ],
  ['text', 'brace comment brace-l brace-r braces'],
];

const lookup = (table: ReadonlyArray<readonly [Shape, string]>): ReadonlyMap<string, Shape> =>
  new Map(
    table.flatMap(([shape, names]) => names.split(' ').map((name) => [name, shape] as const)),
  );

const EXACT_BY_NAME = lookup(EXACT);
const NEAREST_BY_NAME = lookup(NEAREST);

/** How well we can draw a Mermaid shape name. */
export type NamedShape =
  | { kind: 'exact'; shape: Shape }
  | { kind: 'nearest'; shape: Shape }
  | { kind: 'unknown' };

/**
 * Resolves a `@{ shape: name }` to one of our shapes. Mermaid only accepts
 * lowercase names; callers report other spellings.
 *
 * @example shapeOfName('cyl') // { kind: 'exact', shape: 'cylinder' }
 * @example shapeOfName('hourglass') // { kind: 'nearest', shape: 'rect' }
 */
export function shapeOfName(name: string): NamedShape {
  const exact = EXACT_BY_NAME.get(name);
  if (exact) return { kind: 'exact', shape: exact };
  const nearest = NEAREST_BY_NAME.get(name);
  if (nearest) return { kind: 'nearest', shape: nearest };
  return { kind: 'unknown' };
}

/** Every name Mermaid accepts, for "did you mean" suggestions. */
export function shapeNames(): string[] {
  return [...EXACT_BY_NAME.keys(), ...NEAREST_BY_NAME.keys()];
}
