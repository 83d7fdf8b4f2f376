import type { EdgeFacts, FlowFacts, NodeFacts } from './flowFacts.ts';

/** The bits of Mermaid's flowchart database (FlowDB) the oracle reads. */
interface FlowDb {
  getDirection(): string | undefined;
  getVertices(): Map<string, { id: string; text?: unknown; labelType?: string }>;
  getEdges(): Array<{
    start: string;
    end: string;
    text?: string;
    labelType?: string;
    type?: string;
    stroke?: string;
    length?: number;
  }>;
  getSubGraphs(): Array<{
    id: string;
    title: string;
    labelType?: string;
    nodes: string[];
    dir?: string;
  }>;
}

export interface MermaidApi {
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: unknown }> };
}

export type MermaidVerdict =
  | { ok: true; type: string; facts?: FlowFacts }
  | { ok: false; error: string };

/** Parses with Mermaid itself; needs a DOM (jsdom). */
export async function mermaidVerdict(mermaid: MermaidApi, text: string): Promise<MermaidVerdict> {
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db as Partial<FlowDb>;
    if (typeof db.getVertices !== 'function') return { ok: true, type: diagram.type };
    return { ok: true, type: diagram.type, facts: factsFromDb(db as FlowDb) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const DIRECTIONS: Record<string, string> = {
  TB: 'down',
  TD: 'down',
  BT: 'up',
  LR: 'right',
  RL: 'left',
};

function factsFromDb(db: FlowDb): FlowFacts {
  const subgraphs = db.getSubGraphs();
  const vertices = db.getVertices();
  const known = (id: string) => vertices.has(id) || subgraphs.some((s) => s.id === id);
  // Mermaid's getData(): later subgraphs first, so the earlier ones win.
  const parents = new Map<string, string>();
  for (const subgraph of [...subgraphs].reverse()) {
    for (const id of subgraph.nodes) if (known(id)) parents.set(id, subgraph.id);
  }
  const nodes: Record<string, NodeFacts> = {};
  for (const vertex of vertices.values()) {
    nodes[vertex.id] = {
      label: visibleText(String(vertex.text ?? ''), vertex.labelType),
      group: false,
      parent: parents.get(vertex.id) ?? null,
    };
  }
  for (const subgraph of subgraphs) {
    const direction = subgraph.dir === undefined ? undefined : DIRECTIONS[subgraph.dir];
    nodes[subgraph.id] = {
      label: visibleText(subgraph.title, subgraph.labelType),
      group: true,
      parent: parents.get(subgraph.id) ?? null,
      ...(direction === undefined ? {} : { direction }),
    };
  }
  return {
    direction: DIRECTIONS[db.getDirection() ?? 'TB'] ?? `?${db.getDirection()}`,
    nodes,
    edges: db.getEdges().map(
      (edge): EdgeFacts => ({
        source: edge.start,
        target: edge.end,
        label: visibleText(edge.text ?? '', edge.labelType),
        look: look(edge.type ?? 'arrow_point', edge.stroke ?? 'normal', edge.length ?? 1),
      }),
    ),
  };
}

/** Mermaid's edge type and stroke in our terms (what its renderer draws). */
function look(type: string, stroke: string, length: number): string {
  const line =
    { normal: 'solid', thick: 'thick', dotted: 'dashed', invisible: 'invisible' }[stroke] ?? stroke;
  const head = (t: string) =>
    ({ arrow_point: 'arrow', arrow_circle: 'circle', arrow_cross: 'cross' })[t] ?? 'none';
  const open = type === 'arrow_open' || stroke === 'invisible';
  const end = open ? 'none' : head(type.replace('double_', ''));
  const start = open || !type.startsWith('double_') ? 'none' : end;
  return `${line}/${start}>${end}/${Math.max(1, length)}`;
}

/**
 * What a reader sees of a Mermaid label: Mermaid's entity placeholders
 * decoded, markdown emphasis dropped, HTML parsed by the DOM, blanks
 * collapsed per line.
 */
export function visibleText(raw: string, labelType = 'text'): string {
  const markdown = labelType === 'markdown';
  let text = raw.replace(/ﬂ°°(\d+)¶ß/g, '&#$1;').replace(/ﬂ°(\w+)¶ß/g, '&$1;');
  if (markdown) {
    text = text
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/\*\*(\S(?:[\s\S]*?\S)?)\*\*/g, '$1')
      .replace(/(^|\W)__(\S(?:[\s\S]*?\S)?)__(?!\w)/g, '$1$2')
      .replace(/\*([^\s*](?:[^*]*?[^\s*])?)\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])_([^\s_](?:[^_]*?[^\s_])?)_(?![\p{L}\p{N}_])/gu, '$1$2');
  } else {
    text = text.replace(/\\n/g, '\n');
  }
  text = text.replace(/<br\s*\/?>/gi, '\n');
  const template = document.createElement('template');
  template.innerHTML = text;
  let lines = (template.content.textContent ?? '')
    .split('\n')
    .map((l) => l.replace(/[ \t\f\r]+/g, ' ').trim());
  if (markdown) lines = lines.filter((l) => l !== '');
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}
