import { describe, expect, it } from 'vitest';
import { checkIcons } from './checkIcons.ts';
import { iconDefs, usedIcons, useIcon } from './draw.ts';
import { isIconName } from './iconName.ts';
import { type IconSet, iconSetNames, resolveIcon } from './resolve.ts';
import { closestIcons } from './suggest.ts';

const SET: IconSet = {
  prefix: 'demo',
  width: 24,
  height: 24,
  icons: {
    database: { body: '<path fill="currentColor" d="M0 0h24v24z"/>' },
    wide: { body: '<rect width="48" height="24"/>', width: 48 },
    old: { body: '<circle r="4"/>', hidden: true },
    logo: {
      body: '<defs><linearGradient id="g1"/></defs><path fill="url(#g1)" d="M0 0h9"/><use href="#g1"/><use href="#other"/>',
    },
  },
  aliases: {
    db: { parent: 'database' },
    'db-wide': { parent: 'db', width: 30 },
    flipped: { parent: 'database', hFlip: true },
    loop: { parent: 'loop' },
  },
};

describe('isIconName', () => {
  it('takes prefix:name in lowercase words', () => {
    expect(isIconName('logos:kubernetes')).toBe(true);
    expect(isIconName('fa6-solid:user')).toBe(true);
    expect(isIconName('mdi:numeric-1-box')).toBe(true);
  });
  it('refuses what is not a name: URLs, scripts, markup, case, huge strings', () => {
    for (const value of [
      'terminal',
      'https://example.com/x.svg',
      'javascript:alert(1)',
      'mdi:a"b',
      'mdi:<svg>',
      'Logos:Kubernetes',
      'mdi:--x',
      'mdi:x-',
      'a:b:c',
      `mdi:${'a'.repeat(61)}`,
      `mdi:${'a'.repeat(10_000)}`,
      undefined,
      42,
    ])
      expect(isIconName(value), String(value).slice(0, 30)).toBe(false);
    expect(isIconName(`mdi:${'a'.repeat(60)}`)).toBe(true);
  });
});

describe('resolveIcon', () => {
  it('fills in the set-wide size', () => {
    expect(resolveIcon(SET, 'database')).toEqual({
      body: '<path fill="currentColor" d="M0 0h24v24z"/>',
      left: 0,
      top: 0,
      width: 24,
      height: 24,
    });
    expect(resolveIcon(SET, 'wide')).toMatchObject({ width: 48, height: 24 });
  });
  it('follows aliases, taking their own sizes, and applies flips', () => {
    expect(resolveIcon(SET, 'db')?.body).toBe(SET.icons.database?.body);
    expect(resolveIcon(SET, 'db-wide')).toMatchObject({ width: 30, height: 24 });
    expect(resolveIcon(SET, 'flipped')?.body).toMatch(
      /^<g transform="translate\(12 12\) scale\(-1 1\)/,
    );
  });
  it('gives nothing for unknown names, alias loops and inherited keys', () => {
    expect(resolveIcon(SET, 'nope')).toBeUndefined();
    expect(resolveIcon(SET, 'loop')).toBeUndefined();
    expect(resolveIcon(SET, 'constructor')).toBeUndefined();
    expect(resolveIcon(SET, '__proto__')).toBeUndefined();
  });
  it('resolves hidden icons but does not list them', () => {
    expect(resolveIcon(SET, 'old')).toBeDefined();
    expect(iconSetNames(SET)).not.toContain('old');
    expect(iconSetNames(SET)).toContain('db');
  });
});

describe('closestIcons', () => {
  const names = [
    'logos:kubernetes',
    'logos:kubernetes-icon',
    'logos:docker',
    'mdi:kubernetes',
    'mdi:database',
  ];
  it('puts typos first, the same set before others', () => {
    expect(closestIcons('logos:kubernets', names)).toEqual(['logos:kubernetes', 'mdi:kubernetes']);
  });
  it('offers names that start with what was typed', () => {
    expect(closestIcons('logos:kube', names, 2)).toEqual([
      'logos:kubernetes',
      'logos:kubernetes-icon',
    ]);
  });
  it('offers nothing for far-off or huge names', () => {
    expect(closestIcons('logos:zzzzzz', names)).toEqual([]);
    expect(closestIcons(`logos:${'k'.repeat(5000)}`, names)).toEqual([]);
  });
});

describe('drawing', () => {
  const icons = new Map([
    ['demo:database', resolveIcon(SET, 'database')!],
    ['demo:logo', resolveIcon(SET, 'logo')!],
  ]);
  it('writes one symbol per icon, ids inside scoped to the file', () => {
    const defs = iconDefs(icons, 'fd-x');
    expect(defs.match(/<symbol /g)).toHaveLength(2);
    expect(defs).toContain('<symbol id="fd-x-i-demo_database" viewBox="0 0 24 24">');
    expect(defs).toContain('id="fd-x-g1"');
    expect(defs).toContain('url(#fd-x-g1)');
    expect(defs).toContain('href="#fd-x-g1"');
    expect(defs).toContain('href="#other"');
  });
  it('draws a use into the box, in the ink given', () => {
    expect(
      useIcon('demo:database', { x: 1, y: 2.345, width: 32, height: 32 }, 'fd-x', { ink: '#123' }),
    ).toBe(
      '<use class="ic" href="#fd-x-i-demo_database" x="1" y="2.35" width="32" height="32" color="#123"/>',
    );
    expect(
      useIcon('javascript:alert(1)"', { x: 0, y: 0, width: 1, height: 1 }, 'p', { ink: '#000' }),
    ).toBe('');
  });
  it('keeps only the icons drawn nodes name and have room for', () => {
    const box = { x: 0, y: 0, width: 1, height: 1 };
    const used = usedIcons(
      [
        { icon: 'demo:database', iconBox: box },
        { icon: 'demo:logo' },
        { icon: 'demo:none', iconBox: box },
      ],
      icons,
    );
    expect([...used.keys()]).toEqual(['demo:database']);
  });
});

describe('checkIcons', () => {
  const names = new Map([['logos', ['logos:kubernetes', 'logos:docker']]]);
  const text =
    'nodes:\n  api:\n    label: API\n    icon: logos:kubernets\n  db: { icon: other:db }\n';
  it('warns at the icon, with the closest names, and at the node for an unknown set', () => {
    const found = checkIcons({
      nodes: [
        { icon: 'logos:kubernets', pos: { line: 2, col: 3 } },
        { icon: 'other:db', pos: { line: 5, col: 3 } },
        { icon: 'logos:docker', pos: { line: 5, col: 3 } },
        { icon: 'not a name', pos: { line: 5, col: 3 } },
      ],
      names,
      sets: ['logos', 'mdi'],
      text,
      file: 'a.yaml',
    });
    expect(found).toEqual([
      {
        severity: 'warning',
        message: 'unknown icon "logos:kubernets" (did you mean "logos:kubernetes"?)',
        line: 4,
        col: 11,
        file: 'a.yaml',
        suggestion: 'logos:kubernetes',
      },
      {
        severity: 'warning',
        message: 'unknown icon set "other" in "other:db" (the bundled sets are logos, mdi)',
        line: 5,
        col: 15,
        file: 'a.yaml',
      },
    ]);
  });
});
