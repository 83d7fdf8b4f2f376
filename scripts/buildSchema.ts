/**
 * Writes public/schema/flowdeck.schema.json from the spec's zod schema.
 * Run after changing src/core/parse/spec/specSchema.ts:
 *
 *   npx tsx scripts/buildSchema.ts
 *
 * A unit test fails while the committed file is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specJsonSchemaText } from '../src/core/parse/spec/specJsonSchema.ts';

const target = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../public/schema/flowdeck.schema.json',
);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, specJsonSchemaText());
console.log(`wrote ${target}`);
