/**
 * The Mermaid charts in diagrams/ and the seed's eleven flowcharts. A seed
 * chart lives on either as a .mmd file of its own or as the `mermaid:` block
 * of a .yaml spec that adds details and flows to it; either way its text is
 * the seed's, give or take the accTitle/accDescr lines and indentation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isDeckSource } from '../../src/core/deck/isDeckSource.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIAGRAMS = path.resolve(here, '../../diagrams');
export const SEED = path.resolve(here, '../../../shared/seed/mermaid');

export interface Chart {
  /** As `diagrams/cri-chain.yaml`, or the seed's file name. */
  file: string;
  /** The Mermaid text: the whole .mmd file, or the spec's `mermaid:` block. */
  text: string;
}

/** Every Mermaid chart in diagrams/: each .mmd file, and the `mermaid:` block of each spec with one. */
export function diagramCharts(): Chart[] {
  return readdirSync(DIAGRAMS)
    .sort()
    .flatMap((name): Chart[] => {
      const file = `diagrams/${name}`;
      const text = readFileSync(path.join(DIAGRAMS, name), 'utf8');
      if (name.endsWith('.mmd')) return [{ file, text }];
      if (!/\.ya?ml$/.test(name) || isDeckSource(text)) return [];
      const spec: unknown = parse(text);
      const mermaid =
        spec && typeof spec === 'object' ? (spec as Record<string, unknown>).mermaid : undefined;
      return typeof mermaid === 'string' ? [{ file, text: mermaid }] : [];
    });
}

/** The seed's flowcharts, `01-traditional-server.mmd` to `11-apply-flow.mmd`. */
export function seedCharts(): Chart[] {
  return readdirSync(SEED)
    .filter((name) => name.endsWith('.mmd'))
    .sort()
    .map((name) => ({ file: name, text: readFileSync(path.join(SEED, name), 'utf8') }));
}

/** A chart as the seed wrote it: without accTitle/accDescr lines, indentation and blank lines at the end. */
export function seedForm(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !/^\s*acc(Title|Descr)\s*:/.test(line))
    .map((line) => line.trimStart())
    .join('\n')
    .trimEnd();
}

/** Where each seed chart is kept in diagrams/ (`null` when it is nowhere). */
export function seedHomes(): { seed: string; home: Chart | null }[] {
  const charts = diagramCharts();
  return seedCharts().map((seed) => ({
    seed: seed.file,
    home: charts.find((chart) => seedForm(chart.text) === seedForm(seed.text)) ?? null,
  }));
}
