import { describe, expect, it } from 'vitest';
import type { StepScene, Timeline } from '../../core/animate/timeline.ts';
import { expectedAt, nextHop, stepAsk } from './nextHop.ts';

function step(nodes: Record<string, string>, extra: object = {}): StepScene {
  return { nodes, ...extra } as unknown as StepScene;
}

const timeline = {
  steps: [
    step({ a: 'active', b: 'idle', c: 'idle' }, { ask: { question: 'Where next?' } }),
    step({ a: 'visited', b: 'active', c: 'idle' }),
    step({ a: 'visited', b: 'active', c: 'active' }),
    step({ a: 'visited', b: 'active', c: 'active' }, { ask: { expected: ['z'] } }),
  ],
} as unknown as Timeline;

describe('nextHop', () => {
  it('names what the next step lights that this one does not', () => {
    expect(nextHop(timeline, 0)).toEqual(['b']);
    expect(nextHop(timeline, 1)).toEqual(['c']);
    // Nothing new: what it lights.
    expect(nextHop(timeline, 2)).toEqual(['b', 'c']);
    expect(nextHop(timeline, 3)).toEqual([]);
  });

  it('reads a step’s ask, and prefers its expected nodes', () => {
    expect(stepAsk(timeline.steps[0])).toEqual({ question: 'Where next?' });
    expect(stepAsk(timeline.steps[1])).toBe(undefined);
    expect(expectedAt(timeline, 3)).toEqual(['z']);
    expect(expectedAt(timeline, 0)).toEqual(['b']);
    expect(expectedAt(null, 0)).toEqual([]);
    // A tap lands on a node: the group around it is no answer.
    expect(expectedAt(timeline, 1, { nodes: [{ id: 'c', kind: 'group' }] } as never)).toEqual([
      'c',
    ]);
    const both = { steps: [step({ g: 'idle', n: 'idle' }), step({ g: 'active', n: 'active' })] };
    expect(expectedAt(both as never, 0, { nodes: [{ id: 'g', kind: 'group' }] } as never)).toEqual([
      'n',
    ]);
  });
});
