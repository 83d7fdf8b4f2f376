import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The seed's CRI chart, as a plain Mermaid file holds it. */
const CRI_CHAIN = readFileSync('../shared/seed/mermaid/06-cri-chain.mmd', 'utf8');

/** Runs the real bin, as `npx flowdeck` does, and returns what it printed and its exit code. */
async function flowdeck(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/flowdeck.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('flowdeck CLI', () => {
  it('check passes on every diagram and deck in diagrams/', async () => {
    const { code, stdout } = await flowdeck('check', 'diagrams/');
    expect(stdout).toMatch(/file\(s\) checked: 0 error\(s\)/);
    expect(stdout).not.toContain('not checked');
    expect(code).toBe(0);
  });

  it('check reads decks in a folder and checks their ids against its diagrams', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-deck-'));
    writeFileSync(join(dir, 'cri-chain.mmd'), 'flowchart TB\n  a --> b\n');
    writeFileSync(
      join(dir, 'spec.yaml'),
      'nodes: { a: A }\nflows:\n  - { id: main, steps: [{ nodes: [a] }] }\n',
    );
    const deck = join(dir, 'lesson.yaml');
    writeFileSync(
      deck,
      'title: t\ndek: x\ndeck:\n  - cri-chian\n  - { diagram: spec, flow: mian }\n  - spec\n',
    );
    const { code, stdout } = await flowdeck('check', dir);
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((line) => line.startsWith(deck))).toEqual([
      `${deck}:2:1: error: unknown key \`dek\` (did you mean \`deck\`?) [dek]`,
      `${deck}:4:5: error: unknown diagram \`cri-chian\` (did you mean \`cri-chain\`?)`,
      `${deck}:5:28: error: unknown flow \`mian\` in diagram \`spec\` (did you mean \`main\`?)`,
    ]);
    expect(stdout).toContain('3 file(s) checked: 3 error(s)');
  });

  it('check on a deck alone checks its syntax, not its ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-deck-'));
    const deck = join(dir, 'lesson.yaml');
    writeFileSync(deck, 'deck:\n  - no-such-diagram\n');
    const { code, stdout } = await flowdeck('check', deck);
    expect(code).toBe(0);
    expect(stdout).toContain('1 deck(s): diagram ids not checked');
    expect(stdout).toContain('1 file(s) checked: 0 error(s), 0 warning(s)');
  });

  it('layout refuses a deck, naming its diagrams', async () => {
    const { code, stdout, stderr } = await flowdeck('layout', 'diagrams/part1.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('diagrams/part1.yaml is a lesson deck, not a diagram');
    expect(stderr).toContain('traditional-server, virtualization, containers');
  });

  it('check prints file:line:col with a suggestion and exits 1 on errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-cli-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      'title: t\nnodes:\n  api:\n    shap: cylinder\n  etcd: etcd\nedges:\n  - api -> etdc\n',
    );
    const { code, stdout } = await flowdeck('check', file);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:4:5: error:`);
    expect(stdout).toContain('`shape`');
    expect(stdout).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:\\d+: error: .*\`etcd\``),
    );
  });

  it('layout --json prints every node and edge with coordinates, and the flows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-layout-'));
    const file = join(dir, 'cri-chain.mmd');
    writeFileSync(file, CRI_CHAIN);
    const { code, stdout } = await flowdeck('layout', file, '--json');
    expect(code).toBe(0);
    const diagram = JSON.parse(stdout);
    expect(diagram.nodes.map((n: { id: string }) => n.id)).toEqual([
      'Kubelet',
      'CRI',
      'RS',
      'IS',
      'Runtimes',
      'CD',
      'CRIO',
      'LowLevel',
      'RUNC',
      'CRUN',
    ]);
    const rs = diagram.nodes.find((n: { id: string }) => n.id === 'RS');
    expect(rs).toMatchObject({ parent: 'CRI', label: 'RuntimeService\n(컨테이너 생명주기)' });
    for (const key of ['x', 'y', 'width', 'height']) expect(typeof rs[key]).toBe('number');
    expect(
      diagram.edges.map((e: { source: string; target: string }) => `${e.source}->${e.target}`),
    ).toEqual(['Kubelet->CRI', 'CRI->Runtimes', 'Runtimes->LowLevel']);
    expect(diagram.edges[0].points.length).toBeGreaterThanOrEqual(2);
    // A plain Mermaid file gets the default flow `main`, walking its edges.
    expect(diagram.flows).toMatchObject([
      {
        id: 'main',
        title: 'cri-chain',
        steps: [
          { caption: 'kubelet', nodes: ['Kubelet'], edges: [] },
          { caption: 'CRI gRPC API', nodes: ['CRI'], edges: ['Kubelet->CRI'] },
          { caption: 'Container Runtimes', nodes: ['Runtimes'], edges: ['CRI->Runtimes'] },
          {
            caption: 'Low-level Runtime (OCI)',
            nodes: ['LowLevel'],
            edges: ['Runtimes->LowLevel'],
          },
        ],
      },
    ]);
  });

  it('layout --json gives every flow step a caption, and a spec only its own flows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-layout-'));
    const file = join(dir, 'spec.yaml');
    writeFileSync(
      file,
      'mermaid: |\n  flowchart LR\n    a --> b\nflows:\n  - { id: go, steps: [{ nodes: [a] }] }\n',
    );
    const { code, stdout } = await flowdeck('layout', file, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).flows).toEqual([
      {
        id: 'go',
        title: 'go',
        steps: [{ caption: '', nodes: ['a'], edges: [], pos: expect.anything() }],
      },
    ]);
  });

  it('--help documents every command; unknown commands exit 2', async () => {
    const { stdout } = await flowdeck('--help');
    for (const command of ['check', 'layout', 'help'])
      expect(stdout).toContain(`flowdeck ${command}`);
    expect((await flowdeck('layout', '--help')).stdout).toContain('--json');
    expect((await flowdeck('frobnicate')).code).toBe(2);
    const missing = await flowdeck('layout', 'no/such.mmd');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });
});
