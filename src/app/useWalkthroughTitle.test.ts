import { describe, expect, it } from 'vitest';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import { withWalkthroughTitle } from './useWalkthroughTitle.ts';

/** Enough of a laid-out diagram for titles: the parsed model's flows. */
function diagram(text: string, file: string): LaidOutDiagram {
  const { model } = parseDiagram(text, { file });
  if (!model) throw new Error('no model');
  return { ...model, width: 0, height: 0, nodes: [], edges: [] } as unknown as LaidOutDiagram;
}

describe('withWalkthroughTitle', () => {
  const pasted = diagram('flowchart LR\n  a --> b', 'diagram.mmd');

  it('says an untitled default flow in the UI language, keeping the layout as the worker made it', () => {
    expect(withWalkthroughTitle(pasted, '둘러보기').flows[0]?.title).toBe('둘러보기');
    expect(withWalkthroughTitle(pasted, 'Walkthrough').flows[0]?.title).toBe('Walkthrough');
    expect(pasted.flows[0]?.title).toBe('Walkthrough');
  });

  it('gives the same object for the same layout and title, so views see no change', () => {
    const first = withWalkthroughTitle(pasted, '둘러보기');
    expect(withWalkthroughTitle(pasted, '둘러보기')).toBe(first);
    const titled = diagram('flowchart LR\n  accTitle: 제목\n  a --> b', 'x.mmd');
    expect(withWalkthroughTitle(titled, '둘러보기')).toBe(titled);
    const spec = diagram('title: t\nnodes:\n  a:\nflows:\n  - id: f\n    steps: []\n', 'x.yaml');
    expect(withWalkthroughTitle(spec, '둘러보기')).toBe(spec);
  });
});
