import { Document, type Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Flow, FlowStep, Model, ModelEdge, ModelNode, Style } from '../model/types.ts';
import { fitToSpec } from './fitToSpec.ts';
import { edgeReference, specEdges } from './specEdges.ts';

/**
 * Writes a model as a Flowdeck YAML spec, as a person would: nested groups
 * as nested `nodes`, edges as `a -> b: label`, defaults left out (rect
 * shape, `->` line and heads, automatic edge ids, a flow title equal to its
 * id, empty styles), short maps on one line, text quoted only where YAML
 * needs it and never escaped into `\uXXXX`. Every flow is written, a
 * Mermaid chart's default `main` included, with all its step fields.
 *
 * The contract, tested on every diagram, the Mermaid corpus and random
 * models: `parseDiagram(toSpecYaml(model), { file })` has no errors and gives
 * back `fitToSpec(model).model`, apart from source positions and the id
 * (which comes from the file name). `fitToSpec` lists what a spec cannot
 * state and what it does instead: ids it can't take are renamed, nodes
 * follow the nesting, `accTitle`/`accDescr` and `source` are not kept, an
 * undefined class is defined empty.
 *
 * The title is always written: it defaults to the file name, which the
 * converted text may not keep.
 *
 * @example toSpecYaml(parseDiagram('flowchart LR\n  a --> b', { file: 'x.mmd' }).model)
 *   // 'title: x\ndirection: right\n\nnodes:\n  a:\n  b:\n\nedges:\n  - a -> b\n\nflows: …'
 */
export function toSpecYaml(model: Model): string {
  const fitted = fitToSpec(model).model;
  const doc = new Document();
  const top = new YAMLMap<Node, Node>();
  const add = (map: YAMLMap<Node, Node>, key: string, value: Node, spaceBefore = false) => {
    const pair = doc.createPair(key, value);
    if (spaceBefore && map.items.length > 0) (pair.key as Scalar).spaceBefore = true;
    map.items.push(pair as (typeof map.items)[number]);
  };
  const scalar = (value: string | number | boolean | null) => doc.createNode(value) as Scalar;

  add(top, 'title', prose(fitted.title));
  if (fitted.description !== undefined) add(top, 'description', prose(fitted.description));
  if (fitted.direction !== 'down') add(top, 'direction', scalar(fitted.direction));
  if (fitted.aspect !== undefined) add(top, 'aspect', scalar(fitted.aspect));
  if (Object.keys(fitted.classDefs).length > 0) {
    const classes = new YAMLMap<Node, Node>();
    for (const [name, style] of Object.entries(fitted.classDefs))
      add(classes, name, styleMap(style));
    add(top, 'classes', classes, true);
  }
  add(top, 'nodes', nodeMap(fitted.nodes, null), true);
  if (fitted.edges.length > 0) add(top, 'edges', edgeList(fitted.edges), true);
  if (fitted.flows.length > 0) {
    const flows = new YAMLSeq<Node>();
    flows.items = fitted.flows.map((flow, index) => {
      const map = flowMap(flow, fitted.edges);
      map.spaceBefore = index > 0;
      return map;
    });
    add(top, 'flows', flows, true);
  }
  doc.contents = top;
  // No folding of long lines: a caption split over two lines reads worse than a long one.
  return doc.toString({ lineWidth: 0, nullStr: '', flowCollectionPadding: true });

  function styleMap(style: Style): YAMLMap<Node, Node> {
    const map = new YAMLMap<Node, Node>();
    map.flow = true;
    for (const key of ['fill', 'stroke', 'color', 'strokeWidth', 'strokeDasharray'] as const) {
      const value = style[key];
      if (value !== undefined) add(map, key, scalar(value));
    }
    return map;
  }

  function classFields(map: YAMLMap<Node, Node>, item: ModelNode | ModelEdge) {
    const [only, ...more] = item.classes;
    if (only !== undefined && more.length === 0) add(map, 'class', scalar(only));
    if (more.length > 0) add(map, 'classes', idList(item.classes));
    if (Object.keys(item.style).length > 0) add(map, 'style', styleMap(item.style));
  }

  function nodeMap(nodes: readonly ModelNode[], parent: string | null): YAMLMap<Node, Node> {
    const map = new YAMLMap<Node, Node>();
    for (const node of nodes.filter((candidate) => candidate.parent === parent)) {
      // A blank line before each group but the first, as the diagrams in diagrams/ have it.
      add(map, node.id, nodeValue(node, nodes), node.kind === 'group');
    }
    if (map.items.length === 0) map.flow = true;
    return map;
  }

  function nodeValue(node: ModelNode, nodes: readonly ModelNode[]): Node {
    const fields = new YAMLMap<Node, Node>();
    if (node.label !== node.id) add(fields, 'label', label(node.label));
    if (node.shape !== 'rect') add(fields, 'shape', scalar(node.shape));
    if (node.icon !== undefined) add(fields, 'icon', icon(node));
    classFields(fields, node);
    if (node.link !== undefined) add(fields, 'link', scalar(node.link));
    if (node.description !== undefined) add(fields, 'description', prose(node.description));
    if (node.details !== undefined) add(fields, 'details', prose(node.details));
    if (node.kind === 'group') {
      if (node.direction !== undefined) add(fields, 'direction', scalar(node.direction));
      add(fields, 'nodes', nodeMap(nodes, node.id));
      return fields;
    }
    if (fields.items.length === 0) return scalar(null);
    const [first] = fields.items;
    if (fields.items.length === 1 && first && (first.key as Scalar).value === 'label') {
      return first.value as Node;
    }
    // Sentences and markdown read better on lines of their own.
    fields.flow =
      node.description === undefined && node.details === undefined && fitsOnOneLine(fields);
    return fields;
  }

  /** `icon: logos:etcd`, or `{ name, placement, size }` when either is set. */
  function icon(node: ModelNode): Node {
    if (node.iconPlacement === undefined && node.iconSize === undefined) {
      return scalar(node.icon ?? null);
    }
    const map = new YAMLMap<Node, Node>();
    map.flow = true;
    add(map, 'name', scalar(node.icon ?? null));
    if (node.iconPlacement !== undefined) add(map, 'placement', scalar(node.iconPlacement));
    if (node.iconSize !== undefined) add(map, 'size', scalar(node.iconSize));
    return map;
  }

  function edgeList(edges: readonly ModelEdge[]): YAMLSeq<Node> {
    const list = new YAMLSeq<Node>();
    const written = specEdges(edges);
    edges.forEach((edge, index) => {
      const spec = written[index];
      if (!spec) return;
      const options = new YAMLMap<Node, Node>();
      if (edge.label !== undefined) add(options, 'label', label(edge.label));
      if (spec.line !== undefined) add(options, 'line', scalar(spec.line));
      if (spec.arrows !== undefined) {
        const arrows = new YAMLMap<Node, Node>();
        arrows.flow = true;
        if (spec.arrows.start !== undefined) add(arrows, 'start', scalar(spec.arrows.start));
        if (spec.arrows.end !== undefined) add(arrows, 'end', scalar(spec.arrows.end));
        add(options, 'arrows', arrows);
      }
      if (spec.id !== undefined) add(options, 'id', scalar(spec.id));
      if (edge.minLength !== 1) add(options, 'minLength', scalar(edge.minLength));
      classFields(options, edge);
      if (options.items.length === 0) {
        list.items.push(scalar(spec.expression));
        return;
      }
      const entry = new YAMLMap<Node, Node>();
      const [first] = options.items;
      const labelOnly = options.items.length === 1 && first && edge.label !== undefined;
      options.flow = fitsOnOneLine(options);
      add(entry, spec.expression, labelOnly ? (first.value as Node) : options);
      list.items.push(entry);
    });
    return list;
  }

  function flowMap(flow: Flow, edges: readonly ModelEdge[]): YAMLMap<Node, Node> {
    const map = new YAMLMap<Node, Node>();
    add(map, 'id', scalar(flow.id));
    if (flow.title !== flow.id) add(map, 'title', prose(flow.title));
    if (flow.description !== undefined) add(map, 'description', prose(flow.description));
    const steps = new YAMLSeq<Node>();
    steps.items = flow.steps.map((step) => stepMap(step, edges));
    if (steps.items.length === 0) steps.flow = true;
    add(map, 'steps', steps);
    return map;
  }

  function stepMap(step: FlowStep, edges: readonly ModelEdge[]): YAMLMap<Node, Node> {
    const map = new YAMLMap<Node, Node>();
    if (step.caption !== undefined) add(map, 'caption', prose(step.caption));
    if (step.notes !== undefined) add(map, 'notes', prose(step.notes));
    if (step.nodes.length > 0) add(map, 'nodes', idList(step.nodes));
    const refs = step.edges.map((id) => edgeReference(id, edges));
    if (refs.length > 0) add(map, 'edges', idList(refs));
    for (const key of ['focus', 'show', 'hide', 'fail', 'heal'] as const) {
      const ids = step[key];
      if (ids !== undefined) add(map, key, idList(ids));
    }
    if (step.duration !== undefined) add(map, 'duration', scalar(step.duration));
    const question = step.ask?.question;
    if (step.ask) add(map, 'ask', question === undefined ? scalar(true) : prose(question));
    if (map.items.length === 0) map.flow = true;
    return map;
  }

  function idList(ids: readonly string[]): YAMLSeq<Node> {
    const list = new CompactSeq<Node>();
    list.flow = true;
    list.items = ids.map((id) => scalar(id));
    return list;
  }

  /**
   * `|` rather than `|-` for text of several lines, as people write it: the
   * parser drops trailing line breaks either way.
   */
  function prose(text: string): Scalar {
    return scalar(text.includes('\n') ? `${text}\n` : text);
  }

  /** Labels break lines with `\n` in double quotes, as docs/spec.md shows, not with a block. */
  function label(text: string): Scalar {
    const node = scalar(text);
    if (text.includes('\n')) node.type = Scalar.QUOTE_DOUBLE;
    return node;
  }
}

const ONE_LINE = 64;

/** Whether a map of short, single-line values reads well as `{ a: 1, b: 2 }`. */
function fitsOnOneLine(map: YAMLMap<Node, Node>): boolean {
  const length = oneLineLength(map);
  return length !== undefined && length <= ONE_LINE;
}

/** About how long a value is on one line; undefined when it can't be on one. */
function oneLineLength(value: unknown): number | undefined {
  if (value instanceof Scalar) {
    const text = String(value.value);
    // A double-quoted `\n` stays on its line; any other line break makes a block.
    return text.includes('\n') && value.type !== Scalar.QUOTE_DOUBLE ? undefined : text.length + 2;
  }
  if (value instanceof YAMLSeq && value.flow) {
    let length = 2;
    for (const item of value.items) {
      const itemLength = oneLineLength(item);
      if (itemLength === undefined) return undefined;
      length += itemLength;
    }
    return length;
  }
  if (!(value instanceof YAMLMap)) return undefined;
  let length = 4;
  for (const { key, value: item } of value.items) {
    const itemLength = oneLineLength(item);
    if (itemLength === undefined) return undefined;
    length += String((key as Scalar).value).length + itemLength + 2;
  }
  return length;
}

/**
 * `[a, b]` rather than `[ a, b ]`: the diagrams and docs pad braces but not
 * brackets, and the `yaml` package has one padding setting for both.
 */
class CompactSeq<T> extends YAMLSeq<T> {
  override toString(...args: Parameters<YAMLSeq<T>['toString']>): string {
    const [ctx, ...rest] = args;
    return super.toString(ctx && { ...ctx, flowCollectionPadding: '' }, ...rest);
  }
}
