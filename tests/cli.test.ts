import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

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
  it('check passes on every diagram in diagrams/', async () => {
    const { code, stdout } = await flowdeck('check', 'diagrams/');
    expect(stdout).toMatch(/file\(s\) checked: 0 error\(s\)/);
    expect(code).toBe(0);
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

  it('layout --json prints every node and edge with coordinates', async () => {
    const { code, stdout } = await flowdeck('layout', 'diagrams/cri-chain.mmd', '--json');
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
