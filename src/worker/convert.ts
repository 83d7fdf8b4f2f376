import { titleWalkthroughs } from '../core/animate/defaultFlow.ts';
import { toSpecYaml } from '../core/convert/toSpecYaml.ts';
import type { Limits } from '../core/parse/limits.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';

/** Main thread → convert worker: write this diagram as Flowdeck YAML. */
export interface ConvertRequest {
  text: string;
  file: string;
  limits?: Partial<Limits>;
  /**
   * The title a chart's default flow gets when the chart has none of its
   * own: the UI's word for "Walkthrough", so the YAML reads as the editor did.
   */
  walkthroughTitle?: string;
}

/**
 * The YAML, or why there is none: `invalid` when the text has errors (only
 * text that reads converts, so nothing it holds is lost), `crashed` when
 * parsing or writing threw, `timeout` when the client gave up on it.
 */
export type ConvertResult =
  | { ok: true; yaml: string }
  | { ok: false; reason: 'invalid' | 'crashed' | 'timeout'; message: string };

/** What the convert worker does with one request (a function, so Node can test it). */
export function convert(request: ConvertRequest): ConvertResult {
  try {
    const { text, file, limits, walkthroughTitle } = request;
    const { model, diagnostics } = parseDiagram(text, { file, limits });
    if (!model || diagnostics.some((d) => d.severity === 'error')) {
      return { ok: false, reason: 'invalid', message: 'The diagram has errors.' };
    }
    const titled = walkthroughTitle ? titleWalkthroughs(model, walkthroughTitle) : model;
    return { ok: true, yaml: toSpecYaml(titled) };
  } catch (error) {
    return { ok: false, reason: 'crashed', message: String((error as Error)?.message ?? error) };
  }
}
