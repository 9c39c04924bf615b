import { nextFeedRun, parseFeedSchedule, type FeedSchedule } from '@shinrai/core';
import {
  enqueueJobOnce,
  listFeedSources,
  updateFeedSource,
  type Executor,
  type FeedSourceRow,
} from '@shinrai/store';
import type { Deps } from '../../../platform/deps.ts';

/** Job kind of a feed run (scheduled, or "run now"). */
export const ADVISORIES_FEED_JOB = 'advisories.feed';

/** Used when the configured default is not a schedule. */
export const FALLBACK_SCHEDULE = 'daily:04:00';

export interface FeedJobPayload {
  sourceId: string;
  /** The scheduled time this job was queued for; absent for "run now". */
  at?: string;
  /** Who asked for "run now". */
  actorUserId?: string | null;
}

/** The instance's default schedule (configuration), or the fallback if it is not one. */
export function defaultSchedule(deps: Pick<Deps, 'config'>): string {
  return parseFeedSchedule(deps.config.advisoryFeedSchedule)
    ? deps.config.advisoryFeedSchedule
    : FALLBACK_SCHEDULE;
}

/** The schedule a source follows: its own, or the instance's. */
export function scheduleOf(deps: Pick<Deps, 'config'>, row: Pick<FeedSourceRow, 'schedule'>): FeedSchedule {
  return (
    parseFeedSchedule(row.schedule ?? '') ??
    parseFeedSchedule(defaultSchedule(deps)) ?? { kind: 'daily', hour: 4, minute: 0 }
  );
}

/**
 * Queues the scheduled run of a source at `at`. The job id carries the source and the time, so however
 * many instances (or restarts) ask, one job exists per scheduled run.
 */
export async function enqueueFeedRun(ex: Executor, sourceId: string, at: string, now: string): Promise<void> {
  const payload: FeedJobPayload = { sourceId, at };
  await enqueueJobOnce(ex, {
    id: `${ADVISORIES_FEED_JOB}:${sourceId}:${at}`,
    orgId: null,
    kind: ADVISORIES_FEED_JOB,
    payload,
    now,
    runAt: at,
    // a second attempt only when the first one's process died (the run's own failures end the job)
    maxAttempts: 2,
  });
}

/** Overdue by more than this, a scheduled run is given up (its job ended for good) and the next one queued. */
const OVERDUE_MS = 3_600_000;

/**
 * Makes sure every enabled source has its next run queued (at server start and daily): a source never
 * scheduled, or whose scheduled run is long overdue (its job failed for good), gets a new time.
 */
export async function ensureFeedScheduled(deps: Deps): Promise<number> {
  const now = deps.now();
  let queued = 0;
  for (const s of await listFeedSources(deps.store.db)) {
    if (s.enabled !== 1) continue;
    let at = s.next_run_at;
    if (at === null || Date.parse(at) < now.getTime() - OVERDUE_MS) {
      const last = s.last_run_at === null ? null : new Date(s.last_run_at);
      at = nextFeedRun(scheduleOf(deps, s), now, last).toISOString();
      await updateFeedSource(deps.store.db, s.id, { next_run_at: at });
    }
    await enqueueFeedRun(deps.store.db, s.id, at, now.toISOString());
    queued++;
  }
  return queued;
}
