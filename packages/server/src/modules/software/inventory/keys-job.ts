import { enqueueJobOnce, releasesAwaitingKeys, writeReleaseKeysStep, type Executor } from '@shinrai/store';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Deps } from '../../../platform/deps.ts';
import { scheduleDaily } from '../../../platform/jobs/schedule.ts';
import { JobInterrupted, type JobHandler } from '../../../platform/jobs/worker.ts';

/**
 * Job kind: write the package keys of a release's components (where-used, re-match) after its upload
 * answered. Until it has, those lookups read the release's components directly, so answers never wait for
 * it; it only keeps the upload from paying for scattered index inserts (store migration 0037).
 */
export const SOFTWARE_KEYS_JOB = 'software.keys';

/** Components per statement: short enough that on SQLite other requests get in between. */
const KEYS_CHUNK = 2000;

export type KeysPayload = { releaseId: string } | Record<string, never>;

/** Queues the keys of a release's new SBOM (inside the upload's transaction: both or neither). */
export async function enqueueReleaseKeys(
  ex: Executor,
  release: { id: string; org_id: string },
  uploadedAt: string,
): Promise<void> {
  await enqueueJobOnce(ex, {
    id: `${SOFTWARE_KEYS_JOB}:${release.id}:${uploadedAt}`,
    orgId: release.org_id,
    kind: SOFTWARE_KEYS_JOB,
    payload: { releaseId: release.id } satisfies KeysPayload,
    now: uploadedAt,
    runAt: uploadedAt,
    maxAttempts: 5,
  });
}

/** Writes one release's keys to the end; false when it stopped at a safe point (shutdown). */
export async function writeReleaseKeys(
  deps: Deps,
  releaseId: string,
  stopping: () => boolean = () => false,
): Promise<boolean> {
  const state = {};
  for (;;) {
    const step = await writeReleaseKeysStep(deps.store.db, releaseId, KEYS_CHUNK, state);
    if (step.done) return step.indexed;
    if (stopping()) throw new JobInterrupted();
    await nextTurn();
  }
}

/**
 * `{ releaseId }`: that release (queued by its upload); anything else — the daily run, `{ day }` — every release
 * whose keys are not written (a job that failed for good, a database restored without its jobs), then the next
 * day's run is queued.
 */
export function softwareKeysJob(deps: Deps): JobHandler {
  return async (ctx) => {
    const raw = ctx.payload as { releaseId?: unknown } | null;
    const sweep = typeof raw?.releaseId !== 'string';
    const ids =
      typeof raw?.releaseId === 'string'
        ? [raw.releaseId]
        : (await releasesAwaitingKeys(deps.store.db)).map((r) => r.id);
    let indexed = 0;
    for (const [i, id] of ids.entries()) {
      await ctx.progress(i, ids.length);
      if (await writeReleaseKeys(deps, id, () => ctx.stopping)) indexed++;
    }
    if (sweep) await scheduleDaily(deps, SOFTWARE_KEYS_JOB, deps.now());
    return { releases: ids.length, indexed };
  };
}
