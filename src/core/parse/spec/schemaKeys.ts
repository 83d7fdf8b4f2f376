import type { z } from 'zod';
import type { SpecPath } from './specIssue.ts';

type Schema = z.core.$ZodType;

function unwrap(schema: Schema): Schema {
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return unwrap((def as z.core.$ZodOptionalDef).innerType);
    case 'pipe':
      return unwrap((def as z.core.$ZodPipeDef).in);
    case 'lazy':
      return unwrap((def as z.core.$ZodLazyDef).getter());
    default:
      return schema;
  }
}

function children(schema: Schema, segment: string | number): Schema[] {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = (def as z.core.$ZodObjectDef).shape;
      const child =
        typeof segment === 'string' && Object.hasOwn(shape, segment) ? shape[segment] : undefined;
      return child ? [child] : [];
    }
    case 'record':
      return typeof segment === 'string' ? [(def as z.core.$ZodRecordDef).valueType] : [];
    case 'array':
      return typeof segment === 'number' ? [(def as z.core.$ZodArrayDef).element] : [];
    case 'union':
      return (def as z.core.$ZodUnionDef).options.flatMap((option) => children(option, segment));
    default:
      return [];
  }
}

function objectKeys(schema: Schema): string[] {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  if (def.type === 'object') return Object.keys((def as z.core.$ZodObjectDef).shape);
  if (def.type === 'union') return (def as z.core.$ZodUnionDef).options.flatMap(objectKeys);
  return [];
}

/**
 * The keys the schema allows in the map at `path`, for "did you mean" on an
 * unknown key. Where a union allows several maps, their keys together.
 *
 * @example keysAt(SpecSchema, ['nodes', 'etcd']) // ['label', 'shape', …, 'nodes']
 */
export function keysAt(root: Schema, path: SpecPath): string[] {
  let current: Schema[] = [root];
  for (const segment of path) current = current.flatMap((schema) => children(schema, segment));
  return [...new Set(current.flatMap(objectKeys))];
}
