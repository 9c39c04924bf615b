import { enqueueJob } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import { scheduleDaily } from '../../platform/jobs/schedule.ts';
import { abandonStaleImports, SOFTWARE_REMATCH_JOB } from './feed/runs.ts';
import { ensureFeedScheduled } from './sources/schedule.ts';

export const ADVISORIES_DAILY_JOB = 'advisories.daily';

/**
 * At server start: runs that were running when a process died (their lease ran out) are marked abandoned,
 * and what they wrote is queued for the re-match.
 */
export async function sweepAdvisoryImports(deps: Deps): Promise<void> {
  const r = await abandonStaleImports(deps.store, deps.now());
  if (r.abandoned.length > 0) deps.log.warn({ importIds: r.abandoned }, 'advisory imports abandoned');
}

/**
 * `advisories.daily` (scheduled by the platform, once a day across instances): marks abandoned runs, then
 * makes sure every feed source has its next run queued, then queues a full re-match of every release against the advisory database: the safety net should an
 * import's re-match ever have been lost.
 */
export function advisoriesDailyJob(deps: Deps): JobHandler {
  return async () => {
    // tomorrow's run first, so a failure today does not end the daily chain
    await scheduleDaily(deps, ADVISORIES_DAILY_JOB, deps.now());
    const swept = await abandonStaleImports(deps.store, deps.now());
    // the feed's safety net: a source whose scheduled run was lost gets its next one
    await ensureFeedScheduled(deps);
    const rematchJobId = randomUUID();
    await enqueueJob(deps.store.db, {
      id: rematchJobId,
      orgId: null,
      kind: SOFTWARE_REMATCH_JOB,
      payload: { all: true },
      maxAttempts: 3,
      now: deps.now().toISOString(),
    });
    return { abandoned: swept.abandoned, rematchJobId };
  };
}
