import { describe, expect, it } from 'vitest';
import type { StepScene, Timeline } from '../../core/animate/timeline.ts';
import { expectedAt } from './nextHop.ts';

const scene = (extra: Partial<StepScene>) =>
  ({ nodes: {}, subjects: [], failed: [], ...extra }) as unknown as StepScene;

describe('expectedAt', () => {
  it('takes the step’s own ask, and no answer without a flow', () => {
    const timeline = {
      steps: [scene({ ask: { expected: ['z'] } }), scene({})],
    } as unknown as Timeline;
    expect(expectedAt(timeline, 0)).toEqual(['z']);
    expect(expectedAt(null, 0)).toEqual([]);
  });

  it('judges by nodes, not the groups around them (a tap lands on a node)', () => {
    const timeline = {
      steps: [scene({ ask: { expected: ['g', 'n'] } }), scene({})],
    } as unknown as Timeline;
    const diagram = { nodes: [{ id: 'g', kind: 'group' }] } as never;
    expect(expectedAt(timeline, 0, diagram)).toEqual(['n']);
    // Only a group: the group, rather than nothing.
    const onlyGroup = { steps: [scene({ ask: { expected: ['g'] } }), scene({})] } as never;
    expect(expectedAt(onlyGroup, 0, diagram)).toEqual(['g']);
  });

  it('falls back on core’s next hop', () => {
    const timeline = {
      steps: [
        scene({ nodes: { a: 'active', b: 'idle' }, subjects: ['a'] }),
        scene({ nodes: { a: 'visited', b: 'active' }, subjects: ['b'] }),
      ],
    } as unknown as Timeline;
    expect(expectedAt(timeline, 0)).toEqual(['b']);
  });
});
