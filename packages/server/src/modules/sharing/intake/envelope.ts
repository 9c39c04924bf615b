import { readStixObjects, type StixReadResult } from '@shinrai/core/sharing';

// Pages of a TAXII 2.1 pull, read in a parse worker (worker-tasks.ts): a page may be 64 MiB of JSON, so
// neither its parse nor the check of its objects runs on the event loop the pull job shares with requests.

export type TaxiiPage =
  | { ok: true; count: number; more: boolean; next: string | null }
  | { ok: false; error: 'not JSON' | 'not a TAXII envelope' };

type Envelope =
  { ok: true; objects: unknown[]; more: boolean; next: string | null } | Extract<TaxiiPage, { ok: false }>;

const text = (body: Uint8Array) =>
  Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');

function envelope(body: Uint8Array): Envelope {
  let env: unknown;
  try {
    env = JSON.parse(text(body));
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const e = env as { objects?: unknown; more?: unknown; next?: unknown };
  if (typeof env !== 'object' || env === null || (e.objects !== undefined && !Array.isArray(e.objects)))
    return { ok: false, error: 'not a TAXII envelope' };
  return {
    ok: true,
    objects: (e.objects as unknown[] | undefined) ?? [],
    more: e.more === true,
    next: typeof e.next === 'string' ? e.next : null,
  };
}

/** One page's envelope: how many objects it holds, and whether and where the collection goes on. */
export function readTaxiiPage(body: Uint8Array): TaxiiPage {
  const env = envelope(body);
  return env.ok ? { ok: true, count: env.objects.length, more: env.more, next: env.next } : env;
}

/**
 * The objects of every page of a pull, checked and ordered together (markings on one page apply to objects
 * on another; pointers count across pages, `/objects/N`). The pages were each read by `readTaxiiPage`.
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
