import { ICON_SIZE, iconNameProblem } from '../icons/iconName.ts';
import type { Flow, FlowStep, Model, ModelEdge, ModelNode, Style } from '../model/types.ts';
import { nestingOrder, renameEdgeIds, renames } from './specNames.ts';

/** A model as a spec states it, and what had to change to get there. */
export interface FittedModel {
  model: Model;
  /** One plain-English sentence per change; empty when the spec says it all. */
  notes: string[];
}

const TRAILING_SPACE = /\s+$/u;
const SAFE_LINK = /^https?:\/\//i;
const STEP_LISTS = ['focus', 'show', 'hide', 'fail', 'heal'] as const;

/** The renames and clean-ups shared by every part of the model, noting each change. */
interface Fit {
  note(text: string): void;
  nodeId(id: string): string;
  edgeId(id: string): string;
  flowId(id: string): string;
  className(name: string): string;
  /** The text as the parser reads it back: without trailing whitespace. */
  text(value: string): string;
  style(value: Style, owner: string): Style;
  classes(names: readonly string[], owner: string): string[];
}

function optionalText<K extends string>(fit: Fit, key: K, value: string | undefined) {
  return value === undefined ? {} : ({ [key]: fit.text(value) } as Record<K, string>);
}

/**
 * Changes a model so that a Flowdeck YAML spec can state it exactly, and
 * says what changed. `toSpecYaml()` writes this model, so parsing its
 * output gives it back (source positions and the id aside).
 *
 * - Node ids, class names and flow ids a spec can't take (`**Two**`,
 *   `odd-`) get the nearest one it can (`Two`, `odd`); automatic edge ids
 *   (`odd-->b`) follow their ends.
 * - Nodes come in nesting order: siblings keep their order, but a node
 *   written between two members of a group moves after the group.
 * - A class used but never defined (Mermaid leaves those to outside CSS) is
 *   defined empty.
 * - Texts lose trailing whitespace; a `strokeWidth` that isn't positive, a
 *   link that isn't http(s), a leaf's `direction` and collapse marks (view
 *   state) are dropped; a class listed twice is listed once.
 * - An icon that is no `set:name` (with its placement and size), and an
 *   icon size outside the spec's bounds, are dropped: the parser warns
 *   about the one and rejects the other.
 * - `ask` on a flow's last step is dropped (the parser drops it too).
 * - A default flow (`defaultFlow()`) loses its `generated` mark, as view
 *   state: the spec writes it out like any flow, steps and title as they are.
 * - `source` becomes `yaml`; `accTitle` and `accDescr` go: a spec has no
 *   place for them, and their text is the title and description unless a
 *   front-matter title won (noted then).
 *
 * Expects a model as a parser gives it: unique ids, edge ends and parents that exist.
 *
 * @example fitToSpec(importMermaid('flowchart LR\n  odd- --> b', { id: 'x' }).model).notes
 *   // ['node id `odd-` is `odd` in the spec']
 */
export function fitToSpec(model: Model): FittedModel {
  const notes = new Set<string>();
  const used = [...model.nodes, ...model.edges].flatMap((item) => item.classes);
  const undefinedClasses = [...new Set(used)].filter(
    (name) => !Object.hasOwn(model.classDefs, name),
  );
  for (const name of undefinedClasses) {
    notes.add(`class \`${name}\` is used but not defined; it is defined empty`);
  }
  const fit = createFit(model, undefinedClasses, (text) => notes.add(text));
  const { accTitle, accDescr, ...rest } = model;
  if (accTitle !== undefined && accTitle !== model.title) {
    notes.add('`accTitle` differs from the title and is dropped');
  }
  if (accDescr !== undefined && accDescr !== model.description) {
    notes.add('`accDescr` differs from the description and is dropped');
  }
  const classDefs = Object.fromEntries([
    ...Object.entries(model.classDefs).map(([name, style]) => [
      fit.className(name),
      fit.style(style, `class \`${name}\``),
    ]),
    ...undefinedClasses.map((name) => [fit.className(name), {}]),
  ]);
  const fitted: Model = {
    ...rest,
    title: fit.text(model.title),
    ...optionalText(fit, 'description', model.description),
    nodes: fitNodes(model.nodes, fit),
    edges: model.edges.map((edge) => fitEdge(edge, fit)),
    flows: model.flows.map((flow) => fitFlow(flow, fit)),
    classDefs,
    source: 'yaml',
  };
  return { model: fitted, notes: [...notes] };
}

function createFit(
  model: Model,
  undefinedClasses: readonly string[],
  note: (text: string) => void,
): Fit {
  const nodeIds = renames(
    model.nodes.map((node) => node.id),
    'node',
  );
  const classNames = renames([...Object.keys(model.classDefs), ...undefinedClasses], 'class');
  const flowIds = renames(
    model.flows.map((flow) => flow.id),
    'flow',
  );
  for (const [from, to] of nodeIds) note(`node id \`${from}\` is \`${to}\` in the spec`);
  for (const [from, to] of classNames) note(`class \`${from}\` is \`${to}\` in the spec`);
  for (const [from, to] of flowIds) note(`flow id \`${from}\` is \`${to}\` in the spec`);
  const nodeId = (id: string) => nodeIds.get(id) ?? id;
  const edgeIds = renameEdgeIds(model.edges, nodeId);
  const className = (name: string) => classNames.get(name) ?? name;
  return {
    note,
    nodeId,
    edgeId: (id) => edgeIds.get(id) ?? id,
    flowId: (id) => flowIds.get(id) ?? id,
    className,
    text(value) {
      const trimmed = value.replace(TRAILING_SPACE, '');
      if (trimmed !== value) note('trailing spaces at the end of texts are dropped');
      return trimmed;
    },
    style(value, owner) {
      const { strokeWidth, ...rest } = value;
      if (strokeWidth === undefined || strokeWidth > 0) return { ...value };
      note(`${owner}: \`strokeWidth: ${strokeWidth}\` can't be written (it must be more than 0)`);
      return rest;
    },
    classes(names, owner) {
      const unique = [...new Set(names.map(className))];
      if (unique.length !== names.length) note(`${owner}: a class listed twice is listed once`);
      return unique;
    },
  };
}

function fitNodes(nodes: readonly ModelNode[], fit: Fit): ModelNode[] {
  const renamed = nodes.map((node): ModelNode => {
    const {
      collapsed: _collapsed,
      hiddenCount: _hidden,
      direction,
      link,
      icon: _icon,
      iconPlacement: _placement,
      iconSize: _size,
      ...rest
    } = node;
    const owner = `node \`${node.id}\``;
    if (node.collapsed) fit.note('collapsed groups are written expanded');
    const keepsDirection = direction !== undefined && node.kind === 'group';
    if (direction !== undefined && !keepsDirection) {
      fit.note(`${owner}: \`direction\` only applies to groups; dropped`);
    }
    const keepsLink = link !== undefined && SAFE_LINK.test(link);
    if (link !== undefined && !keepsLink)
      fit.note(`${owner}: only http(s) links are kept; dropped`);
    return {
      ...rest,
      id: fit.nodeId(node.id),
      parent: node.parent === null ? null : fit.nodeId(node.parent),
      label: fit.text(node.label),
      ...fitIcon(node, fit.note),
      ...optionalText(fit, 'description', node.description),
      ...optionalText(fit, 'details', node.details),
      classes: fit.classes(node.classes, owner),
      style: fit.style(node.style, owner),
      ...(keepsDirection ? { direction } : {}),
      ...(keepsLink ? optionalText(fit, 'link', link) : {}),
    };
  });
  const nested = nestingOrder(renamed);
  if (nested.some((node, index) => node !== renamed[index])) {
    fit.note(
      'nodes are written inside their groups, so a node listed between members of a group comes after it',
    );
  }
  return nested;
}

/** The icon as the spec reads it back: a name it takes, a size within bounds. */
function fitIcon(node: ModelNode, note: (text: string) => void): Partial<ModelNode> {
  const { icon, iconPlacement, iconSize } = node;
  if (icon === undefined) return {};
  if (iconNameProblem(icon) !== undefined) {
    note(`node \`${node.id}\`: an icon that is not \`set:name\` is dropped`);
    return {};
  }
  const sizeFits =
    iconSize === undefined || (iconSize >= ICON_SIZE.min && iconSize <= ICON_SIZE.max);
  if (!sizeFits)
    note(`node \`${node.id}\`: an icon size outside ${ICON_SIZE.min}–${ICON_SIZE.max} is dropped`);
  return {
    icon,
    ...(iconPlacement === undefined ? {} : { iconPlacement }),
    ...(iconSize === undefined || !sizeFits ? {} : { iconSize }),
  };
}

function fitEdge(edge: ModelEdge, fit: Fit): ModelEdge {
  const owner = `edge \`${edge.id}\``;
  return {
    ...edge,
    id: fit.edgeId(edge.id),
    source: fit.nodeId(edge.source),
    target: fit.nodeId(edge.target),
    ...optionalText(fit, 'label', edge.label),
    classes: fit.classes(edge.classes, owner),
    style: fit.style(edge.style, owner),
  };
}

function fitFlow({ generated: _generated, ...flow }: Flow, fit: Fit): Flow {
  return {
    ...flow,
    id: fit.flowId(flow.id),
    title: fit.text(flow.title),
    ...optionalText(fit, 'description', flow.description),
    steps: flow.steps.map(({ ask, ...step }, index): FlowStep => {
      const lists = STEP_LISTS.flatMap((key) => {
        const ids = step[key];
        return ids === undefined ? [] : [[key, ids.map(fit.nodeId)] as const];
      });
      const last = index === flow.steps.length - 1;
      if (ask && last) fit.note("`ask` on a flow's last step is dropped: there is no next step");
      const question = ask?.question === undefined ? '' : fit.text(ask.question);
      return {
        ...step,
        ...optionalText(fit, 'caption', step.caption),
        ...optionalText(fit, 'notes', step.notes),
        nodes: step.nodes.map(fit.nodeId),
        edges: step.edges.map(fit.edgeId),
        ...Object.fromEntries(lists),
        ...(ask && !last ? { ask: question === '' ? {} : { question } } : {}),
      };
    }),
  };
}
