/**
 * bench/results.json: one part per benchmark (`layout`, `browser`, `cli`, …), the last figures of `npm run bench`.
 * Each part is replaced by the run that measured it; the others are kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const RESULTS_FILE = fileURLToPath(new URL('results.json', import.meta.url));

/** What goes wrong in a page as it loads: its errors and console errors, as they come. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** A count from the environment (`BENCH_BROWSER_RUNS`…), `fallback` when unset. */
export function runsFromEnv(name: string, fallback: number): number {
  const runs = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`${name} must be a positive integer`);
  return runs;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Merges `parts` into bench/results.json and returns its path. */
export function writeResults(parts: Record<string, unknown>): string {
  let previous: Record<string, unknown> = {};
  if (existsSync(RESULTS_FILE)) {
    try {
      previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
    } catch {
      previous = {};
    }
  }
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...previous, ...parts }, null, 2)}\n`);
  return RESULTS_FILE;
}

/** Rows as a plain-text table: the first `left` columns padded on the right, the rest (figures) on the left. */
export function table(rows: string[][], left = 1): string {
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i < left ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
    .join('\n');
}
