import { describe, expect, it } from 'vitest';
import { readYaml } from './readYaml.ts';
import { formatPath } from './specIssue.ts';

const TEXT = `nodes:
  api:
    shape: cylindr
  "quoted": { label: 'x' }
  empty:
edges:
  - api -> etcd
  - "api <-> db": both
`;

describe('createLocator', () => {
  const { locate } = readYaml(TEXT);

  it('finds keys and values, 1-based', () => {
    expect(locate(['nodes', 'api', 'shape'], 'key')).toEqual({ line: 3, col: 5 });
    expect(locate(['nodes', 'api', 'shape'])).toEqual({ line: 3, col: 12 });
    expect(locate(['nodes', 'quoted', 'label'])).toEqual({ line: 4, col: 22 });
    expect(locate(['edges', 1])).toEqual({ line: 8, col: 5 });
  });

  it('points inside plain and quoted one-line scalars', () => {
    expect(locate(['edges', 0], 'value', 7)).toEqual({ line: 7, col: 12 });
    expect(locate(['edges', 1, 'api <-> db'], 'key', 8)).toEqual({ line: 8, col: 14 });
  });

  it('falls back to the key when a value is empty, and to the deepest node found', () => {
    expect(locate(['nodes', 'empty'])).toEqual({ line: 5, col: 3 });
    expect(locate(['nodes', 'api', 'missing'])).toEqual({ line: 3, col: 5 });
    expect(locate(['edges', 9])).toEqual({ line: 7, col: 3 });
    expect(locate([])).toEqual({ line: 1, col: 1 });
  });
});

describe('formatPath', () => {
  it('reads like the spec', () => {
    expect(formatPath(['nodes', 'cluster', 'nodes', 'api', 'shape'])).toBe(
      'nodes.cluster.nodes.api.shape',
    );
    expect(formatPath(['flows', 0, 'steps', 2, 'edges', 1])).toBe('flows[0].steps[2].edges[1]');
    expect(formatPath(['edges', 0, 'a -> b', 'line'])).toBe('edges[0]["a -> b"].line');
    expect(formatPath(['nodes', '컨테이너'])).toBe('nodes.컨테이너');
  });
});
