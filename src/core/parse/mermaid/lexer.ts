import { LEX_RULES, type LexRule } from './lexerRules.ts';
import type { Mode, Token } from './tokens.ts';

/** A pull lexer over one text; it owns its position and mode stack. */
export interface Lexer {
  next(): Token;
  /** Drops the current modes and restarts in the initial mode at `offset`. */
  restartAt(offset: number): void;
}

interface ActiveRule extends LexRule {
  /** This lexer's own copy, so matching never touches shared regex state. */
  re: RegExp;
}

/** The directions a `direction` statement may name, in the order Mermaid tries them. */
const DIRECTIONS = ['TB', 'BT', 'RL', 'LR', 'TD'] as const;

/** Which direction a DIRECTION token names (Mermaid takes the first rule that matches). */
export function directionOf(tokenText: string): (typeof DIRECTIONS)[number] {
  return DIRECTIONS.find((d) => new RegExp(`direction\\s+${d}`).test(tokenText)) ?? 'TB';
}

/**
 * Splits preprocessed flowchart text into tokens with Mermaid's rules.
 *
 * @example createLexer('graph TD;A-->B').next() // { type: 'GRAPH', text: 'graph', … }
 */
export function createLexer(text: string): Lexer {
  const rulesByMode = new Map<Mode, ActiveRule[]>();
  const rulesFor = (mode: Mode): ActiveRule[] => {
    let rules = rulesByMode.get(mode);
    if (!rules) {
      rules = LEX_RULES.filter((r) => r.modes === 'all' || r.modes.includes(mode)).map((r) => ({
        ...r,
        re: new RegExp(r.pattern.source, r.pattern.flags),
      }));
      rulesByMode.set(mode, rules);
    }
    return rules;
  };
  const scan = scanText(text);
  let pos = 0;
  let modes: Mode[] = ['initial'];
  let done = false;
  let seenGraphKeyword = false;

  const mode = (): Mode => modes[modes.length - 1] ?? 'initial';
  const token = (type: Token['type'], start: number, end: number, value?: string): Token => ({
    type,
    text: value ?? text.slice(start, end),
    start,
    end,
  });

  function matchRule(rule: ActiveRule, at: number): number {
    if (rule.special === 'direction') return scan.directionEnd(at);
    if (rule.special === 'linkId') return scan.linkIdEnd(at);
    const from = rule.leadingBlanks ? scan.skipBlanks(at) : at;
    rule.re.lastIndex = from;
    const m = rule.re.exec(text);
    return m ? from + m[0].length : -1;
  }

  function next(): Token {
    while (true) {
      if (done) return token('DONE', text.length, text.length, '');
      const atEnd = pos >= text.length;
      // Like Mermaid's lexer: at the end, rules get one last chance to match
      // the empty rest (that is how the initial mode yields its EOF token).
      if (atEnd) done = true;
      const current = mode();
      if (atEnd && current === 'initial') return token('EOF', pos, pos, '');
      let matched = false;
      for (const rule of rulesFor(current)) {
        const end = matchRule(rule, pos);
        if (end < 0) continue;
        const changesMode = rule.pop === true || rule.push !== undefined || rule.graphKeyword;
        if (end === pos && !atEnd && !changesMode) continue;
        const start = pos;
        pos = end;
        if (rule.pop && modes.length > 1) modes = modes.slice(0, -1);
        if (rule.push) modes = [...modes, rule.push];
        if (rule.graphKeyword && !seenGraphKeyword) {
          seenGraphKeyword = true;
          modes = [...modes, 'dir'];
        }
        matched = true;
        if (rule.token) {
          const raw = text.slice(start, end);
          return token(rule.token, start, end, rule.rewrite ? rule.rewrite(raw) : raw);
        }
        break;
      }
      if (matched) continue;
      if (atEnd) return token('DONE', pos, pos, '');
      const width = (text.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
      pos += width;
      return token('INVALID', pos - width, pos);
    }
  }

  function restartAt(offset: number): void {
    pos = Math.min(Math.max(offset, 0), text.length);
    modes = ['initial'];
    done = false;
  }

  return { next, restartAt };
}

interface TextScan {
  /** First position at or after `at` that is not whitespace. */
  skipBlanks(at: number): number;
  /** End of a `.*direction\s+XX[^\n]*` match at `at`, or -1. */
  directionEnd(at: number): number;
  /** End of a `[^\s"]+@(?=[^{"])` match at `at`, or -1. */
  linkIdEnd(at: number): number;
}

/** Precomputed tables that keep the few line-scanning rules linear. */
function scanText(text: string): TextScan {
  const n = text.length;
  const blankEnd = new Int32Array(n + 1);
  const lastAt = new Int32Array(n + 1);
  blankEnd[n] = n;
  lastAt[n] = -1;
  let best = -1;
  for (let i = n - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    blankEnd[i] = /\s/.test(ch) ? (blankEnd[i + 1] ?? n) : i;
    if (/[\s"]/.test(ch)) {
      best = -1;
      lastAt[i] = -1;
      continue;
    }
    // The id must have at least one character before its `@`.
    lastAt[i] = best;
    const after = text.charAt(i + 1);
    if (ch === '@' && i + 1 < n && after !== '{' && after !== '"' && best < 0) best = i;
  }
  // Where the next `direction` starts and where the current line ends.
  const nextDirection = new Int32Array(n + 1).fill(n);
  const lineEnd = new Int32Array(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    nextDirection[i] = text.startsWith('direction', i) ? i : (nextDirection[i + 1] ?? n);
    lineEnd[i] = /[\n\r\u2028\u2029]/.test(text.charAt(i)) ? i : (lineEnd[i + 1] ?? n);
  }
  const directionRes = DIRECTIONS.map((d) => new RegExp(`.*direction\\s+${d}[^\\n]*`, 'y'));

  return {
    skipBlanks: (at) => blankEnd[at] ?? n,
    linkIdEnd: (at) => {
      const j = lastAt[at] ?? -1;
      return j > at ? j + 1 : -1;
    },
    directionEnd: (at) => {
      // `.` stops at line breaks, so a match needs `direction` on this line.
      if ((nextDirection[at] ?? n) >= (lineEnd[at] ?? n)) return -1;
      for (const re of directionRes) {
        re.lastIndex = at;
        const m = re.exec(text);
        if (m) return at + m[0].length;
      }
      return -1;
    },
  };
}
