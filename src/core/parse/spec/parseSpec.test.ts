// biome-ignore lint/style/noRestrictedImports: tests run in Node; the real Mermaid example is read from diagrams/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../model/formatDiagnostic.ts';
import { importMermaid } from '../mermaid/importMermaid.ts';
import { parseSpec } from './parseSpec.ts';

const criChain = readFileSync(
  new URL('../../../../../shared/seed/mermaid/06-cri-chain.mmd', import.meta.url),
  'utf8',
);
const indented = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

describe('parseSpec with the real Mermaid importer', () => {
  it('adds flows and details to the seed CRI chain flowchart', () => {
    const text = `title: CRI 호출 체인
mermaid: |
${indented(criChain)}
nodes:
  CD: { description: 고수준 런타임, icon: mdi:package-variant, shape: rounded }
  shim: containerd-shim
edges:
  - CD -> shim
  - shim ..> RUNC
flows:
  - id: create
    title: 컨테이너 생성
    steps:
      - caption: kubelet이 CRI를 부른다
        nodes: [Kubelet, CRI]
        edges: [Kubelet -> CRI]
      - caption: containerd가 shim을 띄운다
        nodes: [CD, shim]
        edges: [CD -> shim]
`;
    const { model, diagnostics } = parseSpec(text, { id: 'cri', file: 'diagrams/cri.yaml' });
    expect(diagnostics).toEqual([]);
    expect(model?.title).toBe('CRI 호출 체인');
    expect(model?.nodes.find((n) => n.id === 'CD')).toMatchObject({
      parent: 'Runtimes',
      label: 'containerd',
      description: '고수준 런타임',
      icon: 'mdi:package-variant',
      shape: 'rounded',
    });
    expect(model?.nodes.find((n) => n.id === 'RS')?.pos).toEqual({ line: 6, col: 3 });
    expect(model?.edges.map((e) => e.id)).toEqual([
      'Kubelet->CRI',
      'CRI->Runtimes',
      'Runtimes->LowLevel',
      'CD->shim',
      'shim->RUNC',
    ]);
    expect(model?.flows[0]?.steps.map((s) => s.edges)).toEqual([['Kubelet->CRI'], ['CD->shim']]);
  });

  it('points Mermaid errors into the YAML file', () => {
    const chart = 'flowchart TB\n  A --> B\n  B --> C @@ ]]\n';
    const alone = importMermaid(chart, { id: 'x', file: 'x.yaml' }).diagnostics;
    const text = `title: x\nmermaid: |\n${indented(chart)}\n`;
    const embedded = parseSpec(text, { id: 'x', file: 'x.yaml' }).diagnostics;
    expect(alone.length).toBeGreaterThan(0);
    // The chart starts on YAML line 3, indented by 2.
    expect(embedded).toEqual(alone.map((d) => ({ ...d, line: d.line + 2, col: d.col + 2 })));
    expect(embedded.map(formatDiagnostic)[0]).toMatch(/^x\.yaml:5:15: error: /);
  });

  it('parses the `mermaid:` example in docs/spec.md without a diagnostic', () => {
    const doc = readFileSync(new URL('../../../../docs/spec.md', import.meta.url), 'utf8');
    const examples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((match) => match[1] ?? '')
      .filter((text) => text.includes('mermaid: |'));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const { model, diagnostics } = parseSpec(example, { id: 'doc' });
      expect(diagnostics).toEqual([]);
      expect(model?.nodes.map((n) => n.id)).toEqual(['Kubelet', 'CRI', 'RS', 'containerd']);
    }
  });
});

describe('node order', () => {
  it('keeps the written order of integer ids, which JavaScript objects would sort first', () => {
    const text =
      'nodes:\n  b: B\n  10: Ten\n  9: Nine\n  g:\n    nodes:\n      z: Z\n      2: Two\n';
    const { model, diagnostics } = parseSpec(text, { id: 'order', file: 'order.yaml' });
    expect(diagnostics).toEqual([]);
    expect(model?.nodes.map((n) => n.id)).toEqual(['b', '10', '9', 'g', 'z', '2']);
  });
});
