import { getSetting, type Executor } from '@shinrai/store';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The `next` cursor of TAXII paging: the position (a per-hub sequence number) and what the query was, signed with
// an instance secret kept in the database, so any server process on the same database answers the next page and
// nothing is held in memory between requests.

const SECRET_KEY = 'sharing.taxii.cursor_secret';
const secrets = new WeakMap<object, Promise<Buffer>>();

/** The instance's cursor secret: created once (the first writer wins), then read back by every process. */
export function cursorSecret(ex: Executor): Promise<Buffer> {
  let found = secrets.get(ex);
  if (!found) {
    found = (async () => {
      await ex
        .insertInto('settings')
        .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      return Buffer.from((await getSetting(ex, SECRET_KEY)) ?? '', 'base64url');
    })();
    found.catch(() => secrets.delete(ex));
    secrets.set(ex, found);
  }
  return found;
}

export interface Cursor {
  /** The collection (hub and key) the cursor pages. */
  scope: string;
  /** A digest of the filters; a cursor is refused with other filters. */
  query: string;
  /** The last sequence number handed out. */
  seq: number;
}

export function queryDigest(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

function mac(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function signCursor(secret: Buffer, c: Cursor): string {
  const body = Buffer.from(JSON.stringify([c.scope, c.query, c.seq])).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The cursor, or undefined when it is malformed or its signature does not match. */
export function readCursor(secret: Buffer, token: string): Cursor | undefined {
  if (token.length > 1000) return undefined;
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length) return undefined;
  const given = Buffer.from(sig, 'base64url');
  const want = mac(secret, body);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return undefined;
  try {
    const [scope, query, seq] = JSON.parse(Buffer.from(body, 'base64url').toString()) as unknown[];
    if (typeof scope !== 'string' || typeof query !== 'string' || !Number.isSafeInteger(seq))
      return undefined;
    return { scope, query, seq: seq as number };
  } catch {
    return undefined;
  }
}
