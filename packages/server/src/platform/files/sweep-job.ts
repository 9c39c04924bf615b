import type { Deps } from '../deps.ts';
import { scheduleDaily } from '../jobs/schedule.ts';
import type { JobHandler } from '../jobs/worker.ts';

export const FILES_SWEEP_JOB = 'files.sweep';

/** Daily: removes expired stored files and the leftovers of writes that never finished, then queues tomorrow's run. */
export function filesSweepJob(deps: Deps): JobHandler {
  return async () => {
    const removed = await deps.files.sweep(deps.now());
    await scheduleDaily(deps, FILES_SWEEP_JOB, deps.now());
    return { removed };
  };
}
