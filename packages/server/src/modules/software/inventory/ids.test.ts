import { describe, expect, it } from 'vitest';
import { orderedId } from './ids.ts';

describe('orderedId', () => {
  it('gives UUID version 7 text that sorts in the order the ids were made, also within one millisecond', () => {
    const ms = Date.UTC(2026, 11, 2);
    const ids = [
      ...Array.from({ length: 5000 }, () => orderedId(ms)),
      ...Array.from({ length: 10 }, () => orderedId(ms + 1)),
    ];
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The first 48 bits are the milliseconds (RFC 9562).
    expect(
      parseInt(
        orderedId(ms + 10)
          .replace('-', '')
          .slice(0, 12),
        16,
      ),
    ).toBe(ms + 10);
  });

  it('keeps increasing when the clock goes back', () => {
    const a = orderedId(Date.UTC(2030, 0, 1));
    const b = orderedId(Date.UTC(2029, 0, 1));
    expect(b > a).toBe(true);
  });
});
