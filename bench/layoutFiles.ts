/**
 * What the layouts made at build time cost to ship (issue 18): per diagram,
 * the bytes of the file a view fetches for a screen shape (raw and gzip,
 * min–max over the shapes) next to its source's, and everything in
 * `layouts/`. Read from a build's output directory and its
 * `layouts/manifest.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LayoutManifest } from '../src/core/layoutSource.ts';
import { kib, ROOT, table } from './bundle.ts';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface DiagramLayoutFiles {
  file: string;
  source: Bytes;
  /** The file each screen shape fetches. */
  shapes: Record<string, Bytes & { file: string }>;
  /** Min and max over the shapes. */
  raw: { min: number; max: number };
  gzip: { min: number; max: number };
}

export interface LayoutFilesReport {
  diagrams: DiagramLayoutFiles[];
  /** Every file in layouts/, the manifest included; gzip of each file alone, summed. */
  total: Bytes & { files: number };
  manifest: Bytes;
}

function bytes(data: Buffer): Bytes {
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

function span(values: number[]) {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Sizes of the built layouts in `outDir` (a `vite build` output). */
export function measureLayoutFiles(outDir: string): LayoutFilesReport {
  const dir = join(outDir, 'layouts');
  const manifestBytes = readFileSync(join(dir, 'manifest.json'));
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as LayoutManifest;
  const diagrams = Object.entries(manifest.diagrams)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, entry]): DiagramLayoutFiles => {
      const shapes: DiagramLayoutFiles['shapes'] = {};
      for (const [shape, url] of Object.entries(entry.shapes)) {
        shapes[shape] = { file: url, ...bytes(readFileSync(join(outDir, url))) };
      }
      const list = Object.values(shapes);
      return {
        file,
        source: bytes(readFileSync(join(ROOT, file))),
        shapes,
        raw: span(list.map((s) => s.raw)),
        gzip: span(list.map((s) => s.gzip)),
      };
    });
  const all = readdirSync(dir).map((name) => bytes(readFileSync(join(dir, name))));
  return {
    diagrams,
    total: {
      files: all.length,
      raw: all.reduce((a, b) => a + b.raw, 0),
      gzip: all.reduce((a, b) => a + b.gzip, 0),
    },
    manifest: bytes(manifestBytes),
  };
}

export function formatLayoutFiles(r: LayoutFilesReport): string {
  const minMax = (s: { min: number; max: number }) => {
    const [min, max] = [kib(s.min), kib(s.max)];
    return min === max ? min : `${min.replace(' KiB', '')}–${max}`;
  };
  const rows = [['diagram', 'source raw', 'source gzip', 'layout raw', 'layout gzip']];
  for (const d of r.diagrams) {
    rows.push([d.file, kib(d.source.raw), kib(d.source.gzip), minMax(d.raw), minMax(d.gzip)]);
  }
  rows.push([`layouts/ (${r.total.files} files)`, '', '', kib(r.total.raw), kib(r.total.gzip)]);
  return [
    table(rows),
    `\nlayout: the file a view fetches for one screen shape, min–max over the ${
      Object.keys(r.diagrams[0]?.shapes ?? {}).length
    } shapes; gzip level 9, each file alone. The manifest: ${kib(r.manifest.raw)} (${kib(r.manifest.gzip)} gzip).`,
  ].join('\n');
}
