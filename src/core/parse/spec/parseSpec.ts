import type { ParseOptions, ParseResult } from '../../model/types.ts';
import { importMermaid } from '../mermaid/importMermaid.ts';
import { parseSpecWith } from './parseSpecWith.ts';

/**
 * Parses a Flowdeck YAML spec into the canonical model. Reports every
 * problem at once, each with file:line:col and its path in the spec, and
 * never throws; `model` is null only when the YAML itself is unreadable.
 * Format: docs/spec.md.
 *
 * @example
 * const { model, diagnostics } = parseSpec('nodes: { a: A, b: B }\nedges: [a -> b]', { id: 'demo', file: 'demo.yaml' });
 * model?.edges[0]?.id; // 'a->b'
 */
export function parseSpec(text: string, options: ParseOptions): ParseResult {
  return parseSpecWith(text, options, { importMermaid });
}
