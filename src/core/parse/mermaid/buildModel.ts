import type { Direction, Model, ModelEdge, ModelNode } from '../../model/types.ts';
import type { FlowState, Label, Subgraph, Vertex } from './flowState.ts';
import { nodeIcon } from './iconShape.ts';
import { type PlainLabel, toPlainLabel } from './labelText.ts';
import type { Reporter } from './reporter.ts';
import { mergeStyles } from './styles.ts';

/** What the model needs besides the parsed flowchart. */
export interface BuildOptions {
  id: string;
  /** From the front matter. */
  title?: string;
  /** The header's direction as written (`TD`, `LR`, `>`…). */
  direction: string;
}

const DIRECTIONS: Readonly<Record<string, Direction>> = {
  TB: 'down',
  TD: 'down',
  v: 'down',
  BT: 'up',
  '^': 'up',
  LR: 'right',
  '>': 'right',
  RL: 'left',
  '<': 'left',
};

/**
 * Turns what the parser learnt into the canonical Model: subgraphs become
 * groups, membership follows Mermaid (a node belongs to the first subgraph
 * that closes around it), parents come before children.
 */
export function buildModel(state: FlowState, reporter: Reporter, options: BuildOptions): Model {
  const plain = (label: Label): PlainLabel => {
    const read = toPlainLabel(label.text, label.kind);
    for (const note of new Set(read.notes)) reporter.report('warning', note, label.at);
    return read;
  };
  const groups = new Map<string, Subgraph>();
  for (const subgraph of state.subgraphs) {
    const seen = groups.get(subgraph.id);
    if (!seen) groups.set(subgraph.id, subgraph);
    else for (const name of subgraph.classes) seen.classes.push(name);
  }
  const known = (id: string) => state.vertices.has(id) || groups.has(id);
  const parents = findParents(state, known, reporter);
  // Mermaid links `e1 --> C` even when `e1` names a link and so is no node; keep edges on nodes.
  const dangling = new Map<string, number>();
  for (const edge of state.edges) {
    for (const end of [edge.source, edge.target]) {
      if (known(end) || dangling.has(end)) continue;
      dangling.set(end, edge.at);
      reporter.report(
        'warning',
        `"${end}" names a link, not a node; Mermaid leaves this link dangling.`,
        edge.at,
      );
    }
  }
  const ids = [...new Set([...state.vertices.keys(), ...groups.keys(), ...dangling.keys()])];
  const seqOf = (id: string) =>
    Math.min(
      state.vertices.get(id)?.seq ?? Number.POSITIVE_INFINITY,
      groups.get(id)?.seq ?? Number.POSITIVE_INFINITY,
    );
  const ordered = parentsFirst(
    ids.sort((a, b) => seqOf(a) - seqOf(b)),
    parents,
  );
  const defaults = ['default', 'node'].filter((name) => state.classDefs.has(name));
  const nodes = ordered.map((id) =>
    toNode(
      id,
      state.vertices.get(id),
      groups.get(id),
      parents.get(id) ?? null,
      defaults,
      plain,
      reporter,
      dangling.get(id),
    ),
  );
  const edges = state.edges.map((edge): ModelEdge => {
    const read = edge.label ? plain(edge.label) : undefined;
    const label = read?.text ?? '';
    if (read && read.icons.length > 0 && edge.label) {
      const names = read.icons.map((name) => `"${name}"`).join(', ');
      reporter.report('warning', `Icons on links are not drawn: ${names}.`, edge.label.at);
    }
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(label ? { label } : {}),
      line: edge.kind.line,
      arrows: edge.kind.arrows,
      minLength: Math.max(1, edge.kind.length),
      classes: [...edge.classes],
      style: mergeStyles(state.defaultLinkStyle, edge.style ?? {}),
      pos: reporter.position(edge.at),
    };
  });
  return {
    id: options.id,
    title: options.title ?? state.accTitle ?? options.id,
    ...(state.accDescr === undefined ? {} : { description: state.accDescr }),
    direction: toDirection(options.direction, reporter),
    nodes,
    edges,
    flows: [],
    classDefs: Object.fromEntries(state.classDefs),
    source: 'mermaid',
    ...(state.accTitle === undefined ? {} : { accTitle: state.accTitle }),
    ...(state.accDescr === undefined ? {} : { accDescr: state.accDescr }),
  };
}

function toNode(
  id: string,
  vertex: Vertex | undefined,
  group: Subgraph | undefined,
  parent: string | null,
  defaults: string[],
  plain: (label: Label) => PlainLabel,
  reporter: Reporter,
  danglingAt = 0,
): ModelNode {
  const written = group?.title ?? vertex?.label;
  const read = written ? plain(written) : { text: id, icons: [] };
  const classes = group
    ? [...new Set([...group.classes, ...(vertex?.classes ?? [])])]
    : [...defaults, ...(vertex?.classes ?? [])];
  const direction = group?.direction === undefined ? undefined : DIRECTIONS[group.direction];
  const at = Math.min(
    vertex?.at ?? Number.POSITIVE_INFINITY,
    group?.at ?? Number.POSITIVE_INFINITY,
  );
  const pos = reporter.position(Number.isFinite(at) ? at : danglingAt);
  // A subgraph's own `@{ … }` is not read, so a group's icon comes from its title.
  const icon = nodeIcon(id, group ? undefined : vertex, read, (message) =>
    reporter.report('warning', message, written?.at ?? vertex?.at ?? 0),
  );
  return {
    id,
    parent,
    kind: group ? 'group' : 'node',
    label: read.text,
    shape: group ? 'rect' : (vertex?.shape ?? 'rect'),
    ...icon,
    ...(vertex?.tooltip === undefined ? {} : { description: vertex.tooltip }),
    classes,
    style: { ...(vertex?.style ?? {}) },
    ...(direction === undefined ? {} : { direction }),
    ...(vertex?.link === undefined ? {} : { link: vertex.link }),
    pos,
  };
}

/** Each id's subgraph; later subgraphs are applied first so earlier ones win, as in Mermaid. */
function findParents(
  state: FlowState,
  known: (id: string) => boolean,
  reporter: Reporter,
): Map<string, string> {
  const parents = new Map<string, string>();
  for (const subgraph of [...state.subgraphs].reverse()) {
    for (const member of subgraph.members) {
      if (known(member)) parents.set(member, subgraph.id);
    }
  }
  // A subgraph that ends up inside itself loses its parent: in each cycle, the
  // member listed first. Each id is walked past once, so deep nesting stays
  // linear (a walk up from every id was quadratic).
  const order = new Map([...parents.keys()].map((id, index) => [id, index]));
  const settled = new Set<string>();
  const cut: Array<{ id: string; parent: string }> = [];
  for (const start of order.keys()) {
    const path: string[] = [];
    let up: string | undefined = start;
    while (up !== undefined && !settled.has(up)) {
      settled.add(up);
      path.push(up);
      up = parents.get(up);
    }
    // Stopped on an id settled by this walk: the path closes a cycle.
    const from = up === undefined ? -1 : path.indexOf(up);
    if (from < 0) continue;
    const cycle = path.slice(from);
    const first = cycle.reduce((a, b) => ((order.get(b) ?? 0) < (order.get(a) ?? 0) ? b : a));
    cut.push({ id: first, parent: parents.get(first) ?? '' });
    parents.delete(first);
  }
  cut.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  for (const { id, parent } of cut) {
    const subgraph = state.subgraphs.find((s) => s.id === parent);
    reporter.report(
      'warning',
      `"${id}" cannot be inside "${parent}": that subgraph is inside it.`,
      subgraph?.at ?? 0,
    );
  }
  return parents;
}

function parentsFirst(ids: string[], parents: ReadonlyMap<string, string>): string[] {
  const placed = new Set<string>();
  const order: string[] = [];
  for (const id of ids) {
    // Place the not-yet-placed ancestors first, outermost first.
    const chain: string[] = [];
    for (
      let at: string | undefined = id;
      at !== undefined && !placed.has(at);
      at = parents.get(at)
    ) {
      placed.add(at);
      chain.push(at);
    }
    // One push per id: a chain as deep as the nesting would overflow a spread.
    for (let i = chain.length - 1; i >= 0; i--) order.push(chain[i] as string);
  }
  return order;
}

function toDirection(written: string, reporter: Reporter): Direction {
  const direction = DIRECTIONS[written];
  if (direction) return direction;
  reporter.report('warning', `Unknown direction "${written}"; drawing top to bottom.`, 0);
  return 'down';
}
