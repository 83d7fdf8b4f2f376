import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Inline, parseInline, parseMarkdown, safeHref } from './markdown.ts';

const text = (inlines: Inline[]): string =>
  inlines
    .map((n) =>
      n.type === 'text' || n.type === 'code'
        ? n.text
        : n.type === 'break'
          ? '\n'
          : text(n.children),
    )
    .join('');

describe('parseInline', () => {
  it('reads bold, italic, code and links', () => {
    expect(parseInline('**인증** 후 *인가*, `etcd` [docs](https://k8s.io)')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: '인증' }] },
      { type: 'text', text: ' 후 ' },
      { type: 'em', children: [{ type: 'text', text: '인가' }] },
      { type: 'text', text: ', ' },
      { type: 'code', text: 'etcd' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://k8s.io', children: [{ type: 'text', text: 'docs' }] },
    ]);
  });
  it('keeps the words of a link to anything but http, https or mailto, without the link', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil',
    ]) {
      expect(parseInline(`[click](${href})`)).toEqual([{ type: 'text', text: 'click' }]);
    }
  });
  it('leaves HTML as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
  it('does not read snake_case as italic', () => {
    expect(text(parseInline('max_pods_per_node'))).toBe('max_pods_per_node');
    expect(parseInline('max_pods_per_node')).toHaveLength(1);
  });
  it('turns newlines into breaks and links bare URLs', () => {
    expect(parseInline('a\nsee https://kubernetes.io.')).toEqual([
      { type: 'text', text: 'a' },
      { type: 'break' },
      { type: 'text', text: 'see ' },
      {
        type: 'link',
        href: 'https://kubernetes.io',
        children: [{ type: 'text', text: 'https://kubernetes.io' }],
      },
      { type: 'text', text: '.' },
    ]);
  });
  it('never loses or invents text (markers aside) and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const out = text(parseInline(s));
        const strip = (x: string) => x.replace(/[*_`[\]()\\]/g, '');
        // Links drop their target; compare only when there is no link syntax.
        if (!/\]\(/.test(s)) expect(strip(out)).toBe(strip(s));
      }),
    );
  });
});

describe('parseMarkdown', () => {
  it('splits paragraphs and lists', () => {
    const blocks = parseMarkdown('첫 줄\n둘째 줄\n\n- 하나\n- 둘\n  이어서\n1. 첫째');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'list']);
    const list = blocks[1];
    expect(list?.type === 'list' && list.items.map(text)).toEqual(['하나', '둘 이어서']);
  });
});

describe('safeHref', () => {
  it('allows only http, https and mailto', () => {
    expect(safeHref('https://a.b/c?d=1')).toBe('https://a.b/c?d=1');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://a.b/"onmouseover=x')).toBeNull();
  });
});
