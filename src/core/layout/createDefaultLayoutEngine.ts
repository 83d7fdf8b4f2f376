import { measureText } from '../measure/measureText.ts';
import { createLayoutEngine, type LayoutEngine } from './createLayoutEngine.ts';
import type { ElkPort } from './layoutRuns.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';

/**
 * A fresh engine with the app's settings (no shared cache between callers),
 * on elkjs in this thread unless given other ELK (`elkThreads()` in Node).
 */
export function createDefaultLayoutEngine(elk?: ElkPort): LayoutEngine {
  return createLayoutEngine({
    measure: measureText,
    settings: DEFAULT_LAYOUT_SETTINGS,
    ...(elk ? { elk } : {}),
  });
}
