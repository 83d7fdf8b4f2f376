import { suggest } from '../../model/suggest.ts';
import {
  parseClassDefStatement,
  parseClassStatement,
  parseClickStatement,
  parseLinkStyleStatement,
  parseStyleStatement,
} from './commandStatements.ts';
import type { SubgraphSpec } from './flowBuilder.ts';
import {
  describe,
  expect,
  expectClosing,
  expectSeparator,
  explain,
  type ParseContext,
  parseText,
  SyntaxFailure,
} from './grammar.ts';
import { directionOf } from './lexer.ts';
import type { Token, TokenType } from './tokens.ts';
import { parseVertexStatement } from './vertexStatement.ts';

/** A subgraph whose `end` has not been seen yet. */
type OpenSubgraph = Omit<SubgraphSpec, 'members'> & { members: string[] };

/** Tokens Mermaid accepts in `subgraph <id or title>` (its `textNoTags`). */
const HEADER_PARTS: readonly TokenType[] = [
  'NUM',
  'NODE_STRING',
  'SPACE',
  'MINUS',
  'AMP',
  'UNICODE_TEXT',
  'COLON',
  'MULT',
  'BRKT',
  'STYLE',
  'LINKSTYLE',
  'CLASSDEF',
  'CLASS',
  'CLICK',
  'GRAPH',
  'DIR',
  'SUBGRAPH',
  'END',
  'DOWN',
  'UP',
  'START_LINK',
];
const TEXT_PARTS: readonly TokenType[] = ['TEXT', 'TAGSTART', 'TAGEND', 'UNICODE_TEXT'];
const HEADER_DIRECTIONS = ['TB', 'TD', 'BT', 'LR', 'RL'];

/**
 * Parses the whole flowchart into the builder. A broken statement is
 * reported and skipped up to the end of its line; the rest still counts.
 *
 * @returns The header's direction as written (`TD`, `LR`, `>`…).
 */
export function parseDocument(ctx: ParseContext): string {
  const direction = recovering(ctx, () => parseHeader(ctx)) ?? 'TB';
  // The subgraphs open at this point, innermost last. One stack, pushed and
  // popped in place: copying it per line made deep nesting quadratic.
  const open: OpenSubgraph[] = [];
  while (!ctx.tokens.at('DONE')) {
    recovering(ctx, () => parseLine(ctx, open));
  }
  for (const subgraph of [...open].reverse()) {
    const name = subgraph.idText?.trim() || subgraph.title?.text;
    const which = name ? `subgraph "${name}"` : 'This subgraph';
    ctx.reporter.report('error', `${which} is never closed with "end".`, subgraph.at);
  }
  while (open.length > 0) closeSubgraph(ctx, open);
  return direction;
}

function recovering<T>(ctx: ParseContext, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    ctx.reporter.report('error', explain(error, ctx.text), firstVisible(error.token));
    ctx.tokens.skipLineAfter(error.token.start);
    return undefined;
  }
}

/** Where a token's own text starts (links and keywords carry blanks before them). */
function firstVisible(token: Token): number {
  const blanks = token.text.length - token.text.trimStart().length;
  return blanks < token.text.length ? token.start + blanks : token.start;
}

/** `flowchart LR`, `graph TD;`, `flowchart` (top to bottom). */
function parseHeader(ctx: ParseContext): string {
  const { tokens } = ctx;
  while (tokens.at('SPACE', 'NEWLINE')) tokens.next();
  expect(ctx, '"flowchart" or "graph"', 'GRAPH');
  if (tokens.at('NODIR')) {
    tokens.next();
    return 'TB';
  }
  if (!tokens.at('DIR')) {
    const start = tokens.peek().start;
    const line = lineAt(ctx, start);
    const word = /^\s*(\S*)/.exec(line)?.[1] ?? '';
    const close = suggest(word, HEADER_DIRECTIONS);
    const hint = close ? ` (did you mean "${close}"?)` : '';
    const found = word ? `"${word}"` : describe(tokens.peek());
    ctx.reporter.report(
      'error',
      `Unexpected ${found}; expected a direction: TB, TD, BT, LR or RL${hint}.`,
      start + (line.length - line.trimStart().length),
      close,
    );
    tokens.skipLineAfter(start);
    return 'TB';
  }
  const direction = tokens.next();
  if (tokens.at('SPACE')) {
    while (tokens.at('SPACE')) tokens.next();
    expect(ctx, 'end of line', 'NEWLINE');
  } else {
    expect(ctx, 'end of line or ";"', 'SEMI', 'NEWLINE');
  }
  return direction.text.trim();
}

/** The rest of the line from `at`, for messages about the header. */
function lineAt(ctx: ParseContext, at: number): string {
  const end = ctx.text.indexOf('\n', at);
  return ctx.text.slice(at, end < 0 ? undefined : end);
}

/** Reads one statement; `subgraph` and `end` push and pop `open`. */
function parseLine(ctx: ParseContext, open: OpenSubgraph[]): void {
  const { tokens, flow, reporter } = ctx;
  const token = tokens.peek();
  const current = open[open.length - 1];
  switch (token.type) {
    case 'NEWLINE':
    case 'SEMI':
    case 'SPACE':
    case 'EOF':
      tokens.next();
      return;
    case 'END':
      tokens.next();
      if (current) closeSubgraph(ctx, open);
      else reporter.report('error', 'Unexpected "end": no subgraph is open.', token.start);
      return;
    case 'SUBGRAPH':
      open.push(parseSubgraphHeader(ctx));
      return;
    case 'DIRECTION': {
      tokens.next();
      const direction = directionOf(token.text);
      const at = firstVisible(token);
      if (!/^\s*direction\s+(TB|BT|RL|LR|TD)\s*$/.test(token.text)) {
        const effect = current ? 'sets the subgraph direction' : 'is ignored';
        reporter.report(
          'warning',
          `Mermaid reads this whole line as "direction ${direction}"; it ${effect}.`,
          at,
        );
      } else if (!current) {
        reporter.report(
          'warning',
          'direction outside a subgraph is ignored; set it in the header.',
          at,
        );
      }
      if (current) current.direction = direction;
      return;
    }
    case 'ACC_TITLE':
      tokens.next();
      flow.setAccTitle(expect(ctx, 'a title', 'ACC_TITLE_VALUE').text.trim());
      return;
    case 'ACC_DESCR':
      tokens.next();
      flow.setAccDescr(expect(ctx, 'a description', 'ACC_DESCR_VALUE').text.trim());
      return;
    case 'ACC_DESCR_BLOCK_VALUE':
      tokens.next();
      flow.setAccDescr(token.text.trim().replace(/\n\s+/g, '\n'));
      return;
    case 'STYLE':
      parseStyleStatement(ctx);
      return;
    case 'CLASSDEF':
      parseClassDefStatement(ctx);
      return;
    case 'CLASS':
      parseClassStatement(ctx);
      return;
    case 'LINKSTYLE':
      parseLinkStyleStatement(ctx);
      return;
    case 'CLICK':
      parseClickStatement(ctx);
      return;
    default: {
      // One push per id: spreading a statement of 100 000 ids into push() overflows the stack.
      for (const id of parseVertexStatement(ctx)) current?.members.push(id);
      return;
    }
  }
}

/** `subgraph id`, `subgraph id [title]`, `subgraph "title"`, `subgraph` */
function parseSubgraphHeader(ctx: ParseContext): OpenSubgraph {
  const keyword = ctx.tokens.next();
  const base = { members: [], seq: ctx.flow.nextSequence(), at: keyword.start };
  if (!ctx.tokens.at('SPACE')) {
    expectSeparator(ctx);
    return { ...base, titleIsId: false };
  }
  ctx.tokens.next();
  const name = parseText(ctx, HEADER_PARTS, 'text');
  if (ctx.tokens.at('SQS')) {
    const open = ctx.tokens.next();
    const title = parseText(ctx, TEXT_PARTS);
    expectClosing(ctx, open, ']', 'SQE');
    expectSeparator(ctx);
    return { ...base, idText: name.text, title, titleIsId: false };
  }
  expectSeparator(ctx);
  return { ...base, idText: name.text, title: name, titleIsId: true };
}

function closeSubgraph(ctx: ParseContext, open: OpenSubgraph[]): void {
  const closing = open.pop();
  if (!closing) throw new SyntaxFailure(ctx.tokens.peek(), 'a subgraph');
  const id = ctx.flow.addSubgraph(closing);
  open[open.length - 1]?.members.push(id);
}
