import { createLexer } from './lexer.ts';
import type { Token, TokenType } from './tokens.ts';

/** Tokens with lookahead, and a way to skip the rest of a broken line. */
export interface TokenStream {
  /** The token `ahead` places after the next one (0 is the next one). */
  peek(ahead?: number): Token;
  next(): Token;
  /** Whether the next token has one of these types. */
  at(...types: TokenType[]): boolean;
  /** Continues on the line after `offset`, in the lexer's initial mode. */
  skipLineAfter(offset: number): void;
}

/** Streams the tokens of preprocessed flowchart text. */
export function createTokenStream(text: string): TokenStream {
  const lexer = createLexer(text);
  // Tokens read ahead, from `head` on: a queue without a copy per token.
  let buffer: Token[] = [];
  let head = 0;

  const peek = (ahead = 0): Token => {
    while (buffer.length - head <= ahead) buffer.push(lexer.next());
    return buffer[head + ahead] as Token;
  };

  return {
    peek,
    next: () => {
      const token = peek();
      head++;
      if (head === buffer.length) {
        buffer = [];
        head = 0;
      }
      return token;
    },
    at: (...types) => types.includes(peek().type),
    skipLineAfter: (offset) => {
      const newline = text.indexOf('\n', offset);
      lexer.restartAt(newline < 0 ? text.length : newline + 1);
      buffer = [];
      head = 0;
    },
  };
}
