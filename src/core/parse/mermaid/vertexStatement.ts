import type { LinkSpec } from './flowBuilder.ts';
import type { Label } from './flowState.ts';
import {
  countSpaces,
  describe,
  expect,
  expectClosing,
  expectSeparator,
  type ParseContext,
  parseIdString,
  parseText,
  SyntaxFailure,
  skipSpaces,
} from './grammar.ts';
import { readLink } from './linkKind.ts';
import { type BracketShape, shapeOfBrackets } from './shapes.ts';
import type { TokenType } from './tokens.ts';

/** Tokens that make up the text inside a node's brackets. */
const TEXT_PARTS: readonly TokenType[] = ['TEXT', 'TAGSTART', 'TAGEND', 'UNICODE_TEXT'];
const EDGE_TEXT_PARTS: readonly TokenType[] = ['EDGE_TEXT', 'UNICODE_TEXT'];

/**
 * `A[x] & B --> C -- label --> D;` and its friends. Returns every node id of
 * the statement, latest first, as Mermaid lists them for subgraph membership.
 */
export function parseVertexStatement(ctx: ParseContext): string[] {
  let group = parseNodeGroup(ctx);
  // Each group once; joined at the end, as copying the ids per link made long chains quadratic.
  const groups = [group];
  parseTrailer(ctx, group);
  while (ctx.tokens.at('LINK', 'START_LINK', 'LINK_ID')) {
    const link = parseLink(ctx);
    const next = parseNodeGroup(ctx);
    parseTrailer(ctx, next);
    ctx.flow.addLinks(group, next, link);
    groups.push(next);
    group = next;
  }
  expectSeparator(ctx);
  return groups.reverse().flat();
}

/** `A`, `A & B:::c & C@{…}` */
function parseNodeGroup(ctx: ParseContext): string[] {
  const ids = [parseStyledVertex(ctx)];
  while (true) {
    const dataLength = shapeDataLength(ctx);
    const spaces = countSpaces(ctx, dataLength);
    if (spaces === 0 || ctx.tokens.peek(dataLength + spaces).type !== 'AMP') break;
    if (dataLength > 0) applyShapeData(ctx, ids[ids.length - 1] ?? '');
    skipSpaces(ctx);
    ctx.tokens.next();
    if (skipSpaces(ctx) === 0) throw new SyntaxFailure(ctx.tokens.peek(), 'a space after "&"');
    ids.push(parseStyledVertex(ctx));
  }
  return ids;
}

/** Shape data or blanks may follow the last node of a group. */
function parseTrailer(ctx: ParseContext, group: string[]): void {
  if (ctx.tokens.at('SHAPE_DATA')) applyShapeData(ctx, group[group.length - 1] ?? '');
  else skipSpaces(ctx);
}

function shapeDataLength(ctx: ParseContext): number {
  let n = 0;
  while (['SHAPE_DATA', 'SHAPE_DATA_END'].includes(ctx.tokens.peek(n).type)) n++;
  return n;
}

/** `@{ shape: …, label: … }`, possibly several in a row (Mermaid joins them). */
function applyShapeData(ctx: ParseContext, id: string): void {
  const start = ctx.tokens.peek();
  let yaml = '';
  let closed = false;
  while (ctx.tokens.at('SHAPE_DATA', 'SHAPE_DATA_END')) {
    const token = ctx.tokens.next();
    closed = token.type === 'SHAPE_DATA_END';
    if (!closed) yaml += token.text;
  }
  if (!closed) {
    const message = `"@{" is never closed: expected "}" before ${describe(ctx.tokens.peek())}.`;
    throw new SyntaxFailure(start, '"}" to close "@{"', message);
  }
  ctx.flow.addShapeData(id, yaml, start.start);
}

/** Bracket pairs: opening token, closing token, shape. */
const BRACKETS: ReadonlyArray<readonly [TokenType, TokenType, BracketShape]> = [
  ['SQS', 'SQE', 'square'],
  ['DOUBLECIRCLE_START', 'DOUBLECIRCLE_END', 'doublecircle'],
  ['ELLIPSE_START', 'ELLIPSE_END', 'ellipse'],
  ['STADIUM_START', 'STADIUM_END', 'stadium'],
  ['SUBROUTINE_START', 'SUBROUTINE_END', 'subroutine'],
  ['CYLINDER_START', 'CYLINDER_END', 'cylinder'],
  ['TAGEND', 'SQE', 'odd'],
];

/** `id`, `id[label]`, `id((label))`, … then `:::class`. */
function parseStyledVertex(ctx: ParseContext): string {
  const { id, at } = parseIdString(ctx);
  const shaped = parseShapeOf(ctx, id);
  if (shaped) {
    if (shaped.shape === 'ellipse') {
      ctx.reporter.report('warning', `Ellipse nodes are drawn as circles ("${id}").`, at);
    }
    ctx.flow.addVertex(id, at, shaped.label, shapeOfBrackets(shaped.shape));
  } else {
    ctx.flow.addVertex(id, at);
  }
  if (ctx.tokens.at('STYLE_SEPARATOR')) {
    const separator = ctx.tokens.next();
    ctx.flow.setClass(id, parseIdString(ctx, 'a class name').id, separator.start);
  }
  return id;
}

/** `A->B` reads as node `A-` with an odd-shaped label `>B…`; say what was probably meant. */
function parseShapeOf(ctx: ParseContext, id: string): ReturnType<typeof parseShape> {
  const typo = id.endsWith('-') && ctx.tokens.at('TAGEND');
  try {
    return parseShape(ctx);
  } catch (error) {
    if (!typo || !(error instanceof SyntaxFailure)) throw error;
    const hint = `"${id}>" starts an odd-shaped node; for a link, write "-->"`;
    throw new SyntaxFailure(
      error.token,
      error.expected,
      `${error.message.replace(/\.$/, '')} (${hint}).`,
    );
  }
}

function parseShape(ctx: ParseContext): { label: Label; shape: BracketShape } | undefined {
  const { tokens } = ctx;
  const open = tokens.peek();
  const pair = BRACKETS.find(([start]) => start === open.type);
  if (pair) {
    tokens.next();
    const label = parseText(ctx, TEXT_PARTS);
    expectClosing(ctx, open, closing(pair[1]), pair[1]);
    return { label, shape: pair[2] };
  }
  switch (open.type) {
    case 'PS':
    case 'DIAMOND_START': {
      const close = open.type === 'PS' ? 'PE' : 'DIAMOND_STOP';
      const double = tokens.peek(1).type === open.type;
      tokens.next();
      if (double) tokens.next();
      const label = parseText(ctx, TEXT_PARTS);
      expectClosing(ctx, open, closing(close), close);
      if (double) expectClosing(ctx, open, closing(close), close);
      const shape: BracketShape =
        open.type === 'PS' ? (double ? 'circle' : 'round') : double ? 'hexagon' : 'diamond';
      return { label, shape };
    }
    case 'TRAP_START':
    case 'INVTRAP_START': {
      tokens.next();
      const label = parseText(ctx, TEXT_PARTS);
      const end = expectClosing(ctx, open, '/]" or "\\]', 'TRAP_END', 'INVTRAP_END');
      const leansRight = open.type === 'TRAP_START';
      const sameSlant = (end.type === 'INVTRAP_END') === leansRight;
      const shape: BracketShape = sameSlant
        ? leansRight
          ? 'lean_right'
          : 'lean_left'
        : leansRight
          ? 'trapezoid'
          : 'inv_trapezoid';
      return { label, shape };
    }
    case 'PROPS_START': {
      tokens.next();
      const field = expect(ctx, 'a property name', 'NODE_STRING');
      expect(ctx, '":"', 'COLON');
      expect(ctx, 'a property value', 'NODE_STRING');
      expect(ctx, '"|"', 'PIPE');
      const label = parseText(ctx, TEXT_PARTS);
      expectClosing(ctx, open, ']', 'SQE');
      ctx.reporter.report(
        'warning',
        `Node properties ([|${field.text}:…|]) are not supported.`,
        open.start,
      );
      return { label, shape: 'square' };
    }
    default:
      return undefined;
  }
}

/** The text that closes a label. */
function closing(type: TokenType): string {
  const text: Partial<Record<TokenType, string>> = {
    SQE: ']',
    PE: ')',
    DIAMOND_STOP: '}',
    DOUBLECIRCLE_END: ')))',
    ELLIPSE_END: '-)',
    STADIUM_END: '])',
    SUBROUTINE_END: ']]',
    CYLINDER_END: ')]',
  };
  return text[type] ?? type;
}

/** `-->`, `-->|label|`, `-- label -->`, `e1@-->` … */
function parseLink(ctx: ParseContext): LinkSpec {
  const { tokens } = ctx;
  const first = tokens.peek();
  const id = tokens.at('LINK_ID') ? tokens.next().text.replace('@', '') : undefined;
  const named = id === undefined ? {} : { id };
  if (tokens.at('LINK')) {
    const link = tokens.next();
    const kind = readLink(link.text);
    if (!tokens.at('PIPE')) return { kind, at: first.start, ...named };
    const pipe = tokens.next();
    const label = parseText(ctx, TEXT_PARTS);
    expectClosing(ctx, pipe, '|', 'PIPE');
    // Mermaid allows exactly one blank between `|label|` and the next node.
    if (tokens.at('SPACE')) tokens.next();
    return { kind, label, at: first.start, ...named };
  }
  const start = expect(ctx, 'a link such as "-->"', 'START_LINK');
  const label = parseText(ctx, EDGE_TEXT_PARTS);
  const end = expectClosing(ctx, start, '-->', 'LINK');
  return { kind: readLink(end.text, start.text), label, at: first.start, ...named };
}
