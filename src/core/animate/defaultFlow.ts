import type { Flow, FlowStep, Model, ModelEdge, ModelNode } from '../model/types.ts';
import { leadingNumber } from './stripStepNumber.ts';

/** The id of the flow a plain Mermaid chart gets. */
export const DEFAULT_FLOW_ID = 'main';

/**
 * The default flow's title when the chart has none of its own, in English
 * (the CLI and its files say this); the app says it in the UI's language
 * with `titleWalkthroughs()`.
 */
export const WALKTHROUGH_TITLE = 'Walkthrough';

/** The most characters of one label a caption repeats; longer ones end in `…`. */
const MAX_LABEL = 48;
/** Members a group's caption lists before `…`. */
const MAX_MEMBERS = 4;

/**
 * A flow for a diagram that has none (a plain Mermaid chart), so it can be
 * played and put in a deck. It walks the visible edges in written order and
 * lights every node on the way:
 *
 * - A step per edge lights the edge and its target, captioned with what
 *   happens along it: `source → target: label` (`↔` for heads at both ends,
 *   `—` for none, `←` for one at the start only; no `: label` without one).
 *   An unlabelled edge into a box whose label is a numbered step (`2. …`)
 *   is captioned with that label alone: the chart's boxes are its steps.
 * - An edge whose source no earlier step lit starts a new chain: a step
 *   lighting that source alone comes first.
 * - Nodes that no edge reaches (no edges, or only invisible ones) each get a
 *   step at the end, unless they sit in a lit group or hold a lit node; a
 *   group lit alone covers what is inside it.
 * - A node alone is captioned with its label; a group with its label and
 *   its members (`Node1: Pod ×3`, at most four, then `…`).
 *
 * Labels are said on one line (line breaks become spaces) and cut at 48
 * characters. The title is the chart's own (front matter `title`, else
 * `accTitle`), else `Walkthrough`; `generated` marks which. Null for a
 * diagram without nodes. Pure and deterministic: the same model gives the
 * same flow.
 *
 * @example defaultFlow(importMermaid('flowchart LR\n a[kubectl] -->|HTTPS| b[API]', { id: 'x' }).model)
 *   // { id: 'main', title: 'Walkthrough', generated: 'untitled',
 *   //   steps: [{ caption: 'kubectl', … }, { caption: 'kubectl → API: HTTPS', … }] }
 */
export function defaultFlow(model: Model): Flow | null {
  const walk = createWalk(model.nodes);
  for (const edge of model.edges) {
    if (edge.line === 'invisible') continue;
    if (!walk.lit.has(edge.source)) walk.lightAlone(edge.source);
    walk.lightEdge(edge);
  }
  for (const node of model.nodes) if (!walk.covered(node.id)) walk.lightAlone(node.id);
  if (walk.steps.length === 0) return null;
  const own = [model.title, model.accTitle].find((t) => t !== undefined && t !== model.id);
  return {
    id: DEFAULT_FLOW_ID,
    title: own ?? WALKTHROUGH_TITLE,
    steps: walk.steps,
    generated: own === undefined ? 'untitled' : 'titled',
  };
}

/**
 * The diagram with its untitled default flow titled `title` (the app's word
 * for "Walkthrough" in the reader's language); the same object when nothing
 * changes.
 *
 * @example titleWalkthroughs(diagram, '둘러보기').flows[0].title // '둘러보기'
 */
export function titleWalkthroughs<T extends { flows: Flow[] }>(diagram: T, title: string): T {
  const renamed = (f: Flow) => f.generated === 'untitled' && f.title !== title;
  if (!diagram.flows.some(renamed)) return diagram;
  return { ...diagram, flows: diagram.flows.map((f) => (renamed(f) ? { ...f, title } : f)) };
}

/** The steps so far and what they lit, with the model's tree to ask about groups. */
function createWalk(nodes: readonly ModelNode[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, ModelNode[]>();
  for (const n of nodes) {
    if (n.parent === null) continue;
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const steps: FlowStep[] = [];
  const lit = new Set<string>();
  // Groups holding something lit: they were on screen as its frame.
  const holdsLit = new Set<string>();
  const light = (id: string) => {
    lit.add(id);
    for (let p = byId.get(id)?.parent ?? null; p !== null && !holdsLit.has(p); ) {
      holdsLit.add(p);
      p = byId.get(p)?.parent ?? null;
    }
  };
  const name = (id: string, max = MAX_LABEL) => clip(oneLine(byId.get(id)?.label || id), max);
  const insideLit = (id: string) => {
    for (let p = byId.get(id)?.parent ?? null; p !== null; p = byId.get(p)?.parent ?? null)
      if (lit.has(p)) return true;
    return false;
  };
  return {
    steps,
    lit: lit as ReadonlySet<string>,
    covered: (id: string) => lit.has(id) || holdsLit.has(id) || insideLit(id),
    lightAlone(id: string) {
      const members = children.get(id) ?? [];
      const list = members.length > 0 ? `: ${memberList(members.map((m) => name(m.id, 24)))}` : '';
      steps.push({ caption: name(id) + list, nodes: [id], edges: [] });
      light(id);
    },
    lightEdge(edge: ModelEdge) {
      const label = edge.label ? `: ${clip(oneLine(edge.label), MAX_LABEL)}` : '';
      // A chart whose boxes are numbered steps ("2. kubectl apply …") says
      // each step in its box: the box alone reads better than `1. … → 2. …`.
      const numbered = !edge.label && leadingNumber(byId.get(edge.target)?.label ?? '') !== null;
      const caption = numbered
        ? name(edge.target)
        : `${name(edge.source)} ${arrow(edge)} ${name(edge.target)}${label}`;
      steps.push({ caption, nodes: [edge.target], edges: [edge.id] });
      light(edge.source);
      light(edge.target);
    },
  };
}

function arrow(edge: ModelEdge): string {
  const start = edge.arrows.start !== 'none';
  const end = edge.arrows.end !== 'none';
  if (start && end) return '↔';
  if (end) return '→';
  return start ? '←' : '—';
}

/** `API Server, Scheduler, …`; repeated labels once, counted: `Pod ×3`. */
function memberList(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const said = [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
  return said.length > MAX_MEMBERS
    ? `${said.slice(0, MAX_MEMBERS).join(', ')}, …`
    : said.join(', ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters (code points, so Hangul and emoji are never cut in half). */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
