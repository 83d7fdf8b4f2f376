import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTES, type Palette } from '../src/core/export/palette.ts';

// Exported files carry plain colours (src/core/export/palette.ts) because
// Inkscape, PowerPoint and resvg read neither CSS variables nor light-dark().
// They must stay the colours the app draws with (src/app/palette.css).
const css = readFileSync('src/app/palette.css', 'utf8');
const root = css.slice(css.indexOf(':root {'), css.indexOf(':root[data-theme="light"]'));

function cssValue(name: string): [light: string, dark: string] {
  const match = new RegExp(`${name}:\\s*([^;]+);`).exec(root);
  if (!match?.[1]) throw new Error(`${name} not in palette.css`);
  const value = match[1].trim();
  const pair = /^light-dark\(([^,]+(?:\([^)]*\))?),\s*(.+)\)$/.exec(value);
  if (pair?.[1] && pair[2]) return [pair[1].trim(), pair[2].trim()];
  const alias = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
  return alias ? cssValue(alias) : [value, value];
}

const pairs: [keyof Palette, string][] = [
  ['surface', '--fd-surface'],
  ['ink', '--fd-ink'],
  ['nodeFill', '--fd-node-fill'],
  ['nodeStroke', '--fd-node-stroke'],
  ['edge', '--fd-edge'],
  ['edgeLabelInk', '--fd-edge-label-ink'],
  ['accent', '--fd-accent'],
  ['accentInk', '--fd-accent-ink'],
  ['active', '--fd-active'],
  ['activeFill', '--fd-active-fill'],
  ['visited', '--fd-visited'],
  ['visitedFill', '--fd-visited-fill'],
  ['failed', '--fd-danger'],
  ['failedFill', '--fd-failed-fill'],
];

describe('export palette', () => {
  for (const [key, name] of pairs) {
    it(`${key} is ${name} in light and dark`, () => {
      const [light, dark] = cssValue(name);
      expect([PALETTES.light[key], PALETTES.dark[key]]).toEqual([light, dark]);
    });
  }
  it('group tints by depth match --fd-group-<depth>-*', () => {
    for (let depth = 0; depth < 4; depth++) {
      for (const part of ['fill', 'stroke', 'ink'] as const) {
        const [light, dark] = cssValue(`--fd-group-${depth}-${part}`);
        expect([PALETTES.light.groups[depth]?.[part], PALETTES.dark.groups[depth]?.[part]]).toEqual(
          [light, dark],
        );
      }
    }
  });
  it('stroke widths and dimming match', () => {
    for (const [key, name] of [
      ['nodeStrokeWidth', '--fd-node-stroke-width'],
      ['edgeWidth', '--fd-edge-width'],
      ['groupStrokeWidth', '--fd-group-stroke-width'],
      ['dimOpacity', '--fd-dim-opacity'],
      ['dimGroupOpacity', '--fd-dim-group-opacity'],
    ] as const) {
      expect(String(PALETTES.light[key])).toBe(cssValue(name)[0]);
    }
  });
});
