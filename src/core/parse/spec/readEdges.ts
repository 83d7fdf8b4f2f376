import { z } from 'zod';
import { createAutoEdgeIds } from '../../model/autoEdgeIds.ts';
import type { ArrowHead, ModelEdge } from '../../model/types.ts';
import { type EdgeDraft, type Place, readEdgeEntries } from './readEdgeEntries.ts';
import { readStyling } from './readStyling.ts';
import { field, pick, text } from './readValue.ts';
import { issueWithSuggestion, type Locate, type SpecIssue, type SpecPath } from './specIssue.ts';
import { ArrowsSchema, LineSchema } from './specSchema.ts';

/** What `readEdges` needs. */
export interface ReadEdgesInput {
  /** The `edges:` list as parsed. */
  raw: unknown;
  /** Edges from a `mermaid:` chart; new edges come after them. */
  base: readonly ModelEdge[];
  /** Every node and group id in the finished model. */
  nodeIds: ReadonlySet<string>;
  classNames: ReadonlySet<string>;
  locate: Locate;
}

/** Chart edges first, then the YAML ones in order, and what went wrong. */
export interface ReadEdgesResult {
  edges: ModelEdge[];
  issues: SpecIssue[];
  /** Ids of edges left out for an unknown end, so flows don't report them again. */
  dropped: Set<string>;
}

type Arrows = { start: ArrowHead; end: ArrowHead };

const NAMED_ARROWS: Readonly<Record<string, Arrows>> = {
  none: { start: 'none', end: 'none' },
  end: { start: 'none', end: 'arrow' },
  start: { start: 'arrow', end: 'none' },
  both: { start: 'arrow', end: 'arrow' },
};

/**
 * Unknown ends that get a "did you mean": each compares with every node id,
 * so 2000 unknown ends in a spec of 5000 nodes took 6 s.
 */
const MAX_SUGGESTIONS = 50;

const EXPLICIT_ID = z.string().min(1);
const MIN_LENGTH = z.number().int().min(1);

function resolveArrows(option: z.output<typeof ArrowsSchema> | undefined, drawn: Arrows): Arrows {
  if (option === undefined) return drawn;
  if (typeof option === 'string') return NAMED_ARROWS[option] ?? drawn;
  return { start: option.start ?? drawn.start, end: option.end ?? drawn.end };
}

function sameArrows(a: Arrows, b: Arrows): boolean {
  return a.start === b.start && a.end === b.end;
}

function issueAt(place: Place, issue: Omit<SpecIssue, 'path' | 'at' | 'offset'>): SpecIssue {
  return {
    ...issue,
    path: place.path,
    at: place.at,
    ...(place.offset === undefined ? {} : { offset: place.offset }),
  };
}

/** Explicit ids first, so an automatic `a->b#2` never takes a name the author chose. */
function assignIds(
  drafts: readonly EdgeDraft[],
  input: ReadEdgesInput,
  issues: SpecIssue[],
): string[] {
  const taken = new Set(input.base.map((edge) => edge.id));
  const firstPath = new Map<string, SpecPath>();
  const explicit = drafts.map((draft) => {
    const id = pick(EXPLICIT_ID, field(draft.options, 'id'));
    if (id === undefined) return undefined;
    const path = [...draft.optionsPath, 'id'];
    const first = firstPath.get(id);
    if (first || taken.has(id)) {
      const where = first ? input.locate(first) : undefined;
      issues.push({
        severity: 'error',
        message: where
          ? `duplicate edge id \`${id}\`; first used at line ${where.line}, column ${where.col}`
          : `edge id \`${id}\` is already used by the Mermaid chart`,
        path,
      });
      return undefined;
    }
    firstPath.set(id, path);
    taken.add(id);
    return id;
  });
  const autoId = createAutoEdgeIds(taken);
  return drafts.map((draft, index) => explicit[index] ?? autoId(draft.source, draft.target));
}

// Options refine an expression; only a flat contradiction (`a ..> b` made
// thick, `a <-> b` made `arrows: none`) suggests the author lost track.
function overrideWarnings(draft: EdgeDraft, line: string, arrows: unknown): SpecIssue[] {
  if (draft.operator === undefined) return [];
  const issues: SpecIssue[] = [];
  if (draft.line !== 'solid' && line !== draft.line) {
    issues.push({
      severity: 'warning',
      message: `\`line: ${line}\` overrides the ${draft.line} line that \`${draft.operator}\` draws`,
      path: [...draft.optionsPath, 'line'],
      at: 'key',
    });
  }
  const named = typeof arrows === 'string' ? NAMED_ARROWS[arrows] : undefined;
  if (
    named &&
    !sameArrows(draft.arrows, NAMED_ARROWS.end as Arrows) &&
    !sameArrows(named, draft.arrows)
  ) {
    issues.push({
      severity: 'warning',
      message: `\`arrows\` overrides the arrowheads that \`${draft.operator}\` draws`,
      path: [...draft.optionsPath, 'arrows'],
      at: 'key',
    });
  }
  return issues;
}

/**
 * Reads an `edges:` list into model edges, after any Mermaid ones. An edge
 * whose end is not a node or group is reported (with the closest id) and
 * left out.
 *
 * @example readEdges({ raw: ['a -> b'], base: [], nodeIds: new Set(['a', 'b']), classNames: new Set(), locate }).edges[0].id // 'a->b'
 */
export function readEdges(input: ReadEdgesInput): ReadEdgesResult {
  const issues: SpecIssue[] = [];
  const drafts = readEdgeEntries(input.raw);
  const ids = assignIds(drafts, input, issues);
  const edges: ModelEdge[] = [...input.base];
  const dropped = new Set<string>();
  let suggestions = 0;
  drafts.forEach((draft, index) => {
    const id = ids[index] ?? '';
    const ends = [
      { name: draft.source, place: draft.sourceAt },
      { name: draft.target, place: draft.targetAt },
    ];
    const unknown = ends.filter(({ name }) => !input.nodeIds.has(name));
    for (const { name, place } of unknown) {
      const issue = {
        severity: 'error' as const,
        message: `unknown node \`${name}\` in edge`,
        path: [],
      };
      // Each suggestion compares with every id: past the first few, it is no typo.
      const suggested = suggestions++ < MAX_SUGGESTIONS;
      issues.push(
        issueAt(place, suggested ? issueWithSuggestion(issue, name, input.nodeIds) : issue),
      );
    }
    if (unknown.length > 0) {
      dropped.add(id);
      return;
    }
    const { options, optionsPath } = draft;
    const line = pick(LineSchema, field(options, 'line')) ?? draft.line;
    const arrowsOption = pick(ArrowsSchema, field(options, 'arrows'));
    const arrows = resolveArrows(arrowsOption, draft.arrows);
    issues.push(...overrideWarnings(draft, line, arrowsOption));
    const styling = readStyling(options, optionsPath, input.classNames);
    issues.push(...styling.issues);
    const label = text(field(options, 'label'));
    edges.push({
      id,
      source: draft.source,
      target: draft.target,
      ...(label === undefined ? {} : { label }),
      line,
      arrows,
      minLength: pick(MIN_LENGTH, field(options, 'minLength')) ?? 1,
      classes: styling.classes,
      style: styling.style,
      pos: input.locate(draft.at.path, draft.at.at),
    });
  });
  return { edges, issues, dropped };
}
