import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let poolAt = pool.length;
let lastMs = 0;
let counter = 0;

/**
 * A time-ordered UUID (version 7, RFC 9562) for component and finding rows: 48 bits of milliseconds,
 * then a 12-bit counter within the millisecond, then 62 random bits. Rows written together get ids in
 * increasing order, so the primary-key index takes 10,000 of them as an append at its end instead of
 * 10,000 inserts at random places (random version-4 ids); the ids stay unguessable in their random part.
 */
export function orderedId(now = Date.now()): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const b = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next one (ids stay increasing).
    lastMs++;
    counter = 0;
  }
  const ms = lastMs;
  const hi = Math.floor(ms / 2 ** 16);
  const lo = ms % 2 ** 16;
  const h = (n: number, w: number) => n.toString(16).padStart(w, '0');
  const rand = b.toString('hex');
  return (
    `${h(hi, 8)}-${h(lo, 4)}-7${h(counter, 3)}-` +
    `${h(0x8000 | (((b[8] ?? 0) & 0x3f) << 8) | (b[9] ?? 0), 4)}-${rand.slice(20, 32)}`
  );
}
