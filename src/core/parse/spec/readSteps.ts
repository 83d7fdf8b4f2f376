import type { FlowStep, ModelEdge } from '../../model/types.ts';
import { parseEdgeExpression } from './edgeExpression.ts';
import { field, isRawMap, pick, type RawMap, stringList, text } from './readValue.ts';
import { resolveEdgeRef } from './resolveEdgeRef.ts';
import { issueWithSuggestion, type Locate, type SpecIssue, type SpecPath } from './specIssue.ts';
import { MAX_QUESTION_LENGTH, StepSchema } from './specSchema.ts';

/** What the step reader checks references against. */
export interface StepContext {
  nodeIds: ReadonlySet<string>;
  edges: readonly ModelEdge[];
  /** Edges already reported and left out; references to them stay quiet. */
  dropped: ReadonlySet<string>;
  locate: Locate;
}

const NODE_LISTS = ['nodes', 'focus', 'show', 'hide', 'fail', 'heal'] as const;
type NodeList = (typeof NODE_LISTS)[number];

function itemPath(path: SpecPath, key: string, index: number | undefined): SpecPath {
  return index === undefined ? [...path, key] : [...path, key, index];
}

function readNodeList(
  fields: RawMap,
  path: SpecPath,
  key: NodeList,
  ctx: StepContext,
  issues: SpecIssue[],
) {
  const ids: string[] = [];
  for (const { item, index } of stringList(field(fields, key))) {
    const at = itemPath(path, key, index);
    if (!ctx.nodeIds.has(item)) {
      const message = `unknown node \`${item}\` in \`${key}\``;
      issues.push(issueWithSuggestion({ severity: 'error', message, path: at }, item, ctx.nodeIds));
    } else if (ids.includes(item)) {
      issues.push({
        severity: 'warning',
        message: `\`${item}\` is listed twice in \`${key}\``,
        path: at,
      });
    } else {
      ids.push(item);
    }
  }
  return ids;
}

function wasDropped(ref: string, dropped: ReadonlySet<string>): boolean {
  if (dropped.has(ref)) return true;
  const expression = parseEdgeExpression(ref);
  if (!expression) return false;
  const pair = `${expression.source}->${expression.target}`;
  return [...dropped].some((id) => id === pair || id.startsWith(`${pair}#`));
}

function unknownEdgeIssue(ref: string, at: SpecPath, ctx: StepContext): SpecIssue {
  const expression = parseEdgeExpression(ref);
  const edgeIds = ctx.edges.map((edge) => edge.id);
  if (!expression) {
    return issueWithSuggestion(
      { severity: 'error', message: `unknown edge \`${ref}\``, path: at },
      ref,
      edgeIds,
    );
  }
  const { source, target } = expression;
  for (const [name, offset] of [
    [source, expression.sourceOffset],
    [target, expression.targetOffset],
  ] as const) {
    if (!ctx.nodeIds.has(name)) {
      const message = `unknown node \`${name}\` in edge \`${ref}\``;
      return {
        ...issueWithSuggestion({ severity: 'error', message, path: at }, name, ctx.nodeIds),
        offset,
      };
    }
  }
  const message = `no edge from \`${source}\` to \`${target}\``;
  const reverse = ctx.edges.find((edge) => edge.source === target && edge.target === source);
  if (reverse) {
    return {
      severity: 'error',
      message: `${message} (did you mean \`${reverse.id}\`?)`,
      path: at,
      suggestion: reverse.id,
    };
  }
  return issueWithSuggestion(
    { severity: 'error', message, path: at },
    `${source}->${target}`,
    edgeIds,
  );
}

function readEdgeList(fields: RawMap, path: SpecPath, ctx: StepContext, issues: SpecIssue[]) {
  const ids: string[] = [];
  for (const { item, index } of stringList(field(fields, 'edges'))) {
    const at = itemPath(path, 'edges', index);
    const resolved = resolveEdgeRef(item, ctx.edges);
    if (resolved.kind === 'unknown') {
      if (!wasDropped(item, ctx.dropped)) issues.push(unknownEdgeIssue(item, at, ctx));
      continue;
    }
    if (resolved.alternatives.length > 0) {
      issues.push({
        severity: 'warning',
        message: `\`${item}\` matches ${resolved.alternatives.length + 1} edges; using \`${resolved.id}\` (write an edge id to pick another: ${resolved.alternatives.join(', ')})`,
        path: at,
      });
    }
    if (ids.includes(resolved.id)) {
      issues.push({
        severity: 'warning',
        message: `edge \`${resolved.id}\` is listed twice in \`edges\``,
        path: at,
      });
    } else {
      ids.push(resolved.id);
    }
  }
  return ids;
}

function overlapWarnings(step: FlowStep, path: SpecPath): SpecIssue[] {
  const pairs = [
    ['show', 'hide'],
    ['fail', 'heal'],
  ] as const;
  return pairs.flatMap(([a, b]) =>
    (step[a] ?? [])
      .filter((id) => step[b]?.includes(id))
      .map(
        (id): SpecIssue => ({
          severity: 'warning',
          message: `\`${id}\` is in both \`${a}\` and \`${b}\` of one step`,
          path: [...path, b],
          at: 'key',
        }),
      ),
  );
}

/** `ask: true` or `ask: "question"` (empty is true); a question past the limit is shortened with `…`. */
function readAsk(raw: unknown, at: SpecPath, issues: SpecIssue[]): FlowStep['ask'] {
  const value = pick(StepSchema.shape.ask, raw);
  if (value === undefined || value === false) return undefined;
  const question = value === true ? '' : (text(value) ?? '');
  if (question === '') return {};
  if (question.length <= MAX_QUESTION_LENGTH) return { question };
  issues.push({
    severity: 'warning',
    message: `the question in \`ask\` is ${question.length} characters long; it is shortened to ${MAX_QUESTION_LENGTH}`,
    path: at,
  });
  let cut = question.slice(0, MAX_QUESTION_LENGTH - 1);
  // Never half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return { question: `${cut}…` };
}

/**
 * Reads one flow step, resolving `a -> b` to edge ids and checking every
 * node it names.
 *
 * @example readStep({ nodes: ['a'], edges: ['a -> b'] }, path, ctx, issues) // { nodes: ['a'], edges: ['a->b'] }
 */
export function readStep(
  raw: unknown,
  path: SpecPath,
  ctx: StepContext,
  issues: SpecIssue[],
): FlowStep {
  const fields = isRawMap(raw) ? raw : {};
  const step: FlowStep = {
    nodes: readNodeList(fields, path, 'nodes', ctx, issues),
    edges: readEdgeList(fields, path, ctx, issues),
    pos: ctx.locate(path),
  };
  const caption = text(field(fields, 'caption'));
  if (caption !== undefined) step.caption = caption;
  const notes = text(field(fields, 'notes'));
  if (notes !== undefined) step.notes = notes;
  for (const key of NODE_LISTS) {
    if (key === 'nodes' || field(fields, key) === undefined) continue;
    step[key] = readNodeList(fields, path, key, ctx, issues);
  }
  const duration = pick(StepSchema.shape.duration, field(fields, 'duration'));
  if (duration !== undefined) step.duration = duration;
  const ask = readAsk(field(fields, 'ask'), [...path, 'ask'], issues);
  if (ask !== undefined) step.ask = ask;
  issues.push(...overlapWarnings(step, path));
  return step;
}
