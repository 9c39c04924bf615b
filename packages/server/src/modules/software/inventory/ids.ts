import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let poolAt = pool.length;
let lastMs = 0;
let counter = 0;
/** Two hex digits of every byte value (ids are made 10,000 at a time: no number formatting per id). */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** The time part of the last id ("xxxxxxxx-xxxx-"), made again only when the millisecond changes. */
let timeText = '';
let timeTextMs = -1;

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
  const at = poolAt;
  poolAt += 16;
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next one (ids stay increasing).
    lastMs++;
    counter = 0;
  }
  if (timeTextMs !== lastMs) {
    timeTextMs = lastMs;
    const hi = Math.floor(lastMs / 2 ** 16);
    const lo = lastMs % 2 ** 16;
    timeText = `${hi.toString(16).padStart(8, '0')}-${lo.toString(16).padStart(4, '0')}-`;
  }
  const b = pool;
  const variant = 0x80 | ((b[at + 8] ?? 0) & 0x3f);
  return (
    `${timeText}7${(counter >> 8).toString(16)}${HEX[counter & 0xff]}-` +
    `${HEX[variant]}${HEX[b[at + 9] ?? 0]}-` +
    `${HEX[b[at + 10] ?? 0]}${HEX[b[at + 11] ?? 0]}${HEX[b[at + 12] ?? 0]}${HEX[b[at + 13] ?? 0]}` +
    `${HEX[b[at + 14] ?? 0]}${HEX[b[at + 15] ?? 0]}`
  );
}
