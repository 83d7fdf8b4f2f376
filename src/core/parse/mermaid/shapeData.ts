import { parse as parseYaml } from 'yaml';
import { suggest } from '../../model/suggest.ts';
import { checkYamlDepth } from '../spec/yamlDepth.ts';
import type { Vertex } from './flowState.ts';
import { applyIconData } from './iconShape.ts';
import type { LabelKind } from './labelText.ts';
import type { Reporter } from './reporter.ts';
import { shapeNames, shapeOfName } from './shapes.ts';

/** Where `@{ … }` applies, and the means to apply it. */
export interface ShapeDataTarget {
  /** The id before `@{`: a node, or an edge / subgraph already declared. */
  id: string;
  /** The text between `@{` and `}`. */
  yaml: string;
  at: number;
  reporter: Reporter;
  touchVertex: (id: string, at: number) => Vertex;
  isLinkId: (id: string) => boolean;
  isSubgraph: (id: string) => boolean;
}

const NODE_KEYS = [
  'shape',
  'label',
  'labelType',
  'icon',
  'form',
  'pos',
  'img',
  'constraint',
  'w',
  'h',
];
const EDGE_KEYS = ['animate', 'animation', 'curve'];

/**
 * Applies `id@{ shape: …, label: … }`. Like Mermaid, the same syntax sets
 * properties of an edge (`e1@{ animate: true }`) or a subgraph when the id
 * names one; we keep what we can draw and warn about the rest.
 */
export function applyShapeData(target: ShapeDataTarget): void {
  const { id, at, reporter } = target;
  const warn = (message: string, suggestion?: string) =>
    reporter.report('warning', message, at, suggestion);
  const data = readShapeData(target.yaml);
  if (typeof data === 'string') {
    reporter.report('error', `${id}@{…}: ${data}`, at);
    return;
  }
  if (target.isSubgraph(id)) {
    warn(`${id}@{…}: properties of subgraphs (${Object.keys(data).join(', ')}) are not supported.`);
    return;
  }
  if (target.isLinkId(id)) {
    const keys = Object.keys(data);
    if (keys.length > 0) warn(`${id}@{…}: link properties are not supported: ${keys.join(', ')}.`);
    return;
  }
  const vertex = target.touchVertex(id, at);
  for (const key of Object.keys(data)) {
    if (NODE_KEYS.includes(key) || EDGE_KEYS.includes(key)) continue;
    const close = suggest(key, NODE_KEYS);
    warn(
      `${id}@{…}: unknown property "${key}"${close ? ` (did you mean "${close}"?)` : ''}.`,
      close,
    );
  }
  if (data.shape !== undefined && data.shape !== null) applyShape(vertex, String(data.shape), warn);
  const label = data.label;
  if (label) vertex.label = { text: String(label), kind: labelKind(data.labelType), at };
  const hasLabel = String(label ?? '').trim() !== '';
  applyIconData(vertex, data, { id, at, hasLabel }, warn);
  if (data.img !== undefined && data.img !== null) {
    warn(`${id}@{…}: images are not supported; "${String(data.img)}" is not shown.`);
    if (!hasLabel && vertex.label.text === id) vertex.label = { text: '', kind: 'text', at };
  }
  // Without an icon, these would size or place an image, which we don't draw.
  const imageOnly = data.icon ? ['constraint'] : ['form', 'pos', 'constraint', 'w', 'h'];
  const unused = imageOnly.filter((k) => data[k] !== undefined);
  if (unused.length > 0) warn(`${id}@{…}: not supported, ignored: ${unused.join(', ')}.`);
  const edgeOnly = EDGE_KEYS.filter((k) => data[k] !== undefined);
  if (edgeOnly.length > 0)
    warn(`${id}@{…}: ${edgeOnly.join(', ')} only apply to links; "${id}" is a node.`);
}

/** Mermaid reads shape data as YAML: one line as a flow mapping, several as a block. */
function readShapeData(yaml: string): Record<string, unknown> | string {
  const source = yaml.includes('\n') ? `${yaml}\n` : `{\n${yaml}\n}`;
  const tooDeep = checkYamlDepth(source).tooDeep;
  if (tooDeep) return `${tooDeep.message}.`;
  try {
    const data: unknown = parseYaml(source, { logLevel: 'error' });
    if (data === null || data === undefined) return {};
    if (typeof data !== 'object' || Array.isArray(data)) return 'expected `key: value` pairs.';
    return data as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return `not valid YAML (${reason}).`;
  }
}

function applyShape(vertex: Vertex, name: string, warn: (m: string, s?: string) => void): void {
  const lower = name.toLowerCase().replace(/_/g, '-');
  const resolved = shapeOfName(lower);
  if (resolved.kind === 'unknown') {
    const close = suggest(name, shapeNames());
    warn(
      `Unknown shape "${name}"${close ? ` (did you mean "${close}"?)` : ''}; Mermaid rejects it.`,
      close,
    );
    return;
  }
  if (lower !== name)
    warn(
      `Shape names are lowercase in Mermaid ("${lower}", not "${name}"); Mermaid rejects this one.`,
    );
  if (resolved.kind === 'nearest')
    warn(`Shape "${name}" is not supported; drawn as "${resolved.shape}".`);
  vertex.shape = resolved.shape;
}

function labelKind(value: unknown): LabelKind {
  return value === 'string' || value === 'text' ? value : 'markdown';
}
