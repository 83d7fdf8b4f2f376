import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isDeckSource } from '../src/core/deck/isDeckSource.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { isDiagramFile } from '../src/core/parse/files.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { flowdeck } from './flowdeck.ts';

/** The seed's CRI chart, as a plain Mermaid file holds it. */
const CRI_CHAIN = readFileSync('../shared/seed/mermaid/06-cri-chain.mmd', 'utf8');

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
    // A plain Mermaid file gets the default flow `main`, walking its edges;
    // without a title of its own, the chart's flow is a "Walkthrough".
    expect(diagram.flows).toMatchObject([
      {
        id: 'main',
        title: 'Walkthrough',
        generated: 'untitled',
        steps: [
          { caption: 'kubelet', nodes: ['Kubelet'], edges: [] },
          { caption: 'kubelet → CRI gRPC API', nodes: ['CRI'], edges: ['Kubelet->CRI'] },
          {
            caption: 'CRI gRPC API → Container Runtimes',
            nodes: ['Runtimes'],
            edges: ['CRI->Runtimes'],
          },
          {
            caption: 'Container Runtimes → Low-level Runtime (OCI)',
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

  it('layout keeps a spec as written unless it pins an aspect; --aspect stands in for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-layout-'));
    const plain = join(dir, 'plain.yaml');
    const pinned = join(dir, 'pinned.yaml');
    writeFileSync(plain, 'nodes: { a: A, b: B }\nedges: [a -> b]\n');
    writeFileSync(pinned, 'aspect: 3:4\nnodes: { a: A, b: B }\nedges: [a -> b]\n');
    const shape = async (...args: string[]) => {
      const { code, stdout, stderr } = await flowdeck('layout', ...args, '--json');
      expect(stderr, args.join(' ')).toBe('');
      expect(code).toBe(0);
      return JSON.parse(stdout).shape;
    };
    expect(await shape(plain)).toBeUndefined();
    expect(await shape(plain, '--aspect', '4:3')).toBe('4:3');
    expect(await shape(pinned)).toBe('3:4');
    expect(await shape(pinned, '--aspect', '16:9')).toBe('16:9');
    expect(await shape(pinned, '--aspect', 'none')).toBeUndefined();
    expect((await flowdeck('layout', pinned)).stdout).toMatch(/^pinned: pinned \(.*, for 3:4\)$/m);
    expect((await flowdeck('layout', '--help')).stdout).toContain('--aspect SHAPE');
    expect((await flowdeck('export', '--help')).stdout).toContain('--aspect SHAPE');
    const bad = await flowdeck('layout', plain, '--aspect', '16/9');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--aspect must be 16:9, 4:3, 1:1, 3:4, 9:16 or none, not "16/9" (did you mean 16:9?)',
    );
  });

  it('refuses a diagram past a limit with file:line:col and exit 1, before any layout; --limit raises it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-limits-'));
    const file = join(dir, 'big.mmd');
    const lines = Array.from({ length: 5001 }, (_, i) => `  n${i}[Node ${i}]`);
    writeFileSync(file, ['flowchart TB', ...lines, '  n0 --> n1', '  n1 --> n2'].join('\n'));
    const refused = await flowdeck('layout', file);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      `${file}:5002:3: error: This diagram has 5,001 nodes (groups included); the limit is 5,000 (limits.maxNodes; raise it with \`--limit nodes=5001\``,
    );
    const small = join(dir, 'small.mmd');
    writeFileSync(small, 'flowchart LR\n  a --> b\n  b --> c\n');
    const checked = await flowdeck('check', small, '--limit', 'nodes=2');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`${small}:3:9: error: This diagram has 3 nodes`);
    const png = join(dir, 'small.png');
    const exported = await flowdeck('export', small, '-o', png, '--limit', 'nodes=3,edges=1');
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('This diagram has 2 edges; the limit is 1 (limits.maxEdges');
    expect(readdirSync(dir).sort()).toEqual(['big.mmd', 'small.mmd']);
    const raised = await flowdeck('layout', small, '--limit', 'nodes=2', '--limit', 'nodes=3');
    expect(raised.code).toBe(0);
    expect(raised.stdout).toContain('node c');
    const bad = await flowdeck('layout', small, '--limit', 'nodez=3');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--limit: unknown limit "nodez": use file, nodes, edges, depth, label',
    );
    expect((await flowdeck('--help')).stdout).toContain('--limit NAME=N');
  });

  it('--help documents every command; unknown commands exit 2', async () => {
    const { stdout } = await flowdeck('--help');
    for (const command of ['check', 'layout', 'export', 'serve', 'help'])
      expect(stdout).toContain(`flowdeck ${command}`);
    expect((await flowdeck('layout', '--help')).stdout).toContain('--json');
    expect((await flowdeck('export', '--help')).stdout).toContain('--system-fonts');
    expect((await flowdeck('frobnicate')).code).toBe(2);
    const missing = await flowdeck('layout', 'no/such.mmd');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });
});

/** The diagram a file holds, laid out as the CLI does; null for a deck. */
async function laidOut(file: string): Promise<LaidOutDiagram | null> {
  const text = readFileSync(file, 'utf8');
  if (isDeckSource(text) && !file.endsWith('.mmd')) return null;
  const { model } = parseDiagram(text, { file });
  if (!model) throw new Error(`${file} does not parse`);
  return createDefaultLayoutEngine().layout(model);
}

const { DOMParser } = new JSDOM().window;

/** Parses an exported SVG as XML (failing the test if it is not) and returns its text. */
function svgText(file: string): string {
  const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror'), file).toHaveLength(0);
  expect(doc.documentElement.tagName).toBe('svg');
  return doc.documentElement.textContent ?? '';
}

function labelLines(d: LaidOutDiagram): string[] {
  const boxes = [...d.nodes.map((n) => n.labelBox), ...d.edges.map((e) => e.labelBox)];
  return boxes.flatMap((box) => box?.lines ?? []).filter((line) => line.trim() !== '');
}

/** A PNG's size, from its IHDR chunk (right after the 8-byte signature). */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A PNG's text chunks, keyword → text, every chunk's CRC checked with zlib's. */
function pngTexts(file: string): Record<string, string> {
  const png = readFileSync(file);
  const texts: Record<string, string> = {};
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    const length = png.readUInt32BE(at);
    const body = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `${file} chunk at ${at}`).toBe(crc32(body));
    if (png.toString('latin1', at + 4, at + 8) !== 'tEXt') continue;
    const [keyword = '', text = ''] = png.toString('latin1', at + 8, at + 8 + length).split('\0');
    texts[keyword] = text;
  }
  return texts;
}

/** An SVG's width and height times `scale`, rounded to whole pixels as resvg rounds them. */
function svgSize(file: string, scale: number): { width: number; height: number } {
  const svg = readFileSync(file, 'utf8');
  const [, width, height] = svg.match(/<svg[^>]* width="([\d.]+)" height="([\d.]+)"/) ?? [];
  expect(width, file).toBeDefined();
  return {
    width: Math.round(Number(width) * scale),
    height: Math.round(Number(height) * scale),
  };
}

describe('flowdeck export', () => {
  it('draws a PNG at twice the size of the SVG unless --scale says otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-export-'));
    const file = join(dir, 'cri-chain.mmd');
    writeFileSync(file, CRI_CHAIN);
    const at = (name: string) => join(dir, name);
    for (const args of [
      ['-o', at('cri.svg')],
      ['--format', 'png', '-o', at('cri.png')],
      ['--scale', '1', '-o', at('cri-1x.png')],
      ['--step', '2', '-o', at('step.svg')],
      ['--step', '2', '-o', at('step.png')],
    ]) {
      const { code, stderr } = await flowdeck('export', file, ...args);
      expect(stderr, args.join(' ')).toBe('');
      expect(code).toBe(0);
    }
    expect(pngSize(at('cri.png'))).toEqual(svgSize(at('cri.svg'), 2));
    expect(pngSize(at('step.png'))).toEqual(svgSize(at('step.svg'), 2));
    expect(pngSize(at('cri-1x.png'))).toEqual(svgSize(at('cri.svg'), 1));
    expect((await flowdeck('export', '--help')).stdout).toMatch(/--scale N .*2 \(default/);
  });

  it('exports every diagram of diagrams/: an SVG and a PNG each, an animated SVG per flow', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'flowdeck-export-')), 'out');
    // No --scale: PNGs come at the default 2×.
    const { code, stdout, stderr } = await flowdeck('export', 'diagrams/', '-o', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected: string[] = [];
    for (const name of readdirSync('diagrams').filter(isDiagramFile).sort()) {
      const d = await laidOut(join('diagrams', name));
      if (!d) continue;
      expected.push(`${d.id}.svg`, `${d.id}.png`, ...d.flows.map((f) => `${d.id}.${f.id}.svg`));
      const text = svgText(join(out, `${d.id}.svg`));
      for (const line of labelLines(d)) expect(text, `${d.id}.svg`).toContain(line);
      for (const flow of d.flows) svgText(join(out, `${d.id}.${flow.id}.svg`));
      expect(pngSize(join(out, `${d.id}.png`))).toEqual(svgSize(join(out, `${d.id}.svg`), 2));
    }
    expect(readdirSync(out).sort()).toEqual(expected.sort());
    expect(expected).toContain('cri-chain.create.svg');
    expect(stdout.trim().split('\n')).toHaveLength(expected.length);
    expect(stdout).toMatch(/cri-chain\.png {2}\d+\.\d kB\n/);
  });

  it('reports a bad file of a folder as file:line:col and still exports the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-export-'));
    copyFileSync('diagrams/self-healing.mmd', join(dir, 'self-healing.mmd'));
    copyFileSync('diagrams/part1.yaml', join(dir, 'part1.yaml'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'title: t\nnodes:\n  api:\n    shap: cylinder\n');
    const out = join(dir, 'out');
    const { code, stderr } = await flowdeck('export', dir, '-o', out, '--format', 'svg');
    expect(code).toBe(1);
    expect(stderr).toContain(`${broken}:4:5: error:`);
    expect(stderr).toContain('1 file(s) not exported');
    // The deck is skipped, not reported; --format svg leaves the PNGs out.
    expect(readdirSync(out).sort()).toEqual(['self-healing.main.svg', 'self-healing.svg']);
  });

  it('says which screen shape an SVG and a PNG were laid out for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-export-'));
    const file = join(dir, 'cri-chain.mmd');
    writeFileSync(file, CRI_CHAIN);
    const at = (name: string) => join(dir, name);
    for (const args of [
      ['-o', at('as-written.svg')],
      ['-o', at('as-written.png')],
      ['--aspect', '4:3', '-o', at('projector.svg')],
      ['--aspect', '4:3', '--step', '2', '-o', at('projector.png')],
      ['--aspect', '4:3', '--animated', '-o', at('projector-flow.svg')],
    ]) {
      const { code, stderr } = await flowdeck('export', file, ...args);
      expect(stderr, args.join(' ')).toBe('');
      expect(code).toBe(0);
    }
    const rootShape = (name: string) =>
      new DOMParser()
        .parseFromString(readFileSync(at(name), 'utf8'), 'image/svg+xml')
        .documentElement.getAttribute('data-shape');
    expect(rootShape('as-written.svg')).toBeNull();
    expect(rootShape('projector.svg')).toBe('4:3');
    expect(rootShape('projector-flow.svg')).toBe('4:3');
    expect(pngTexts(at('as-written.png'))).toEqual({});
    expect(pngTexts(at('projector.png'))).toEqual({ 'Screen shape': '4:3' });
  });

  it('draws one step of a flow with its caption, and says which steps there are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-export-'));
    const file = join(dir, 'cri-chain.mmd');
    writeFileSync(file, CRI_CHAIN);
    const svg = join(dir, 'step.svg');
    const step = await flowdeck('export', file, '--step', '2', '-o', svg, '--theme', 'dark');
    expect(step.code).toBe(0);
    expect(step.stdout).toMatch(/step\.svg {2}\d+\.\d kB/);
    // The caption band: the step's caption and its counter.
    expect(svgText(svg)).toMatch(/kubelet → CRI gRPC API[\s\S]*2 \/ 4/);
    const bare = await flowdeck('export', file, '--step', '2', '--no-caption', '-o', svg);
    expect(bare.code).toBe(0);
    expect(svgText(svg)).not.toContain('2 / 4');
    const beyond = await flowdeck('export', file, '--step', '5', '-o', svg);
    expect(beyond.code).toBe(1);
    expect(beyond.stderr).toContain('no step 5 in flow `main`: it has 4 (1–4)');
    const unknown = await flowdeck('export', file, '--animated', '--flow', 'mian', '-o', svg);
    expect(unknown.stderr).toContain('no flow `mian` in cri-chain; its flows: `main`');
    const usage = await flowdeck('export', file, '--step', '0', '-o', svg);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--step must be a step number (1 is the first), not "0"');
  });
});

/**
 * A folder with one good diagram and one file of each kind that cannot be
 * drawn, each named after what is wrong with it.
 */
function folderOfBadFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-bad-'));
  copyFileSync('diagrams/self-healing.mmd', join(dir, 'good.mmd'));
  const at = (name: string) => join(dir, name);
  writeFileSync(at('syntax.yaml'), 'title: t\nnodes:\n  api: [unclosed\n');
  // A PNG saved as .yaml, and a Mermaid file saved as Latin-1 (é is 0xe9).
  writeFileSync(at('binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(at('latin1.mmd'), Buffer.from('flowchart LR\n  a[caf\xe9] --> b\n', 'latin1'));
  writeFileSync(at('nul.mmd'), 'flowchart LR\n  a --> b\0\n');
  mkdirSync(at('folder.yaml'));
  // Nested deeper than the layout's recursion goes, once --limit lets it through.
  const groups = Array.from({ length: 4000 }, (_, i) => `subgraph g${i}`);
  writeFileSync(
    at('deep.mmd'),
    ['flowchart TB', ...groups, 'a --> b', ...groups.map(() => 'end')].join('\n'),
  );
  // Root reads any file, so an unreadable one can only be made as another user.
  const locked = process.getuid?.() !== 0;
  if (locked) {
    writeFileSync(at('locked.mmd'), 'flowchart LR\n  a --> b\n');
    chmodSync(at('locked.mmd'), 0);
  }
  return { dir, at, locked };
}

describe('bad files', () => {
  it('check reports each bad file with file:line:col where there is one, and checks the rest', async () => {
    const { dir, at, locked } = folderOfBadFiles();
    const { code, stdout } = await flowdeck('check', dir);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    const about = (name: string) => lines.filter((line) => line.startsWith(at(name)));
    expect(about('syntax.yaml')[0]).toMatch(/:4:\d+: error: YAML syntax error/);
    expect(about('binary.yaml')).toEqual([
      `${at('binary.yaml')}:1:1: error: not UTF-8 text (byte 0x89): save it as UTF-8, or is it a binary file?`,
    ]);
    expect(about('latin1.mmd')).toEqual([
      `${at('latin1.mmd')}:2:8: error: not UTF-8 text (byte 0xe9): save it as UTF-8, or is it a binary file?`,
    ]);
    expect(about('nul.mmd')).toEqual([
      `${at('nul.mmd')}:2:10: error: binary content (a NUL byte): a diagram is a text file`,
    ]);
    expect(about('folder.yaml')).toEqual([
      `${at('folder.yaml')}: error: is a folder, not a diagram file`,
    ]);
    if (locked)
      expect(about('locked.mmd')).toEqual([
        `${at('locked.mmd')}: error: cannot be read: permission denied`,
      ]);
    expect(about('good.mmd')).toEqual([]);
    const files = locked ? 8 : 7;
    const errors = locked ? 7 : 6;
    expect(stdout).toContain(`${files} file(s) checked: ${errors} error(s)`);
  });

  it('check goes on past a named file that is not there', async () => {
    const { code, stdout } = await flowdeck('check', 'no/such.mmd', 'diagrams/self-healing.mmd');
    expect(code).toBe(1);
    expect(stdout).toContain('no/such.mmd: error: no such file');
    expect(stdout).toContain('2 file(s) checked: 1 error(s)');
  });

  it('layout says why a file cannot be laid out, and exits 1', async () => {
    const { at } = folderOfBadFiles();
    for (const [name, problem] of [
      ['folder.yaml', ': error: is a folder, not a diagram file'],
      ['binary.yaml', ':1:1: error: not UTF-8 text'],
      ['syntax.yaml', ':4:'],
      ['deep.mmd', ': error: could not be laid out: Maximum call stack size exceeded'],
    ] as const) {
      const { code, stdout, stderr } = await flowdeck('layout', at(name), '--limit', 'depth=5000');
      expect(code, name).toBe(1);
      expect(stdout, name).toBe('');
      expect(stderr, name).toContain(`${at(name)}${problem}`);
    }
  });

  it('export of a folder reports each bad file, layout failures too, and exports the rest', async () => {
    const { dir, at } = folderOfBadFiles();
    const out = join(dir, 'out');
    const { code, stderr } = await flowdeck(
      'export',
      dir,
      '-o',
      out,
      '--format',
      'svg',
      '--limit',
      'depth=5000',
    );
    expect(code).toBe(1);
    expect(stderr).toContain(`${at('deep.mmd')}: error: could not be laid out:`);
    expect(stderr).toContain(`${at('folder.yaml')}: error: is a folder, not a diagram file`);
    expect(stderr).toContain(`${at('binary.yaml')}:1:1: error: not UTF-8 text`);
    expect(stderr).toContain(`${at('latin1.mmd')}:2:8: error: not UTF-8 text`);
    expect(stderr).toContain(`${at('nul.mmd')}:2:10: error: binary content`);
    expect(stderr).toMatch(new RegExp(`syntax\\.yaml:4:\\d+: error:`));
    expect(stderr).toMatch(/\d file\(s\) not exported/);
    expect(readdirSync(out).sort()).toEqual(['good.main.svg', 'good.svg']);
  });
});
