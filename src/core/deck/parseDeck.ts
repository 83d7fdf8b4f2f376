import type { Diagnostic, SourcePos } from '../model/types.ts';
import { diagramId } from '../parse/files.ts';
import { field, isRawMap, type RawMap, text } from '../parse/spec/readValue.ts';
import { readYaml } from '../parse/spec/readYaml.ts';
import {
  describeValue,
  formatPath,
  issueWithSuggestion,
  type Locate,
  type SpecIssue,
  type SpecPath,
} from '../parse/spec/specIssue.ts';
import type { Deck, DeckEntry, DeckParseResult, ParseDeckOptions } from './types.ts';

// The deck parser shares the spec parser's YAML reading and locator (no zod):
// the app's first screen imports it.

const DECK_KEYS = ['title', 'description', 'deck'] as const;
const ENTRY_KEYS = ['diagram', 'flow'] as const;

function unknownKeys(map: RawMap, allowed: readonly string[], path: SpecPath): SpecIssue[] {
  return Object.keys(map)
    .filter((key) => !allowed.includes(key))
    .map((key) => {
      const found = issueWithSuggestion(
        { severity: 'error', message: `unknown key \`${key}\``, path: [...path, key], at: 'key' },
        key,
        allowed,
      );
      return found.suggestion
        ? found
        : { ...found, message: `${found.message} (known keys: ${allowed.join(', ')})` };
    });
}

/** `the number 1`, plus the fix when YAML turned text into a number or a boolean. */
function notText(value: unknown): string {
  const quote = typeof value === 'number' || typeof value === 'boolean';
  return `${describeValue(value)}${quote ? '; put it in quotes to keep it as text' : ''}`;
}

/** An id that is non-empty text, or the issue saying why not. */
function readId(value: unknown, what: string, path: SpecPath): string | SpecIssue {
  if (typeof value !== 'string') {
    return { severity: 'error', message: `${what} should be text, not ${notText(value)}`, path };
  }
  if (value.trim() === '') return { severity: 'error', message: `${what} is empty`, path };
  return value;
}

interface EntryRead {
  entry?: DeckEntry;
  issues: SpecIssue[];
}

function readEntry(raw: unknown, path: SpecPath, locate: Locate): EntryRead {
  if (!isRawMap(raw)) {
    if (typeof raw !== 'string') {
      const message = `a deck entry is a diagram id or a map \`{ diagram, flow }\`, not ${notText(raw)}`;
      return { issues: [{ severity: 'error', message, path }] };
    }
    const id = readId(raw, 'a diagram id', path);
    if (typeof id !== 'string') return { issues: [id] };
    return { entry: { diagram: id, pos: locate(path) }, issues: [] };
  }
  const issues = unknownKeys(raw, ENTRY_KEYS, path);
  const rawDiagram = field(raw, 'diagram');
  if (rawDiagram === undefined) {
    const message = 'a deck entry needs `diagram:`, the id of a diagram';
    return { issues: [...issues, { severity: 'error', message, path }] };
  }
  const diagram = readId(rawDiagram, '`diagram`', [...path, 'diagram']);
  const rawFlow = field(raw, 'flow');
  const flow = rawFlow === undefined ? undefined : readId(rawFlow, '`flow`', [...path, 'flow']);
  if (typeof diagram !== 'string') issues.push(diagram);
  if (flow !== undefined && typeof flow !== 'string') issues.push(flow);
  if (typeof diagram !== 'string' || (flow !== undefined && typeof flow !== 'string')) {
    return { issues };
  }
  const entry: DeckEntry = { diagram, pos: locate([...path, 'diagram']) };
  if (flow !== undefined) {
    entry.flow = flow;
    entry.flowPos = locate([...path, 'flow']);
  }
  return { entry, issues };
}

function readEntries(raw: unknown, locate: Locate): { entries: DeckEntry[]; issues: SpecIssue[] } {
  if (raw === undefined) {
    const message = 'a deck needs `deck:`, the list of its diagrams in lesson order';
    return { entries: [], issues: [{ severity: 'error', message, path: [] }] };
  }
  if (!Array.isArray(raw)) {
    const message = `\`deck\` should be a list of diagram ids (\`- cri-chain\`, one a line), not ${describeValue(raw)}`;
    return { entries: [], issues: [{ severity: 'error', message, path: ['deck'] }] };
  }
  if (raw.length === 0) {
    const message = 'the deck has no entries: list its diagrams under `deck:`';
    return { entries: [], issues: [{ severity: 'warning', message, path: ['deck'] }] };
  }
  const entries: DeckEntry[] = [];
  const issues: SpecIssue[] = [];
  raw.forEach((item: unknown, index) => {
    const read = readEntry(item, ['deck', index], locate);
    if (read.entry) entries.push(read.entry);
    issues.push(...read.issues);
  });
  return { entries, issues };
}

function readText(map: RawMap, key: string, issues: SpecIssue[]): string | undefined {
  const value = field(map, key);
  if (value === undefined || typeof value === 'string') return text(value);
  issues.push({
    severity: 'error',
    message: `\`${key}\` should be text, not ${notText(value)}`,
    path: [key],
  });
  return undefined;
}

function toDiagnostic(issue: SpecIssue, locate: Locate, file: string): Diagnostic {
  const pos: SourcePos = issue.pos ?? locate(issue.path, issue.at, issue.offset);
  const path = formatPath(issue.path);
  return {
    severity: issue.severity,
    message: issue.message,
    file,
    line: pos.line,
    col: pos.col,
    ...(path === '' ? {} : { path }),
    ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }),
  };
}

function parseOrThrow(source: string, file: string): DeckParseResult {
  const yaml = readYaml(source);
  const finish = (deck: Deck | null, issues: SpecIssue[]): DeckParseResult => ({
    deck,
    diagnostics: issues
      .map((issue) => toDiagnostic(issue, yaml.locate, file))
      .sort((a, b) => a.line - b.line || a.col - b.col),
  });
  if (yaml.broken) return finish(null, yaml.issues);
  if (!isRawMap(yaml.data)) {
    const message = `a deck is a map with a \`deck:\` list of diagram ids, not ${describeValue(yaml.data)}`;
    return finish(null, [...yaml.issues, { severity: 'error', message, path: [] }]);
  }
  const data = yaml.data;
  const issues = [...yaml.issues, ...unknownKeys(data, DECK_KEYS, [])];
  const id = diagramId(file);
  const title = readText(data, 'title', issues);
  const description = readText(data, 'description', issues);
  const { entries, issues: entryIssues } = readEntries(field(data, 'deck'), yaml.locate);
  const deck: Deck = {
    id,
    title: title ?? id,
    ...(description === undefined ? {} : { description }),
    entries,
  };
  return finish(deck, [...issues, ...entryIssues]);
}

/**
 * Reads a lesson deck: a YAML map with `title`, `description` and a `deck:`
 * list whose entries are diagram ids (`- cri-chain`) or maps
 * (`- { diagram: pod-lifecycle, flow: create-pod }`). Reports every problem
 * at once, as `file:line:col` diagnostics; keeps the entries that are valid.
 * Whether the ids exist is `checkDeckReferences`' job. Never throws.
 *
 * @example parseDeck('deck:\n  - cri-chain\n', { file: 'diagrams/part1.yaml' }).deck?.entries[0]?.diagram // 'cri-chain'
 */
export function parseDeck(source: string, options: ParseDeckOptions): DeckParseResult {
  try {
    return parseOrThrow(source, options.file);
  } catch (error) {
    const message = `internal error while reading the deck: ${error instanceof Error ? error.message : String(error)}`;
    return {
      deck: null,
      diagnostics: [{ severity: 'error', message, file: options.file, line: 1, col: 1 }],
    };
  }
}
