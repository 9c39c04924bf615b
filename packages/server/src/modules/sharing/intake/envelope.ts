import { readStixObjects, type StixReadResult } from '@shinrai/core/sharing';

// Pages of a TAXII 2.1 pull, read in a parse worker (worker-tasks.ts): a page may be 64 MiB of JSON, so
// neither its parse nor the check of its objects runs on the event loop the pull job shares with requests.
// Before JSON.parse, a page's values are counted (MAX_PAGE_VALUES): what the parse allocates is bounded well
// under the worker's heap. (A worker that reaches its heap limit while one huge array grows can abort the
// whole process, not only itself: nodejs/node#47224. A page of 64 MiB of `{},` would be such an array.)

/** At most this many JSON values in one page, and in one pull (all pages), counted before parsing. */
export const MAX_PAGE_VALUES = 4_000_000;
/** At most this many bytes of pages in one pull (all of them are read together at the end). */
export const MAX_PULL_BYTES = 128 * 1024 * 1024;

export type TaxiiPage =
  | { ok: true; count: number; values: number; more: boolean; next: string | null }
  | { ok: false; error: string };

type Envelope =
  | { ok: true; objects: unknown[]; values: number; more: boolean; next: string | null }
  | Extract<TaxiiPage, { ok: false }>;

/**
 * The values of a JSON text counted without parsing it (objects, arrays, and one more per comma outside
 * strings), stopping past `stop`: about the number of values JSON.parse would make (strings and numbers that
 * are not after a comma are not counted, so at most one per object or array more).
 */
export function jsonValues(text: string, stop: number): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if ((c === 0x7b || c === 0x5b || c === 0x2c) && ++n > stop) return n;
  }
  return n;
}

const text = (body: Uint8Array) =>
  Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');

function envelope(body: Uint8Array): Envelope {
  const json = text(body);
  const values = jsonValues(json, MAX_PAGE_VALUES);
  if (values > MAX_PAGE_VALUES) return { ok: false, error: `more than ${MAX_PAGE_VALUES} JSON values` };
  let env: unknown;
  try {
    env = JSON.parse(json);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const e = env as { objects?: unknown; more?: unknown; next?: unknown };
  if (typeof env !== 'object' || env === null || (e.objects !== undefined && !Array.isArray(e.objects)))
    return { ok: false, error: 'not a TAXII envelope' };
  return {
    ok: true,
    objects: (e.objects as unknown[] | undefined) ?? [],
    values,
    more: e.more === true,
    next: typeof e.next === 'string' ? e.next : null,
  };
}

/** One page's envelope: how many objects it holds, and whether and where the collection goes on. */
export function readTaxiiPage(body: Uint8Array): TaxiiPage {
  const env = envelope(body);
  return env.ok
    ? { ok: true, count: env.objects.length, values: env.values, more: env.more, next: env.next }
    : env;
}

/**
 * The objects of every page of a pull, checked and ordered together (markings on one page apply to objects
 * on another; pointers count across pages, `/objects/N`). The pages were each read by `readTaxiiPage`, and
 * the pull keeps their values and bytes together under MAX_PAGE_VALUES and MAX_PULL_BYTES.
 */
export function readTaxiiObjects(bodies: Uint8Array[]): StixReadResult {
  const objects: unknown[] = [];
  for (const body of bodies) {
    const env = envelope(body);
    if (!env.ok) return { ok: false, problems: [{ pointer: '', code: 'not_json' }] };
    for (const o of env.objects) objects.push(o);
  }
  return readStixObjects(objects);
}
