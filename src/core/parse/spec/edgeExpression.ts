import type { ArrowHead, LineStyle } from '../../model/types.ts';

/**
 * What a node id may look like: letters (any script), digits and `_`, with
 * single `-` or `.` inside. Keeping `-`, `.`, `<`, `=` and `>` out of the
 * ends of an id is what lets `a->b`, `a..>b` and `kube-proxy->api` be read
 * without spaces.
 */
export const ID_SOURCE = '[\\p{L}\\p{N}_]+(?:[-.][\\p{L}\\p{N}_]+)*';

/** Matches a whole node id. */
export const ID_PATTERN = new RegExp(`^${ID_SOURCE}$`, 'u');

interface OperatorMeaning {
  line: LineStyle;
  arrows: { start: ArrowHead; end: ArrowHead };
}

const END = { start: 'none', end: 'arrow' } as const;
const BOTH = { start: 'arrow', end: 'arrow' } as const;
const NONE = { start: 'none', end: 'none' } as const;

/**
 * Every edge operator and what it draws. The short forms are ours; the
 * longer Mermaid spellings are accepted so a link copied from a `.mmd`
 * file reads the same.
 */
export const EDGE_OPERATORS: Readonly<Record<string, OperatorMeaning>> = {
  '->': { line: 'solid', arrows: END },
  '-->': { line: 'solid', arrows: END },
  '<->': { line: 'solid', arrows: BOTH },
  '<-->': { line: 'solid', arrows: BOTH },
  '--': { line: 'solid', arrows: NONE },
  '---': { line: 'solid', arrows: NONE },
  '..>': { line: 'dashed', arrows: END },
  '-.->': { line: 'dashed', arrows: END },
  '<..>': { line: 'dashed', arrows: BOTH },
  '<-.->': { line: 'dashed', arrows: BOTH },
  '..': { line: 'dashed', arrows: NONE },
  '-.-': { line: 'dashed', arrows: NONE },
  '=>': { line: 'thick', arrows: END },
  '==>': { line: 'thick', arrows: END },
  '<=>': { line: 'thick', arrows: BOTH },
  '<==>': { line: 'thick', arrows: BOTH },
  '==': { line: 'thick', arrows: NONE },
  '===': { line: 'thick', arrows: NONE },
};

// Longest first, so `-->` is not read as `--` followed by a stray `>`.
const OPERATOR_SOURCE = Object.keys(EDGE_OPERATORS)
  .sort((a, b) => b.length - a.length)
  .map((op) => op.replace(/[.]/g, '\\.'))
  .join('|');

/** Source of a regular expression matching a whole edge expression (`a -> b`). */
export const EDGE_EXPRESSION_SOURCE = `^\\s*${ID_SOURCE}\\s*(?:${OPERATOR_SOURCE})\\s*${ID_SOURCE}\\s*$`;

const PARTS = new RegExp(
  `^(\\s*)(${ID_SOURCE})(\\s*)(${OPERATOR_SOURCE})(\\s*)(${ID_SOURCE})\\s*$`,
  'u',
);

/** An edge expression, taken apart. Offsets are code-unit indices into the text. */
export interface EdgeExpression {
  source: string;
  target: string;
  operator: string;
  line: LineStyle;
  arrows: { start: ArrowHead; end: ArrowHead };
  sourceOffset: number;
  targetOffset: number;
}

/**
 * Reads `source OP target`, or returns undefined when the text is not one.
 *
 * @example parseEdgeExpression('api <..> etcd') // { source: 'api', target: 'etcd', line: 'dashed', arrows: both, … }
 */
export function parseEdgeExpression(text: string): EdgeExpression | undefined {
  const match = PARTS.exec(text);
  if (!match) return undefined;
  const [, lead = '', source = '', gap1 = '', operator = '', gap2 = '', target = ''] = match;
  const meaning = EDGE_OPERATORS[operator];
  if (!meaning) return undefined;
  return {
    source,
    target,
    operator,
    line: meaning.line,
    arrows: { ...meaning.arrows },
    sourceOffset: lead.length,
    targetOffset: lead.length + source.length + gap1.length + operator.length + gap2.length,
  };
}

/** The id an edge gets when none is given: `a->b`, then `a->b#2`, `a->b#3`… */
export function autoEdgeId(source: string, target: string, taken: ReadonlySet<string>): string {
  const base = `${source}->${target}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}#${n}`)) n++;
  return `${base}#${n}`;
}
