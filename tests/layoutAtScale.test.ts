// Issue 19: dense diagrams laid out bottom-up in runs, in parallel on worker
// threads, and an edit laid out again only where it touched.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { denseFlowchart } from '../bench/dense.ts';
import { countingElk, displacement, EDITS } from '../bench/denseEdit.ts';
import { elkThread } from '../src/cli/elkThreads.ts';
import { createLayoutEngine } from '../src/core/layout/createLayoutEngine.ts';
import { elkPool } from '../src/core/layout/elkPool.ts';
import type { ElkPort } from '../src/core/layout/layoutRuns.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../src/core/layout/settings.ts';
import { measureText } from '../src/core/measure/measureText.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';

const text = denseFlowchart({ nodes: 200 });
const parse = (t: string) => {
  const model = parseDiagram(t, { file: 'dense.mmd' }).model;
  if (!model) throw new Error('no model');
  return model;
};
const engineOn = (elk: ElkPort) =>
  createLayoutEngine({ measure: measureText, settings: DEFAULT_LAYOUT_SETTINGS, elk });
const here = new ELK();

describe('a dense 200-node diagram', () => {
  it('lays out the same on two threads as on one, using both', async () => {
    const first = countingElk(here);
    const second = countingElk(elkThread(here));
    const pool = elkPool([() => first, () => second]);
    try {
      const parallel = await engineOn(pool).layout(parse(text));
      const serial = await engineOn(here).layout(parse(text));
      expect(parallel).toEqual(serial);
      expect(first.count).toBeGreaterThan(0);
      expect(second.count).toBeGreaterThan(0);
    } finally {
      pool.stop();
    }
  }, 60_000);

  it('finishes a layout on this thread when its worker thread stops under it', async () => {
    const thread = elkThread(here);
    const pending = engineOn(elkPool([() => thread])).layout(parse(text));
    await new Promise((resolve) => setTimeout(resolve, 50));
    thread.stop?.();
    expect(await pending).toEqual(await engineOn(here).layout(parse(text)));
  }, 60_000);

  it('lays an edit inside a pod out again only on its way up, and moves nothing outside its zone', async () => {
    for (const edit of EDITS.filter((e) => e.name !== 'add an edge across zones')) {
      const counting = countingElk(here);
      const engine = engineOn(counting);
      const before = await engine.layout(parse(text));
      const runsAtFirst = counting.count;
      counting.count = 0;
      const after = await engine.layout(parse(edit.apply(text)));
      // Its zone's run and the root's, of the 5 the diagram has.
      expect(runsAtFirst, edit.name).toBeGreaterThan(2);
      expect(counting.count, edit.name).toBe(2);
      const outside = displacement(before, after, edit.touches, 'zone');
      expect(outside.nodes, edit.name).toBeGreaterThan(100);
      // A label that grows its zone may push the others a little; nothing more.
      expect(outside.max, edit.name).toBeLessThanOrEqual(
        edit.name === 'rename a node, longer' ? 40 : 1,
      );
      // Runs kept from before give what laying the new text out afresh gives.
      expect(after, edit.name).toEqual(await engineOn(here).layout(parse(edit.apply(text))));
    }
  }, 120_000);
});
