import { parse as parseYaml } from 'yaml';
import { checkYamlDepth } from '../spec/yamlDepth.ts';
import { appendMapped, dropStart, type MappedText, mapText, replaceMapped } from './mappedText.ts';

/** A problem found before lexing, at an offset of the original text. */
export interface EarlyNote {
  severity: 'error' | 'warning';
  message: string;
  offset: number;
}

/** The text to lex, and what was learnt on the way. */
export interface Preprocessed {
  /** What the lexer reads, mapped back to the original text. */
  text: MappedText;
  /** `title:` from the YAML front matter. */
  title?: string;
  /** Whether the text starts with a flowchart header (`flowchart`, `graph`). */
  isFlowchart: boolean;
  /** The first word of the diagram, for "not a flowchart" messages. */
  firstWord: string;
  notes: EarlyNote[];
}

// Mermaid's own patterns (mermaid/src/diagram-api), so we cut exactly what it cuts.
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const ENTITY_CODE = /#\w+;/g;

/** Mermaid hides `#name;` codes behind these marks until the label is drawn (`ﬂ°name¶ß`). */
export const ENTITY_OPEN = '\uFB02\u00B0';
/** …and numeric ones (`#35;`) behind these (`ﬂ°°35¶ß`). */
export const ENTITY_NUMERIC_OPEN = '\uFB02\u00B0\u00B0';
/** The closing mark of both. */
export const ENTITY_CLOSE = '\u00B6\u00DF';

/**
 * Applies Mermaid's rewrites before lexing: line endings, front matter,
 * `%%{…}%%` directives, `%%` comment lines, entity codes. Positions survive
 * through the mapping.
 */
export function preprocess(source: string): Preprocessed {
  const notes: EarlyNote[] = [];
  let text = replaceMapped(mapText(source), /\r\n?/g, () => '\n');
  // Mermaid turns `attr="x"` into `attr='x'` inside tags, so quotes in HTML don't end strings.
  // Only up to the last `>`: past it every `<tag` would scan to the end for
  // one, and 50 000 of them took seconds.
  const lastClose = text.text.lastIndexOf('>') + 1;
  text = joinMapped(
    replaceMapped(sliceMapped(text, 0, lastClose), /<(\w+)([^>]*)>/g, (m) => {
      const [whole, tag = '', attributes = ''] = m;
      return whole.length ? `<${tag}${attributes.replace(/="([^"]*)"/g, "='$1'")}>` : whole;
    }),
    sliceMapped(text, lastClose, text.text.length),
  );
  const front = readFrontMatter(text, notes);
  text = front.text;
  text = replaceMapped(text, DIRECTIVE, (m) => {
    if (!m[0].endsWith('}%%')) {
      notes.push({
        severity: 'error',
        message: 'Directive `%%{` is never closed by `}%%`.',
        offset: at(text, m.index),
      });
    }
    return '';
  });
  text = dropRanges(text, commentLines(text.text));
  text = dropStart(text, text.text.length - text.text.trimStart().length);
  const firstWord = /^\S*/.exec(text.text)?.[0] ?? '';
  const isFlowchart = /^\s*(graph|flowchart)/.test(text.text);
  text = encodeEntityCodes(text);
  text = appendMapped(text, '\n');
  // Mermaid's flowchart parser drops blanks after a closing brace at the end of a line.
  text = replaceMapped(text, /\}\s*\n/g, () => '}\n');
  return {
    text,
    ...(front.title === undefined ? {} : { title: front.title }),
    isFlowchart,
    firstWord,
    notes,
  };
}

function at(text: MappedText, index: number): number {
  return text.origins[index] ?? 0;
}

function readFrontMatter(
  text: MappedText,
  notes: EarlyNote[],
): { text: MappedText; title?: string } {
  const match = FRONT_MATTER.exec(text.text);
  if (!match) {
    if (!text.text.trimStart().startsWith('---')) return { text };
    return readUnclosedFrontMatter(text, notes);
  }
  const indent = match[1] ?? '';
  const body = (match[2] ?? '')
    .split('\n')
    .map((line) => (indent && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
  const title = readTitle(body, at(text, match[0].indexOf('\n') + 1), notes);
  const rest = dropStart(text, match[0].length);
  return { text: rest, ...(title === undefined ? {} : { title }) };
}

/**
 * Mermaid rejects front matter whose closing `---` is indented differently
 * from the opening one. We report that, then read it anyway.
 */
function readUnclosedFrontMatter(
  text: MappedText,
  notes: EarlyNote[],
): { text: MappedText; title?: string } {
  const start = text.text.indexOf('---');
  const close = /\n[^\S\n]*---[^\S\n]*(\n|$)/.exec(text.text.slice(start + 3));
  if (!close) {
    notes.push({
      severity: 'error',
      message: 'Front matter `---` is never closed.',
      offset: at(text, start),
    });
    return { text: dropStart(text, text.text.length) };
  }
  notes.push({
    severity: 'error',
    message: 'Front matter must end with `---` indented like the opening `---`.',
    offset: at(text, start + 3 + close.index + 1),
  });
  const bodyStart = start + 3;
  const body = text.text.slice(bodyStart, bodyStart + close.index);
  const lines = body.split('\n');
  const indent = /^\s*/.exec(lines.find((l) => l.trim()) ?? '')?.[0] ?? '';
  const dedented = lines.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n');
  const title = readTitle(dedented, at(text, bodyStart), notes);
  const rest = dropStart(text, bodyStart + close.index + close[0].length);
  return { text: rest, ...(title === undefined ? {} : { title }) };
}

function readTitle(body: string, offset: number, notes: EarlyNote[]): string | undefined {
  const tooDeep = checkYamlDepth(body).tooDeep;
  if (tooDeep) {
    notes.push({ severity: 'error', message: `Front matter: ${tooDeep.message}.`, offset });
    return undefined;
  }
  try {
    const data: unknown = parseYaml(body, { logLevel: 'error' });
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const title = (data as Record<string, unknown>).title;
    return title === undefined || title === null || title === '' ? undefined : String(title);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    notes.push({ severity: 'error', message: `Front matter is not valid YAML: ${reason}`, offset });
    return undefined;
  }
}

/**
 * Mermaid swaps `#name;` codes for placeholders so their `;` cannot end a
 * statement; colours in `style`/`classDef` lines lose their final `;` first.
 */
function encodeEntityCodes(text: MappedText): MappedText {
  const result = dropColourSemicolon(dropColourSemicolon(text, 'style'), 'classDef');
  return replaceMapped(result, ENTITY_CODE, (m) => {
    const inner = m[0].slice(1, -1);
    return /^\+?\d+$/.test(inner)
      ? `${ENTITY_NUMERIC_OPEN}${inner}${ENTITY_CLOSE}`
      : `${ENTITY_OPEN}${inner}${ENTITY_CLOSE}`;
  });
}

/**
 * What Mermaid's `/style.*:\S*#.*;/g` replacement does (`classDef` too),
 * without its backtracking: on each line with `keyword`, then a `:`, then
 * a `#` with no blank between them, then a `;`, the line's last `;` goes.
 * The regular expression took 27 s on a 20 kB `style a fill:#0,fill:#1,…`.
 *
 * @example dropColourSemicolon(mapText('style a fill:#f00;'), 'style').text // 'style a fill:#f00'
 */
export function dropColourSemicolon(text: MappedText, keyword: string): MappedText {
  const source = text.text;
  const drop: number[] = [];
  // `.` stops at these, so the pattern matches within one line.
  for (const line of source.matchAll(/[^\n\r\u2028\u2029]+/g)) {
    const start = line.index + line[0].indexOf(keyword);
    const end = line.index + line[0].lastIndexOf(';');
    if (start < line.index || end < start) continue;
    let afterColon = false;
    for (let i = start + keyword.length; i < end; i++) {
      const ch = source.charAt(i);
      if (/\s/.test(ch)) afterColon = false;
      else if (ch === '#' && afterColon) {
        drop.push(end);
        break;
      }
      if (ch === ':') afterColon = true;
    }
  }
  return dropRanges(
    text,
    drop.map((at) => [at, at + 1]),
  );
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The ranges Mermaid's `/^\s*%%(?!{)[^\n]+\n?/gm` removes: `%%` comment
 * lines, with the blank lines before them. The expression rescans a run of
 * blank lines from each of its line starts (100 000 blank lines took 8 s);
 * every line start of a run reaches the same first non-blank, so one look
 * per run does.
 */
export function commentLines(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let first = lineStart;
    while (first < text.length && /\s/.test(text.charAt(first))) first++;
    const comment =
      text.startsWith('%%', first) &&
      first + 2 < text.length &&
      !'{\n'.includes(text.charAt(first + 2));
    if (comment) {
      const newline = text.indexOf('\n', first);
      const end = newline < 0 ? text.length : newline + 1;
      ranges.push([lineStart, end]);
      lineStart = end;
      if (newline < 0) break;
      continue;
    }
    // The next line start past the blanks: every one before it reaches `first` too.
    let next = first;
    while (next < text.length && !LINE_BREAK.test(text.charAt(next))) next++;
    if (next >= text.length) break;
    lineStart = next + 1;
  }
  return ranges;
}

/** Removes the given ascending, disjoint ranges `[start, end)`, keeping the mapping. */
function dropRanges(
  text: MappedText,
  ranges: ReadonlyArray<readonly [number, number]>,
): MappedText {
  if (ranges.length === 0) return text;
  const source = text.text;
  const parts: string[] = [];
  const origins: number[] = [];
  let from = 0;
  for (const [start, end] of [...ranges, [source.length, source.length] as const]) {
    parts.push(source.slice(from, start));
    for (let i = from; i < start; i++) origins.push(text.origins[i] ?? i);
    from = end;
  }
  origins.push(text.origins[source.length] ?? source.length);
  return { text: parts.join(''), origins };
}

function sliceMapped(text: MappedText, start: number, end: number): MappedText {
  return { text: text.text.slice(start, end), origins: text.origins.slice(start, end + 1) };
}

/** `a` then `b`; the end of `a` gives way to the start of `b`. */
function joinMapped(a: MappedText, b: MappedText): MappedText {
  return { text: a.text + b.text, origins: [...a.origins.slice(0, -1), ...b.origins] };
}
