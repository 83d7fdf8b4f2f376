import type { Model, ModelEdge, ModelNode } from '../../model/types.ts';
import { importMermaid } from './importMermaid.ts';

/** For tests: imports a sample and hands back the model with lookups and diagnostics split by severity. */
export function readSample(text: string) {
  const result = importMermaid(text, { id: 'sample' });
  const model = result.model as Model;
  const node = (id: string) => model.nodes.find((n) => n.id === id) as ModelNode;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { ...result, model, node, warnings, errors };
}

/** For tests: edges as `source>target`. */
export const edgeEnds = (edges: ModelEdge[]) => edges.map((e) => `${e.source}>${e.target}`);
