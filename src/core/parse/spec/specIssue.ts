import { suggest } from '../../model/suggest.ts';
import type { SourcePos } from '../../model/types.ts';

/** Where something is in the spec: keys and list indices from the root. */
export type SpecPath = readonly (string | number)[];

/**
 * A problem found in the spec, placed by path rather than by line. The
 * parser turns paths into file:line:col at the end, so the readers never
 * see YAML nodes.
 */
export interface SpecIssue {
  severity: 'error' | 'warning';
  message: string;
  path: SpecPath;
  /** Point at the key (unknown or duplicate keys) rather than at the value. */
  at?: 'key' | 'value';
  /** Index into a string value, to point at one id inside `a -> b`. */
  offset?: number;
  suggestion?: string;
  /** Set when the path can't say where (YAML syntax, the second of two equal keys). */
  pos?: SourcePos;
}

/** Turns a path into a position in the file. */
export type Locate = (path: SpecPath, at?: 'key' | 'value', offset?: number) => SourcePos;

const PLAIN_KEY = /^[\p{L}\p{N}_$-]+$/u;

/**
 * The path as people read it: `nodes.cluster.nodes.api.shape`, `flows[0].steps[2]`.
 *
 * @example formatPath(['edges', 0, 'a -> b', 'line']) // 'edges[0]["a -> b"].line'
 */
export function formatPath(path: SpecPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** An error or warning whose message ends in "did you mean …?" when something is close. */
export function issueWithSuggestion(
  issue: Omit<SpecIssue, 'suggestion'>,
  word: string,
  candidates: Iterable<string>,
): SpecIssue {
  const suggestion = suggest(word, candidates);
  if (suggestion === undefined) return issue;
  return { ...issue, message: `${issue.message} (did you mean \`${suggestion}\`?)`, suggestion };
}

/** How a value reads in a message: `the number 5`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `\`${value}\``;
    case 'object':
      return 'a map';
    default:
      return typeof value;
  }
}
