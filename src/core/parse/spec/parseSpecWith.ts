import type { Diagnostic, Model, ParseOptions, ParseResult, SourcePos } from '../../model/types.ts';
import { embeddedOffsets } from './embeddedOffsets.ts';
import { readClasses } from './readClasses.ts';
import { readEdges } from './readEdges.ts';
import { readFlows } from './readFlows.ts';
import { readNodes } from './readNodes.ts';
import { field, isRawMap, pick, type RawMap, text } from './readValue.ts';
import { readYaml, type YamlSource } from './readYaml.ts';
import { describeValue, formatPath, type Locate, type SpecIssue } from './specIssue.ts';
import { AspectSchema, DirectionSchema, SpecSchema, toDirection } from './specSchema.ts';
import { translateIssues } from './translateIssues.ts';
import { unusedClassWarnings } from './unusedClassWarnings.ts';

/** The Mermaid importer, passed in so the merge can be tested on its own. */
export interface SpecDependencies {
  importMermaid: (text: string, options: ParseOptions) => ParseResult;
}

/** Positions as the caller counts them, for a spec embedded in a larger file. */
function shifter(options: ParseOptions): (pos: SourcePos) => SourcePos {
  const lines = options.lineOffset ?? 0;
  const cols = options.colOffset ?? 0;
  return (pos) => ({ line: pos.line + lines, col: pos.col + cols });
}

function toDiagnostic(issue: SpecIssue, locate: Locate, options: ParseOptions): Diagnostic {
  const pos = issue.pos ? shifter(options)(issue.pos) : locate(issue.path, issue.at, issue.offset);
  const path = formatPath(issue.path);
  return {
    severity: issue.severity,
    message: issue.message,
    ...(options.file === undefined ? {} : { file: options.file }),
    line: pos.line,
    col: pos.col,
    ...(path === '' ? {} : { path }),
    ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }),
  };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col;
}

function importEmbedded(
  spec: RawMap,
  source: YamlSource,
  text: string,
  options: ParseOptions,
  deps: SpecDependencies,
): ParseResult | undefined {
  const mermaid = field(spec, 'mermaid');
  if (mermaid === undefined) return undefined;
  if (typeof mermaid !== 'string') return { model: null, diagnostics: [] };
  const offsets = embeddedOffsets(source.doc, source.lineCounter, text, ['mermaid']);
  const lineOffset = offsets.lineOffset + (options.lineOffset ?? 0);
  const colOffset = offsets.colOffset + (options.colOffset ?? 0);
  const result = deps.importMermaid(mermaid, {
    id: options.id,
    ...(options.file === undefined ? {} : { file: options.file }),
    lineOffset,
    colOffset,
  });
  if (offsets.exact) return result;
  // A folded string: a column past its first line would point past the end
  // of a line in the file, so everything points at the string's start.
  const start = { line: lineOffset + 1, col: colOffset + 1 };
  return {
    model: result.model && {
      ...result.model,
      nodes: result.model.nodes.map((node) => (node.pos ? { ...node, pos: start } : node)),
      edges: result.model.edges.map((edge) => (edge.pos ? { ...edge, pos: start } : edge)),
    },
    diagnostics: result.diagnostics.map((d) => ({ ...d, ...start })),
  };
}

function buildModel(spec: RawMap, base: Model | null, options: ParseOptions, locate: Locate) {
  const classDefs = readClasses(field(spec, 'classes'), base?.classDefs ?? {});
  const classNames = new Set(Object.keys(classDefs));
  const nodes = readNodes({
    raw: field(spec, 'nodes'),
    base: base?.nodes ?? [],
    classNames,
    locate,
  });
  const nodeIds = new Set(nodes.nodes.map((node) => node.id));
  const edges = readEdges({
    raw: field(spec, 'edges'),
    base: base?.edges ?? [],
    nodeIds,
    classNames,
    locate,
  });
  const flows = readFlows(field(spec, 'flows'), {
    nodeIds,
    edges: edges.edges,
    dropped: edges.dropped,
    locate,
  });
  const direction = pick(DirectionSchema, field(spec, 'direction'));
  const aspect = pick(AspectSchema, field(spec, 'aspect'));
  const description = text(field(spec, 'description')) ?? base?.description;
  const model: Model = {
    ...base,
    id: options.id,
    title: text(field(spec, 'title')) ?? base?.title ?? options.id,
    ...(description === undefined ? {} : { description }),
    direction: direction ? toDirection(direction) : (base?.direction ?? 'down'),
    ...(aspect === undefined ? {} : { aspect }),
    nodes: nodes.nodes,
    edges: edges.edges,
    flows: [...(base?.flows ?? []), ...flows.flows],
    classDefs,
    source: 'yaml',
  };
  const issues = [
    ...nodes.issues,
    ...edges.issues,
    ...flows.issues,
    ...unusedClassWarnings(field(spec, 'classes'), model),
  ];
  if (model.nodes.length === 0) {
    issues.push({
      severity: 'warning',
      message: 'the diagram has no nodes: add `nodes:` or `mermaid:`',
      path: [],
    });
  }
  return { model, issues };
}

function parseOrThrow(text: string, options: ParseOptions, deps: SpecDependencies): ParseResult {
  const source = readYaml(text);
  const shift = shifter(options);
  const locate: Locate = (path, at, offset) => shift(source.locate(path, at, offset));
  const finish = (
    model: Model | null,
    issues: SpecIssue[],
    extra: Diagnostic[] = [],
  ): ParseResult => ({
    model,
    diagnostics: [...issues.map((issue) => toDiagnostic(issue, locate, options)), ...extra].sort(
      byPosition,
    ),
  });
  if (source.broken) return finish(null, source.issues);
  const data = source.data ?? {};
  if (!isRawMap(data)) {
    const message = `a spec is a map with keys such as \`nodes:\` and \`edges:\`, not ${describeValue(data)}`;
    return finish(null, [...source.issues, { severity: 'error', message, path: [] }]);
  }
  const checked = SpecSchema.safeParse(data);
  const issues = [
    ...source.issues,
    ...(checked.success ? [] : translateIssues(checked.error.issues, data, SpecSchema)),
  ];
  const imported = importEmbedded(data, source, text, options, deps);
  // Without the chart, patches would turn into new nodes and every edge to a
  // chart node into an error; its own diagnostics say what to fix.
  if (imported && !imported.model) return finish(null, issues, imported.diagnostics);
  const built = buildModel(data, imported?.model ?? null, options, locate);
  return finish(built.model, [...issues, ...built.issues], imported?.diagnostics);
}

/**
 * `parseSpec` with the Mermaid importer passed in. Never throws: anything
 * unexpected becomes an error diagnostic at 1:1.
 *
 * @example parseSpecWith('nodes: { a: A }', { id: 'x' }, { importMermaid }).model?.nodes[0]?.label // 'A'
 */
export function parseSpecWith(
  text: string,
  options: ParseOptions,
  deps: SpecDependencies,
): ParseResult {
  try {
    return parseOrThrow(text, options, deps);
  } catch (error) {
    const at = shifter(options)({ line: 1, col: 1 });
    return {
      model: null,
      diagnostics: [
        {
          severity: 'error',
          message: `internal error while reading the spec: ${error instanceof Error ? error.message : String(error)}`,
          ...(options.file === undefined ? {} : { file: options.file }),
          ...at,
        },
      ],
    };
  }
}
