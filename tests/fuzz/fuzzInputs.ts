/**
 * What the parser fuzzing feeds in and what it checks, shared by the bounded
 * run in `npm test` (parsers.fuzz.test.ts) and the long one (`npm run fuzz`,
 * run.ts). Inputs: random text, soups of each grammar's tokens, and
 * mutations of every file in diagrams/ (plus the shared Mermaid seeds when
 * that folder exists). See docs/hardening.md#fuzzing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseDeck } from '../../src/core/deck/parseDeck.ts';
import type { Diagnostic, ParseResult } from '../../src/core/model/types.ts';
import { importMermaid } from '../../src/core/parse/mermaid/importMermaid.ts';
import { resultProblems } from '../../src/core/parse/mermaid/resultProblems.ts';
import { parseDiagram } from '../../src/core/parse/parseDiagram.ts';
import { parseSpec } from '../../src/core/parse/spec/parseSpec.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_SEEDS = path.resolve(root, '../shared/seed/mermaid');

/** A file to mutate: its name decides the parser, as in the app. */
export interface Seed {
  file: string;
  text: string;
}

/** Every file in diagrams/, and the shared Mermaid seeds when they are there. */
export function loadSeeds(): Seed[] {
  const read = (dir: string, pattern: RegExp, prefix: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => pattern.test(f))
          .sort()
          .map((f) => ({ file: `${prefix}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }))
      : [];
  return [
    ...read(path.join(root, 'diagrams'), /\.(mmd|ya?ml)$/, 'diagrams'),
    ...read(SHARED_SEEDS, /\.mmd$/, 'seed'),
  ];
}

/** The entry points users hit, each a function of the text. */
export const PARSERS = {
  parseDiagram: (text: string, file: string) => parseDiagram(text, { file }),
  parseSpec: (text: string) => parseSpec(text, { id: 'fuzz', file: 'fuzz.yaml' }),
  importMermaid: (text: string) => importMermaid(text, { id: 'fuzz', file: 'fuzz.mmd' }),
  parseDeck: (text: string) => {
    const { deck, diagnostics } = parseDeck(text, { file: 'fuzz.yaml' });
    return { model: deck, diagnostics };
  },
} as const;

export type ParserName = keyof typeof PARSERS;

/** What a parser gave back, reduced to what the checks read. */
export interface Outcome {
  model: unknown;
  diagnostics: Diagnostic[];
}

/** Runs one parser; a throw is returned as the error, never passed on. */
export function runParser(parser: ParserName, text: string, file = 'fuzz.mmd'): Outcome | Error {
  try {
    return parser === 'parseDiagram' ? PARSERS.parseDiagram(text, file) : PARSERS[parser](text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * What is wrong with a parser's answer to `text`, if anything: a throw, no
 * model and no error, a position outside the text, an internal error, and for
 * Mermaid models the importer's own promises (`resultProblems`).
 */
export function outcomeProblems(parser: ParserName, text: string, outcome: Outcome | Error) {
  if (outcome instanceof Error) return [`threw ${outcome.name}: ${outcome.message}`];
  const problems: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  if (outcome.model === null && !outcome.diagnostics.some((d) => d.severity === 'error'))
    problems.push('no model and no error');
  for (const d of outcome.diagnostics) {
    const where = `${d.line}:${d.col}`;
    if (!Number.isInteger(d.line) || !Number.isInteger(d.col) || d.line < 1 || d.col < 1)
      problems.push(`diagnostic at ${where}: ${d.message}`);
    // One past the last line is the end of a file that ends with a newline.
    else if (d.line > lines.length + 1) problems.push(`line ${d.line} past the end: ${d.message}`);
    else if (d.col > (lines[d.line - 1] ?? '').length + 1)
      problems.push(`column ${where} past the end of its line: ${d.message}`);
    if (/internal error/i.test(d.message)) problems.push(d.message);
  }
  if (parser !== 'parseDeck' && outcome.model !== null) {
    const mermaidLike = (outcome.model as { source?: string }).source === 'mermaid';
    if (mermaidLike) problems.push(...resultProblems(outcome as ParseResult));
  }
  return problems;
}

/** Mermaid pieces: keywords, arrows, brackets, quotes, statements, comments, front matter. */
export const MERMAID_TOKENS = [
  'flowchart LR\n',
  'graph TD;',
  'flowchart-elk TB\n',
  '\n',
  '\r\n',
  ' ',
  '    ',
  ';',
  'a',
  'B1',
  '가',
  'é',
  '-->',
  '---',
  '-.->',
  '==>',
  '~~~',
  '<-->',
  'o--o',
  'x--x',
  '--->',
  '-- t -->',
  '-->|t|',
  '|',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '((',
  '))',
  '(((',
  ')))',
  '[(',
  ')]',
  '([',
  '])',
  '[[',
  ']]',
  '[/',
  '/]',
  '[\\',
  '\\]',
  '>',
  '{{',
  '}}',
  '"',
  "'",
  '"`',
  '`"',
  '&',
  ' & ',
  ':::',
  ':::hot',
  '@{',
  '@{ shape: cyl }',
  'shape: circle',
  'label: "x"',
  'e1@',
  'a->b@',
  'subgraph ',
  'subgraph s1 [Title]\n',
  'end',
  '\nend\n',
  'direction LR',
  'style a fill:#f00',
  'classDef hot fill:#0f0,stroke:#000;',
  'class a hot',
  'linkStyle 0 stroke:red',
  'linkStyle default',
  'click a "https://x.y" "tip"',
  'click a call f()',
  'href',
  'accTitle: t',
  'accDescr { d }',
  'accDescr {',
  '%%',
  '%% note\n',
  '%%{init: {"theme": "dark"}}%%\n',
  '%%{',
  '---\ntitle: T\n---\n',
  '---',
  '#quot;',
  '#35;',
  '<br/>',
  '<b>',
  '**',
  '\\',
  ',',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\t',
];

/** YAML and spec pieces: keys, indentation, anchors, aliases, flow collections, tags, documents. */
export const YAML_TOKENS = [
  'nodes:',
  'edges:',
  'flows:',
  'steps:',
  'classes:',
  'mermaid: |',
  'deck:',
  'title: ',
  'label: ',
  'shape: ',
  'cylinder',
  'direction: right',
  'class: hot',
  'style: {fill: "#f00"}',
  'link: https://x.io',
  'id: f',
  'a',
  'b',
  'a -> b',
  'a <..> b',
  '\n',
  '\r\n',
  '\n  ',
  '\n    ',
  '  ',
  '\t',
  '- ',
  ': ',
  '? ',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '"',
  "'",
  '&x ',
  '*x',
  '<<: *x',
  '!!str ',
  '!tag ',
  '|',
  '>-',
  '#',
  '# c\n',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  'null',
  '~',
  '1e400',
  'true',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '가',
];

/** Text built from one grammar's tokens, with some random characters between. */
export function tokenSoup(tokens: readonly string[], maxLength = 60): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...tokens) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));
}

/** One edit of a text; applied by `applyMutation`. */
export type Mutation =
  | { kind: 'deleteLine' | 'duplicateLine' | 'flipIndent'; line: number }
  | { kind: 'swapLines'; line: number; other: number }
  | { kind: 'insertLine'; line: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'dropCloser'; at: number };

export type MutationKind = Mutation['kind'];

const CLOSERS = /["'\]})|`]/g;

function mutation(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...tokens) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  );
  return fc.oneof(
    fc.record({
      kind: fc.constantFrom('deleteLine', 'duplicateLine', 'flipIndent'),
      line: fc.nat(),
    }) as fc.Arbitrary<Mutation>,
    fc.record({ kind: fc.constant('swapLines'), line: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('insertLine'), line: fc.nat(), text: piece }),
    fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: piece }),
    fc.record({ kind: fc.constant('dropCloser'), at: fc.nat() }),
  );
}

/** Applies one edit; indices wrap around the text, so every edit applies somewhere. */
export function applyMutation(text: string, edit: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (edit.kind) {
    case 'deleteLine':
      return lines.filter((_, i) => i !== edit.line % n).join('\n');
    case 'duplicateLine': {
      const i = edit.line % n;
      return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)].join('\n');
    }
    case 'flipIndent': {
      // Indented lines lose their indent; flush ones gain two spaces.
      const i = edit.line % n;
      const line = lines[i] ?? '';
      lines[i] = /^\s/.test(line) ? line.trimStart() : `  ${line}`;
      return lines.join('\n');
    }
    case 'swapLines': {
      const i = edit.line % n;
      const j = edit.other % n;
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return lines.join('\n');
    }
    case 'insertLine':
      lines.splice(edit.line % (n + 1), 0, edit.text);
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, edit.at % (text.length + 1));
    case 'insert': {
      const i = edit.at % (text.length + 1);
      return text.slice(0, i) + edit.text + text.slice(i);
    }
    case 'dropCloser': {
      const closers = [...text.matchAll(CLOSERS)].map((m) => m.index);
      if (closers.length === 0) return text;
      const i = closers[edit.at % closers.length] ?? 0;
      return text.slice(0, i) + text.slice(i + 1);
    }
  }
}

/** A seed after a few edits, with the kinds of edit made. */
export interface Mutant {
  file: string;
  text: string;
  kinds: MutationKind[];
}

/** Mutants of the given seeds: one to five edits each, tokens from the seed's own grammar. */
export function mutants(seeds: readonly Seed[]): fc.Arbitrary<Mutant> {
  const mermaid = mutation(MERMAID_TOKENS);
  const yaml = mutation([...YAML_TOKENS, ...MERMAID_TOKENS.slice(0, 20)]);
  return fc.constantFrom(...seeds).chain((seed) =>
    fc
      .array(seed.file.endsWith('.mmd') ? mermaid : yaml, { minLength: 1, maxLength: 5 })
      .map((edits) => ({
        file: seed.file,
        text: edits.reduce(applyMutation, seed.text),
        kinds: edits.map((edit) => edit.kind),
      })),
  );
}

/** One fuzz case: which parser, what text, under which file name, and where it came from. */
export interface FuzzCase {
  parser: ParserName;
  /** How the text was made: `unicode`, `mermaid-tokens`, `yaml-tokens`, `mutant`. */
  kind: string;
  file: string;
  text: string;
}

/** File names that route parseDiagram to each parser (and to its guess). */
const FILES = ['fuzz.mmd', 'fuzz.yaml', 'fuzz.yml', 'fuzz.mermaid', 'fuzz'];

/** Every kind of input for every parser. */
export function fuzzCases(seeds: readonly Seed[]): fc.Arbitrary<FuzzCase> {
  const parser = fc.constantFrom<ParserName>(
    'parseDiagram',
    'parseSpec',
    'importMermaid',
    'parseDeck',
  );
  const unicode = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.string({
      unit: fc.constantFrom(
        '\n',
        ' ',
        '\t',
        '\r',
        '\u0000',
        '\uD800',
        '\uDFFF',
        '\uFEFF',
        'a',
        '-',
        ':',
        '[',
        '"',
      ),
    }),
  );
  const make = (kind: string, text: fc.Arbitrary<string>) =>
    fc
      .tuple(parser, fc.constantFrom(...FILES), text)
      .map(([p, file, t]): FuzzCase => ({ parser: p, kind, file, text: t }));
  const mutated = fc.tuple(parser, mutants(seeds)).map(
    ([p, m]): FuzzCase => ({
      // A Mermaid seed goes to a Mermaid reader, a YAML one to the YAML readers.
      parser: m.file.endsWith('.mmd')
        ? p === 'parseDiagram'
          ? p
          : 'importMermaid'
        : p === 'importMermaid'
          ? 'parseSpec'
          : p,
      kind: `mutant:${m.kinds.join('+')}`,
      file: m.file,
      text: m.text,
    }),
  );
  return fc.oneof(
    make('unicode', unicode),
    make('mermaid-tokens', tokenSoup(MERMAID_TOKENS)),
    make('yaml-tokens', tokenSoup(YAML_TOKENS)),
    { weight: 3, arbitrary: mutated },
  );
}
