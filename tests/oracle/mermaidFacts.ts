import type { EdgeFacts, FlowFacts, NodeFacts } from './flowFacts.ts';

/** The bits of Mermaid's flowchart database (FlowDB) the oracle reads. */
interface FlowDb {
  getDirection(): string | undefined;
  getVertices(): Map<
    string,
    {
      id: string;
      text?: unknown;
      labelType?: string;
      icon?: string;
      form?: string;
      assetHeight?: number;
      assetWidth?: number;
    }
  >;
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
    const label = readLabel(String(vertex.text ?? ''), vertex.labelType);
    nodes[vertex.id] = {
      label: label.text,
      group: false,
      parent: parents.get(vertex.id) ?? null,
      ...(vertex.icon ? iconShapeFacts(vertex) : labelIconFacts(label.icons)),
    };
  }
  for (const subgraph of subgraphs) {
    const direction = subgraph.dir === undefined ? undefined : DIRECTIONS[subgraph.dir];
    const label = readLabel(subgraph.title, subgraph.labelType);
    nodes[subgraph.id] = {
      label: label.text,
      group: true,
      parent: parents.get(subgraph.id) ?? null,
      ...(direction === undefined ? {} : { direction }),
      ...labelIconFacts(label.icons),
    };
  }
  return {
    direction: DIRECTIONS[db.getDirection() ?? 'TB'] ?? `?${db.getDirection()}`,
    nodes,
    edges: db.getEdges().map(
      (edge): EdgeFacts => ({
        source: edge.start,
        target: edge.end,
        label: readLabel(edge.text ?? '', edge.labelType).text,
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
 * The packs Mermaid's docs register Font Awesome under, and the Iconify
 * sets Flowdeck bundles for them; any other pack is named as it is.
 */
const FONT_AWESOME: Record<string, string> = {
  fa: 'fa6-solid',
  fas: 'fa6-solid',
  fab: 'fa6-brands',
  far: 'fa6-regular',
};

function iconify(name: string): string {
  const [pack = '', ...rest] = name.split(':');
  const set = FONT_AWESOME[pack];
  return set === undefined ? name : `${set}:${rest.join(':')}`;
}

/** FlowDB's getTypeFromVertex: an icon's `form` picks the shape drawn around it. */
const ICON_FORMS: Record<string, string> = { square: 'rect', circle: 'circle', rounded: 'rounded' };

/** The icon shape as Mermaid draws it: the icon, its form, and max(h, w) px, 48 at least. */
function iconShapeFacts(vertex: {
  icon?: string;
  form?: string;
  assetHeight?: number;
  assetWidth?: number;
}): Partial<NodeFacts> {
  const sized = vertex.assetHeight !== undefined || vertex.assetWidth !== undefined;
  return {
    icon: iconify(vertex.icon ?? ''),
    iconShape: ICON_FORMS[vertex.form ?? ''] ?? 'text',
    ...(sized
      ? { iconSize: Math.min(256, Math.max(vertex.assetHeight ?? 48, vertex.assetWidth ?? 48)) }
      : {}),
  };
}

/** The first icon in a label is the node's (one per node). */
function labelIconFacts(icons: readonly string[]): Partial<NodeFacts> {
  return icons[0] === undefined ? {} : { icon: iconify(icons[0]) };
}

/** Mermaid's createText: `fa:fa-car` becomes the icon `fa:car`, and no text. */
const LABEL_ICON = /(fa[bklrs]?):fa-([\w-]+)/g;

/**
 * What a reader sees of a Mermaid label: Mermaid's entity placeholders
 * decoded, markdown emphasis dropped, HTML parsed by the DOM, icons drawn
 * as icons, blanks collapsed per line.
 */
export function visibleText(raw: string, labelType = 'text'): string {
  return readLabel(raw, labelType).text;
}

function readLabel(raw: string, labelType = 'text'): { text: string; icons: string[] } {
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
  const icons: string[] = [];
  const shown = (template.content.textContent ?? '').replace(
    LABEL_ICON,
    (_, pack: string, name: string) => {
      icons.push(`${pack}:${name}`);
      return '';
    },
  );
  let lines = shown.split('\n').map((l) => l.replace(/[ \t\f\r]+/g, ' ').trim());
  if (markdown) lines = lines.filter((l) => l !== '');
  return { text: lines.join('\n').replace(/^\n+|\n+$/g, ''), icons };
}
