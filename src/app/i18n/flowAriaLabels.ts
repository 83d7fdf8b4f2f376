import type { AriaLabelConfig } from '@xyflow/react';
import type { Translate } from './translate.ts';

/**
 * React Flow's built-in screen-reader texts in the UI language, for its
 * `ariaLabelConfig` prop. Its defaults talk about dragging and deleting,
 * which Flowdeck does not allow.
 *
 * @example
 * const t = useT();
 * const ariaLabelConfig = useMemo(() => flowAriaLabels(t), [t]);
 */
export function flowAriaLabels(t: Translate): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('flow.nodeHint'),
    'node.a11yDescription.keyboardDisabled': t('flow.nodeHint'),
    'edge.a11yDescription.default': t('flow.edgeHint'),
    'controls.ariaLabel': t('flow.controls'),
    'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
    'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
    'controls.fitView.ariaLabel': t('flow.fitView'),
    'controls.interactive.ariaLabel': t('flow.interactive'),
    'minimap.ariaLabel': t('flow.minimap'),
  };
}
