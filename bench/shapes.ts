/**
 * Layouts shaped for the screen (issue 17), in Node: for every diagram in
 * diagrams/ and each of 16:9 and 4:3, the layout as written and as shaped,
 * how much larger the shaped one shows on that screen's canvas, and what
 * shaping costs (median of warm runs, a fresh engine cache each run).
 * `npx tsx bench/shapes.ts`; part of `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import { shownScale } from '../src/core/layout/shapeLayout.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import type { ScreenShape } from '../src/core/model/screenShape.ts';
import type { Model } from '../src/core/model/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { isDeck } from './browser.ts';
import { median, writeResults } from './results.ts';

export interface ShapeResult {
  name: string;
  shape: ScreenShape;
  written: string;
  shaped: string;
  /** How many times larger the whole shaped diagram shows than the written one. */
  gain: number;
  writtenMs: number;
  shapedMs: number;
}

const SHAPES: ScreenShape[] = ['16:9', '4:3'];
const RUNS = 5;

const size = (d: LaidOutDiagram) => `${Math.round(d.width)}×${Math.round(d.height)}`;

async function time(model: Model, screen?: ScreenShape): Promise<[number, LaidOutDiagram]> {
  const times: number[] = [];
  let diagram: LaidOutDiagram | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    diagram = await createDefaultLayoutEngine().layout(model, screen ? { screen } : {});
    times.push(performance.now() - start);
  }
  return [median(times), diagram as LaidOutDiagram];
}

export async function runShapesBench(): Promise<ShapeResult[]> {
  const files = readdirSync('diagrams')
    .filter((f) => /\.(mmd|ya?ml)$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(`diagrams/${f}`, 'utf8') }))
    .filter((f) => !isDeck(f.text));
  const models = files.map((f) => {
    const model = parseDiagram(f.text, { file: `diagrams/${f.name}` }).model;
    if (!model) throw new Error(`${f.name} did not parse`);
    return { name: f.name, model };
  });
  // Warm ELK's code first, uncounted.
  for (const { model } of models) for (const s of SHAPES) await time(model, s);
  const results: ShapeResult[] = [];
  for (const shape of SHAPES) {
    for (const { name, model } of models) {
      const [writtenMs, written] = await time(model);
      const [shapedMs, shaped] = await time(model, shape);
      results.push({
        name,
        shape,
        written: size(written),
        shaped: size(shaped),
        gain: Math.round((shownScale(shaped, shape) / shownScale(written, shape)) * 100) / 100,
        writtenMs: Math.round(writtenMs),
        shapedMs: Math.round(shapedMs),
      });
    }
  }
  return results;
}

export function formatShapes(results: ShapeResult[]): string {
  const rows = results.map(
    (r) =>
      `${r.shape.padEnd(5)} ${r.name.padEnd(28)} ${r.written.padStart(10)} → ${r.shaped.padEnd(10)} ×${r.gain.toFixed(2)}  ${String(r.writtenMs).padStart(4)} ms → ${String(r.shapedMs).padStart(4)} ms`,
  );
  return [
    'shape diagram                          written → shaped       larger  layout time (written → shaped)',
    ...rows,
    `\nshaped layouts: median of ${RUNS} warm runs each, a fresh engine cache per run; "larger" = how much larger the whole diagram shows on that screen's canvas`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const shapes = await runShapesBench();
  console.log(formatShapes(shapes));
  console.log(`\nwrote ${writeResults({ shapes })}`);
}
