/** Opaque cursors for keyset pagination: the sort key and id of the last row of a page. */
export interface CursorKey {
  k: string | number;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.k, key.id]), 'utf8').toString('base64url');
}

/** Returns null for anything that is not a cursor this code made. */
export function decodeCursor(cursor: string): CursorKey | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [k, id] = v as unknown[];
    if ((typeof k !== 'string' && typeof k !== 'number') || typeof id !== 'string') return null;
    return { k, id };
  } catch {
    return null;
  }
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
