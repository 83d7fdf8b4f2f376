import type { ModelNode, Shape } from '../../model/types.ts';
import { readIcon } from './readIcon.ts';
import { readStyling } from './readStyling.ts';
import { field, isRawMap, pick, type RawMap, text } from './readValue.ts';
import type { Locate, SpecIssue, SpecPath } from './specIssue.ts';
import { DirectionSchema, ShapeSchema, toDirection } from './specSchema.ts';

/** What `readNodes` needs. */
export interface ReadNodesInput {
  /** The `nodes:` map as parsed. */
  raw: unknown;
  /** Nodes from a `mermaid:` chart, which the map patches; empty otherwise. */
  base: readonly ModelNode[];
  classNames: ReadonlySet<string>;
  locate: Locate;
}

/** The nodes and what went wrong reading them. */
export interface ReadNodesResult {
  /** Base nodes (patched) first, then new ones, parents before children. */
  nodes: ModelNode[];
  issues: SpecIssue[];
}

/** One entry of a `nodes:` map, before it becomes or patches a ModelNode. */
interface Entry {
  id: string;
  path: SpecPath;
  parent: string | null;
  fields: RawMap;
  label: string | undefined;
  isGroup: boolean;
}

const SAFE_LINK = /^https?:\/\//i;

function optionalFields(entry: Entry, issues: SpecIssue[]): Partial<ModelNode> {
  const { fields, path } = entry;
  const out: Partial<ModelNode> = {};
  const shape: Shape | undefined = pick(ShapeSchema, field(fields, 'shape'));
  if (shape) out.shape = shape;
  Object.assign(out, readIcon(fields, path, issues));
  for (const key of ['description', 'details'] as const) {
    const value = text(field(fields, key));
    if (value !== undefined) out[key] = value;
  }
  const direction = pick(DirectionSchema, field(fields, 'direction'));
  if (direction && entry.isGroup) out.direction = toDirection(direction);
  else if (direction) {
    issues.push({
      severity: 'warning',
      message: '`direction` only applies to groups (nodes with `nodes:`); ignored',
      path: [...path, 'direction'],
      at: 'key',
    });
  }
  const link = text(field(fields, 'link'));
  if (link !== undefined && SAFE_LINK.test(link)) out.link = link;
  else if (link !== undefined) {
    issues.push({
      severity: 'warning',
      message: `only http(s) links are kept; \`${link}\` is dropped`,
      path: [...path, 'link'],
    });
  }
  return out;
}

/**
 * The map's entries in the order they were written. `Object.entries` lists
 * integer-like keys (`1`, `42`) first, in numeric order, whatever the text
 * said; the keys' positions in the file put them back.
 */
function writtenEntries(raw: RawMap, path: SpecPath, locate: Locate): [string, unknown][] {
  // Located once per key, not once per comparison.
  const placed = Object.entries(raw).map((entry) => ({
    entry,
    pos: locate([...path, entry[0]], 'key'),
  }));
  placed.sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
  return placed.map(({ entry }) => entry);
}

function entriesOf(raw: unknown, path: SpecPath, parent: string | null, locate: Locate): Entry[] {
  if (!isRawMap(raw)) return [];
  return writtenEntries(raw, path, locate).flatMap(([id, value]) => {
    const fields = isRawMap(value) ? value : {};
    const own = [...path, id];
    const isGroup = isRawMap(field(fields, 'nodes'));
    const label = typeof value === 'string' ? text(value) : text(field(fields, 'label'));
    const entry: Entry = { id, path: own, parent, fields, label, isGroup };
    return [entry, ...entriesOf(field(fields, 'nodes'), [...own, 'nodes'], id, locate)];
  });
}

function placeLabel(parent: string | null): string {
  return parent === null ? 'at the top level' : `inside \`${parent}\``;
}

/**
 * Reads a `nodes:` map, nested groups included, into model nodes. Ids are
 * global: a second definition anywhere is an error that names the first.
 * Beside `mermaid:`, an id the chart already has patches that node.
 *
 * @example readNodes({ raw: { a: 'A' }, base: [], classNames: new Set(), locate }).nodes[0].label // 'A'
 */
export function readNodes(input: ReadNodesInput): ReadNodesResult {
  const { base, classNames, locate } = input;
  const issues: SpecIssue[] = [];
  const patched = new Map(base.map((node) => [node.id, node]));
  const added: ModelNode[] = [];
  const firstPath = new Map<string, SpecPath>();

  for (const entry of entriesOf(input.raw, ['nodes'], null, locate)) {
    const { id, path, parent, fields } = entry;
    const first = firstPath.get(id);
    if (first) {
      const where = locate(first, 'key');
      issues.push({
        severity: 'error',
        message: `duplicate node id \`${id}\`; first defined at line ${where.line}, column ${where.col} (ids are unique across all groups)`,
        path,
        at: 'key',
      });
      continue;
    }
    firstPath.set(id, path);
    if (entry.isGroup && Object.keys(field(fields, 'nodes') as RawMap).length === 0) {
      issues.push({
        severity: 'warning',
        message: `group \`${id}\` has no nodes`,
        path: [...path, 'nodes'],
        at: 'key',
      });
    }
    const styling = readStyling(fields, path, classNames);
    issues.push(...styling.issues);
    const extra = optionalFields(entry, issues);
    const existing = patched.get(id);
    if (existing) {
      if (parent !== null && parent !== existing.parent) {
        issues.push({
          severity: 'error',
          message: `\`${id}\` is ${placeLabel(existing.parent)} in the Mermaid chart; a patch can't move it ${placeLabel(parent)} (write it at the top level, ids are global)`,
          path,
          at: 'key',
        });
        continue;
      }
      patched.set(id, {
        ...existing,
        ...extra,
        ...(entry.label === undefined ? {} : { label: entry.label }),
        kind: entry.isGroup ? 'group' : existing.kind,
        classes: [...new Set([...existing.classes, ...styling.classes])],
        style: { ...existing.style, ...styling.style },
      });
      continue;
    }
    added.push({
      id,
      parent,
      kind: entry.isGroup ? 'group' : 'node',
      label: entry.label ?? id,
      shape: 'rect',
      ...extra,
      classes: styling.classes,
      style: styling.style,
      pos: locate(path, 'key'),
    });
  }
  return { nodes: [...patched.values(), ...added], issues };
}
