import { DEFAULT_STIX_READ_LIMITS, type StixProblem } from '@shinrai/core/sharing';
import {
  enqueueJobOnce,
  findIntakeSource,
  updateIntakeSource,
  type Executor,
  type SharingIntakeSourceRow,
} from '@shinrai/store';
import { write, type Ctx } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { MAX_PAGE_VALUES, MAX_PULL_BYTES } from './envelope.ts';
import { importStixObjects, type IntakeSummary } from './import.ts';
import { readTaxiiObjectsOffThread, readTaxiiPageOffThread } from './read-bundle.ts';
import { taxiiGet, type TaxiiNet } from './taxii-fetch.ts';

/** Job kind of one pull of a TAXII source (scheduled, or "pull now"). */
export const SHARING_INTAKE_PULL_JOB = 'sharing.intake.pull';

export interface PullPayload {
  sourceId: string;
  /** The scheduled time this job was queued for; absent for "pull now". */
  at?: string;
  actorUserId?: string | null;
}

export type PullOutcome = { ok: true; pages: number; summary: IntakeSummary } | { ok: false; error: string };

const MEDIA = 'application/taxii+json;version=2.1';
const PAGE_LIMIT = 1000;
const MAX_PAGES = 1000;
/** Backoff after failures in a row: 1, 2, 4 … minutes, never beyond the source's own interval. */
export function backoffMs(failures: number, intervalMinutes: number): number {
  return Math.min(2 ** Math.max(0, failures - 1), intervalMinutes) * 60_000;
}

export async function enqueuePull(
  ex: Executor,
  src: Pick<SharingIntakeSourceRow, 'id' | 'org_id'>,
  at: string,
  now: string,
  actorUserId?: string | null,
) {
  const payload: PullPayload =
    actorUserId === undefined ? { sourceId: src.id, at } : { sourceId: src.id, actorUserId };
  await enqueueJobOnce(ex, {
    id: `${SHARING_INTAKE_PULL_JOB}:${src.id}:${actorUserId === undefined ? at : `now:${now}`}`,
    orgId: src.org_id,
    kind: SHARING_INTAKE_PULL_JOB,
    payload,
    now,
    runAt: at,
    maxAttempts: 2,
  });
}

function authHeader(src: SharingIntakeSourceRow): Record<string, string> {
  if (src.auth_kind === 'bearer' && src.secret) return { authorization: `Bearer ${src.secret}` };
  if (src.auth_kind === 'basic')
    return {
      authorization: `Basic ${Buffer.from(`${src.username ?? ''}:${src.secret ?? ''}`).toString('base64')}`,
    };
  return {};
}

/** The objects URL of a source's collection, with the query of one page. */
function pageUrl(src: SharingIntakeSourceRow, next: string | null): string {
  const root = src.api_root_url.endsWith('/') ? src.api_root_url : `${src.api_root_url}/`;
  const url = new URL(`collections/${encodeURIComponent(src.collection_id)}/objects/`, root);
  if (src.checkpoint) url.searchParams.set('added_after', src.checkpoint);
  url.searchParams.set('limit', String(PAGE_LIMIT));
  if (next !== null) url.searchParams.set('next', next);
  return url.toString();
}

type Fetched = { ok: true; pages: Buffer[]; last: string | null } | { ok: false; error: string };

/**
 * Every page since the checkpoint (following `next` while `more`), or the first problem met. Each page is
 * parsed in a parse worker (only its object count, `more` and `next` come back); the bodies are kept for the
 * check of all objects together once every page arrived.
 */
async function fetchAll(src: SharingIntakeSourceRow, net: TaxiiNet): Promise<Fetched> {
  const pages: Buffer[] = [];
  let count = 0;
  let values = 0;
  let bytes = 0;
  let last: string | null = null;
  let next: string | null = null;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await taxiiGet(pageUrl(src, next), { accept: MEDIA, ...authHeader(src) }, net);
    if (!res.ok)
      return { ok: false, error: `page ${page}: ${res.problem}${res.detail ? ` (${res.detail})` : ''}` };
    if (res.status !== 200) return { ok: false, error: `page ${page}: HTTP ${res.status}` };
    const type = String(res.headers['content-type'] ?? '');
    if (!/^application\/taxii\+json\s*(;|$)/i.test(type))
      return { ok: false, error: `page ${page}: content type ${type.slice(0, 100) || '(none)'}` };
    const read = await readTaxiiPageOffThread(res.body);
    if (!read.ok) return { ok: false, error: `page ${page}: ${read.error}` };
    pages.push(res.body);
    count += read.count;
    values += read.values;
    bytes += res.body.length;
    if (count > DEFAULT_STIX_READ_LIMITS.maxObjects)
      return { ok: false, error: `more than ${DEFAULT_STIX_READ_LIMITS.maxObjects} objects in one pull` };
    // Every page is read again, together, at the end: bounded like one page's parse.
    if (values > MAX_PAGE_VALUES)
      return { ok: false, error: `more than ${MAX_PAGE_VALUES} JSON values in one pull` };
    if (bytes > MAX_PULL_BYTES) return { ok: false, error: `more than ${MAX_PULL_BYTES} bytes in one pull` };
    const h = res.headers['x-taxii-date-added-last'];
    if (typeof h === 'string' && h !== '') last = h;
    if (!read.more) return { ok: true, pages, last };
    if (read.next === null || read.next === '')
      return { ok: false, error: `page ${page}: more without next` };
    next = read.next;
  }
  return { ok: false, error: `more than ${MAX_PAGES} pages` };
}

/** The first problems of a refused set of objects, for the source's last error. */
function readProblem(problems: StixProblem[]): string {
  const p = problems[0];
  if (p?.code === 'out_of_memory') return `objects: out of memory (limit ${String(p.params?.limit)} MB)`;
  return `invalid objects: ${problems
    .slice(0, 3)
    .map((q) => `${q.pointer} ${q.code}`)
    .join(', ')}`;
}

/**
 * One pull of a TAXII 2.1 source: every page since the stored checkpoint is fetched first; only when all
 * of them arrived and every object checks out are they imported (the same import as an upload, so
 * idempotency holds) and the checkpoint moved, in one transaction. A failure writes nothing but the
 * source's state: the error, failures in a row, and the next attempt after a backoff.
 */
export async function pullSource(
  deps: Deps,
  sourceId: string,
  actorUserId: string | null,
  net: TaxiiNet = {},
): Promise<PullOutcome> {
  const src = await findIntakeSource(deps.store.db, sourceId);
  if (!src) return { ok: false, error: 'missing' };
  const ctx: Ctx = {
    deps,
    orgId: src.org_id,
    role: 'owner',
    actor: { userId: actorUserId, tokenId: null, requestId: null },
    now: deps.now(),
  };
  const now = ctx.now.toISOString();
  const fetched = await fetchAll(src, net);
  let problem: string | null = fetched.ok ? null : fetched.error;
  const read = fetched.ok ? await readTaxiiObjectsOffThread(fetched.pages) : null;
  if (read && !read.ok) problem = readProblem(read.problems);
  if (problem !== null || !fetched.ok || !read?.ok) {
    const failures = src.failures + 1;
    const error = (problem ?? 'failed').slice(0, 500);
    await write(ctx, async (tx) => {
      await updateIntakeSource(tx.trx, src.id, {
        failures,
        last_error: error,
        last_attempt_at: now,
        next_run_at: new Date(ctx.now.getTime() + backoffMs(failures, src.interval_minutes)).toISOString(),
        updated_at: now,
      });
      await tx.audit(
        'sharing.intake.pull_failed',
        { type: 'sharing_intake_source', id: src.id },
        { error, failures },
      );
    });
    await scheduleNext(deps, src.id);
    return { ok: false, error };
  }
  const summary = await write(ctx, async (tx) => {
    const s = await importStixObjects(tx, {
      kind: 'taxii',
      label: src.name,
      sourceId: src.id,
      producer: read.producer,
      objects: read.objects,
    });
    await updateIntakeSource(tx.trx, src.id, {
      checkpoint: fetched.last ?? src.checkpoint,
      failures: 0,
      last_error: null,
      last_attempt_at: now,
      last_success_at: now,
      next_run_at: new Date(ctx.now.getTime() + src.interval_minutes * 60_000).toISOString(),
      updated_at: now,
    });
    return s;
  });
  await scheduleNext(deps, src.id);
  return { ok: true, pages: fetched.pages.length, summary };
}

/** Queues the source's next scheduled pull (one job per source and time, however often asked). */
export async function scheduleNext(deps: Deps, sourceId: string): Promise<void> {
  const src = await findIntakeSource(deps.store.db, sourceId);
  if (!src || src.enabled !== 1 || src.next_run_at === null) return;
  await enqueuePull(deps.store.db, src, src.next_run_at, deps.now().toISOString());
}
