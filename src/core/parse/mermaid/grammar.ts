import type { FlowBuilder } from './flowBuilder.ts';
import type { Label } from './flowState.ts';
import type { LabelKind } from './labelText.ts';
import type { Reporter } from './reporter.ts';
import type { TokenStream } from './tokenStream.ts';
import type { Token, TokenType } from './tokens.ts';

/** What every statement parser works with. */
export interface ParseContext {
  /** The lexed text (after Mermaid's rewrites). */
  text: string;
  tokens: TokenStream;
  flow: FlowBuilder;
  reporter: Reporter;
}

/** A statement that does not fit the grammar; the document loop reports it and moves on. */
export class SyntaxFailure extends Error {
  readonly token: Token;
  readonly expected: string;
  constructor(token: Token, expected: string, message?: string) {
    super(message ?? `Unexpected ${describe(token)}; expected ${expected}.`);
    this.token = token;
    this.expected = expected;
  }
}

/**
 * Consumes the token closing `open`. When the text runs on past the end of
 * the line first, blames the opening bracket: that is where the fix goes,
 * and the lines it swallowed are read again as statements.
 */
export function expectClosing(
  ctx: ParseContext,
  open: Token,
  close: string,
  ...types: TokenType[]
): Token {
  if (ctx.tokens.at(...types)) return ctx.tokens.next();
  const found = ctx.tokens.peek();
  const expected = `"${close}" to close "${open.text.trim()}"`;
  if (!ctx.text.slice(open.end, found.start).includes('\n'))
    throw new SyntaxFailure(found, expected);
  const message = `"${open.text.trim()}" is never closed: expected "${close}" before ${describe(found)}.`;
  throw new SyntaxFailure(open, expected, message);
}

/** The error message for a failure, with the lexed text for context. */
export function explain(failure: SyntaxFailure, text: string): string {
  // Mermaid hides `#name;` codes behind a placeholder that no statement accepts.
  const code = /^\uFB02\u00B0\u00B0?(\w+)\u00B6\u00DF/.exec(text.slice(failure.token.start));
  if (code) return `Unexpected "#${code[1]};": character codes only work inside labels.`;
  return failure.message;
}

/** A token as a reader would name it in an error message. */
export function describe(token: Token): string {
  switch (token.type) {
    case 'NEWLINE':
      return 'end of line';
    case 'EOF':
    case 'DONE':
      return 'end of text';
    case 'SPACE':
      return 'space';
    default: {
      const text = token.text.trim() || token.text;
      return `"${text.length > 30 ? `${text.slice(0, 30)}…` : text}"`;
    }
  }
}

/** Consumes a token of one of `types` or fails. */
export function expect(ctx: ParseContext, expected: string, ...types: TokenType[]): Token {
  if (!ctx.tokens.at(...types)) throw new SyntaxFailure(ctx.tokens.peek(), expected);
  return ctx.tokens.next();
}

const SEPARATORS: readonly TokenType[] = ['NEWLINE', 'SEMI', 'EOF'];

/** Statements end at a newline, a `;` or the end of the text. */
export function expectSeparator(ctx: ParseContext): void {
  expect(ctx, 'end of line or ";"', ...SEPARATORS);
}

/** Consumes blanks; returns how many. */
export function skipSpaces(ctx: ParseContext): number {
  let count = 0;
  while (ctx.tokens.at('SPACE')) {
    ctx.tokens.next();
    count++;
  }
  return count;
}

/** How many SPACE tokens start at `ahead`. */
export function countSpaces(ctx: ParseContext, ahead = 0): number {
  let count = 0;
  while (ctx.tokens.peek(ahead + count).type === 'SPACE') count++;
  return count;
}

const ID_TOKENS: readonly TokenType[] = [
  'NUM',
  'NODE_STRING',
  'DOWN',
  'MINUS',
  'DEFAULT',
  'COMMA',
  'COLON',
  'AMP',
  'BRKT',
  'MULT',
  'UNICODE_TEXT',
];

/** An id: Mermaid glues adjacent id tokens (`1`, `id`, `:`…) into one. */
export function parseIdString(
  ctx: ParseContext,
  expected = 'a node id',
): { id: string; at: number } {
  const first = expect(ctx, expected, ...ID_TOKENS);
  let id = first.text;
  while (ctx.tokens.at(...ID_TOKENS)) id += ctx.tokens.next().text;
  return { id, at: first.start };
}

/**
 * A label: a quoted or markdown string, or plain text, then more plain text
 * (Mermaid accepts `["a" b]` but not `[a "b"]`).
 */
export function parseText(
  ctx: ParseContext,
  partTypes: readonly TokenType[],
  quotedKind: LabelKind = 'string',
): Label {
  const first = ctx.tokens.peek();
  let kind: LabelKind;
  if (first.type === 'STR') kind = quotedKind;
  else if (first.type === 'MD_STR') kind = 'markdown';
  else if (partTypes.includes(first.type)) kind = 'text';
  else throw new SyntaxFailure(first, 'label text');
  let text = ctx.tokens.next().text;
  while (ctx.tokens.at(...partTypes)) text += ctx.tokens.next().text;
  return { text, kind, at: first.start };
}
