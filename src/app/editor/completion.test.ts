import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../core/model/types.ts';
import { keysAt } from '../../core/parse/spec/schemaKeys.ts';
import { SpecSchema } from '../../core/parse/spec/specSchema.ts';
import {
  mermaidCompletionSource,
  namesNode,
  STEP_NODE_FIELDS,
  specCompletionSource,
  specKeysAt,
  specValuesAt,
} from './completion.ts';
import { mermaidLanguage } from './mermaidLanguage.ts';
import { yamlContextAt } from './yamlContext.ts';

/** `text` with `|` for the cursor: the context there. */
function at(text: string) {
  const cursor = text.indexOf('|');
  const lines = text.slice(0, cursor).split('\n');
  const before = lines.pop() ?? '';
  return yamlContextAt(lines, before);
}

describe('yamlContextAt', () => {
  it('finds keys by indentation, through list items', () => {
    expect(at('ti|')).toEqual({ slot: 'key', path: [], typed: 'ti' });
    expect(at('nodes:\n  api:\n    sha|')).toEqual({
      slot: 'key',
      path: ['nodes', 'api'],
      typed: 'sha',
    });
    expect(
      at('flows:\n  - id: main\n    steps:\n      - caption: x\n\n        # note\n        no|'),
    ).toEqual({ slot: 'key', path: ['flows', 0, 'steps', 0], typed: 'no' });
    expect(at('flows:\n  - id: main\n    st|')).toEqual({
      slot: 'key',
      path: ['flows', 0],
      typed: 'st',
    });
    expect(at('edges:\n  - |')).toEqual({ slot: 'keyOrValue', path: ['edges', 0], typed: '' });
  });

  it('finds values, in block and flow collections', () => {
    expect(at('nodes:\n  api:\n    shape: hex|')).toEqual({
      slot: 'value',
      path: ['nodes', 'api', 'shape'],
      typed: 'hex',
    });
    expect(at('flows:\n  - steps:\n      - nodes: [api, et|')).toEqual({
      slot: 'value',
      path: ['flows', 0, 'steps', 0, 'nodes', 0],
      typed: 'et',
    });
    expect(at('classes:\n  hot: { fill: red, str|')).toEqual({
      slot: 'key',
      path: ['classes', 'hot'],
      typed: 'str',
    });
    expect(at('edges:\n  - a -> b: { arrows: { start: ci|')).toEqual({
      slot: 'value',
      path: ['edges', 0, 'a -> b', 'arrows', 'start'],
      typed: 'ci',
    });
    expect(at('edges:\n  - api -> et|')).toEqual({
      slot: 'value',
      path: ['edges', 0],
      typed: 'api -> et',
    });
  });

  it('gives nothing inside strings and comments', () => {
    expect(at('title: "Hello wo|')).toBeNull();
    expect(at('classes:\n  hot: { fill: "#f|')).toBeNull();
    expect(at('direction: down # ri|')).toBeNull();
  });

  it('is not fooled by a block scalar', () => {
    expect(at('nodes:\n  api:\n    details: |\n      some text\n      sha|')?.path).toEqual([
      'nodes',
      'api',
      'details',
    ]);
  });
});

describe('spec keys and values come from the schema', () => {
  it('match the zod schema', () => {
    const paths = [[], ['nodes', 'x'], ['nodes', 'x', 'nodes', 'y'], ['edges', 0], ['flows', 0]];
    for (const path of paths) {
      expect([...specKeysAt(path).keys()].sort()).toEqual(keysAt(SpecSchema, path).sort());
    }
    expect(specKeysAt(['flows', 0, 'steps', 0]).get('caption')).toMatch(/sentence/);
  });

  it('give shapes, directions and arrowheads', () => {
    expect(specValuesAt(['nodes', 'x', 'shape'])).toEqual([...SHAPES]);
    expect(specValuesAt(['direction'])).toContain('right');
    expect(specValuesAt(['edges', 0, 'a -> b', 'arrows'])).toEqual([
      'none',
      'end',
      'start',
      'both',
    ]);
    expect(specValuesAt(['edges', 0, 'line'])).toContain('dashed');
    expect(specValuesAt(['flows', 0, 'steps', 0, 'ask'])).toEqual(['true', 'false']);
    expect(specKeysAt(['flows', 0, 'steps', 0]).get('ask')).toMatch(/live session/);
  });

  it('name nodes where the spec names nodes', () => {
    const step = keysAt(SpecSchema, ['flows', 0, 'steps', 0]);
    for (const field of STEP_NODE_FIELDS) expect(step).toContain(field);
    expect(namesNode(['edges', 0])).toBe(true);
    expect(namesNode(['edges', 0, 'to'])).toBe(true);
    expect(namesNode(['flows', 0, 'steps', 0, 'focus', 0])).toBe(true);
    expect(namesNode(['nodes', 'api', 'nodes'])).toBe(false);
    expect(namesNode(['flows', 0, 'steps', 0, 'caption'])).toBe(false);
  });
});

function complete(
  text: string,
  language: 'yaml' | 'mermaid',
  explicit = false,
): { from: number; labels: string[] } | null {
  const pos = text.indexOf('|');
  const doc = text.slice(0, pos) + text.slice(pos + 1);
  const state = EditorState.create({
    doc,
    extensions: language === 'yaml' ? yaml() : mermaidLanguage,
  });
  const ids = () => ['api', 'etcd', 'kube-proxy'];
  const source = language === 'yaml' ? specCompletionSource(ids) : mermaidCompletionSource(ids);
  const result = source(new CompletionContext(state, pos, explicit)) as CompletionResult | null;
  return result && { from: result.from, labels: result.options.map((o) => o.label) };
}

describe('completion sources', () => {
  it('complete spec keys and shapes', () => {
    expect(complete('nodes:\n  api:\n    sh|', 'yaml')?.labels).toContain('shape');
    const shapes = complete('nodes:\n  api:\n    shape: |', 'yaml');
    expect(shapes?.labels).toEqual([...SHAPES]);
    expect(shapes?.from).toBe('nodes:\n  api:\n    shape: '.length);
  });

  it('complete the screen shapes of aspect, once a number is typed too', () => {
    expect(complete('aspect: |', 'yaml')?.labels).toEqual([
      '16:9',
      '4:3',
      '1:1',
      '3:4',
      '9:16',
      'none',
    ]);
    const typed = complete('aspect: 16|', 'yaml');
    expect(typed?.labels).toContain('16:9');
    expect(typed?.from).toBe('aspect: '.length);
  });

  it('complete node ids in edges and steps, replacing only the id being typed', () => {
    const edge = complete('edges:\n  - api -> et|', 'yaml');
    expect(edge?.labels).toEqual(expect.arrayContaining(['api', 'etcd', 'kube-proxy']));
    expect(edge?.from).toBe('edges:\n  - api -> '.length);
    expect(complete('edges:\n  - from: api\n    to: |', 'yaml')?.labels).toEqual([
      'api',
      'etcd',
      'kube-proxy',
    ]);
    expect(
      complete('flows:\n  - id: m\n    steps:\n      - nodes: [api, |', 'yaml')?.labels,
    ).toEqual(['api', 'etcd', 'kube-proxy']);
    // Typing an operator pops nothing up.
    expect(complete('edges:\n  - api -|', 'yaml')).toBeNull();
  });

  it('offer nothing in comments or for free text', () => {
    expect(complete('# sh|', 'yaml')).toBeNull();
    expect(complete('title: Hel|', 'yaml')).toBeNull();
  });

  it('complete Mermaid keywords, directions and ids', () => {
    expect(complete('flowchart LR\n  sub|', 'mermaid')?.labels).toContain('subgraph');
    expect(complete('flowchart |', 'mermaid', true)?.labels).toEqual([
      'TB',
      'TD',
      'BT',
      'LR',
      'RL',
    ]);
    const ids = complete('flowchart LR\n  api --> et|', 'mermaid');
    expect(ids?.labels).toEqual(['api', 'etcd', 'kube-proxy']);
    expect(complete('flowchart LR\n  A["et|', 'mermaid')).toBeNull();
    expect(complete('flowchart LR\n  %% et|', 'mermaid')).toBeNull();
  });
});
