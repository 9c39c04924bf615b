import { nextFeedRunAfter } from '@shinrai/core';
import {
  abandonAdvisoryImport,
  appendAudit,
  type Database,
  claimFeedSource,
  findAdvisoryImport,
  findFeedSource,
  releaseFeedSource,
  renewFeedSource,
  type FeedSourcePatch,
  type FeedSourceRow,
} from '@shinrai/store';
import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../../platform/deps.ts';
import { importAdvisories, type AdvisoryImportCounts, type AdvisoryImportProgress } from '../feed/import.ts';
import { auditImport, leaseFrom, runCounts, type ImportActor } from '../feed/runs.ts';
import { downloadArchive, FEED_MAX_BYTES, FEED_TIMEOUT_MS } from './download.ts';
import type { RefusalReason } from '../feed/reasons.ts';
import type { FeedErrorCode } from './reasons.ts';
import { enqueueFeedRun, scheduleOf } from './schedule.ts';

export type FeedRunOutcome = 'imported' | 'not_modified' | 'unchanged' | 'failed' | 'stopped';

export type FeedRunResult =
  | { outcome: 'busy' | 'missing' }
  | {
      outcome: FeedRunOutcome;
      importId: string | null;
      counts: AdvisoryImportCounts | null;
      error: { code: string; detail: string } | null;
      nextRunAt: string | null;
    };

/** What a run needs of the server: the database, the file store, the configuration and the clock. */
export type FeedDeps = Pick<Deps, 'store' | 'files' | 'config' | 'now'>;

export interface FeedRunOptions {
  /** The job running it: it holds the source's lease (the same job, taken over, continues at once). */
  jobId: string;
  /** schedule: its scheduled job; manual: "run now" on the web; cli: `shinrai advisories feed run`. */
  trigger: 'schedule' | 'manual' | 'cli';
  actor?: ImportActor;
  now?: () => Date;
  batchSize?: number;
  maxBytes?: number;
  timeoutMs?: number;
  /** Called as the run goes on (the job renews its lease and reports progress). */
  heartbeat?: (p: { processed: number; total: number }) => Promise<void>;
  onProgress?: (p: AdvisoryImportProgress) => void | Promise<void>;
  shouldStop?: () => boolean;
}

/** Where a folder source is: under the feed folder, never outside it (`..`, absolute paths elsewhere). */
export function feedFolderPath(root: string, location: string): string | null {
  const full = path.resolve(root, location);
  const rel = path.relative(root, full);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : full;
}

/**
 * One run of a feed source. It takes the source's lease (so no second run, on this instance or another,
 * starts while it holds it), fetches the source (conditionally over HTTP: an unchanged archive is neither
 * downloaded nor re-read), imports it with the advisory import (incremental, in batches, with its run,
 * audit and pending re-match), and records the result, the next run (with backoff after failures) and an
 * instance audit entry. A run whose process died leaves its lease to run out (or its job to be taken
 * over); the next run marks the dead import abandoned and imports again: unchanged records are not written.
 */
export async function runFeedSource(
  deps: FeedDeps,
  sourceId: string,
  o: FeedRunOptions,
): Promise<FeedRunResult> {
  const db = deps.store.db;
  const clock = o.now ?? deps.now;
  const iso = () => clock().toISOString();
  const actor = o.actor ?? { userId: null, requestId: null };
  const src = await findFeedSource(db, sourceId);
  if (!src) return { outcome: 'missing' };
  if (!(await claimFeedSource(db, sourceId, o.jobId, iso(), leaseFrom(clock())))) return { outcome: 'busy' };
  const startedAt = iso();
  let lastBeat = 0;
  const renew = async (patch: FeedSourcePatch = {}) => {
    if (!(await renewFeedSource(db, sourceId, o.jobId, leaseFrom(clock()), patch)))
      throw new Error(`feed source ${sourceId}: lease lost`);
  };
  const beat = async (processed: number, total: number, force = false) => {
    const t = clock().getTime();
    if (!force && t - lastBeat < 10_000) return;
    lastBeat = t;
    await renew();
    await o.heartbeat?.({ processed, total });
  };

  const end = (
    outcome: FeedRunOutcome,
    r: Partial<{ importId: string; counts: AdvisoryImportCounts; error: { code: string; detail: string } }>,
    patch: FeedSourcePatch = {},
  ) => finishRun(deps, src, o, actor, startedAt, outcome, r, patch, iso);
  const failed = (
    code: FeedErrorCode | RefusalReason,
    detail: string,
    importId?: string,
    counts?: AdvisoryImportCounts,
  ) =>
    end('failed', {
      error: { code, detail },
      ...(importId ? { importId } : {}),
      ...(counts ? { counts } : {}),
    });

  try {
    let target: string;
    let fileKey: string | null = null;
    let httpPatch: FeedSourcePatch = {};
    if (src.kind === 'folder') {
      const dir = feedFolderPath(deps.config.advisoryFeedDir, src.location);
      const info = dir === null ? null : await stat(dir).catch(() => null);
      if (dir === null || !info?.isDirectory()) return await failed('folder_missing', src.location);
      target = dir;
    } else {
      const got = await downloadArchive(
        { files: deps.files, now: clock },
        {
          url: src.location,
          etag: src.content_sha256 === null ? null : src.etag,
          lastModified: src.content_sha256 === null ? null : src.last_modified,
          maxBytes: o.maxBytes ?? FEED_MAX_BYTES,
          timeoutMs: o.timeoutMs ?? FEED_TIMEOUT_MS,
          jobId: o.jobId,
          name: src.name,
          onBytes: (n) => beat(0, n),
        },
      );
      if (got.kind === 'error') return await failed(got.code, got.detail);
      if (got.kind === 'not_modified') return await end('not_modified', {});
      httpPatch = { etag: got.etag, last_modified: got.lastModified, content_sha256: got.file.sha256 };
      if (got.file.sha256 === src.content_sha256) {
        // the same bytes as the last archive imported in full: nothing to read again
        await deps.files.delete(got.file.key);
        return await end('unchanged', {}, httpPatch);
      }
      fileKey = got.file.key;
      target = '';
    }

    // An import left running by a dead run of this source ends as abandoned before the new one starts.
    await abandonPrevious(deps, src, actor, iso());
    const importId = randomUUID();
    await renew({ last_import_id: importId });
    const run = (file: string) =>
      importAdvisories(deps.store, file, src.name, {
        importId,
        via: 'feed',
        actor,
        now: clock,
        ...(o.batchSize ? { batchSize: o.batchSize } : {}),
        onProgress: async (p) => {
          await beat(p.processed, p.total, true);
          await o.onProgress?.(p);
        },
        shouldStop: o.shouldStop,
      });
    const result = fileKey === null ? await run(target) : await deps.files.withLocalFile(fileKey, run);
    if (fileKey !== null) await deps.files.delete(fileKey);
    if (!result.ok) return await failed(result.reason, result.detail, importId, result.counts);
    if (result.stopped) {
      await releaseFeedSource(db, sourceId, o.jobId, {});
      return { outcome: 'stopped', importId, counts: result.counts, error: null, nextRunAt: src.next_run_at };
    }
    return await end('imported', { importId, counts: result.counts }, httpPatch);
  } catch (err) {
    // Most likely the database went away: recorded if it can be; the lease runs out otherwise.
    await failed('internal', err instanceof Error ? err.message : String(err)).catch(() => {});
    throw err;
  }
}

async function abandonPrevious(
  deps: FeedDeps,
  src: FeedSourceRow,
  actor: ImportActor,
  at: string,
): Promise<void> {
  if (src.last_import_id === null) return;
  const prev = await findAdvisoryImport(deps.store.db, src.last_import_id);
  if (prev?.status !== 'running') return;
  await deps.store.db.transaction().execute(async (trx) => {
    const error = JSON.stringify({ code: 'abandoned', detail: 'retried' });
    if (!(await abandonAdvisoryImport(trx, prev.id, at, error))) return;
    await auditImport(trx, deps.store, actor, 'advisories.import_abandoned', at, prev.id, {
      source: prev.source,
      via: prev.via,
      status: 'abandoned',
      counts: runCounts(prev),
    });
  });
}

/**
 * The end of a run, in one transaction: the source's status (counts, error, failures), its lease freed,
 * its next scheduled run queued (later after failures) and the run in the instance audit chain.
 */
async function finishRun(
  deps: FeedDeps,
  src: FeedSourceRow,
  o: FeedRunOptions,
  actor: ImportActor,
  startedAt: string,
  outcome: FeedRunOutcome,
  r: Partial<{ importId: string; counts: AdvisoryImportCounts; error: { code: string; detail: string } }>,
  patch: FeedSourcePatch,
  iso: () => string,
): Promise<FeedRunResult> {
  const at = iso();
  const ok = outcome !== 'failed';
  const failures = ok ? 0 : src.failures + 1;
  const next =
    src.enabled === 1 ? nextFeedRunAfter(scheduleOf(deps, src), new Date(at), failures).toISOString() : null;
  const c = r.counts;
  await deps.store.db.transaction().execute(async (trx) => {
    const held = await releaseFeedSource(trx, src.id, o.jobId, {
      ...patch,
      failures,
      last_run_at: startedAt,
      last_result: outcome,
      last_error: r.error ? JSON.stringify(r.error) : null,
      ...(ok ? { last_success_at: at } : {}),
      ...(c ? { seen: c.processed, added: c.added, updated: c.updated, unchanged: c.unchanged } : {}),
      ...(outcome === 'not_modified' || outcome === 'unchanged'
        ? { seen: 0, added: 0, updated: 0, unchanged: 0 }
        : {}),
      ...(next !== null ? { next_run_at: next } : {}),
      updated_at: at,
    });
    if (!held) return;
    if (next !== null) await enqueueFeedRun(trx, src.id, next, at);
    await auditFeed(trx, deps, actor, 'advisories.feed_run', at, src.id, {
      importId: r.importId ?? null,
      name: src.name,
      kind: src.kind,
      trigger: o.trigger,
      result: outcome,
      ...(c ? { counts: { ...c } } : {}),
      ...(r.error ? { error: r.error.code, detail: r.error.detail } : {}),
      nextRunAt: next,
    });
  });
  return {
    outcome,
    importId: r.importId ?? null,
    counts: c ?? null,
    error: r.error ?? null,
    nextRunAt: next,
  };
}

/** An entry about a feed source in the instance's audit chain (the advisory database belongs to no organization). */
export async function auditFeed(
  trx: Transaction<Database>,
  deps: Pick<Deps, 'store'>,
  actor: ImportActor,
  action: string,
  at: string,
  sourceId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(trx, deps.store.ops, {
    at,
    orgId: null,
    actorUserId: actor.userId,
    actorTokenId: null,
    action,
    targetType: 'advisory_feed_source',
    targetId: sourceId,
    requestId: actor.requestId,
    details: { sourceId, ...details },
  });
}
