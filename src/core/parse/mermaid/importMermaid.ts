import type { Diagnostic, ParseOptions, ParseResult } from '../../model/types.ts';
import { buildModel } from './buildModel.ts';
import { createFlowBuilder } from './flowBuilder.ts';
import { mapText } from './mappedText.ts';
import { parseDocument } from './parseDocument.ts';
import { preprocess } from './preprocess.ts';
import { createReporter } from './reporter.ts';
import { createTokenStream } from './tokenStream.ts';

/**
 * Reads a Mermaid flowchart into the canonical Model. Never throws: what it
 * cannot read becomes a diagnostic (with 1-based line and column, shifted by
 * `lineOffset`/`colOffset`), and the rest still makes a model.
 *
 * @example
 * const { model, diagnostics } = importMermaid('flowchart LR\n  a[Start] --> b{Ok?}', { id: 'demo' });
 * model?.edges[0]?.id; // 'a->b'
 */
export function importMermaid(text: string, options: ParseOptions): ParseResult {
  try {
    return importFlowchart(text, options);
  } catch (error) {
    // A bug of ours must not take the caller down with it.
    const message = error instanceof Error ? error.message : String(error);
    return { model: null, diagnostics: [internalError(message, options)] };
  }
}

function importFlowchart(text: string, options: ParseOptions): ParseResult {
  const pre = preprocess(text);
  const reporter = createReporter(text, pre.text, options);
  for (const note of pre.notes) reporter.reportAtSource(note.severity, note.message, note.offset);
  if (!pre.isFlowchart) {
    const hadErrors = pre.notes.some((n) => n.severity === 'error');
    if (!hadErrors || pre.firstWord !== '') {
      const found =
        pre.firstWord === '' ? 'the text is empty' : `this diagram starts with "${pre.firstWord}"`;
      reporter.report(
        'error',
        `Only flowcharts are supported ("flowchart" or "graph"); ${found}.`,
        0,
      );
    }
    return { model: null, diagnostics: reporter.diagnostics() };
  }
  const flow = createFlowBuilder(reporter);
  const tokens = createTokenStream(pre.text.text);
  const direction = parseDocument({ text: pre.text.text, tokens, flow, reporter });
  const model = buildModel(flow.state, reporter, {
    id: options.id,
    direction,
    ...(pre.title === undefined ? {} : { title: pre.title }),
  });
  return { model, diagnostics: reporter.diagnostics() };
}

function internalError(message: string, options: ParseOptions): Diagnostic {
  const reporter = createReporter('', mapText(''), options);
  reporter.report('error', `Internal error while reading the flowchart: ${message}`, 0);
  return reporter.diagnostics()[0] as Diagnostic;
}
