/**
 * Highlighting for Mermaid flowcharts: a line tokenizer (CodeMirror's
 * StreamLanguage), not a parser. It colours what a reader scans for —
 * keywords, node ids, link operators, labels, class names, comments — and
 * never fails: anything it does not know is left plain. Errors come from the
 * real importer (`core/parse/mermaid`) through the lint diagnostics.
 */
import { StreamLanguage, type StreamParser, type StringStream } from '@codemirror/language';

/** What the tokenizer carries from one token (and line) to the next. */
export interface MermaidState {
  /** Inside a node's shape: the closers that end it, e.g. `])`. Shapes end with their line. */
  closers: string[] | null;
  /** Inside `-- text -->`: what ends the link text. Ends with the line too. */
  linkEnd: RegExp | null;
  /** Inside `|text|` after a link. */
  pipe: boolean;
  /** Inside `accDescr { … }`. */
  descr: boolean;
  /** Inside `%%{ … }%%`. */
  directive: boolean;
  /** Inside a `---` front matter block at the top. */
  frontMatter: boolean;
  /** A line that is not blank nor front matter has been seen. */
  started: boolean;
  /** What the current line is: it changes how later words on it read. */
  line: 'plain' | 'header' | 'styles' | 'style' | 'class' | 'click' | 'text' | 'subgraph';
  /** Inside `key: value` lists (`classDef`, `style`, `linkStyle`, `@{ … }`). */
  attrs: boolean;
  /** Open `subgraph`s, for indentation. */
  depth: number;
  /** The header (`flowchart LR`) has been read, so its body is indented. */
  header: boolean;
}

const ID = /^[\p{L}\p{N}_]+(?:[-.][\p{L}\p{N}_]+)*/u;
const DIRECTION = /^(?:TB|TD|BT|RL|LR)\b/;

/** Keywords that start a statement, with how the rest of their line reads. */
const STATEMENTS: Readonly<Record<string, MermaidState['line']>> = {
  flowchart: 'header',
  graph: 'header',
  subgraph: 'subgraph',
  end: 'plain',
  direction: 'header',
  classDef: 'styles',
  style: 'style',
  linkStyle: 'styles',
  class: 'class',
  click: 'click',
  accTitle: 'text',
  accDescr: 'text',
};

/**
 * Link operators: `-->`, `---`, `-.->`, `==>`, `~~~`, longer ones, with
 * `<`, `o` or `x` heads. An `o`/`x` head must be followed by a space, or it
 * is the start of the next id (`A --> oven`).
 */
const LINK = /^(?:[<ox]?(?:-{2,}|={2,}|-\.+-)(?:>|[ox](?=[\s;&]|$))?|~{3,})/;

/** Link text openers (`A -- text --> B`) and what closes each. */
const LINK_TEXT: readonly [RegExp, RegExp][] = [
  [/^--(?=\s)/, /^-{2,}[->ox]|^-{3,}/],
  [/^==(?=\s)/, /^={2,}[=>ox]/],
  [/^-\.(?=\s)/, /^\.+-[>ox]?/],
];

/** Shape openers, longest first, and the closers each may end with. */
const SHAPES: readonly [string, string[]][] = [
  ['(((', [')))']],
  ['((', ['))']],
  ['([', ['])']],
  ['[[', [']]']],
  ['[(', [')]']],
  ['{{', ['}}']],
  ['[/', ['/]', '\\]']],
  ['[\\', ['\\]', '/]']],
  ['@{', ['}']],
  ['[', [']']],
  ['(', [')']],
  ['{', ['}']],
];

/** The statement keywords, for completion. */
export const MERMAID_KEYWORDS = Object.keys(STATEMENTS);

/** Directions after `flowchart`, `graph` and `direction`. */
export const MERMAID_DIRECTIONS = ['TB', 'TD', 'BT', 'LR', 'RL'];

function startState(): MermaidState {
  return {
    closers: null,
    linkEnd: null,
    pipe: false,
    descr: false,
    directive: false,
    frontMatter: false,
    started: false,
    line: 'plain',
    attrs: false,
    depth: 0,
    header: false,
  };
}

/** Skips to the first of `closers` on this line; true when one was found (and read). */
function skipToCloser(stream: StringStream, closers: readonly string[]): boolean {
  const rest = stream.string.slice(stream.pos);
  let best = -1;
  let found = '';
  for (const closer of closers) {
    const at = rest.indexOf(closer);
    if (at >= 0 && (best < 0 || at < best)) {
      best = at;
      found = closer;
    }
  }
  if (best < 0) {
    stream.skipToEnd();
    return false;
  }
  stream.pos += best;
  return found.length > 0;
}

function readString(stream: StringStream): void {
  const quote = stream.next();
  while (!stream.eol()) {
    const ch = stream.next();
    if (ch === '\\') stream.next();
    else if (ch === quote) return;
  }
}

/** A `key: value` list: property names, then values up to `,` or `;`. */
function tokenAttr(stream: StringStream): string {
  if (stream.match(/^[\p{L}\p{N}_-]+(?=\s*:)/u)) return 'propertyName';
  if (stream.match(/^[:,;]/)) return 'punctuation';
  if (stream.peek() === '"' || stream.peek() === "'") {
    readString(stream);
    return 'string';
  }
  if (stream.match(/^#[0-9a-fA-F]{3,8}\b/) || stream.match(/^-?\d+(?:\.\d+)?(?:px|%)?/))
    return 'number';
  stream.match(/^[^,;:}\s]+/) || stream.next();
  return 'atom';
}

/** Inside a shape: the label text up to its closer. */
function tokenShape(stream: StringStream, state: MermaidState, closers: string[]): string | null {
  if (state.attrs) {
    if (stream.match('}')) {
      state.closers = null;
      state.attrs = false;
      return 'bracket';
    }
    return tokenAttr(stream);
  }
  for (const closer of closers) {
    if (stream.match(closer)) {
      state.closers = null;
      return 'bracket';
    }
  }
  if (stream.peek() === '"') {
    readString(stream);
    return 'string';
  }
  skipToCloser(stream, closers);
  return 'string';
}

/** The first word of a line: a statement keyword, or a node id. */
function tokenWord(stream: StringStream, state: MermaidState, word: string, sol: boolean): string {
  if (sol) {
    const kind = Object.hasOwn(STATEMENTS, word) ? STATEMENTS[word] : undefined;
    // `end` is a keyword alone on its line; the others when a space, `:`, `{` or the line's end follows (not in `style-->b`).
    const keyword =
      word === 'end' ? stream.match(/^\s*;?\s*$/, false) : stream.match(/^(?:\s|:|\{|$)/, false);
    if (kind !== undefined && keyword) {
      state.line = kind;
      if (word === 'flowchart' || word === 'graph') state.header = true;
      if (word === 'subgraph') state.depth += 1;
      if (word === 'end') state.depth = Math.max(0, state.depth - 1);
      return 'keyword';
    }
  }
  switch (state.line) {
    case 'header':
      return 'variableName';
    case 'styles':
      // `classDef name …`, `linkStyle default …`: the first word names, the rest are attributes.
      state.attrs = true;
      return word === 'default' ? 'atom' : 'className';
    case 'style':
      state.attrs = true;
      return 'variableName';
    case 'class':
      return stream.match(/^\s*;?\s*$/, false) ? 'className' : 'variableName';
    case 'click':
      return word === 'href' || word === 'call' || word === 'callback' ? 'keyword' : 'variableName';
    case 'subgraph':
      return 'variableName.definition';
    default:
      return 'variableName';
  }
}

function token(stream: StringStream, state: MermaidState): string | null {
  const sol = stream.sol();
  if (sol) {
    // A label left open ends with its line, so one typed `[` does not colour the rest of the file.
    state.line = 'plain';
    state.attrs = false;
    state.pipe = false;
    state.closers = null;
    state.linkEnd = null;
  }
  if (state.frontMatter) {
    if (sol && stream.match(/^---\s*$/)) state.frontMatter = false;
    else stream.skipToEnd();
    return 'meta';
  }
  if (state.directive) {
    if (skipToCloser(stream, ['}%%'])) {
      stream.pos += 3;
      state.directive = false;
    }
    return 'meta';
  }
  if (state.descr) {
    if (stream.match('}')) {
      state.descr = false;
      return 'bracket';
    }
    skipToCloser(stream, ['}']);
    return 'string';
  }
  if (state.closers) return tokenShape(stream, state, state.closers);
  if (state.linkEnd) {
    if (stream.match(state.linkEnd)) {
      state.linkEnd = null;
      return 'operator';
    }
    if (stream.eatSpace()) return null;
    stream.match(/^\S+/);
    return 'string';
  }
  if (state.pipe) {
    if (stream.eat('|')) {
      state.pipe = false;
      return 'bracket';
    }
    skipToCloser(stream, ['|']);
    return 'string';
  }

  if (stream.eatSpace()) return null;
  if (!state.started && sol && stream.match(/^---\s*$/)) {
    state.frontMatter = true;
    state.started = true;
    return 'meta';
  }
  state.started = true;
  if (stream.match('%%{')) {
    state.directive = true;
    if (skipToCloser(stream, ['}%%'])) {
      stream.pos += 3;
      state.directive = false;
    }
    return 'meta';
  }
  if (stream.match('%%')) {
    stream.skipToEnd();
    return 'comment';
  }
  const atLineStart = stream.string.slice(0, stream.start).trim() === '';

  if (state.line === 'text') {
    if (stream.eat(':')) return 'punctuation';
    if (stream.eat('{')) {
      state.descr = true;
      return 'bracket';
    }
    stream.skipToEnd();
    return 'string';
  }
  if (state.attrs) return tokenAttr(stream);

  const ch = stream.peek();
  if (ch === '"' || ch === "'" || ch === '`') {
    readString(stream);
    return 'string';
  }
  if (state.line === 'header' && stream.match(DIRECTION)) return 'atom';
  if (stream.match(':::')) {
    stream.match(ID);
    return 'className';
  }
  if (stream.match('|')) {
    state.pipe = true;
    return 'bracket';
  }
  for (const [open, end] of LINK_TEXT) {
    if (stream.match(open)) {
      state.linkEnd = end;
      return 'operator';
    }
  }
  if (stream.match(LINK)) return 'operator';
  for (const [open, closers] of SHAPES) {
    if (stream.match(open)) {
      state.closers = closers;
      state.attrs = open === '@{';
      return 'bracket';
    }
  }
  if (state.line === 'plain' && stream.match('>')) {
    state.closers = [']'];
    return 'bracket';
  }
  if (stream.match(/^[&;,]/)) return 'punctuation';
  if (state.line === 'styles' && stream.match(/^\d+/)) {
    state.attrs = true;
    return 'number';
  }
  const word = stream.match(ID) as RegExpMatchArray | false;
  if (word) return tokenWord(stream, state, word[0], atLineStart);
  stream.next();
  return null;
}

function copyState(state: MermaidState): MermaidState {
  return { ...state, closers: state.closers ? [...state.closers] : null };
}

/**
 * The tokenizer as a plain StreamParser (tested on its own); token names are
 * @lezer/highlight tag names.
 */
export const mermaidParser: StreamParser<MermaidState> = {
  name: 'mermaid',
  startState,
  copyState,
  token,

  indent(state, textAfter, cx) {
    if (!state.header) return 0;
    const levels = 1 + state.depth - (/^\s*end\b/.test(textAfter) ? 1 : 0);
    return Math.max(0, levels) * cx.unit;
  },
  languageData: {
    commentTokens: { line: '%%' },
  },
};

/** Mermaid flowchart highlighting for CodeMirror. */
export const mermaidLanguage = StreamLanguage.define(mermaidParser);
