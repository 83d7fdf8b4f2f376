import { describe, expect, it } from 'vitest';
import { deckSlides, type FlowOutline, lessonParts } from './slides.ts';

const flows: Record<string, FlowOutline[]> = {
  a: [
    { id: 'one', steps: [1, 2] },
    { id: 'two', steps: [1, 2, 3] },
  ],
  idle: [],
  empty: [{ id: 'none', steps: [] }],
};
const flowsOf = (id: string) => flows[id];

describe('deckSlides', () => {
  it("gives an entry's flow steps, the first flow's without a flow, and one idle slide without flows", () => {
    const deck = {
      entries: [{ diagram: 'a' }, { diagram: 'idle' }, { diagram: 'a', flow: 'two' }],
    };
    expect(deckSlides(deck, flowsOf)).toEqual([
      { entry: 0, diagramId: 'a', flowId: 'one', step: 0 },
      { entry: 0, diagramId: 'a', flowId: 'one', step: 1 },
      { entry: 1, diagramId: 'idle', flowId: null, step: 0 },
      { entry: 2, diagramId: 'a', flowId: 'two', step: 0 },
      { entry: 2, diagramId: 'a', flowId: 'two', step: 1 },
      { entry: 2, diagramId: 'a', flowId: 'two', step: 2 },
    ]);
  });

  it('shows a missing or empty flow idle and leaves out unknown diagrams', () => {
    const deck = {
      entries: [{ diagram: 'a', flow: 'nope' }, { diagram: 'nowhere' }, { diagram: 'empty' }],
    };
    expect(deckSlides(deck, flowsOf)).toEqual([
      { entry: 0, diagramId: 'a', flowId: null, step: 0 },
      { entry: 2, diagramId: 'empty', flowId: null, step: 0 },
    ]);
    expect(deckSlides({ entries: [] }, flowsOf)).toEqual([]);
  });
});

describe('lessonParts', () => {
  it('starts a part at each deck entry, even when an entry shows the same diagram again', () => {
    const slide = (entry: number, diagramId: string) => ({
      entry,
      diagramId,
      flowId: null,
      step: 0,
    });
    const parts = lessonParts([slide(0, 'a'), slide(0, 'a'), slide(1, 'b'), slide(2, 'a')]);
    expect(parts).toEqual([
      { first: 0, diagramId: 'a' },
      { first: 2, diagramId: 'b' },
      { first: 3, diagramId: 'a' },
    ]);
  });
});
