// biome-ignore lint/style/noRestrictedImports: tests run in Node; the diagrams are read from diagrams/.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../animate/timeline.ts';
import { isDeckSource } from '../deck/isDeckSource.ts';
import { createDefaultLayoutEngine } from '../layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../layout/types.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { type FrameOptions, frameView, type Screen } from './frameView.ts';
import { isCut, isWhole } from './placeBox.ts';

const engine = createDefaultLayoutEngine();
const files = readdirSync('diagrams')
  .filter((f) => /\.(mmd|ya?ml)$/.test(f))
  .map((f) => `diagrams/${f}`)
  .filter((file) => !isDeckSource(readFileSync(file, 'utf8')));
const diagrams: LaidOutDiagram[] = [];
for (const file of files) {
  const { model } = parseDiagram(readFileSync(file, 'utf8'), { file });
  if (model) diagrams.push(await engine.layout(model));
}

/** Screens as the app has them: a projector with the presenter's hint, a desk's canvas with its buttons, a phone. */
const screens: { name: string; screen: Screen; readablePx: number }[] = [
  {
    name: 'projector 1024×768',
    screen: { width: 1024, height: 686, covered: [{ x: 316, y: 15, width: 391, height: 35 }] },
    readablePx: 16,
  },
  {
    name: 'desk 1024×768',
    screen: {
      width: 1024,
      height: 600,
      covered: [
        { x: 15, y: 480, width: 26, height: 104 },
        { x: 951, y: 10, width: 63, height: 38 },
        { x: 807, y: 433, width: 202, height: 152 },
      ],
    },
    readablePx: 12,
  },
  {
    name: 'projector 1920×1080',
    screen: { width: 1920, height: 960, covered: [] },
    readablePx: 16,
  },
  { name: 'phone', screen: { width: 390, height: 500, covered: [] }, readablePx: 12 },
];

describe('framing every step of diagrams/', () => {
  for (const { name, screen, readablePx } of screens) {
    it(`on a ${name}: subjects whole or out of sight, no title cut, readable`, () => {
      const options: FrameOptions = { minZoom: 0.02, maxZoom: 1.25, margin: 24, readablePx };
      for (const diagram of diagrams) {
        const titles = diagram.nodes.filter((n) => n.kind === 'group').map((n) => n.labelBox);
        const whole = frameView(diagram, null, screen, { ...options, maxZoom: 1.5 });
        for (const n of diagram.nodes) expect(isWhole(n, whole.view, screen), n.id).toBe(true);
        for (const flow of diagram.flows) {
          for (const scene of buildTimeline(diagram, flow).steps) {
            const where = `${diagram.id}/${flow.id}/${scene.index + 1}`;
            const { view, left } = frameView(diagram, scene, screen, options);
            const subjects = scene.subjects.flatMap(
              (id) => diagram.nodes.find((n) => n.id === id) ?? [],
            );
            const shown = subjects.filter((n) => !left.includes(n.id));
            for (const n of shown) expect(isWhole(n, view, screen), `${where} ${n.id}`).toBe(true);
            for (const n of subjects.filter((s) => s.kind === 'node'))
              expect(isCut(n, view, screen), `${where} ${n.id} cut`).toBe(false);
            for (const e of diagram.edges.filter((d) => scene.edges[d.id] === 'active'))
              if (e.labelBox)
                expect(isCut(e.labelBox, view, screen), `${where} ${e.id}`).toBe(false);
            for (const t of titles)
              expect(isCut(t, view, screen), `${where} title ${t.lines}`).toBe(false);
            if (subjects.length > 0) expect(shown.length, where).toBeGreaterThan(0);
            // Subjects are left out only so that those in the frame read.
            const leaves = shown.filter((n) => n.kind === 'node');
            if (left.length > 0 && leaves.length > 1) {
              const font = Math.min(...leaves.map((n) => n.labelBox.fontSize));
              expect(view.zoom * font, where).toBeGreaterThanOrEqual(readablePx - 1e-6);
            }
          }
        }
      }
    });
  }
});
