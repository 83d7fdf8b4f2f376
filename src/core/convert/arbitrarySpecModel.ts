import fc from 'fast-check';
import { arbitraryModel } from '../layout/arbitraryModel.ts';
import { SCREEN_SHAPES } from '../model/screenShape.ts';
import {
  ARROW_HEADS,
  type FlowStep,
  LINE_STYLES,
  type Model,
  type ModelEdge,
  type Style,
} from '../model/types.ts';

/** Text YAML reads as something else, or can't hold plainly, beside ordinary words. */
const TRICKY = [
  ...['', ' ', 'true', 'null', '~', 'yes', 'No', '1.10', '0x1F', '1e3', '.inf', '-', '---'],
  ...['#fff', 'a #b', 'a: b', '- x', '[x]', '{x}', '"q"', "it's", '%%', '@x', '`x`', '| x'],
  ...['> x', '!x', '&x', '*x', '? x', 'a, b', '<<', '=', '\\n', 'tab\there', 'a\u0007b'],
  ...['컨테이너 런타임', 'kubelet → API', 'line\nbreak', 'a\n\nb', '\nleading', '  leading'],
  ...['trailing  ', 'ends\n', 'x\r\ny', '\u00a0nbsp', 'é', '🙂 emoji', '**bold**\n- item'],
];
/** Icon names, good ones (some YAML would read otherwise) and ones the spec refuses. */
const ICONS = ['logos:kubernetes', 'mdi:database', 'fa6-solid:user', 'a:1', 'x:true', 'mdi:x '];
const text = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '#', '-', '"', "'", '가'), maxLength: 8 }),
);
/** Node ids the spec takes (some YAML reads as numbers or booleans), and some it doesn't. */
const ID = fc.constantFrom(
  ...['노드', 'kube-proxy', 'v1.api', '1', '42', '07', 'true', 'null', 'yes', '1.10', 'e'],
  ...['**Two**', 'odd-', 'a b', '-', 'a--b', '\\ta1', 'x:y'],
);
const CLASS = fc.constantFrom('hot', 'quiet', 'node-executed', '1', 'bad name');
const style: fc.Arbitrary<Style> = fc.record(
  {
    fill: fc.constantFrom('#fee2e2', 'red', 'rgb(1, 2, 3)'),
    stroke: fc.constantFrom('#dc2626', 'currentColor'),
    color: fc.constantFrom('#6b7280', 'white'),
    strokeWidth: fc.constantFrom(0, 1, 2.5, 4),
    strokeDasharray: fc.constantFrom('4 2', '3,3'),
  },
  { requiredKeys: [] },
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const ids = fc.array(fc.nat(), { maxLength: 3 });

const STEP_LISTS = ['focus', 'show', 'hide', 'fail', 'heal'] as const;

/** Everything drawn on top of a layout model with this many nodes and edges. */
function extras(counts: { nodes: number; edges: number }) {
  const each = <T>(arbitrary: fc.Arbitrary<T>, length: number) =>
    fc.array(arbitrary, { minLength: length, maxLength: length });
  const step = fc.record(
    {
      caption: text,
      notes: text,
      nodes: ids,
      edges: ids,
      focus: ids,
      show: ids,
      hide: ids,
      fail: ids,
      heal: ids,
      duration: fc.constantFrom(0.5, 2, 4),
      ask: fc.oneof(
        fc.constant({}),
        text.map((question) => ({ question })),
      ),
    },
    { requiredKeys: ['nodes', 'edges'] },
  );
  return fc.record({
    title: text,
    description: optional(text),
    aspect: optional(fc.constantFrom(...SCREEN_SHAPES, 'none' as const)),
    ids: each(optional(ID), counts.nodes),
    nodes: each(
      fc.record({
        label: optional(text),
        icon: optional(fc.oneof(fc.constantFrom(...ICONS), text)),
        iconPlacement: optional(
          fc.constantFrom('above' as const, 'beside' as const, 'only' as const),
        ),
        iconSize: optional(fc.constantFrom(8, 20, 48.5, 256, 0, 1000)),
        description: optional(text),
        details: optional(text),
        link: optional(fc.constantFrom('https://example.com/a b', 'http://x.io', 'ftp://x')),
        classes: fc.array(CLASS, { maxLength: 3 }),
        style,
      }),
      counts.nodes,
    ),
    edges: each(
      fc.record({
        line: fc.constantFrom(...LINE_STYLES),
        start: fc.constantFrom(...ARROW_HEADS),
        end: fc.constantFrom(...ARROW_HEADS),
        minLength: fc.integer({ min: 1, max: 3 }),
        id: optional(fc.constantFrom('watch', 'e1', 'n0->n1', 'n1->n0#2', 'a b')),
        label: optional(text),
        classes: fc.array(CLASS, { maxLength: 2 }),
        style,
      }),
      counts.edges,
    ),
    classDefs: fc.dictionary(CLASS, style, { maxKeys: 3 }),
    flows: fc.array(
      fc.record({
        id: fc.constantFrom('main', 'boot', 'x y', '1'),
        title: optional(text),
        description: optional(text),
        steps: fc.array(step, { maxLength: 4 }),
      }),
      { maxLength: 2 },
    ),
  });
}

type Extras = ReturnType<typeof extras> extends fc.Arbitrary<infer T> ? T : never;

/**
 * Random models for the spec round trip: the layout's nested graphs
 * (`arbitraryModel`) with every field a spec can write, text YAML reads as
 * something else, and what a spec can't take as it is (ids like `odd-`,
 * undefined classes, `strokeWidth: 0`, ftp links, trailing spaces).
 */
export function arbitrarySpecModel(maxNodes = 10): fc.Arbitrary<Model> {
  return arbitraryModel(maxNodes).chain((base) =>
    extras({ nodes: base.nodes.length, edges: base.edges.length }).map((extra) =>
      decorate(base, extra),
    ),
  );
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function decorate(base: Model, extra: Extras): Model {
  // Swap in the drawn ids, keeping them unique; `n3` stays where none was drawn.
  const taken = new Set<string>();
  const idOf = new Map<string, string>();
  base.nodes.forEach((node, index) => {
    const drawn = extra.ids[index];
    const id = drawn !== undefined && !taken.has(drawn) ? drawn : node.id;
    taken.add(id);
    idOf.set(node.id, id);
  });
  const rename = (id: string) => idOf.get(id) ?? id;
  const nodes = base.nodes.map((node, index) => {
    const more = extra.nodes[index];
    return {
      ...node,
      id: rename(node.id),
      parent: node.parent === null ? null : rename(node.parent),
      ...(more?.label === undefined ? {} : { label: more.label }),
      ...(more?.icon === undefined ? {} : { icon: more.icon }),
      ...(more?.icon === undefined || more.iconPlacement === undefined
        ? {}
        : { iconPlacement: more.iconPlacement }),
      ...(more?.icon === undefined || more.iconSize === undefined
        ? {}
        : { iconSize: more.iconSize }),
      ...(more?.description === undefined ? {} : { description: more.description }),
      ...(more?.details === undefined ? {} : { details: more.details }),
      ...(more?.link === undefined ? {} : { link: more.link }),
      classes: more?.classes ?? [],
      style: more?.style ?? {},
    };
  });
  const explicit = new Set<string>();
  const edges = base.edges.map((edge, index): ModelEdge => {
    const more = extra.edges[index];
    const source = rename(edge.source);
    const target = rename(edge.target);
    const suffix = edge.id.slice(`${edge.source}->${edge.target}`.length);
    const wanted = more?.id;
    const id =
      wanted !== undefined && !explicit.has(wanted) ? wanted : `${source}->${target}${suffix}`;
    explicit.add(id);
    return {
      ...edge,
      id,
      source,
      target,
      ...(more?.label === undefined ? {} : { label: more.label }),
      line: more?.line ?? edge.line,
      arrows: more ? { start: more.start, end: more.end } : edge.arrows,
      minLength: more?.minLength ?? 1,
      classes: more?.classes ?? [],
      style: more?.style ?? {},
    };
  });
  // Explicit ids may have taken an automatic one; a model's edge ids are unique.
  const seen = new Set<string>();
  const uniqueEdges = edges.filter((edge) => !seen.has(edge.id) && seen.add(edge.id));
  const pickNodes = (picks: number[] | undefined) =>
    picks && nodes.length > 0
      ? unique(picks.map((n) => nodes[n % nodes.length]?.id ?? ''))
      : undefined;
  const pickEdges = (picks: number[] | undefined) =>
    picks && uniqueEdges.length > 0
      ? unique(picks.map((n) => uniqueEdges[n % uniqueEdges.length]?.id ?? ''))
      : [];
  const flowIds = new Set<string>();
  const flows = extra.flows
    .filter((flow) => !flowIds.has(flow.id) && flowIds.add(flow.id))
    .map((flow) => ({
      id: flow.id,
      title: flow.title ?? flow.id,
      ...(flow.description === undefined ? {} : { description: flow.description }),
      steps: flow.steps.map((step): FlowStep => {
        const lists = STEP_LISTS.flatMap((key) => {
          const picked = pickNodes(step[key]);
          return picked === undefined ? [] : [[key, picked] as const];
        });
        return {
          ...(step.caption === undefined ? {} : { caption: step.caption }),
          ...(step.notes === undefined ? {} : { notes: step.notes }),
          nodes: pickNodes(step.nodes) ?? [],
          edges: pickEdges(step.edges),
          ...Object.fromEntries(lists),
          ...(step.duration === undefined ? {} : { duration: step.duration }),
          ...(step.ask === undefined ? {} : { ask: step.ask }),
        };
      }),
    }));
  return {
    ...base,
    title: extra.title,
    ...(extra.description === undefined ? {} : { description: extra.description }),
    ...(extra.aspect === undefined ? {} : { aspect: extra.aspect }),
    nodes,
    edges: uniqueEdges,
    flows,
    classDefs: extra.classDefs,
  };
}
