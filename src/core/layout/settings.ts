import { TEXT_STYLES } from '../measure/fonts.ts';
import type { LayoutSettings } from './toElk.ts';

/** The typography and spacing the app, the CLI and the exporters all lay out with. */
export const DEFAULT_LAYOUT_SETTINGS: LayoutSettings = {
  // Mermaid wraps at 200px; Korean sentences read better a little wider.
  nodeFont: { ...TEXT_STYLES.nodeLabel, maxWidth: 240 },
  groupFont: { ...TEXT_STYLES.groupTitle, maxWidth: 320 },
  edgeFont: { ...TEXT_STYLES.edgeLabel, maxWidth: 160 },
  groupPadding: 16,
  edgeLabelPadding: 4,
};
