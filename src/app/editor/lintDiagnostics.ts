import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Diagnostic } from '../../core/model/types.ts';

/**
 * The token a diagnostic points at: a quoted string, or a run up to a space,
 * a flow bracket or comma, or a `:` that ends a key.
 */
const TOKEN = /^(?:"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?|(?:[^\s,[\]{}:]|:(?=[^\s,[\]{}]))+)/u;

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}

/**
 * The parser's diagnostics (1-based line and column) as CodeMirror lint
 * ranges on `doc`, each from its column to the end of the token there (or
 * to the end of the line when no token starts there). Positions outside the
 * document, as after an edit the diagnostics have not caught up with, are
 * clamped into it.
 *
 * @example toLintDiagnostics(Text.of(['shape: hexgon']), [{ line: 1, col: 8, … }])
 * // [{ from: 7, to: 13, … }]
 */
export function toLintDiagnostics(doc: Text, diagnostics: readonly Diagnostic[]): LintDiagnostic[] {
  return diagnostics
    .map((d): LintDiagnostic => {
      const line = doc.line(clamp(d.line, 1, doc.lines));
      const from = line.from + clamp(d.col, 1, line.length + 1) - 1;
      const rest = line.text.slice(from - line.from);
      const token = TOKEN.exec(rest)?.[0] ?? '';
      const to = token ? from + token.length : from + rest.trimEnd().length;
      return { from, to, severity: d.severity, message: d.message };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
}
