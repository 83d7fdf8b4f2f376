import { describe, expect, it } from 'vitest';
import { cssColor, userStyle } from './userStyle.ts';

/** As in tests/payloads.ts (which this project cannot import). */
const STYLE_PAYLOADS = [
  'url(javascript:window.__pwned=1)',
  'url(https://example.com/x.svg#p)',
  'image(https://example.com/x.png)',
  'expression(window.__pwned=1)',
  'red;background:url(javascript:window.__pwned=1)',
  'red}*{background:url(javascript:window.__pwned=1)',
  'red</style><script>window.__pwned=1</script>',
  'rgb(1 2 3) url(x)',
  'var(--x)',
];

describe('userStyle', () => {
  it('passes CSS colours and dash patterns through as variables', () => {
    expect(
      userStyle({
        fill: '#fee2e2',
        stroke: 'oklch(70% 0.1 200)',
        color: 'color-mix(in oklab, red 40%, white)',
        strokeDasharray: '4,2',
        strokeWidth: 3,
      }),
    ).toEqual({
      '--fd-user-fill': '#fee2e2',
      '--fd-user-stroke': 'oklch(70% 0.1 200)',
      '--fd-user-ink': 'color-mix(in oklab, red 40%, white)',
      '--fd-user-dash': '4 2',
      '--fd-user-stroke-width': '3px',
    });
    expect(cssColor('rebeccapurple')).toBe('rebeccapurple');
    expect(cssColor('rgb(1 2 3 / 50%)')).toBe('rgb(1 2 3 / 50%)');
  });

  it.each(STYLE_PAYLOADS)('drops %s', (value) => {
    const vars = userStyle({ fill: value, stroke: value, color: value, strokeDasharray: value });
    expect(vars).toEqual({});
  });
});
