import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIconCatalog, loadIcons } from '../src/cli/icons.ts';
import { createRasterizer } from '../src/cli/png.ts';
import { staticSvg } from '../src/core/export/staticSvg.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { flowdeck } from './flowdeck.ts';

const SPEC = `title: Icons
nodes:
  api:
    label: API Server
    icon: logos:kubernets
  etcd: { label: etcd, icon: "mdi:database" }
  cache: { label: Cache, icon: "mdi:database" }
  old: { label: Old, icon: "mdi:account-settings-variant" }
  vm: { label: VM, icon: "acme:vm" }
edges:
  - api -> etcd
  - api -> cache
  - api -> vm
flows:
  - id: main
    title: Main
    steps:
      - caption: One
        nodes: [api, etcd]
        edges: [api -> etcd]
`;

function spec(text = SPEC): string {
  const file = join(mkdtempSync(join(tmpdir(), 'flowdeck-icons-')), 'icons.yaml');
  writeFileSync(file, text);
  return file;
}

describe('icons in the CLI', () => {
  // mdi:account-settings-variant is an old name mdi hides from its lists but still draws: no warning.
  it('check warns of unknown icons at their line:col with the closest names, and of sets not bundled', async () => {
    const file = spec();
    const { code, stdout } = await flowdeck('check', file);
    expect(stdout).toContain(
      `${file}:5:11: warning: unknown icon "logos:kubernets" (did you mean "logos:kubernetes"`,
    );
    expect(stdout).toContain(
      `${file}:9:27: warning: unknown icon set "acme" in "acme:vm" (the bundled sets are fa6-brands, fa6-solid, logos, mdi, simple-icons)`,
    );
    expect(stdout).toContain('1 file(s) checked: 0 error(s), 2 warning(s)');
    expect(code).toBe(0);
  });

  it('export writes each icon drawn once, says which are unknown, and still draws their nodes', async () => {
    const file = spec();
    const out = join(mkdtempSync(join(tmpdir(), 'flowdeck-icons-')), 'icons.svg');
    const { code, stderr } = await flowdeck('export', file, '-o', out, '--system-fonts');
    expect(code).toBe(0);
    expect(stderr).toContain('warning: unknown icon "logos:kubernets"');
    const svg = readFileSync(out, 'utf8');
    expect(svg.match(/<symbol /g)).toHaveLength(2);
    expect(svg.match(/<use [^>]*href="#fd-icons-i-mdi_database"/g)).toHaveLength(2);
    expect(svg).toContain('data-node-id="api"');
    const animated = out.replace('.svg', '.main.svg');
    expect(
      (await flowdeck('export', file, '-o', animated, '--animated', '--system-fonts')).code,
    ).toBe(0);
    expect(readFileSync(animated, 'utf8').match(/<symbol /g)).toHaveLength(2);
  });

  it('export draws icons into PNG and GIF files', async () => {
    // The same layout (room is kept for any icon name), with and without the icon found.
    const found = spec(SPEC.replace('logos:kubernets', 'logos:kubernetes'));
    const missing = spec(SPEC.replace('logos:kubernets', 'logos:kubernetez'));
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-icons-'));
    const made = async (file: string, name: string, ...flags: string[]) => {
      const { code } = await flowdeck('export', file, '-o', join(dir, name), ...flags);
      expect(code).toBe(0);
      return readFileSync(join(dir, name));
    };
    const png = ['--scale', '1'];
    expect(await made(found, 'a.png', ...png)).not.toEqual(await made(missing, 'b.png', ...png));
    const gif = ['--width', '320', '--fps', '2', '--no-camera'];
    expect(await made(found, 'a.gif', ...gif)).not.toEqual(await made(missing, 'b.gif', ...gif));
  });
});

describe('icons rasterized by resvg', () => {
  it('draw a logo in its colours and a monochrome icon in the node’s ink', async () => {
    const { model } = parseDiagram(SPEC.replace('logos:kubernets', 'logos:kubernetes'), {
      file: 'icons.yaml',
    });
    if (!model) throw new Error('no model');
    const diagram = await createDefaultLayoutEngine().layout(model);
    const icons = await loadIcons(createIconCatalog(), diagram.nodes);
    expect([...icons.keys()].sort()).toEqual([
      'logos:kubernetes',
      'mdi:account-settings-variant',
      'mdi:database',
    ]);
    const raster = createRasterizer([]);
    try {
      const picture = raster.pixels(staticSvg(diagram, { icons }), 1);
      const bare = raster.pixels(staticSvg(diagram), 1);
      const at = (pixels: typeof picture, id: string, dx = 0.5, dy = 0.5) => {
        const box = diagram.nodes.find((n) => n.id === id)?.iconBox;
        if (!box) throw new Error(`no icon box for ${id}`);
        // The file has a 16 px margin around the diagram.
        const x = Math.round(16 + box.x + box.width * dx);
        const y = Math.round(16 + box.y + box.height * dy);
        const i = (y * pixels.width + x) * 4;
        return [...pixels.rgba.slice(i, i + 3)];
      };
      // Kubernetes blue (#326de6) left of the wheel's hub; nothing there without icons.
      const [r, g, b] = at(picture, 'api', 0.2, 0.5);
      expect(b).toBeGreaterThan(200);
      expect(r).toBeLessThan(100);
      expect(g).toBeGreaterThan(80);
      expect(Math.min(...at(bare, 'api', 0.2, 0.5))).toBeGreaterThan(200);
      // The database in the ink: dark on the light node.
      expect(Math.max(...at(picture, 'etcd', 0.5, 0.15))).toBeLessThan(90);
      expect(Math.min(...at(bare, 'etcd', 0.5, 0.15))).toBeGreaterThan(200);
    } finally {
      raster.close();
    }
  });
});
