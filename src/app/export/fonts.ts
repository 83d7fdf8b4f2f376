import hbSubsetWasm from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import type { EmbeddedFont, TextNeeds } from '../../core/export/types.ts';
import { FONT_FILES, type FontWeightName } from '../../core/measure/fonts.ts';
import type { FontSources } from './fontSubsetter.ts';
import type { FontAnswer, FontRequest } from './fonts.worker.ts';
import fontsWorkerUrl from './fonts.worker.ts?worker&url';

/**
 * The fonts an exported SVG embeds, subset in a worker of their own
 * (`fonts.worker.ts`, `fontSubsetter.ts`). Import this module dynamically:
 * the worker starts on the first export, not with the page.
 */

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (answer: FontAnswer) => void>();

/**
 * Pretendard, as WOFF2, cut down to the characters each weight draws. A
 * weight that draws nothing is left out.
 *
 * @example
 * const { subsetFonts } = await import('./export/fonts.ts');
 * staticSvg(diagram, { fonts: await subsetFonts(textNeeds(diagram)) });
 */
export async function subsetFonts(needs: TextNeeds): Promise<EmbeddedFont[]> {
  const id = nextId++;
  const answer = await new Promise<FontAnswer>((resolve) => {
    pending.set(id, resolve);
    const request: FontRequest = { id, sources: fontSources(), needs };
    fontsWorker().postMessage(request);
  });
  if (!answer.ok) throw new Error(answer.message);
  return answer.fonts;
}

function fontsWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(fontsWorkerUrl, { type: 'module' });
  started.onmessage = (event: MessageEvent<FontAnswer>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  // A worker that dies fails what it was doing; the next export starts another.
  started.onerror = (event) => {
    event.preventDefault();
    const message = event.message || 'the font worker stopped';
    for (const [id, resolve] of pending) resolve({ id, ok: false, message });
    pending.clear();
    started.terminate();
    if (worker === started) worker = undefined;
  };
  worker = started;
  return started;
}

/** Absolute URLs, since the worker resolves relative ones against its own script. */
function fontSources(): FontSources {
  const absolute = (url: string) => new URL(url, document.baseURI).href;
  return {
    wasm: absolute(hbSubsetWasm),
    regular: absolute(fontUrl('regular')),
    semibold: absolute(fontUrl('semibold')),
  };
}

/** FONT_FILES are root-absolute ('/fonts/…'); the app may be served under another base ('./'). */
function fontUrl(name: FontWeightName): string {
  return `${import.meta.env.BASE_URL}${FONT_FILES[name].slice(1)}`;
}
