/**
 * Completion for the editor. In a YAML spec: the keys the schema allows
 * where the cursor is, the values of its enums (shapes, directions, line
 * styles, arrows) and node ids where a node is named (edge ends, a step's
 * node lists). In Mermaid: statement keywords, directions and node ids.
 *
 * Keys and enums come from the JSON Schema the spec's zod schema generates
 * (`public/schema/flowdeck.schema.json`, kept equal to it by a test), so
 * there is no second list to keep, and zod stays out of the editor's chunk.
 */
import type { Completion, CompletionContext, CompletionSource } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { Text } from '@codemirror/state';
import schemaJson from '../../../public/schema/flowdeck.schema.json';
import { MERMAID_DIRECTIONS, MERMAID_KEYWORDS } from './mermaidLanguage.ts';
import { type YamlPath, yamlContextAt } from './yamlContext.ts';

interface JsonSchema {
  $ref?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  type?: string | string[];
  description?: string;
  definitions?: Record<string, JsonSchema>;
}

const ROOT = schemaJson as JsonSchema;

/** A schema and everything it stands for through `$ref`, `allOf`, `anyOf` and `oneOf`. */
function expand(schema: JsonSchema, depth = 0): JsonSchema[] {
  if (depth > 16) return [];
  const out = [schema];
  const ref = schema.$ref?.replace(/^#\/definitions\//, '');
  const target = ref === undefined ? undefined : ROOT.definitions?.[ref];
  if (target) out.push(...expand(target, depth + 1));
  for (const list of [schema.allOf, schema.anyOf, schema.oneOf])
    for (const item of list ?? []) out.push(...expand(item, depth + 1));
  return out;
}

function schemasAt(path: YamlPath): JsonSchema[] {
  let current = expand(ROOT);
  for (const segment of path) {
    current = current.flatMap((schema) => {
      const extra =
        typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      const next =
        typeof segment === 'number'
          ? schema.items
          : Object.hasOwn(schema.properties ?? {}, segment)
            ? schema.properties?.[segment]
            : extra;
      return next ? expand(next) : [];
    });
  }
  return current;
}

/** The keys the spec allows in the map at `path`, with their descriptions. */
export function specKeysAt(path: YamlPath): Map<string, string> {
  const keys = new Map<string, string>();
  for (const schema of schemasAt(path)) {
    for (const [key, value] of Object.entries(schema.properties ?? {})) {
      const description = expand(value).find((s) => s.description)?.description ?? '';
      if (!keys.has(key)) keys.set(key, description);
    }
  }
  return keys;
}

/** The values the spec's enums allow at `path` (a shape, a direction…), and `true`/`false`. */
export function specValuesAt(path: YamlPath): string[] {
  const values = schemasAt(path).flatMap((s) =>
    s.type === 'boolean' ? ['true', 'false'] : (s.enum ?? []),
  );
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))];
}

/** A step's fields that list nodes (or, for `edges`, `a -> b` between nodes). */
export const STEP_NODE_FIELDS = ['nodes', 'edges', 'focus', 'show', 'hide', 'fail', 'heal'];

/** Whether the value at `path` names a node: an edge's ends, a step's lists. */
export function namesNode(path: YamlPath): boolean {
  const [first, , third, , fifth] = path;
  if (first === 'edges') {
    return path.length === 2 || (path.length === 3 && (path[2] === 'from' || path[2] === 'to'));
  }
  return (
    first === 'flows' &&
    third === 'steps' &&
    typeof fifth === 'string' &&
    STEP_NODE_FIELDS.includes(fifth) &&
    (path.length === 5 || (path.length === 6 && path[5] === 0))
  );
}

const ID_BEFORE = /[\p{L}\p{N}_]+(?:[-.][\p{L}\p{N}_]+)*[-.]?$/u;
const VALID = /^[\p{L}\p{N}_.-]*$/u;

/** Nothing typed yet: offer only right after a space, `[` or `,`, or when asked (Ctrl-Space). */
function mayOfferEmpty(context: CompletionContext): boolean {
  if (context.explicit) return true;
  const before = context.state.sliceDoc(Math.max(0, context.pos - 1), context.pos);
  return /[\s[,]/.test(before);
}

function idOptions(ids: readonly string[]): Completion[] {
  return [...new Set(ids)].map((id) => ({ label: id, type: 'variable' }));
}

/** Keys whose value has completions too (`shape`, `from`…): picking one asks for those next. */
const leadsToValues = new WeakSet<Completion>();

/** For `autocompletion({ activateOnCompletion })`. */
export function completesFurther(completion: Completion): boolean {
  return leadsToValues.has(completion);
}

function keyOption(key: string, info: string, path: YamlPath, colonFollows: boolean): Completion {
  const option: Completion = {
    label: key,
    type: 'property',
    info,
    apply: colonFollows ? key : `${key}: `,
  };
  const valuePath = [...path, key];
  if (!colonFollows && (specValuesAt(valuePath).length > 0 || namesNode(valuePath)))
    leadsToValues.add(option);
  return option;
}

/** How far up completion looks for the keys around the cursor. */
const MAX_LINES_UP = 20_000;

/**
 * The lines above line `number` that can enclose it: up to and including
 * the nearest one that starts at column 0 (a top-level key ends the path;
 * blank lines, comments and document markers do not). Null past
 * `MAX_LINES_UP`, so a keystroke in a huge paste costs little, not a walk
 * over the whole text.
 */
function enclosingLines(doc: Text, number: number): string[] | null {
  const above: string[] = [];
  for (let n = number - 1; n >= 1; n--) {
    if (above.length >= MAX_LINES_UP) return null;
    const text = doc.line(n).text;
    above.push(text);
    if (/^[^\s#]/.test(text) && !/^(?:---|\.\.\.)(?:\s|$)/.test(text)) break;
  }
  return above.reverse();
}

/** Completion in a YAML spec; `nodeIds` gives the current model's node ids. */
export function specCompletionSource(nodeIds: () => readonly string[]): CompletionSource {
  return (context) => {
    const inner = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (/Comment|QuotedLiteral|BlockLiteral/.test(inner.name)) return null;
    const line = context.state.doc.lineAt(context.pos);
    const above = enclosingLines(context.state.doc, line.number);
    if (!above) return null;
    const where = yamlContextAt(above, line.text.slice(0, context.pos - line.from));
    if (!where) return null;

    const options: Completion[] = [];
    let word = where.typed;
    if (where.slot !== 'value') {
      const after = context.state.sliceDoc(context.pos, context.pos + 1);
      for (const [key, info] of specKeysAt(where.path)) {
        options.push(keyOption(key, info, where.path, after === ':'));
      }
    }
    if (where.slot !== 'key') {
      for (const value of specValuesAt(where.path)) options.push({ label: value, type: 'enum' });
      if (namesNode(where.path)) {
        // In `a -> b` only the id being typed is replaced.
        word = ID_BEFORE.exec(where.typed)?.[0] ?? '';
        if (word === '' && where.typed !== '' && !/[\s[,]$/.test(where.typed)) return null;
        options.push(...idOptions(nodeIds()));
      }
    }
    if (!VALID.test(word) || options.length === 0) return null;
    if (word === '' && !mayOfferEmpty(context)) return null;
    return { from: context.pos - word.length, options, validFor: VALID };
  };
}

/** Completion in a Mermaid flowchart: keywords at a line's start, directions, node ids. */
export function mermaidCompletionSource(nodeIds: () => readonly string[]): CompletionSource {
  return (context) => {
    const inner = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (/string|comment|meta/.test(inner.name)) return null;
    const word = context.matchBefore(/[\p{L}\p{N}_]+(?:[-.][\p{L}\p{N}_]+)*/u);
    const from = word ? word.from : context.pos;
    if (!word && !context.explicit) return null;
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, from - line.from);
    if (/^\s*(?:flowchart|graph|direction)\s+$/.test(before)) {
      return { from, options: MERMAID_DIRECTIONS.map((d) => ({ label: d, type: 'keyword' })) };
    }
    const options = idOptions(nodeIds());
    if (/^\s*$/.test(before)) {
      options.push(...MERMAID_KEYWORDS.map((k) => ({ label: k, type: 'keyword' })));
    }
    return { from, options, validFor: VALID };
  };
}
