/**
 * The server answers every error code with the HTTP status docs/api.md gives it ("Error codes").
 * The code list itself is checked against the table in packages/core/src/errors.test.ts.
 */
import { ERROR_CODES } from '@shinrai/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../packages/server/src/http/errors.ts';

describe('error statuses', () => {
  it('are the ones docs/api.md documents', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
    const documented = new Map(
      [...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|$/gm)].map((m) => [m[1], Number(m[2])]),
    );
    const wrong = ERROR_CODES.filter((c) => statusOf(c) !== documented.get(c)).map(
      (c) => `${c}: server ${statusOf(c)}, docs ${documented.get(c) ?? 'missing'}`,
    );
    expect(wrong).toEqual([]);
  });
});
