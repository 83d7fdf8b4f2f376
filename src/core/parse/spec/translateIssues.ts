import type { z } from 'zod';
import { keysAt } from './schemaKeys.ts';
import { describeValue, issueWithSuggestion, type SpecIssue, type SpecPath } from './specIssue.ts';

type Issue = z.core.$ZodIssue;

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map',
  record: 'a map',
  array: 'a list',
  null: 'nothing',
};

function valueAt(data: unknown, path: SpecPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

// YAML reads `1.10` and `true` as a number and a boolean; quotes keep the text.
// YAML reads an unquoted `fill: #fff` as `fill:` and a comment.
const COLOUR_FIELDS = new Set(['fill', 'stroke', 'color']);

function quoteHint(value: unknown, field?: string): string {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return '; put it in quotes to keep it as text';
  }
  if (value === null && field !== undefined && COLOUR_FIELDS.has(field)) {
    return "; an unquoted `#` starts a YAML comment, so quote colours: '#fff'";
  }
  return '';
}

function listOr(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `\`${value}\`` : describeValue(value);
}

function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

function fieldName(path: SpecPath): string {
  const last = [...path].reverse().find((segment) => typeof segment === 'string');
  return last === undefined ? 'value' : String(last);
}

function isRootTypeMismatch(issue: Issue): boolean {
  return issue.path.length === 0 && issue.code === 'invalid_type';
}

// A record key that fails its pattern counts double: it is strong evidence of
// the wrong branch (`{ from: a, to: b }` is no edge map keyed by `a -> b`).
function cost(raw: readonly Issue[], translated: readonly SpecIssue[]): number {
  return translated.length + raw.filter((issue) => issue.code === 'invalid_key').length;
}

interface Context {
  data: unknown;
  root: z.core.$ZodType;
}

function translateUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  path: SpecPath,
  ctx: Context,
): SpecIssue[] {
  const branches = issue.errors.filter((branch) => !branch.some(isRootTypeMismatch));
  if (branches.length === 0) {
    const expected = [
      ...new Set(
        issue.errors
          .flat()
          .filter(isRootTypeMismatch)
          .map((i) => expectedName(String((i as z.core.$ZodIssueInvalidType).expected))),
      ),
    ];
    const value = valueAt(ctx.data, path);
    const hint = expected.includes('text') ? quoteHint(value) : '';
    return [
      {
        severity: 'error',
        message: `expected ${listOr(expected)}, got ${describeValue(value)}${hint}`,
        path,
      },
    ];
  }
  let best: SpecIssue[] = [];
  let bestCost = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    const translated = branch.flatMap((inner) => translateIssue(inner, path, ctx));
    const branchCost = cost(branch, translated);
    if (branchCost < bestCost) {
      best = translated;
      bestCost = branchCost;
    }
  }
  return best;
}

function translateIssue(issue: Issue, base: SpecPath, ctx: Context): SpecIssue[] {
  const path = [...base, ...(issue.path as (string | number)[])];
  const value = valueAt(ctx.data, path);
  switch (issue.code) {
    case 'invalid_union':
      return translateUnion(issue, path, ctx);
    case 'unrecognized_keys': {
      const allowed = keysAt(ctx.root, path);
      return issue.keys.map((key) => {
        const found = issueWithSuggestion(
          { severity: 'error', message: `unknown key \`${key}\``, path: [...path, key], at: 'key' },
          key,
          allowed,
        );
        return found.suggestion || allowed.length === 0
          ? found
          : { ...found, message: `${found.message} (known keys: ${allowed.join(', ')})` };
      });
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const reason = issue.issues[0]?.message ?? 'not allowed here';
      return [{ severity: 'error', message: `\`${String(key)}\` is ${reason}`, path, at: 'key' }];
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const what = `a valid ${fieldName(path)}`;
      if (typeof value !== 'string') {
        return [
          {
            severity: 'error',
            message: `expected ${what} (${values.join(', ')}), got ${describeValue(value)}`,
            path,
          },
        ];
      }
      const found = issueWithSuggestion(
        { severity: 'error', message: `\`${value}\` is not ${what}`, path },
        value,
        values,
      );
      return [
        found.suggestion
          ? found
          : { ...found, message: `${found.message}; use one of: ${values.join(', ')}` },
      ];
    }
    case 'invalid_type': {
      if (value === undefined) {
        return [
          { severity: 'error', message: `missing required key \`${fieldName(path)}\``, path },
        ];
      }
      const hint = issue.expected === 'string' ? quoteHint(value, fieldName(path)) : '';
      return [
        {
          severity: 'error',
          message: `\`${fieldName(path)}\` should be ${expectedName(issue.expected)}, not ${describeValue(value)}${hint}`,
          path,
        },
      ];
    }
    case 'too_small': {
      const bound = issue.inclusive ? 'at least' : 'more than';
      const message =
        issue.origin === 'string'
          ? `\`${fieldName(path)}\` must not be empty`
          : `\`${fieldName(path)}\` must be ${bound} ${String(issue.minimum)}`;
      return [{ severity: 'error', message, path }];
    }
    case 'too_big': {
      const bound = issue.inclusive ? 'at most' : 'less than';
      const message =
        issue.origin === 'string'
          ? `\`${fieldName(path)}\` is too long (at most ${String(issue.maximum)} characters)`
          : `\`${fieldName(path)}\` must be ${bound} ${String(issue.maximum)}`;
      return [{ severity: 'error', message, path }];
    }
    case 'invalid_format':
      return [{ severity: 'error', message: `${quoted(value)} is ${issue.message}`, path }];
    default:
      return [{ severity: 'error', message: issue.message, path }];
  }
}

/**
 * Zod's issues as spec issues: one per unknown key, unions reduced to the
 * branch the author most likely meant, and messages written for people who
 * write YAML by hand.
 *
 * @example translateIssues(SpecSchema.safeParse(data).error.issues, data, SpecSchema)
 */
export function translateIssues(
  issues: readonly Issue[],
  data: unknown,
  root: z.core.$ZodType,
): SpecIssue[] {
  const ctx: Context = { data, root };
  return issues.flatMap((issue) => translateIssue(issue, [], ctx));
}
