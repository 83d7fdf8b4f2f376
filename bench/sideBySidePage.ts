/**
 * The browser entry bench/mermaidSideBySide.ts bundles: Flowdeck's pure core
 * doing the job `mermaid.render()` does, Mermaid text to an SVG string, on
 * the page's main thread. It sets `window.flowdeck.render(text, file)`.
 */
import { staticSvg } from '../src/core/export/staticSvg.ts';
import { createLayoutEngine } from '../src/core/layout/createLayoutEngine.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../src/core/layout/settings.ts';
import { measureText } from '../src/core/measure/measureText.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';

/** Parse, measure, ELK layout and SVG text, with no cache: every call lays the chart out afresh. */
export async function render(text: string, file: string): Promise<string> {
  const { model, diagnostics } = parseDiagram(text, { file });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!model || errors.length)
    throw new Error(`${file}: ${errors.map((d) => d.message).join('; ')}`);
  // A fresh engine (and elkjs instance, as Mermaid's ELK layout makes one per
  // render), so the engine's content cache never answers.
  const engine = createLayoutEngine({ measure: measureText, settings: DEFAULT_LAYOUT_SETTINGS });
  // No fonts: the file names Pretendard and the system fonts, as `flowdeck export --system-fonts`.
  return staticSvg(await engine.layout(model));
}

(globalThis as { flowdeck?: unknown }).flowdeck = { render };
