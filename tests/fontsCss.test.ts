import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FONT_FAMILY,
  FONT_FILES,
  FONT_STACK,
  FONT_WEIGHTS,
  LINE_HEIGHT,
} from '../src/core/measure/fonts.ts';

// src/app/fonts.css repeats what src/core/measure/fonts.ts says; the layout's
// widths only hold while the two agree (docs/measure.md).
const css = readFileSync('src/app/fonts.css', 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('src/app/fonts.css', () => {
  it('declares each shipped face with its file and weight', () => {
    for (const weight of ['regular', 'semibold'] as const) {
      const face = new RegExp(
        `@font-face\\s*{[^}]*font-family: "${FONT_FAMILY}";[^}]*font-weight: ${FONT_WEIGHTS[weight]};[^}]*url\\("${FONT_FILES[weight]}"\\)`,
      );
      expect(css).toMatch(face);
      expect(existsSync(`public${FONT_FILES[weight]}`)).toBe(true);
    }
  });

  it('draws with the measured stack, line height, no kerning and no ligatures', () => {
    expect(squash(css)).toContain(`font-family: ${FONT_STACK};`);
    expect(css).toContain(`line-height: ${LINE_HEIGHT};`);
    expect(css).toContain('font-kerning: none;');
    expect(css).toContain('font-variant-ligatures: none;');
  });
});
