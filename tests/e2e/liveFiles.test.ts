import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashString } from '../../src/core/layout/hash.ts';
import { freshPagePerTest } from './chromium.ts';

/**
 * `npm start` as an author uses it: the dev server started as the README
 * starts it (another port, and a copy of diagrams/ in $FLOWDECK_DIAGRAMS so
 * the other tests' files stay as they are), files saved from outside the
 * browser, and the open view redrawing from them.
 */
let folder: string;
let server: ChildProcess;
let base: string;
const file = () => join(folder, 'cri-chain.yaml');
let original: string;
/** The file's name as the app knows it (a folder outside the project is named alone), as in its messages. */
let named: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'flowdeck-live-'));
  cpSync('diagrams', folder, { recursive: true });
  original = readFileSync(file(), 'utf8');
  named = `${basename(folder)}/cri-chain.yaml`;
  const port = await freePort();
  server = spawn('npx', ['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    env: { ...process.env, FLOWDECK_DIAGRAMS: folder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    said += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    said += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}/`;
  // Served when it answers (its console output is coloured under CI=true, so not parsed).
  for (let tries = 0; ; tries++) {
    if (server.exitCode !== null) throw new Error(`vite exited (${server.exitCode}): ${said}`);
    const answered = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) break;
    if (tries > 100) throw new Error(`vite did not serve ${url}: ${said}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  base = `http://127.0.0.1:${port}/`;
}, 60_000);

afterAll(() => {
  server?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const ctx = freshPagePerTest();

// Each test leaves the file as it found it, even when it fails half way.
afterEach(() => save(original));

/** Saves the file as an editor would, from outside the browser. */
function save(text: string) {
  writeFileSync(file(), text);
}

describe('files saved under npm start', () => {
  it('redraw the open view, keeping its flow and step', async () => {
    const { page } = ctx;
    await page.goto(`${base}#/d/cri-chain/create/3`);
    const kubelet = page.locator('.fd-canvas [data-node-id="Kubelet"]');
    const label = () => kubelet.locator('.fd-node-label').textContent();
    await expect.poll(label, { timeout: 30_000 }).toBe('kubelet');
    const reloaded = page.waitForEvent('load', { timeout: 3000 }).catch(() => null);
    save(original.replace('Kubelet["kubelet"]', 'Kubelet["kubelet 1.31"]'));
    await expect.poll(label, { timeout: 5000 }).toBe('kubelet 1.31');
    expect(await reloaded).toBeNull();
    expect(new URL(page.url()).hash).toBe('#/d/cri-chain/create/3');
    await expect.poll(() => page.locator('.fd-step-count').innerText()).toBe('Step 3 of 5');
    expect(await kubelet.getAttribute('data-state')).toBe('visited');
    // The box grew for the longer label: a new layout, not the old one relabelled.
    const width = await kubelet.evaluate((el) => el.getBoundingClientRect().width);
    save(original);
    await expect.poll(label, { timeout: 5000 }).toBe('kubelet');
    expect(await kubelet.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThan(width);
  });

  it('show a broken file’s errors at their line and column over the last version that worked, until it is fixed', async () => {
    const { page } = ctx;
    await page.goto(`${base}#/d/cri-chain/create/2`);
    await page.waitForSelector('.fd-canvas [data-node-id="Kubelet"]', { timeout: 30_000 });
    save(original.replace('  - id: create\n', '  - id: [create\n'));
    // The line the broken flow id is on (1-based); YAML notices the open `[` there or on the next.
    const line = original.slice(0, original.indexOf('  - id: create\n')).split('\n').length;
    const problem = page.locator('.fd-toast[data-stale]');
    await expect
      .poll(() => problem.innerText(), { timeout: 5000 })
      .toMatch(
        new RegExp(
          `${named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(${line}|${line + 1}):\\d+: error`,
        ),
      );
    expect(await page.locator('.fd-canvas [data-node-id]').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toBe('#/d/cri-chain/create/2');
    save(original);
    await expect.poll(() => problem.count(), { timeout: 5000 }).toBe(0);
    await expect.poll(() => page.locator('.fd-step-count').innerText()).toBe('Step 2 of 5');
  });

  it('reach the gallery cards as they are saved', async () => {
    const { page } = ctx;
    await page.goto(base);
    const card = page.locator('.fd-card[data-diagram-id="cri-chain"]').first();
    await expect.poll(() => card.innerText(), { timeout: 30_000 }).toContain('CRI');
    save(original.replace('accTitle: kubelet에서 runc까지: CRI와 OCI', 'accTitle: 런타임 사슬'));
    await expect.poll(() => card.innerText(), { timeout: 5000 }).toContain('런타임 사슬');
    save(original);
  });

  it('are never answered with the layout of another version of the file', async () => {
    const { page } = ctx;
    await page.goto(base);
    const ask = (text: string) =>
      page.request.get(
        `${base}@flowdeck/layout?${new URLSearchParams({ file: named, shape: '16:9', text: hashString(text) })}`,
      );
    expect((await ask(original)).status()).toBe(200);
    const edited = original.replace('Kubelet["kubelet"]', 'Kubelet["kubelet 2"]');
    // The page still has the old text while the server has the new: it lays out its own.
    save(edited);
    expect((await ask(original)).status()).toBe(409);
    const answer = await (await ask(edited)).json();
    expect(answer.diagram.nodes.find((n: { id: string }) => n.id === 'Kubelet').label).toBe(
      'kubelet 2',
    );
    save(original);
  });
});
