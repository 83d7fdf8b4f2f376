import type { Diagnostic, Model, SourcePos } from '../model/types.ts';

/**
 * How big a diagram may be. Past these, a diagram takes too long to lay out
 * (or to draw) for a tool meant to answer as you type, so it is refused with
 * a message saying which limit it passed and how to raise it. Why each
 * default is what it is: docs/hardening.md#limits.
 */
export interface Limits {
  /** The largest file, in UTF-8 bytes; checked before any parsing. */
  maxFileBytes: number;
  /** Nodes, groups included. */
  maxNodes: number;
  maxEdges: number;
  /** Groups inside groups: 1 is a group at the top level, 2 a group in it… */
  maxDepth: number;
  /** Characters (UTF-16 units) of one node, group or edge label; a longer one is shortened. */
  maxLabelLength: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 1024 * 1024,
  maxNodes: 5000,
  maxEdges: 10_000,
  maxDepth: 16,
  maxLabelLength: 1000,
});

/** The short names the CLI (`--limit nodes=8000`) and the app (`?limits=nodes=8000`) use. */
export const LIMIT_NAMES = {
  file: 'maxFileBytes',
  nodes: 'maxNodes',
  edges: 'maxEdges',
  depth: 'maxDepth',
  label: 'maxLabelLength',
} as const satisfies Record<string, keyof Limits>;

export type LimitName = keyof typeof LIMIT_NAMES;

const NAME_OF = Object.fromEntries(
  Object.entries(LIMIT_NAMES).map(([name, key]) => [key, name]),
) as Record<keyof Limits, LimitName>;

/**
 * Reads `name=value` settings (`nodes=8000`, `file=2MiB`), each item or
 * comma-separated in one: the limits they set, or what is wrong with them.
 *
 * @example readLimits(['nodes=8000,edges=20000']) // { maxNodes: 8000, maxEdges: 20000 }
 */
export function readLimits(items: readonly string[]): Partial<Limits> | string {
  const limits: Partial<Limits> = {};
  for (const item of items.flatMap((i) => i.split(','))) {
    const setting = item.trim();
    if (!setting) continue;
    const [name = '', value = '', ...rest] = setting.split('=');
    const key = LIMIT_NAMES[name.trim() as LimitName];
    if (!Object.hasOwn(LIMIT_NAMES, name.trim()) || !key) {
      return `unknown limit "${name.trim()}": use ${Object.keys(LIMIT_NAMES).join(', ')}`;
    }
    const number = rest.length === 0 ? readCount(value.trim()) : Number.NaN;
    if (!(Number.isSafeInteger(number) && number > 0)) {
      return `limit ${name.trim()} must be a whole number above 0, not "${value.trim()}"`;
    }
    limits[key] = number;
  }
  return limits;
}

/** `5000`, `1_000_000`, `512KiB`, `2MiB` (KB/MB are the same binary units here). */
function readCount(value: string): number {
  const match = /^(\d[\d_]*)\s*(k|kb|kib|m|mb|mib)?$/i.exec(value);
  if (!match) return Number.NaN;
  const unit = match[2]?.[0]?.toLowerCase();
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1;
  return Number((match[1] ?? '').replaceAll('_', '')) * scale;
}

/** `6210` → `6,210`: figures people compare at a glance. */
function figure(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function bytes(n: number): string {
  if (n >= 10 * 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${figure(n / (1024 * 1024))} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${figure(n / 1024)} KiB`;
  return `${figure(n)} bytes`;
}

/** How to raise one limit, in the words of every place that can. */
function raise(key: keyof Limits, needed: number | string): string {
  const setting = `${NAME_OF[key]}=${needed}`;
  return `(limits.${key}; raise it with \`--limit ${setting}\` in the CLI or \`?limits=${setting}\` in the app)`;
}

/** The UTF-8 size of `text`, counted only as far as `stop` (a bigger answer means "over"). */
function utf8Bytes(text: string, stop: number): number {
  let total = 0;
  for (let i = 0; i < text.length && total <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) total += 1;
    else if (c < 0x800) total += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      total += 4;
      i++;
    } else total += 3;
  }
  return total;
}

/**
 * Whether `text` is too big to parse at all: an error at its first line, or
 * null. Cheap on any size: a text longer than the limit in UTF-16 units is
 * over without counting, and counting stops at the limit.
 */
export function checkFileSize(
  text: string,
  limits: Limits,
  file: string | undefined,
): Diagnostic | null {
  const max = limits.maxFileBytes;
  // Every UTF-16 unit is at least one byte in UTF-8, and at most three.
  const over = text.length > max || (text.length * 3 > max && utf8Bytes(text, max) > max);
  if (!over) return null;
  const size = utf8Bytes(text, Number.POSITIVE_INFINITY);
  const needed = `${Math.ceil(size / (1024 * 1024))}MiB`;
  const message = `This file is ${bytes(size)}; the limit is ${bytes(max)} ${raise('maxFileBytes', needed)}. It was not read.`;
  return { severity: 'error', message, ...(file ? { file } : {}), line: 1, col: 1 };
}

/**
 * Checks a parsed model against the limits. Too many nodes or edges, or
 * groups nested too deep, is an error at the first thing past the limit. A
 * label that is too long is a warning and the label is shortened, ending in
 * `…`: the diagram still shows, and the source keeps every character.
 *
 * @example checkModelLimits(model, DEFAULT_LIMITS, 'big.mmd').diagnostics
 * // [{ severity: 'error', message: 'This diagram has 6,210 nodes; the limit is 5,000 (limits.maxNodes; …)', line: 5001, col: 3 }]
 */
export function checkModelLimits(
  model: Model,
  limits: Limits,
  file: string | undefined,
): { model: Model; diagnostics: Diagnostic[] } {
  const at = (pos: SourcePos | undefined, path?: string) => ({
    ...(file ? { file } : {}),
    line: pos?.line ?? 1,
    col: pos?.col ?? 1,
    ...(path ? { path } : {}),
  });
  const diagnostics: Diagnostic[] = [];
  const { nodes, edges } = model;
  if (nodes.length > limits.maxNodes) {
    const first = nodes[limits.maxNodes];
    diagnostics.push({
      severity: 'error',
      message: `This diagram has ${figure(nodes.length)} nodes (groups included); the limit is ${figure(limits.maxNodes)} ${raise('maxNodes', nodes.length)}. \`${first?.id}\` is the first past it.`,
      ...at(first?.pos),
    });
  }
  if (edges.length > limits.maxEdges) {
    const first = edges[limits.maxEdges];
    diagnostics.push({
      severity: 'error',
      message: `This diagram has ${figure(edges.length)} edges; the limit is ${figure(limits.maxEdges)} ${raise('maxEdges', edges.length)}. \`${first?.id}\` is the first past it.`,
      ...at(first?.pos),
    });
  }
  const deep = tooDeep(model, limits.maxDepth);
  if (deep) {
    diagnostics.push({
      severity: 'error',
      message: `Groups are nested ${figure(deep.deepest)} deep here; the limit is ${figure(limits.maxDepth)} ${raise('maxDepth', deep.deepest)}. \`${deep.first.id}\` is the first group past it.`,
      ...at(deep.first.pos),
    });
  }
  const shorten = (label: string) => {
    let cut = label.slice(0, limits.maxLabelLength - 1);
    // Never half a surrogate pair.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  const long = (label: string | undefined): label is string =>
    label !== undefined && label.length > limits.maxLabelLength;
  const labelWarning = (what: string, length: number, pos: SourcePos | undefined) =>
    diagnostics.push({
      severity: 'warning',
      message: `The label of ${what} is ${figure(length)} characters long; it is shortened to the limit, ${figure(limits.maxLabelLength)} ${raise('maxLabelLength', length)}.`,
      ...at(pos),
    });
  let shortened = false;
  const keptNodes = nodes.map((node) => {
    if (!long(node.label)) return node;
    shortened = true;
    labelWarning(`${node.kind} \`${node.id}\``, node.label.length, node.pos);
    return { ...node, label: shorten(node.label) };
  });
  const keptEdges = edges.map((edge) => {
    if (!long(edge.label)) return edge;
    shortened = true;
    labelWarning(`edge \`${edge.id}\``, edge.label.length, edge.pos);
    return { ...edge, label: shorten(edge.label) };
  });
  const checked = shortened ? { ...model, nodes: keptNodes, edges: keptEdges } : model;
  return { model: checked, diagnostics };
}

/** The first group nested deeper than `max` (in model order) and how deep groups go, or null. */
function tooDeep(
  model: Model,
  max: number,
): { first: Model['nodes'][number]; deepest: number } | null {
  // Parents come before their children, so one pass knows every parent's depth.
  const depth = new Map<string, number>();
  let first: Model['nodes'][number] | undefined;
  let deepest = 0;
  for (const node of model.nodes) {
    if (node.kind !== 'group') continue;
    const d = (node.parent === null ? 0 : (depth.get(node.parent) ?? 0)) + 1;
    depth.set(node.id, d);
    if (d > max && !first) first = node;
    deepest = Math.max(deepest, d);
  }
  return first ? { first, deepest } : null;
}
