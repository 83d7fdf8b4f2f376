// biome-ignore lint/style/noRestrictedImports: tests run in Node; the bundled sets are read from node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ICON_NAME_MAX, iconNameProblem, iconNameWarning } from './iconName.ts';

const require = createRequire(import.meta.url);
const SETS = ['logos', 'simple-icons', 'mdi', 'fa6-solid', 'fa6-brands'];

describe('iconNameProblem', () => {
  it('takes every name of every bundled set, aliases included', () => {
    for (const prefix of SETS) {
      const path = require.resolve(`@iconify-json/${prefix}/icons.json`);
      const set = JSON.parse(readFileSync(path, 'utf8')) as {
        icons: Record<string, unknown>;
        aliases?: Record<string, unknown>;
      };
      const names = [...Object.keys(set.icons), ...Object.keys(set.aliases ?? {})];
      const refused = names.filter((name) => iconNameProblem(`${prefix}:${name}`) !== undefined);
      expect(refused, prefix).toEqual([]);
    }
  });

  it('refuses what is no name', () => {
    for (const bad of [
      '',
      'database',
      ':x',
      'x:',
      'a:b:c',
      'Mdi:database',
      'mdi:data_base',
      'mdi:-x',
      'mdi:x-',
      'mdi:a--b',
      'mdi: x',
      'https://x.io/a.svg',
      'javascript:alert',
      'data:x',
      'mdi:x"/><script>',
      `mdi:${'x'.repeat(ICON_NAME_MAX)}`,
    ]) {
      expect(iconNameProblem(bad), bad).toBeDefined();
    }
  });

  it('shows invisible and direction-changing characters as escapes', () => {
    expect(iconNameWarning('mdi:\u202egnp.exe\u0007')).toMatch(
      /^"mdi:\\u202egnp\.exe\\u0007" is not/,
    );
  });

  it('keeps a huge value out of the message', () => {
    const warning = iconNameWarning(`mdi:${'x'.repeat(10_000)}`) ?? '';
    expect(warning).toContain('10004 characters');
    expect(warning.length).toBeLessThan(200);
  });
});
