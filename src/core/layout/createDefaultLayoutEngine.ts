import { measureText } from '../measure/measureText.ts';
import { createLayoutEngine, type LayoutEngine } from './createLayoutEngine.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';

/** A fresh in-process engine with the app's settings (no shared cache between callers). */
export function createDefaultLayoutEngine(): LayoutEngine {
  return createLayoutEngine({ measure: measureText, settings: DEFAULT_LAYOUT_SETTINGS });
}
