import { defaultFlow } from '../animate/defaultFlow.ts';
import type { ParseResult } from '../model/types.ts';
import { diagramId, MERMAID_EXTENSIONS, SPEC_EXTENSIONS } from './files.ts';
import { importMermaid } from './mermaid/importMermaid.ts';
import { parseSpec } from './spec/parseSpec.ts';

/**
 * Parses a diagram file of either format into the canonical model. The
 * extension decides the format; text without a known extension is read as
 * Mermaid when it starts like a flowchart, else as a spec.
 *
 * A Mermaid file gets a default flow, `main`, that walks its edges
 * (`defaultFlow()`); a spec's flows are only the ones it writes, even when it
 * embeds a chart under `mermaid:`.
 *
 * @example parseDiagram('flowchart LR\n  a --> b', { file: 'diagrams/demo.mmd' })
 */
export function parseDiagram(text: string, options: { file: string }): ParseResult {
  const { file } = options;
  const lower = file.toLowerCase();
  const parseOptions = { id: diagramId(file), file };
  const mermaid =
    MERMAID_EXTENSIONS.some((ext) => lower.endsWith(ext)) ||
    (!SPEC_EXTENSIONS.some((ext) => lower.endsWith(ext)) && looksLikeMermaid(text));
  return mermaid
    ? withDefaultFlow(importMermaid(text, parseOptions))
    : parseSpec(text, parseOptions);
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
