import type { Mode, TokenType } from './tokens.ts';

/**
 * One lexer rule. Rules are tried in order and the first match wins (not the
 * longest), exactly as Mermaid's generated lexer does; the order below is
 * Mermaid's order. docs/mermaid.md ("How it works") says why we mirror it.
 */
export interface LexRule {
  /** Sticky pattern, tried at the current position. */
  pattern: RegExp;
  /** Modes the rule is active in; 'all' for Mermaid's `<*>` rules. */
  modes: readonly Mode[] | 'all';
  /** Token produced; none means the match is consumed silently. */
  token?: TokenType;
  /** Leave the current mode first. */
  pop?: boolean;
  /** Then enter this mode. */
  push?: Mode;
  /** The diagram keyword: the first one is followed by a direction. */
  graphKeyword?: boolean;
  /** The pattern starts with `\s*`; the lexer skips the blanks itself (keeps lexing linear). */
  leadingBlanks?: boolean;
  /** Rewrites the matched text (shape data strings join their lines with `<br/>`). */
  rewrite?: (text: string) => string;
  /** Matched by the lexer's own code rather than `pattern`. */
  special?: 'direction' | 'linkId';
}

const NEVER = /(?!)/y;

const I: readonly Mode[] = ['initial'];

/** Mermaid's flowchart lexer rules, in Mermaid's order. */
export const LEX_RULES: readonly LexRule[] = [
  { pattern: /accTitle\s*:\s*/y, modes: I, token: 'ACC_TITLE', push: 'accTitle' },
  { pattern: /[^\n]*/y, modes: ['accTitle'], token: 'ACC_TITLE_VALUE', pop: true },
  { pattern: /accDescr\s*:\s*/y, modes: I, token: 'ACC_DESCR', push: 'accDescr' },
  { pattern: /[^\n]*/y, modes: ['accDescr'], token: 'ACC_DESCR_VALUE', pop: true },
  { pattern: /accDescr\s*\{\s*/y, modes: I, push: 'accDescrBlock' },
  { pattern: /\}/y, modes: ['accDescrBlock'], pop: true },
  { pattern: /[^}]*/y, modes: ['accDescrBlock'], token: 'ACC_DESCR_BLOCK_VALUE' },
  { pattern: /@\{/y, modes: I, token: 'SHAPE_DATA', push: 'shapeData', rewrite: () => '' },
  { pattern: /"/y, modes: ['shapeData'], token: 'SHAPE_DATA', push: 'shapeDataString' },
  { pattern: /"/y, modes: ['shapeDataString'], token: 'SHAPE_DATA', pop: true },
  {
    pattern: /[^"]+/y,
    modes: ['shapeDataString'],
    token: 'SHAPE_DATA',
    rewrite: (text) => text.replace(/\n\s*/g, '<br/>'),
  },
  { pattern: /[^}^"]+/y, modes: ['shapeData'], token: 'SHAPE_DATA' },
  // Mermaid's rule yields no token; ours does, so a missing `}` can be reported.
  { pattern: /\}/y, modes: ['shapeData'], token: 'SHAPE_DATA_END', pop: true },
  { pattern: /call\s+/y, modes: I, push: 'callbackName' },
  { pattern: /\(\s*\)/y, modes: ['callbackName'], pop: true },
  { pattern: /\(/y, modes: ['callbackName'], pop: true, push: 'callbackArgs' },
  { pattern: /[^(]*/y, modes: ['callbackName'], token: 'CALLBACK_NAME' },
  { pattern: /\)/y, modes: ['callbackArgs'], pop: true },
  { pattern: /[^)]*/y, modes: ['callbackArgs'], token: 'CALLBACK_ARGS' },
  { pattern: /[^`"]+/y, modes: ['markdown'], token: 'MD_STR' },
  { pattern: /`"/y, modes: ['markdown'], pop: true },
  { pattern: /"`/y, modes: 'all', push: 'markdown' },
  { pattern: /[^"]+/y, modes: ['string'], token: 'STR' },
  { pattern: /"/y, modes: ['string'], pop: true },
  { pattern: /"/y, modes: 'all', push: 'string' },
  { pattern: /style\b/y, modes: I, token: 'STYLE' },
  { pattern: /default\b/y, modes: I, token: 'DEFAULT' },
  { pattern: /linkStyle\b/y, modes: I, token: 'LINKSTYLE' },
  { pattern: /interpolate\b/y, modes: I, token: 'INTERPOLATE' },
  { pattern: /classDef\b/y, modes: I, token: 'CLASSDEF' },
  { pattern: /class\b/y, modes: I, token: 'CLASS' },
  { pattern: /href\s/y, modes: I, token: 'HREF' },
  { pattern: /click\s+/y, modes: I, push: 'click' },
  { pattern: /\s/y, modes: ['click'], pop: true },
  { pattern: /\S*/y, modes: ['click'], token: 'CLICK' },
  { pattern: /flowchart-elk\b/y, modes: I, token: 'GRAPH', graphKeyword: true },
  { pattern: /swimlane-beta\b/y, modes: I, token: 'GRAPH', graphKeyword: true },
  { pattern: /graph\b/y, modes: I, token: 'GRAPH', graphKeyword: true },
  { pattern: /flowchart\b/y, modes: I, token: 'GRAPH', graphKeyword: true },
  { pattern: /subgraph\b/y, modes: I, token: 'SUBGRAPH' },
  { pattern: /end\b\s*/y, modes: I, token: 'END' },
  { pattern: /_self\b/y, modes: I, token: 'LINK_TARGET' },
  { pattern: /_blank\b/y, modes: I, token: 'LINK_TARGET' },
  { pattern: /_parent\b/y, modes: I, token: 'LINK_TARGET' },
  { pattern: /_top\b/y, modes: I, token: 'LINK_TARGET' },
  { pattern: /(\r?\n)*\s*\n/y, modes: ['dir'], token: 'NODIR', pop: true },
  ...['LR', 'RL', 'TB', 'BT', 'TD', 'BR', '<', '>', '\\^', 'v\\b'].map(
    (dir): LexRule => ({
      pattern: new RegExp(`\\s*${dir}`, 'y'),
      modes: ['dir'],
      token: 'DIR',
      pop: true,
    }),
  ),
  // Mermaid's `.*direction\s+TB[^\n]*` and `[^\s"]+@` (edge id) rules: the
  // lexer matches these itself, as plain regexes would rescan the rest of the
  // line at every token.
  { pattern: NEVER, modes: I, token: 'DIRECTION', special: 'direction' },
  { pattern: NEVER, modes: I, token: 'LINK_ID', special: 'linkId' },
  { pattern: /[0-9]+/y, modes: I, token: 'NUM' },
  { pattern: /#/y, modes: I, token: 'BRKT' },
  { pattern: /:::/y, modes: I, token: 'STYLE_SEPARATOR' },
  { pattern: /:/y, modes: I, token: 'COLON' },
  { pattern: /&/y, modes: I, token: 'AMP' },
  { pattern: /;/y, modes: I, token: 'SEMI' },
  { pattern: /,/y, modes: I, token: 'COMMA' },
  { pattern: /\*/y, modes: I, token: 'MULT' },
  link(/[xo<]?--+[-xo>]\s*/y, ['initial', 'edgeText'], 'LINK', { pop: true }),
  link(/[xo<]?--\s*/y, I, 'START_LINK', { push: 'edgeText' }),
  { pattern: /[^-]|-(?!-)/y, modes: ['edgeText'], token: 'EDGE_TEXT' },
  link(/[xo<]?==+[=xo>]\s*/y, ['initial', 'thickEdgeText'], 'LINK', { pop: true }),
  link(/[xo<]?==\s*/y, I, 'START_LINK', { push: 'thickEdgeText' }),
  { pattern: /[^=]/y, modes: ['thickEdgeText'], token: 'EDGE_TEXT' },
  link(/[xo<]?-?\.+-[xo>]?\s*/y, ['initial', 'dottedEdgeText'], 'LINK', { pop: true }),
  link(/[xo<]?-\.\s*/y, I, 'START_LINK', { push: 'dottedEdgeText' }),
  { pattern: /[^.]/y, modes: ['dottedEdgeText'], token: 'EDGE_TEXT' },
  link(/~~~+\s*/y, 'all', 'LINK', {}),
  { pattern: /[-/)]\)/y, modes: ['ellipseText'], token: 'ELLIPSE_END', pop: true },
  { pattern: /[^()[\]{}]|!\)+/y, modes: ['ellipseText'], token: 'TEXT' },
  { pattern: /\(-/y, modes: 'all', token: 'ELLIPSE_START', push: 'ellipseText' },
  { pattern: /\]\)/y, modes: ['text'], token: 'STADIUM_END', pop: true },
  { pattern: /\(\[/y, modes: 'all', token: 'STADIUM_START', push: 'text' },
  { pattern: /\]\]/y, modes: ['text'], token: 'SUBROUTINE_END', pop: true },
  { pattern: /\[\[/y, modes: 'all', token: 'SUBROUTINE_START', push: 'text' },
  { pattern: /\[\|/y, modes: I, token: 'PROPS_START' },
  { pattern: />/y, modes: I, token: 'TAGEND', push: 'text' },
  { pattern: /\)\]/y, modes: ['text'], token: 'CYLINDER_END', pop: true },
  { pattern: /\[\(/y, modes: 'all', token: 'CYLINDER_START', push: 'text' },
  { pattern: /\)\)\)/y, modes: ['text'], token: 'DOUBLECIRCLE_END', pop: true },
  { pattern: /\(\(\(/y, modes: 'all', token: 'DOUBLECIRCLE_START', push: 'text' },
  // Mermaid's own class here is `[\\(?=\])]`: it ends `[\ \]` on `\]` but also on `(]`, `?]`…
  { pattern: /[\\(?=\])]\]/y, modes: ['trapText'], token: 'TRAP_END', pop: true },
  { pattern: /\/(?=\])\]/y, modes: ['trapText'], token: 'INVTRAP_END', pop: true },
  { pattern: /\/(?!\])|\\(?!\])|[^\\[\](){}/]+/y, modes: ['trapText'], token: 'TEXT' },
  { pattern: /\[\//y, modes: 'all', token: 'TRAP_START', push: 'trapText' },
  { pattern: /\[\\/y, modes: 'all', token: 'INVTRAP_START', push: 'trapText' },
  { pattern: /</y, modes: I, token: 'TAGSTART' },
  { pattern: /\^/y, modes: I, token: 'UP' },
  { pattern: /\\\|/y, modes: I, token: 'SEP' },
  { pattern: /v\b/y, modes: I, token: 'DOWN' },
  {
    pattern: /(?:[A-Za-z0-9!"#$%&'*+.`?\\_/]|-(?=[^>\-.]))+/y,
    modes: I,
    token: 'NODE_STRING',
  },
  { pattern: /-/y, modes: I, token: 'MINUS' },
  // Mermaid lists the letters of Unicode 6 by hand; any letter is close enough.
  { pattern: /\p{L}/uy, modes: I, token: 'UNICODE_TEXT' },
  { pattern: /\|/y, modes: ['text'], token: 'PIPE', pop: true },
  { pattern: /\|/y, modes: 'all', token: 'PIPE', push: 'text' },
  { pattern: /\)/y, modes: ['text'], token: 'PE', pop: true },
  { pattern: /\(/y, modes: 'all', token: 'PS', push: 'text' },
  { pattern: /\]/y, modes: ['text'], token: 'SQE', pop: true },
  { pattern: /\[/y, modes: 'all', token: 'SQS', push: 'text' },
  { pattern: /\}/y, modes: ['text'], token: 'DIAMOND_STOP', pop: true },
  { pattern: /\{/y, modes: 'all', token: 'DIAMOND_START', push: 'text' },
  { pattern: /[^[\](){}|"]+/y, modes: ['text'], token: 'TEXT' },
  { pattern: /\n+/y, modes: I, token: 'NEWLINE' },
  { pattern: /\s/y, modes: I, token: 'SPACE' },
];

function link(
  pattern: RegExp,
  modes: readonly Mode[] | 'all',
  token: TokenType,
  change: { pop?: boolean; push?: Mode },
): LexRule {
  return { pattern, modes, token, leadingBlanks: true, ...change };
}
