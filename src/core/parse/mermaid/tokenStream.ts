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
  let buffer: Token[] = [];

  const peek = (ahead = 0): Token => {
    while (buffer.length <= ahead) buffer = [...buffer, lexer.next()];
    return buffer[ahead] as Token;
  };

  return {
    peek,
    next: () => {
      const token = peek();
      buffer = buffer.slice(1);
      return token;
    },
    at: (...types) => types.includes(peek().type),
    skipLineAfter: (offset) => {
      const newline = text.indexOf('\n', offset);
      lexer.restartAt(newline < 0 ? text.length : newline + 1);
      buffer = [];
    },
  };
}
