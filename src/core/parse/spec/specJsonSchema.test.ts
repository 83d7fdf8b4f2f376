// biome-ignore lint/style/noRestrictedImports: tests run in Node; comparing with the committed file is the point.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { specJsonSchema, specJsonSchemaText } from './specJsonSchema.ts';

const root = new URL('../../../../', import.meta.url);
const committed = readFileSync(new URL('public/schema/flowdeck.schema.json', root), 'utf8');

// zod's fromJSONSchema compiles `pattern` without the `u` flag, which editors
// use; ASCII and Hangul stand in for \p{L} and \p{N} so it can check forms.
const asZod = () =>
  z.fromJSONSchema(
    JSON.parse(
      JSON.stringify(specJsonSchema())
        .replaceAll('\\\\p{L}', 'a-zA-Z가-힣')
        .replaceAll('\\\\p{N}', '0-9'),
    ),
  );

describe('public/schema/flowdeck.schema.json', () => {
  it('is what the schema generates (run `npx tsx scripts/buildSchema.ts` after changing it)', () => {
    expect(committed).toBe(specJsonSchemaText());
  });

  it('is draft-07 with a description on every property', () => {
    const schema = specJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const missing: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          walk(item, `${path}[${i}]`);
        });
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      const properties = (value as { properties?: Record<string, { description?: string }> })
        .properties;
      for (const [key, property] of Object.entries(properties ?? {})) {
        if (!property.description) missing.push(`${path}.${key}`);
      }
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('allows the concise forms: string nodes, edge expressions as strings and keys', () => {
    const check = asZod();
    const example = parse(readFileSync(new URL('diagrams/pod-lifecycle.yaml', root), 'utf8'));
    expect(check.safeParse(example).success).toBe(true);
    const concise = {
      aspect: '4:3',
      nodes: { a: 'A', b: null, g: { nodes: { c: 'C' } } },
      edges: [
        'a -> b',
        { 'a <..> c': 'watch' },
        { 'b => g': { line: 'dashed' } },
        { from: 'a', to: 'g' },
      ],
      flows: [{ id: 'f', steps: [{ nodes: 'a', edges: ['a -> b'] }] }],
    };
    expect(check.safeParse(concise).success).toBe(true);
  });

  it('rejects what the parser rejects', () => {
    const check = asZod();
    for (const bad of [
      { nodes: { a: { shap: 'rect' } } },
      { nodes: { a: { shape: 'cylindr' } } },
      { nodes: { 'a b': 'x' } },
      { edges: ['a - > b'] },
      { edges: [{ 'a -> b': 'x', 'b -> a': 'y' }] },
      { edges: [{ from: 'a' }] },
      { flows: [{ steps: [] }] },
      { direction: 'sideways' },
      { aspect: '16/9' },
    ]) {
      expect(check.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
