import { defaultFlow } from '../animate/defaultFlow.ts';
import type { ParseResult } from '../model/types.ts';
import { diagramId, MERMAID_EXTENSIONS, SPEC_EXTENSIONS } from './files.ts';
import { checkFileSize, checkModelLimits, DEFAULT_LIMITS, type Limits } from './limits.ts';
import { importMermaid } from './mermaid/importMermaid.ts';
import { parseSpec } from './spec/parseSpec.ts';

/**
 * Parses a diagram file of either format into the canonical model. The
 * extension decides the format; text without a known extension is read as
 * Mermaid when it starts like a flowchart, else as a spec.
 *
 * A Mermaid file gets a default flow, `main`, that walks its edges and
 * lights every node (`defaultFlow()`, captions like `kubectl → API Server:
 * HTTPS 요청`); a spec's flows are only the ones it writes, even when it
 * embeds a chart under `mermaid:`.
 *
 * Every diagram passes the limits here (`limits.ts`, `DEFAULT_LIMITS` unless
 * `options.limits` raises or lowers some): a file too big is not parsed at
 * all, and a model with too many nodes or edges, or groups nested too deep,
 * comes with an error, so nothing lays it out.
 *
 * @example parseDiagram('flowchart LR\n  a --> b', { file: 'diagrams/demo.mmd' })
 */
export function parseDiagram(
  text: string,
  options: { file: string; limits?: Partial<Limits> | undefined },
): ParseResult {
  const { file } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const tooBig = checkFileSize(text, limits, file);
  if (tooBig) return { model: null, diagnostics: [tooBig] };
  const lower = file.toLowerCase();
  const parseOptions = { id: diagramId(file), file };
  const mermaid =
    MERMAID_EXTENSIONS.some((ext) => lower.endsWith(ext)) ||
    (!SPEC_EXTENSIONS.some((ext) => lower.endsWith(ext)) && looksLikeMermaid(text));
  const result = mermaid
    ? withDefaultFlow(importMermaid(text, parseOptions))
    : parseSpec(text, parseOptions);
  if (!result.model) return result;
  const checked = checkModelLimits(result.model, limits, file);
  if (checked.diagnostics.length === 0) return result;
  return { model: checked.model, diagnostics: [...result.diagnostics, ...checked.diagnostics] };
}

function withDefaultFlow(result: ParseResult): ParseResult {
  const { model } = result;
  if (!model || model.flows.length > 0) return result;
  const flow = defaultFlow(model);
  return flow ? { ...result, model: { ...model, flows: [flow] } } : result;
}

function looksLikeMermaid(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '').replace(/^---\n[\s\S]*?\n---\n/, '');
  return /^\s*(%%[^\n]*\n\s*)*(flowchart|graph)\b/.test(body);
}
