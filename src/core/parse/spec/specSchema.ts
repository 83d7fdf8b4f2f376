/**
 * The structure of a Flowdeck YAML spec, as one zod schema. It validates
 * parsed YAML and is turned into the JSON Schema editors use
 * (`specJsonSchema`), so every field carries the description shown on hover.
 * Cross-references (does this id exist?) are checked after it, in the readers.
 */
import { z } from 'zod';
import { ICON_SIZE } from '../../icons/iconName.ts';
import type { IconPlacement } from '../../icons/types.ts';
import { SCREEN_SHAPES } from '../../model/screenShape.ts';
import { ARROW_HEADS, LINE_STYLES, SHAPES } from '../../model/types.ts';
import { EDGE_EXPRESSION_SOURCE, ID_PATTERN } from './edgeExpression.ts';

/** Accepted `direction` values: ours, then Mermaid's. */
export const DIRECTIONS = ['down', 'right', 'up', 'left', 'TB', 'TD', 'LR', 'BT', 'RL'] as const;

// Both read after "`value` is …", in our messages and in the editor's.
const ID_MESSAGE =
  'not a valid id: use letters, digits and `_`, with single `-` or `.` inside (`kube-proxy`, `node1`, `노드`)';
const EDGE_MESSAGE =
  'not an edge: write `source -> target` (or `--`, `<->`, `..>`, `..`, `<..>`, `=>`, `==`, `<=>`)';

const idKey = z
  .string()
  .regex(ID_PATTERN, { error: ID_MESSAGE })
  .meta({ patternErrorMessage: ID_MESSAGE });

const edgeExpression = z
  .string()
  .regex(new RegExp(EDGE_EXPRESSION_SOURCE, 'u'), { error: EDGE_MESSAGE })
  .meta({ patternErrorMessage: EDGE_MESSAGE });

/** `direction` of the diagram or a group; `toDirection` normalises it. */
export const DirectionSchema = z
  .enum(DIRECTIONS)
  .describe('Layout direction: down, right, up or left (Mermaid TB/TD, LR, BT, RL also work).');

/** `aspect` of the diagram: the screen shape it is laid out for, or `none` for as written. */
export const AspectSchema = z
  .enum([...SCREEN_SHAPES, 'none'])
  .describe(
    'The screen shape to lay the diagram out for (16:9, 4:3, 1:1, 3:4, 9:16), on every screen; none keeps the layout as written. Without it, the shape of the screen it is shown on.',
  );

/** A node `shape`: one of the model's SHAPES. */
export const ShapeSchema = z.enum(SHAPES).describe('How the node is drawn.');

/** `style` of a node, an edge or a class. */
export const StyleSchema = z
  .strictObject({
    fill: z.string().describe('Background colour (any CSS colour).').optional(),
    stroke: z.string().describe('Border or line colour (any CSS colour).').optional(),
    color: z.string().describe('Text colour (any CSS colour).').optional(),
    strokeWidth: z.number().positive().describe('Border or line width in pixels.').optional(),
    strokeDasharray: z
      .string()
      .describe('SVG dash pattern for the border or line, e.g. "4 2".')
      .optional(),
  })
  .meta({ id: 'style', description: 'Visual overrides, applied on top of classes.' });

/** `placement` of an icon. */
export const ICON_PLACEMENTS = ['above', 'beside', 'only'] as const satisfies IconPlacement[];

const iconName = z
  .string()
  .describe(
    'An icon from the bundled sets, `set:name`: `logos:kubernetes`, `simple-icons:containerd`, `mdi:database`, `fa6-solid:user`.',
  );

/** `icon` of a node or group: a name, or a name with where it goes and how big. */
export const IconSchema = z
  .union([
    iconName,
    z
      .strictObject({
        name: iconName,
        placement: z
          .enum(ICON_PLACEMENTS)
          .describe(
            "above the label (default), beside it (before a group's title), or only the icon (the label becomes its tooltip).",
          )
          .optional(),
        size: z
          .number()
          .min(ICON_SIZE.min)
          .max(ICON_SIZE.max)
          .describe('Height in px (default 32 above, 20 beside, 48 alone).')
          .optional(),
      })
      .describe('An icon with its placement and size.'),
  ])
  .meta({
    id: 'icon',
    description:
      'An icon drawn with the label: `set:name` (`logos:kubernetes`), or { name, placement, size }.',
  });

const classRef = z.string().describe('Name of a class from the top-level `classes` map.');
const classFields = {
  class: classRef.optional(),
  classes: z.array(classRef).describe('Several classes, applied in order.').optional(),
  style: StyleSchema.describe(
    'Overrides for this one: fill, stroke, color, strokeWidth, strokeDasharray.',
  ).optional(),
};

/** A node's fields; `nodes` makes it a group. */
export const NodeSchema: z.ZodType = z
  .strictObject({
    label: z
      .string()
      .describe('Text shown in the node; "\\n" breaks lines. Defaults to the id.')
      .optional(),
    shape: ShapeSchema.optional(),
    icon: IconSchema.describe(
      'An icon drawn with the label (a group: before its title): `logos:kubernetes`, or { name, placement, size }.',
    ).optional(),
    description: z.string().describe('One-line summary shown on hover.').optional(),
    details: z.string().describe('Short markdown shown when the node is opened.').optional(),
    link: z.string().describe('An http(s) URL opened from the node.').optional(),
    direction: DirectionSchema.describe(
      "A group's own layout direction (only for nodes with `nodes`).",
    ).optional(),
    ...classFields,
    get nodes() {
      return NodeMapSchema.describe(
        'Child nodes. Having this key makes the node a group; groups nest to any depth.',
      ).optional();
    },
  })
  .meta({ id: 'node', description: 'A node, or a group when it has `nodes`.' });

/** `id → node`; a string value is just the label, an empty value a node labelled with its id. */
export const NodeMapSchema: z.ZodType = z
  .record(
    idKey.describe('Node id, unique across the whole diagram.'),
    z
      .union([
        z.string().describe('The node label.'),
        z.null().describe('A node labelled with its id.'),
        NodeSchema,
      ])
      .meta({ id: 'nodeValue', description: 'A label, nothing, or a map of node fields.' }),
  )
  .meta({ id: 'nodes', description: 'Nodes by id. A string value is just the label.' });

/** `arrows` of an edge: a named placement, or a head per end. */
export const ArrowsSchema = z
  .union([
    z
      .enum(['none', 'end', 'start', 'both'])
      .describe('Where arrowheads go: none, end (default), start or both.'),
    z
      .strictObject({
        start: z.enum(ARROW_HEADS).describe('Head at the source end.').optional(),
        end: z.enum(ARROW_HEADS).describe('Head at the target end.').optional(),
      })
      .describe('Heads per end: none, arrow, circle or cross.'),
  ])
  .meta({ id: 'arrows', description: 'Arrowheads; overrides what the edge expression says.' });

/** `line` of an edge. */
export const LineSchema = z
  .enum(LINE_STYLES)
  .describe('Line style: solid, dashed, thick or invisible; overrides the edge expression.');

const edgeOptionFields = {
  id: z
    .string()
    .min(1)
    .describe('Explicit edge id for flows to refer to. Defaults to `source->target`.')
    .optional(),
  label: z.string().describe('Text on the edge.').optional(),
  line: LineSchema.optional(),
  arrows: ArrowsSchema.describe(
    'Arrowheads: none, end, start, both, or { start, end } with none, arrow, circle or cross.',
  ).optional(),
  minLength: z
    .number()
    .int()
    .min(1)
    .describe('Ranks the edge spans at least (1 by default; longer pushes nodes apart).')
    .optional(),
  ...classFields,
};

/** The options map after an edge expression (`a -> b: { … }`). */
export const EdgeOptionsSchema = z
  .strictObject(edgeOptionFields)
  .meta({ id: 'edgeOptions', description: 'Edge options.' });

const edgeObject = z
  .strictObject({
    from: z.string().describe('Source node or group id.'),
    to: z.string().describe('Target node or group id.'),
    ...edgeOptionFields,
  })
  .describe('An edge written out field by field.');

const edgeMap = z
  .record(
    edgeExpression.describe('Edge expression such as `a -> b`.'),
    z.union([
      z.string().describe('The edge label.'),
      z.null().describe('No label.'),
      EdgeOptionsSchema,
    ]),
  )
  .refine((value) => Object.keys(value).length === 1, {
    error: 'write one edge per list item: `- a -> b: label`',
  })
  .meta({
    minProperties: 1,
    maxProperties: 1,
    description: '`a -> b: label` or `a -> b: { options }`.',
  });

/** One item of `edges`: an expression, `expression: label|options`, or `{ from, to, … }`. */
export const EdgeSchema = z
  .union([edgeExpression.describe('`a -> b`: an edge with no label.'), edgeMap, edgeObject])
  .meta({ id: 'edge', description: 'An edge: `a -> b`, `a -> b: label`, or a map of fields.' });

const idList = (what: string, item: string) =>
  z
    .union([z.array(z.string().describe(item)), z.string().describe(item)])
    .describe(`${what} A list, or one id.`)
    .optional();
const NODE_ID = 'A node or group id.';
/**
 * Characters (UTF-16 units) of a step's `ask` question; a longer one is
 * shortened. The classroom protocol's `MAX_PROMPT`, so it is sent whole.
 */
export const MAX_QUESTION_LENGTH = 200;

/** One step of a flow. */
export const StepSchema = z
  .strictObject({
    caption: z.string().describe('What this step shows, in a sentence.').optional(),
    notes: z.string().describe('Speaker notes.').optional(),
    nodes: idList('Nodes this step is about.', NODE_ID),
    edges: idList('Edges this step travels.', 'An edge id, or `a -> b` for the edge between them.'),
    focus: idList('Nodes to zoom to.', NODE_ID),
    show: idList('Nodes that appear from this step on.', NODE_ID),
    hide: idList('Nodes that disappear from this step on.', NODE_ID),
    fail: idList('Nodes drawn as failed.', NODE_ID),
    heal: idList('Failed nodes drawn as recovered.', NODE_ID),
    duration: z.number().positive().describe('Seconds before auto-advancing.').optional(),
    ask: z
      .union([
        z.boolean().describe("true: ask in the app's own words; false: don't ask."),
        z.string().describe(`The question, at most ${MAX_QUESTION_LENGTH} characters.`),
      ])
      .describe(
        'Ask the class what comes next: in a live session (`flowdeck serve`) students see this step and tap the node they think the next step brings in. Not on the last step.',
      )
      .optional(),
  })
  .meta({ id: 'step', description: 'One step of a flow.' });

/** One item of `flows`. */
export const FlowSchema = z
  .strictObject({
    id: idKey.describe('Flow id, unique in the diagram.'),
    title: z.string().describe('Shown in the flow picker. Defaults to the id.').optional(),
    description: z.string().describe('What the flow walks through.').optional(),
    steps: z.array(StepSchema).describe('The steps, in order.'),
  })
  .meta({ id: 'flow', description: 'A named, ordered walk through the diagram.' });

/** The whole spec file. */
export const SpecSchema = z
  .strictObject({
    title: z.string().describe('Diagram title. Defaults to the file name.').optional(),
    description: z.string().describe('What the diagram shows.').optional(),
    direction: DirectionSchema.optional(),
    aspect: AspectSchema.optional(),
    classes: z
      .record(idKey.describe('Class name.'), StyleSchema)
      .describe('Named styles for nodes and edges to use with `class` / `classes`.')
      .optional(),
    nodes: NodeMapSchema.describe(
      'Nodes by id. A string value is just the label; a node with `nodes` is a group.',
    ).optional(),
    edges: z.array(EdgeSchema).describe('Edges between nodes or groups.').optional(),
    flows: z
      .array(FlowSchema)
      .describe('Named walks through the diagram, step by step.')
      .optional(),
    mermaid: z
      .string()
      .describe(
        'A Mermaid flowchart used instead of (or patched by) `nodes` and `edges`, so flows can be added to it.',
      )
      .optional(),
  })
  .meta({
    title: 'Flowdeck diagram',
    description: 'A Flowdeck diagram spec: nodes, edges and flows.',
  });

/** Valid `direction` values, normalised to ours. */
export function toDirection(value: (typeof DIRECTIONS)[number]): 'down' | 'right' | 'up' | 'left' {
  switch (value) {
    case 'TB':
    case 'TD':
      return 'down';
    case 'LR':
      return 'right';
    case 'BT':
      return 'up';
    case 'RL':
      return 'left';
    default:
      return value;
  }
}
