import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './pagination.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe('pagination cursors', () => {
  it.each([
    { k: 'alice@example.jp', id: 'a4b9c1' },
    { k: '2025-04-01T09:00:00.000Z', id: '00000000-0000-0000-0000-000000000000' },
    { k: 42, id: '42' },
    { k: 0, id: '' },
    { k: '田中 太郎', id: 'ユーザー' },
    { k: 'with "quotes", commas and \\ backslashes', id: '[]' },
  ])('round-trips %j', (key) => {
    const c = encodeCursor(key);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe, no padding
    expect(decodeCursor(c)).toEqual(key);
  });

  it.each([
    ['empty', ''],
    ['not base64', '!!!***'],
    ['plain text', b64('hello')],
    ['JSON object', b64('{"k":"a","id":"b"}')],
    ['one element', b64('["a"]')],
    ['three elements', b64('["a","b","c"]')],
    ['numeric id', b64('["a",1]')],
    ['null key', b64('[null,"x"]')],
    ['boolean key', b64('[true,"x"]')],
    ['object key', b64('[{},"x"]')],
    ['array key', b64('[[1],"x"]')],
    ['JSON string', b64('"abc"')],
    ['JSON null', b64('null')],
    ['truncated', encodeCursor({ k: 'abc', id: 'def' }).slice(0, 8)],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x5b]).toString('base64url')],
  ])('returns null for %s', (_name, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });

  it('returns null for a very long garbage string without throwing', () => {
    expect(decodeCursor('A'.repeat(100_000))).toBeNull();
  });
});
