import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Member, page } from './schemas.ts';
import { compiledSerializerCompiler, nullableScalars } from './serializer.ts';

type Route = Parameters<typeof compiledSerializerCompiler>[0];
const route = (schema: unknown): Route => ({ schema, method: 'GET', url: '/x', httpStatus: '200' });
const both = (schema: z.ZodType) => ({
  compiled: compiledSerializerCompiler(route(schema)),
  zod: zodSerializerCompiler(route(schema) as Parameters<typeof zodSerializerCompiler>[0]),
});

describe('compiled response serializer', () => {
  it('writes the members page exactly as the zod serializer did, dropping properties the schema does not name', () => {
    const { compiled, zod } = both(page(Member));
    const item = (i: number) => ({
      user: {
        id: `u${i}`,
        email: `m${i}@example.jp`,
        displayName: `メンバー "${i}"\n`,
        password_hash: 'secret',
      },
      role: i === 0 ? 'owner' : 'member',
      createdAt: '2026-12-02T10:00:00.000Z',
      internal: 1,
    });
    for (const data of [
      { items: [item(0), item(1)], nextCursor: 'WyJhIiwiYiJd' },
      { items: [], nextCursor: null },
    ]) {
      const out = compiled(data);
      expect(out).toBe(zod(data));
      expect(out).not.toContain('secret');
    }
  });

  it('makes nullable scalars a type list, leaving other unions alone', () => {
    expect(nullableScalars({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] })).toEqual({
      type: ['string', 'null'],
      format: 'date-time',
    });
    const union = { anyOf: [{ type: 'object', properties: {} }, { type: 'null' }] };
    expect(nullableScalars(union)).toEqual(union);
  });

  it('keeps the zod serializer for a schema JSON Schema cannot express', () => {
    const schema = z.object({ n: z.custom<string>((v) => typeof v === 'string') });
    const { compiled, zod } = both(schema);
    expect(compiled({ n: 'abc', extra: 1 })).toBe(zod({ n: 'abc', extra: 1 }));
    // zod checks what it writes: a wrong value is refused, as before.
    expect(() => compiled({ n: 3 })).toThrow();
  });
});
