import { enqueueJobOnce } from '@shinrai/store';
import type { Deps } from '../deps.ts';

/**
 * Makes sure a daily job of `kind` is queued for the next run (03:00 Japan time). The job id carries the
 * date, so however many instances call this, one job runs per day.
 */
export async function scheduleDaily(deps: Deps, kind: string, after = deps.now()): Promise<void> {
  const jst = new Date(after.getTime() + 9 * 3_600_000);
  const next = new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate(), 3 - 9));
  if (next.getTime() <= after.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  const day = new Date(next.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  await enqueueJobOnce(deps.store.db, {
    id: `${kind}:${day}`,
    orgId: null,
    kind,
    payload: { day },
    now: deps.now().toISOString(),
    runAt: next.toISOString(),
    maxAttempts: 3,
  });
}
