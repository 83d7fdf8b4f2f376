import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../model/formatDiagnostic.ts';
import { parseSpecWith } from './parseSpecWith.ts';

const noMermaid = { importMermaid: () => ({ model: null, diagnostics: [] }) };

function parse(text: string) {
  return parseSpecWith(text, { id: 'spec', file: 'icons.yaml' }, noMermaid);
}

const report = (text: string) => parse(text).diagnostics.map(formatDiagnostic);
const nodeOf = (text: string, id = 'a') => parse(text).model?.nodes.find((n) => n.id === id);

describe('icon:', () => {
  it('takes a name, on nodes and groups', () => {
    const text =
      'nodes:\n  g:\n    icon: logos:kubernetes\n    nodes:\n      a: { icon: mdi:database }\n';
    expect(report(text)).toEqual([]);
    expect(nodeOf(text, 'g')).toMatchObject({ kind: 'group', icon: 'logos:kubernetes' });
    expect(nodeOf(text)).toMatchObject({ icon: 'mdi:database' });
    expect(nodeOf(text)).not.toHaveProperty('iconPlacement');
  });

  it('takes { name, placement, size }', () => {
    const text =
      'nodes:\n  a:\n    icon: { name: simple-icons:containerd, placement: beside, size: 24 }\n';
    expect(report(text)).toEqual([]);
    expect(nodeOf(text)).toMatchObject({
      icon: 'simple-icons:containerd',
      iconPlacement: 'beside',
      iconSize: 24,
    });
  });

  it('says what is wrong with the object form, and keeps what is right', () => {
    const text = 'nodes:\n  a:\n    icon: { name: mdi:server, placement: below, size: 1000 }\n';
    expect(report(text)).toEqual([
      'icons.yaml:3:42: error: `below` is not a valid placement; use one of: above, beside, only [nodes.a.icon.placement]',
      'icons.yaml:3:55: error: `size` must be at most 256 [nodes.a.icon.size]',
    ]);
    expect(nodeOf(text)).toMatchObject({ icon: 'mdi:server' });
    expect(nodeOf(text)).not.toHaveProperty('iconSize');
    expect(report('nodes:\n  a: { icon: { size: 20 } }\n')).toEqual([
      'icons.yaml:2:14: error: missing required key `name` [nodes.a.icon.name]',
    ]);
  });

  it('warns at the name about a bare word, and draws the node without an icon', () => {
    const text = 'nodes:\n  a: { label: DB, icon: database }\n';
    expect(report(text)).toEqual([
      'icons.yaml:2:25: warning: "database" is not an icon name: it has no set: write `set:name`, as `mdi:database`; drawn without an icon [nodes.a.icon]',
    ]);
    expect(nodeOf(text)).toMatchObject({ id: 'a', label: 'DB' });
    expect(nodeOf(text)).not.toHaveProperty('icon');
  });

  it('refuses URLs, scripts, markup and huge names, at line:col, keeping the node', () => {
    const huge = `mdi:${'a'.repeat(10_000)}`;
    const cases: [string, string][] = [
      ['https://evil.example/x.svg', 'never URLs or markup'],
      ['javascript:alert(1)', 'never URLs or markup'],
      ['javascript:alert', 'never URLs or markup'],
      ['"<svg onload=alert(1)>"', 'never URLs or markup'],
      ['"data:image/svg+xml;base64,PHN2Zz4="', 'never URLs or markup'],
      ['Logos:Kubernetes', 'lowercase letters, digits and single hyphens'],
      ['logos:kube--rnetes', 'lowercase letters, digits and single hyphens'],
      [huge, 'it is 10004 characters long; an icon name has at most 64'],
    ];
    for (const [value, reason] of cases) {
      const text = `nodes:\n  a:\n    label: A\n    icon: { name: ${value}, size: 20 }\n`;
      const { model, diagnostics } = parse(text);
      expect(diagnostics, value).toHaveLength(1);
      expect(diagnostics[0], value).toMatchObject({ severity: 'warning', line: 4, col: 19 });
      expect(diagnostics[0]?.message, value).toContain(reason);
      expect(diagnostics[0]?.message.length, value).toBeLessThan(240);
      expect(model?.nodes).toEqual([expect.objectContaining({ id: 'a', label: 'A' })]);
      expect(model?.nodes[0]).not.toHaveProperty('icon');
      expect(model?.nodes[0]).not.toHaveProperty('iconSize');
    }
  });

  it('shows a hostile name as quoted text in the message', () => {
    const [message] = parse('nodes:\n  a: { icon: "x:\\"><script>" }\n').diagnostics.map(
      (d) => d.message,
    );
    expect(message).toMatch(/^"x:\\"><script>" is not an icon name/);
  });
});
