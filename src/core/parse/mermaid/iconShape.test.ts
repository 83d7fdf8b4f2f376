import { describe, expect, it } from 'vitest';
import { iconifyName } from './iconShape.ts';
import { readSample as read } from './readSample.ts';

describe('importMermaid: the icon shape, @{ icon, form, label, pos, h }', () => {
  it("draws the docs' example: the icon over its label, in a square, h px high", () => {
    const { node, diagnostics } = read(
      'flowchart TD\n  A@{ icon: "logos:kubernetes", form: "square", label: "K8s", pos: "b", h: 60 }',
    );
    expect(diagnostics).toEqual([]);
    expect(node('A')).toMatchObject({
      icon: 'logos:kubernetes',
      label: 'K8s',
      shape: 'rect',
      iconSize: 60,
    });
    expect(node('A')).not.toHaveProperty('iconPlacement'); // above, the default
  });

  it('takes the form as the shape around the icon, none as no border', () => {
    const shape = (form: string) =>
      read(`flowchart LR\n  a@{ icon: "mdi:server", ${form} label: "x" }`).node('a').shape;
    expect(shape('form: "circle",')).toBe('circle');
    expect(shape('form: "rounded",')).toBe('rounded');
    expect(shape('form: "square",')).toBe('rect');
    expect(shape('')).toBe('text');
    // As in Mermaid, the icon shape wins over the brackets' and `shape:`.
    expect(read('flowchart LR\n  a[(x)]@{ icon: "mdi:server" }').node('a').shape).toBe('text');
  });

  it('hides the id, as Mermaid does, and shows the icon alone', () => {
    const { node } = read('flowchart LR\n  db@{ icon: "fa:database" }');
    expect(node('db')).toMatchObject({
      icon: 'fa6-solid:database',
      label: '',
      iconPlacement: 'only',
    });
  });

  it('sizes the icon as Mermaid does: max(h, w), 48 at least, when either is given', () => {
    const size = (data: string) =>
      read(`flowchart LR\n  a@{ icon: "mdi:server", ${data} }`).node('a').iconSize;
    expect(size('h: 80')).toBe(80);
    expect(size('h: 30')).toBe(48);
    expect(size('h: 60, w: 90')).toBe(90);
    expect(size('label: x')).toBeUndefined();
  });

  it('warns about what it draws otherwise, at the shape data', () => {
    const { node, diagnostics } = read(
      'flowchart LR\n  a@{ icon: "mdi:server", label: "x", pos: "t", form: "blob", h: "tall", w: 900 }',
    );
    expect(node('a')).toMatchObject({ icon: 'mdi:server', shape: 'text', iconSize: 256 });
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '2:4 a@{…}: form "blob" is not square, circle or rounded; Mermaid draws no background.',
      '2:4 a@{…}: h is a size in px, not "tall"; ignored.',
      '2:4 "a": pos "t" puts the label above the icon in Mermaid; it is drawn below.',
      '2:4 "a": an icon of 900 px is drawn 256 px, the largest Flowdeck draws.',
    ]);
  });

  it('refuses a name that is no icon name at line:col, and keeps the node with its label', () => {
    for (const hostile of [
      'https://evil.example/x.svg',
      'javascript:alert(1)',
      '<img src=x onerror=alert(1)>',
      `logos:${'k'.repeat(10_000)}`,
      'kubernetes',
    ]) {
      const { node, model, diagnostics } = read(
        `flowchart LR\n  x --> a@{ icon: ${JSON.stringify(hostile)}, form: circle }`,
      );
      expect(
        model.nodes.map((n) => n.id),
        hostile,
      ).toEqual(['x', 'a']);
      expect(node('a'), hostile).toMatchObject({ label: 'a', shape: 'rect' });
      expect(node('a'), hostile).not.toHaveProperty('icon');
      expect(diagnostics, hostile).toHaveLength(1);
      expect(diagnostics[0], hostile).toMatchObject({ severity: 'warning', line: 2, col: 10 });
      expect(diagnostics[0]?.message, hostile).toMatch(/^a@\{…\}: ".{1,45}" is not an icon name/);
    }
  });
});

describe('importMermaid: icons in labels, fa:fa-user', () => {
  it('makes the first one the icon, beside the text that is left', () => {
    const { node, diagnostics } = read(
      'flowchart LR\n  a[fa:fa-car Car] --> b(fab:fa-github) --> c["Log in fa:fa-user"]',
    );
    expect(diagnostics).toEqual([]);
    expect(node('a')).toMatchObject({
      label: 'Car',
      icon: 'fa6-solid:car',
      iconPlacement: 'beside',
      shape: 'rect',
    });
    expect(node('b')).toMatchObject({
      label: '',
      icon: 'fa6-brands:github',
      iconPlacement: 'only',
      shape: 'rounded',
    });
    expect(node('c')).toMatchObject({ label: 'Log in', icon: 'fa6-solid:user' });
  });

  it('gives a subgraph its title icon', () => {
    const { node } = read('flowchart LR\n  subgraph s [fa:fa-server Servers]\n    a\n  end');
    expect(node('s')).toMatchObject({ kind: 'group', label: 'Servers', icon: 'fa6-solid:server' });
  });

  it('warns about icons it cannot draw: a second one, one on a link', () => {
    const { node, model, diagnostics } = read(
      'flowchart LR\n  a[fa:fa-car fa:fa-bus Go] -- fa:fa-bolt fast --> b@{ icon: "mdi:server", label: "fa:fa-x B" }',
    );
    expect(node('a')).toMatchObject({ label: 'Go', icon: 'fa6-solid:car' });
    expect(node('b')).toMatchObject({ label: 'B', icon: 'mdi:server' });
    expect(model.edges[0]?.label).toBe('fast');
    const byPlace = [...diagnostics].sort((x, y) => x.col - y.col);
    expect(byPlace.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '2:5 "a" has one icon; "fa:bus" is not drawn.',
      '2:32 Icons on links are not drawn: "fa:bolt".',
      '2:53 "b" has one icon; "fa:x" is not drawn.',
    ]);
  });

  it('refuses a hostile name in a label, keeping the text', () => {
    const { node, diagnostics } = read(`flowchart LR\n  a["fa:fa-${'x'.repeat(10_000)} Big"]`);
    expect(node('a')).toMatchObject({ label: 'Big' });
    expect(node('a')).not.toHaveProperty('icon');
    expect(diagnostics[0]?.message).toContain('10010 characters long');
  });
});

describe('iconifyName', () => {
  it("maps Mermaid's Font Awesome packs to the bundled sets and leaves the rest", () => {
    expect(iconifyName('fa:user')).toBe('fa6-solid:user');
    expect(iconifyName('fas:user')).toBe('fa6-solid:user');
    expect(iconifyName('fab:github')).toBe('fa6-brands:github');
    expect(iconifyName('far:bell')).toBe('fa6-regular:bell');
    expect(iconifyName('logos:kubernetes')).toBe('logos:kubernetes');
    expect(iconifyName('aws:arch-amazon-cloudwatch')).toBe('aws:arch-amazon-cloudwatch');
    expect(iconifyName('user')).toBe('user');
  });
});
