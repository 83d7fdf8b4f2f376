import { z } from 'zod';
import { SpecSchema } from './specSchema.ts';

/**
 * The JSON Schema for spec files, generated from `SpecSchema` so the editor
 * and the parser agree. Draft-07, the newest the YAML language server reads.
 *
 * @example specJsonSchema().title // 'Flowdeck diagram'
 */
export function specJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SpecSchema, { target: 'draft-7', io: 'input' });
}

/**
 * The schema file exactly as committed at public/schema/flowdeck.schema.json.
 *
 * @example writeFileSync('public/schema/flowdeck.schema.json', specJsonSchemaText())
 */
export function specJsonSchemaText(): string {
  return `${JSON.stringify(specJsonSchema(), null, 2)}\n`;
}
