import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The app's layering (ARCHITECTURE.md, "The app"): the playback store and
 * the canvas's parts are the ground; each feature (player, presenter mode,
 * speaker view, live classroom) stands on them and never on another
 * feature; the views that put features together (a diagram, a deck, the
 * editor, the gallery) stand on anything below.
 */
const GROUND = ['playback', 'view', 'flow', 'i18n', 'theme'];
const FEATURES = ['player', 'present', 'speaker', 'live'];
const COMPOSERS = ['diagram', 'deck', 'editor', 'gallery', 'export'];

const app = new URL('../src/app/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** `folder/file → folder` for every import of another src/app folder. */
function crossImports(): { from: string; to: string; file: string }[] {
  const found: { from: string; to: string; file: string }[] = [];
  for (const file of files(app)) {
    const from = relative(app, file).split('/')[0] ?? '';
    if (!file.slice(app.length).includes('/')) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)) {
      const target = relative(app, join(file, '..', spec ?? ''));
      const to = target.split('/')[0] ?? '';
      if (to !== from && !to.startsWith('..') && target.includes('/')) {
        found.push({ from, to, file: relative(app, file) });
      }
    }
  }
  return found;
}

describe('src/app layering', () => {
  const imports = crossImports();

  it('finds the imports it checks', () => {
    expect(imports.some((i) => i.from === 'diagram' && i.to === 'player')).toBe(true);
  });

  it('keeps the ground free of features and the views that compose them', () => {
    const wrong = imports.filter(
      (i) => GROUND.includes(i.from) && [...FEATURES, ...COMPOSERS].includes(i.to),
    );
    expect(wrong.map((i) => `${i.file} → ${i.to}/`)).toEqual([]);
  });

  it('keeps each feature on the store, not on another feature or a composing view', () => {
    const wrong = imports.filter(
      (i) => FEATURES.includes(i.from) && [...FEATURES, ...COMPOSERS].includes(i.to),
    );
    expect(wrong.map((i) => `${i.file} → ${i.to}/`)).toEqual([]);
  });
});
