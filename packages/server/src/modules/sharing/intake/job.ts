import { findIntakeSource, listIntakeSources, updateIntakeSource } from '@shinrai/store';
import type { Deps } from '../../../platform/deps.ts';
import type { JobHandler } from '../../../platform/jobs/worker.ts';
import { taxiiNetOf } from './net.ts';
import { enqueuePull, pullSource, SHARING_INTAKE_PULL_JOB, type PullPayload } from './pull.ts';

function isPayload(p: unknown): p is PullPayload {
  const o = p as Partial<PullPayload> | null;
  return typeof o?.sourceId === 'string' && (o.at === undefined || typeof o.at === 'string');
}

/**
 * `sharing.intake.pull`: one pull of a TAXII source, scheduled (`at`: skipped when the source was disabled
 * or rescheduled since) or asked for ("pull now"). The pull records its own failure and backoff on the
 * source, so the job ends with the pull's outcome either way.
 */
export function sharingIntakeJobs(deps: Deps): Record<string, JobHandler> {
  return {
    [SHARING_INTAKE_PULL_JOB]: async (ctx) => {
      if (!isPayload(ctx.payload)) throw new Error('bad sharing.intake.pull payload');
      const { sourceId, at, actorUserId } = ctx.payload;
      const src = await findIntakeSource(deps.store.db, sourceId);
      if (!src) return { skipped: 'missing' };
      if (at !== undefined && (src.enabled !== 1 || src.next_run_at !== at))
        return { skipped: 'rescheduled' };
      const out = await pullSource(deps, sourceId, actorUserId ?? null, taxiiNetOf(deps));
      return out.ok ? { pages: out.pages, added: out.summary.added, updated: out.summary.updated } : out;
    },
  };
}

/** At start: every enabled source has its next pull queued (one never scheduled, or long overdue, now). */
export async function ensureIntakeScheduled(deps: Deps): Promise<void> {
  const now = deps.now();
  for (const s of await listIntakeSources(deps.store.db)) {
    if (s.enabled !== 1) continue;
    let at = s.next_run_at;
    if (at === null || Date.parse(at) < now.getTime() - 3_600_000) {
      at = now.toISOString();
      await updateIntakeSource(deps.store.db, s.id, { next_run_at: at });
    }
    await enqueuePull(deps.store.db, s, at, now.toISOString());
  }
}
