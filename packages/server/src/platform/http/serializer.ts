import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serialize = (data: unknown) => string;
type Route = Parameters<FastifySerializerCompiler<unknown>>[0];

/**
 * Responses are written by fast-json-stringify (Fastify's compiled serializer) from the JSON Schema of
 * the route's zod response schema, instead of zod checking every response and JSON.stringify writing
 * it. As with zod's output, only the properties the schema names are written. A schema JSON Schema
 * cannot express (a transform, a custom type) keeps the zod serializer. Built on a route's first
 * response, so starting the server compiles nothing. The OpenAPI document is made from the same zod
 * schemas as before and does not change.
 */
export const compiledSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  let serialize: Serialize | null = null;
  return (data) => {
    serialize ??= build(route);
    return serialize(data);
  };
};

function build(route: Route): Serialize {
  const fallback = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]) as Serialize;
  const schema = route.schema;
  if (!(schema instanceof z.ZodType)) return fallback;
  try {
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-07', unrepresentable: 'throw' });
    return fastJson(nullableScalars(json) as Parameters<typeof fastJson>[0]);
  } catch {
    return fallback;
  }
}

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * `anyOf: [{type: 'string', …}, {type: 'null'}]` (zod's `.nullable()` on a scalar) becomes
 * `type: ['string', 'null']`: fast-json-stringify writes that directly, where `anyOf` would run a
 * schema validator on every value to choose the branch.
 */
export function nullableScalars(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableScalars);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = nullableScalars(v);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const isNull = (x: unknown) =>
      typeof x === 'object' &&
      x !== null &&
      Object.keys(x).length === 1 &&
      (x as { type?: unknown }).type === 'null';
    const other = anyOf.find((x) => !isNull(x)) as Record<string, unknown> | undefined;
    if (
      other !== undefined &&
      anyOf.some(isNull) &&
      typeof other.type === 'string' &&
      SCALARS.has(other.type)
    ) {
      delete out.anyOf;
      const { enum: _enum, ...rest } = other;
      return { ...out, ...rest, type: [other.type, 'null'] };
    }
  }
  return out;
}
