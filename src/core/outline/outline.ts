import { stripStepNumber } from '../animate/stripStepNumber.ts';
import type { Flow, ModelEdge } from '../model/types.ts';
import { flowChanges } from './changes.ts';
import { type Graph, plainLabel, readingOrder, visibleEdges } from './structure.ts';

/**
 * A diagram as a text alternative: the nesting of groups and nodes, each
 * with its description and its outgoing edges, and every flow as numbered
 * steps. Plain data, already in the words a reader gets (plain labels, not
 * ids); the app's Outline view and `outlineMarkdown()` render the same tree.
 */
export interface Outline {
  id: string;
  title: string;
  description?: string;
  /** The top level, in reading order. */
  nodes: OutlineNode[];
  flows: OutlineFlow[];
}

export interface OutlineNode {
  id: string;
  label: string;
  /** For a group: how many nodes and groups it holds directly. */
  holds?: number;
  description?: string;
  /** The edges leaving it, in the order they were written (invisible ones left out). */
  links: OutlineLink[];
  /** What a group holds, in reading order. */
  children: OutlineNode[];
}

/** One edge, seen from its source. */
export interface OutlineLink {
  edge: string;
  /** The other end. */
  to: string;
  toLabel: string;
  /** The group around the other end, when another node has its label ("kubelet" in "Node 2"). */
  toGroup?: string;
  label?: string;
  /** Which way its arrow heads point: `→`, `←`, `↔` or `—`. */
  arrow: '→' | '←' | '↔' | '—';
}

export interface OutlineFlow {
  id: string;
  title: string;
  description?: string;
  steps: OutlineStep[];
}

/** A step as labels: what it says and what it lights, shows, hides, fails and heals. */
export interface OutlineStep {
  /** 1-based. */
  number: number;
  /** Without a leading number equal to `number`; '' when the step has none. */
  caption: string;
  lit: string[];
  shown: string[];
  hidden: string[];
  failed: string[];
  healed: string[];
}

/** What an outline is made from: a model or a laid-out diagram. */
export interface OutlineSource extends Graph {
  id: string;
  title: string;
  description?: string | undefined;
  flows: Flow[];
}

/** A single line of text: the author's line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function arrowOf(edge: ModelEdge): OutlineLink['arrow'] {
  const start = edge.arrows.start !== 'none';
  const end = edge.arrows.end !== 'none';
  if (start && end) return '↔';
  if (start) return '←';
  return end ? '→' : '—';
}

/**
 * The outline of a diagram, a model or laid out (the same words either way):
 * what each step does comes from `flowChanges()`, as a timeline would say it.
 *
 * @example outline(model).flows[0].steps[0] // { number: 1, caption: 'kubectl sends…', lit: ['kubectl'], … }
 */
export function outline(diagram: OutlineSource): Outline {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const labelOf = (id: string) => {
    const node = byId.get(id);
    return node ? plainLabel(node) : id;
  };
  const shared = new Map<string, number>();
  for (const node of diagram.nodes) {
    const label = plainLabel(node);
    shared.set(label, (shared.get(label) ?? 0) + 1);
  }
  const links = new Map<string, OutlineLink[]>();
  for (const edge of visibleEdges(diagram)) {
    const link: OutlineLink = {
      edge: edge.id,
      to: edge.target,
      toLabel: labelOf(edge.target),
      arrow: arrowOf(edge),
    };
    const parent = byId.get(edge.target)?.parent;
    const around = parent ? byId.get(parent) : undefined;
    if (around && (shared.get(link.toLabel) ?? 0) > 1) link.toGroup = plainLabel(around);
    const label = oneLine(edge.label ?? '');
    if (label) link.label = label;
    const list = links.get(edge.source);
    if (list) list.push(link);
    else links.set(edge.source, [link]);
  }
  // readingOrder puts a group before what it holds, so each parent is made first.
  const made = new Map<string, OutlineNode>();
  const top: OutlineNode[] = [];
  for (const node of readingOrder(diagram)) {
    const item: OutlineNode = {
      id: node.id,
      label: plainLabel(node),
      links: links.get(node.id) ?? [],
      children: [],
    };
    if (node.kind === 'group') item.holds = 0;
    const description = oneLine(node.description ?? '');
    if (description) item.description = description;
    made.set(node.id, item);
    const parent = node.parent === null ? undefined : made.get(node.parent);
    if (parent) {
      parent.children.push(item);
      parent.holds = parent.children.length;
    } else top.push(item);
  }
  const flows = diagram.flows.map((flow): OutlineFlow => {
    const names = (ids: readonly string[]) => ids.map(labelOf);
    const steps = flowChanges(diagram, flow).map((changes, index): OutlineStep => {
      const { lit, shown, hidden, failed, healed } = changes;
      const caption = oneLine(flow.steps[index]?.caption ?? '');
      return {
        number: index + 1,
        caption: stripStepNumber(caption, index + 1),
        lit: names(lit),
        shown: names(shown),
        hidden: names(hidden),
        failed: names(failed),
        healed: names(healed),
      };
    });
    const item: OutlineFlow = { id: flow.id, title: oneLine(flow.title) || flow.id, steps };
    const description = oneLine(flow.description ?? '');
    if (description) item.description = description;
    return item;
  });
  const result: Outline = {
    id: diagram.id,
    title: oneLine(diagram.title) || diagram.id,
    nodes: top,
    flows,
  };
  const description = oneLine(diagram.description ?? '');
  if (description) result.description = description;
  return result;
}
