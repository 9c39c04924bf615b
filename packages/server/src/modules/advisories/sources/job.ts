import { findFeedSource } from '@shinrai/store';
import type { Deps } from '../../../platform/deps.ts';
import { JobInterrupted, type JobHandler } from '../../../platform/jobs/worker.ts';
import { runFeedSource } from './run.ts';
import type { FeedJobPayload } from './schedule.ts';

function isPayload(p: unknown): p is FeedJobPayload {
  const o = p as Partial<FeedJobPayload> | null;
  return typeof o?.sourceId === 'string' && (o.at === undefined || typeof o.at === 'string');
}

/**
 * Handler of `advisories.feed`: one run of a source, scheduled (payload `at`: skipped when the source was
 * rescheduled or disabled since) or asked for ("run now"). A failed run is recorded on the source (error,
 * backoff, next run) and in the audit chain; the job itself ends with the run's result, so the platform
 * does not retry it at its own pace. Only a process that died mid-run leaves the job to be taken over.
 */
export function advisoriesFeedJob(deps: Deps): JobHandler {
  return async (ctx) => {
    if (!isPayload(ctx.payload)) throw new Error('bad advisories.feed payload');
    const { sourceId, at, actorUserId } = ctx.payload;
    const src = await findFeedSource(deps.store.db, sourceId);
    if (!src) return { skipped: 'missing' };
    if (at !== undefined) {
      if (src.enabled !== 1) return { skipped: 'disabled' };
      if (src.next_run_at !== at) return { skipped: 'rescheduled' };
    }
    const r = await runFeedSource(deps, sourceId, {
      jobId: ctx.job.id,
      trigger: at === undefined ? 'manual' : 'schedule',
      actor: { userId: actorUserId ?? null, requestId: null },
      heartbeat: (p) => ctx.progress(p.processed, p.total),
      shouldStop: () => ctx.stopping,
    });
    if (r.outcome === 'stopped') throw new JobInterrupted();
    return r;
  };
}
