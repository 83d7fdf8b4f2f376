import {
  Composer,
  type CST,
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  YAMLParseError,
} from 'yaml';
import type { SourcePos } from '../../model/types.ts';
import { createLocator } from './createLocator.ts';
import type { Locate, SpecIssue, SpecPath } from './specIssue.ts';
import { checkYamlDepth } from './yamlDepth.ts';

/** A parsed YAML file: its data, what went wrong reading it, and how to place a path. */
export interface YamlSource {
  doc: Document;
  lineCounter: LineCounter;
  /** Plain data, as `JSON.parse` would give it. */
  data: unknown;
  /** Syntax errors and warnings, and keys written twice in one map. */
  issues: SpecIssue[];
  /** True when the YAML itself is broken, so the data can't be trusted. */
  broken: boolean;
  locate: Locate;
}

// The `yaml` package would report a repeated key as a syntax error without
// saying where the first one was; we turn uniqueKeys off and say it ourselves.
function duplicateKeys(doc: Document, position: (offset: number) => SourcePos): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const walk = (node: unknown, path: SpecPath): void => {
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        walk(item, [...path, index]);
      });
      return;
    }
    if (!isMap(node)) return;
    const first = new Map<string, SourcePos>();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const pos = position(pair.key.range?.[0] ?? 0);
      const earlier = first.get(key);
      if (earlier) {
        const what = path[path.length - 1] === 'nodes' ? 'node id' : 'key';
        issues.push({
          severity: 'error',
          message: `duplicate ${what} \`${key}\`; first defined at line ${earlier.line}, column ${earlier.col}`,
          path: [...path, key],
          pos,
        });
      } else {
        first.set(key, pos);
      }
      walk(pair.value, [...path, key]);
    }
  };
  walk(doc.contents, []);
  return issues;
}

/**
 * Line starts counted from the text, as editors count them (`\n`, `\r\n`, a
 * lone `\r`). The parser's own count (its `lineCounter` option) misses the
 * line breaks it skips while recovering from a syntax error, so every error
 * after the first pointed lines too high.
 */
function countLines(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) counter.addNewLine(i + 1);
  }
  return counter;
}

/** What `parseDocument` does, from tokens already parsed: the first document, an error for more. */
function composeDocument(tokens: CST.Token[], text: string): Document.Parsed {
  // logLevel 'error': toJS would print a console warning for every map used as a key.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      const range: [number, number] = [next.range[0], next.range[1]];
      doc.errors.push(
        new YAMLParseError(range, 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
      break;
    }
  }
  return doc as Document.Parsed;
}

/**
 * Parses YAML text, keeping positions. Never throws: syntax errors, alias
 * bombs, nesting deeper than `MAX_YAML_DEPTH` and the like come back as issues.
 *
 * @example readYaml('nodes: { a: A }').data // { nodes: { a: 'A' } }
 */
export function readYaml(text: string): YamlSource {
  const lineCounter = countLines(text);
  const position = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    // The YAML library ends lines at \n only: an error at a CRLF's \r or \n
    // would sit past the line's last character. Keep it at the line's end.
    const start = offset - (col - 1);
    const end = text.indexOf('\n', start);
    const length = (end === -1 ? text.slice(start) : text.slice(start, end)).replace(
      /\r$/,
      '',
    ).length;
    return { line, col: Math.min(col, length + 1) };
  };
  const { tokens, tooDeep } = checkYamlDepth(text);
  if (tooDeep) {
    const doc = new Document();
    const issues: SpecIssue[] = [
      { severity: 'error', message: tooDeep.message, path: [], pos: position(tooDeep.offset) },
    ];
    const locate = createLocator(doc, lineCounter, text);
    return { doc, lineCounter, data: undefined, issues, broken: true, locate };
  }
  const doc = composeDocument(tokens, text);
  const issues: SpecIssue[] = [
    ...doc.errors.map(
      (error): SpecIssue => ({
        severity: 'error',
        message: `YAML syntax error: ${error.message}`,
        path: [],
        pos: position(error.pos[0]),
      }),
    ),
    ...doc.warnings.map(
      (warning): SpecIssue => ({
        severity: 'warning',
        message: `YAML: ${warning.message}`,
        path: [],
        pos: position(warning.pos[0]),
      }),
    ),
  ];
  let broken = doc.errors.length > 0;
  let data: unknown;
  if (!broken) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      broken = true;
      issues.push({
        severity: 'error',
        message: `YAML: ${error instanceof Error ? error.message : String(error)}`,
        path: [],
        pos: { line: 1, col: 1 },
      });
    }
  }
  // Not push(...): a file of 200 000 repeated keys would overflow the stack with the spread.
  if (!broken) for (const issue of duplicateKeys(doc, position)) issues.push(issue);
  return { doc, lineCounter, data, issues, broken, locate: createLocator(doc, lineCounter, text) };
}
