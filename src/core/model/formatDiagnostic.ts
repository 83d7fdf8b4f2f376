import type { Diagnostic } from './types.ts';

/**
 * The one-line form editors and terminals understand.
 *
 * @example formatDiagnostic(d) // 'diagrams/a.yaml:3:5: error: unknown key `shap` (did you mean `shape`?) [nodes.api.shap]'
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file ?? '<input>'}:${d.line}:${d.col}`;
  const path = d.path ? ` [${d.path}]` : '';
  return `${where}: ${d.severity}: ${d.message}${path}`;
}
