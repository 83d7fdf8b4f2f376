import type { CSSProperties } from 'react';
import type { Style } from '../../core/model/types.ts';

/**
 * An author's colours as CSS variables rather than inline fills: the theme
 * decides how much of them to use (all in light, blended in dark and high
 * contrast), and flow states can still win over them.
 */
export function userStyle(style: Style): CSSProperties {
  const vars: Record<string, string> = {};
  if (style.fill) vars['--fd-user-fill'] = style.fill;
  if (style.stroke) vars['--fd-user-stroke'] = style.stroke;
  if (style.color) vars['--fd-user-ink'] = style.color;
  if (style.strokeWidth !== undefined) vars['--fd-user-stroke-width'] = `${style.strokeWidth}px`;
  if (style.strokeDasharray) vars['--fd-user-dash'] = style.strokeDasharray;
  return vars as CSSProperties;
}
