import { nextFeedRun, parseFeedSchedule } from '@shinrai/core';
import {
  enqueueJob,
  findFeedSource,
  findFeedSourceByName,
  insertFeedSource,
  updateFeedSource,
  type FeedSourceRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { fail } from '../../../platform/http/errors.ts';
import type { ImportActor } from '../feed/runs.ts';
import { auditFeed, feedFolderPath } from './run.ts';
import { ADVISORIES_FEED_JOB, enqueueFeedRun, scheduleOf, type FeedJobPayload } from './schedule.ts';

export interface FeedSourceInput {
  name: string;
  kind: 'folder' | 'http';
  location: string;
  ecosystem: string;
  enabled: boolean;
  /** null: the instance's default. */
  schedule: string | null;
}

const bad = (pointer: string, message: string): never =>
  fail('validation_failed', [{ in: 'body', pointer, message }]);

/** Checks a source's fields (located errors), the same rules on create and edit. */
function checkInput(deps: Deps, i: FeedSourceInput): void {
  if (i.schedule !== null && parseFeedSchedule(i.schedule) === null) bad('/schedule', i.schedule);
  if (i.kind === 'http') {
    let url: URL | undefined;
    try {
      url = new URL(i.location);
    } catch {
      bad('/location', i.location);
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) bad('/location', i.location);
  } else if (feedFolderPath(deps.config.advisoryFeedDir, i.location) === null) {
    bad('/location', i.location);
  }
}

/** The next scheduled run of an enabled source (null when disabled). */
function nextRun(
  deps: Deps,
  row: Pick<FeedSourceRow, 'schedule' | 'last_run_at'>,
  enabled: boolean,
): string | null {
  if (!enabled) return null;
  const last = row.last_run_at === null ? null : new Date(row.last_run_at);
  return nextFeedRun(scheduleOf(deps, row), deps.now(), last).toISOString();
}

/** Adds a source; its first run is queued at its schedule's next time. Audited in the instance chain. */
export async function createFeedSource(deps: Deps, actor: ImportActor, i: FeedSourceInput): Promise<string> {
  checkInput(deps, i);
  if (await findFeedSourceByName(deps.store.db, i.name)) fail('conflict', { in: 'body', pointer: '/name' });
  const id = randomUUID();
  const now = deps.now().toISOString();
  const next = nextRun(deps, { schedule: i.schedule, last_run_at: null }, i.enabled);
  await deps.store.db.transaction().execute(async (trx) => {
    await insertFeedSource(trx, {
      id,
      name: i.name,
      kind: i.kind,
      location: i.location,
      ecosystem: i.ecosystem,
      enabled: i.enabled ? 1 : 0,
      schedule: i.schedule,
      next_run_at: next,
      failures: 0,
      seen: 0,
      added: 0,
      updated: 0,
      unchanged: 0,
      created_at: now,
      updated_at: now,
    });
    if (next !== null) await enqueueFeedRun(trx, id, next, now);
    await auditFeed(trx, deps, actor, 'advisories.feed_source_created', now, id, { ...i });
  });
  return id;
}

/**
 * Changes a source (disabling it stops its schedule; its queued run finds it disabled and does nothing).
 * A new location forgets what the old server answered, so the next run downloads in full.
 */
export async function editFeedSource(
  deps: Deps,
  actor: ImportActor,
  id: string,
  i: FeedSourceInput,
): Promise<void> {
  const old = (await findFeedSource(deps.store.db, id)) ?? fail('not_found');
  checkInput(deps, i);
  const other = await findFeedSourceByName(deps.store.db, i.name);
  if (other && other.id !== id) fail('conflict', { in: 'body', pointer: '/name' });
  const now = deps.now().toISOString();
  const moved = old.location !== i.location || old.kind !== i.kind;
  const next = nextRun(deps, { schedule: i.schedule, last_run_at: old.last_run_at }, i.enabled);
  await deps.store.db.transaction().execute(async (trx) => {
    await updateFeedSource(trx, id, {
      name: i.name,
      kind: i.kind,
      location: i.location,
      ecosystem: i.ecosystem,
      enabled: i.enabled ? 1 : 0,
      schedule: i.schedule,
      next_run_at: next,
      ...(moved ? { etag: null, last_modified: null, content_sha256: null } : {}),
      updated_at: now,
    });
    if (next !== null) await enqueueFeedRun(trx, id, next, now);
    const changed = Object.fromEntries(
      Object.entries({
        name: [old.name, i.name],
        kind: [old.kind, i.kind],
        location: [old.location, i.location],
        ecosystem: [old.ecosystem, i.ecosystem],
        enabled: [old.enabled === 1, i.enabled],
        schedule: [old.schedule, i.schedule],
      }).filter(([, [a, b]]) => a !== b),
    );
    await auditFeed(trx, deps, actor, 'advisories.feed_source_updated', now, id, { changed });
  });
}

/** "Run now": queues a run of the source as a job of the asking organization (so it can follow it). */
export async function queueFeedRunNow(
  deps: Deps,
  actor: ImportActor,
  orgId: string,
  id: string,
): Promise<string> {
  const src = (await findFeedSource(deps.store.db, id)) ?? fail('not_found');
  const jobId = randomUUID();
  const now = deps.now().toISOString();
  const payload: FeedJobPayload = { sourceId: src.id, actorUserId: actor.userId };
  await deps.store.db.transaction().execute(async (trx) => {
    await enqueueJob(trx, { id: jobId, orgId, kind: ADVISORIES_FEED_JOB, payload, maxAttempts: 2, now });
    await auditFeed(trx, deps, actor, 'advisories.feed_run_requested', now, src.id, {
      name: src.name,
      jobId,
      requestedFromOrgId: orgId,
    });
  });
  return jobId;
}
