import type { CSSProperties } from 'react';
import { safeDash } from '../../core/export/color.ts';
import type { Style } from '../../core/model/types.ts';

/**
 * An author's colours as CSS variables rather than inline fills: the theme
 * decides how much of them to use (all in light, blended in dark and high
 * contrast), and flow states can still win over them. Only values that are
 * colours get through (see `cssColor`), so a diagram cannot put `url(…)`,
 * `expression(…)` or a `;` into the page's styles.
 */
export function userStyle(style: Style): CSSProperties {
  const vars: Record<string, string> = {};
  const fill = cssColor(style.fill);
  const stroke = cssColor(style.stroke);
  const ink = cssColor(style.color);
  const dash = safeDash(style.strokeDasharray);
  if (fill) vars['--fd-user-fill'] = fill;
  if (stroke) vars['--fd-user-stroke'] = stroke;
  if (ink) vars['--fd-user-ink'] = ink;
  if (style.strokeWidth !== undefined && Number.isFinite(style.strokeWidth))
    vars['--fd-user-stroke-width'] = `${style.strokeWidth}px`;
  if (dash) vars['--fd-user-dash'] = dash;
  return vars as CSSProperties;
}

const COLOR_FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
]);

/**
 * The value if it reads as a CSS colour: a hex, a name, or colour functions
 * (`rgb()`, `oklch()`, `color-mix()`…) of numbers, names and colours; else
 * undefined. Anything that could load or run (`url(`, `image(`,
 * `expression(`) or end the declaration (`;`, `}`, quotes) is refused.
 */
export function cssColor(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || v.length > 200 || !/^[#\w\s%.,()/+-]+$/.test(v)) return undefined;
  for (const m of v.matchAll(/([\w-]*)\(/g))
    if (!COLOR_FUNCTIONS.has((m[1] ?? '').toLowerCase())) return undefined;
  return v;
}
