import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleReport, buildApp } from '../bench/bundle.ts';

// ELK runs in the layout worker only (ARCHITECTURE.md): the JavaScript that
// index.html loads, and any chunk the main thread may load later, must not
// contain it. A real production build (a couple of seconds) into a temp dir.
// On failure the message names the import that pulls ELK in;
// `npm run bench:browser` shows the whole picture.
let outDir: string;
let report: BundleReport;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'flowdeck-build-test-'));
  report = await buildApp(outDir, { compress: false });
}, 120_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('production build', () => {
  it('loads some JavaScript from index.html', () => {
    expect(report.files.filter((f) => f.kind === 'initial').length).toBeGreaterThan(0);
  });

  it('keeps ELK out of the main-thread chunks', () => {
    const elk = report.mainThread.filter((m) => m.library === 'elkjs');
    expect(
      elk.map((m) => `${m.chunk} (${m.kind}) via ${m.chain.join(' → ') || 'an unknown import'}`),
    ).toEqual([]);
  });

  it('has ELK in the layout worker', () => {
    const workers = report.files.filter((f) => f.kind === 'worker');
    expect(workers.map((f) => f.file)).not.toEqual([]);
    expect(workers.some((f) => f.contains.includes('elkjs'))).toBe(true);
  });
});
