import type { Deps } from '../deps.ts';
import { writeCheckpoints } from '../services/audit-checkpoints.ts';
import { scheduleDaily } from './schedule.ts';
import type { JobHandler } from './worker.ts';

export const AUDIT_CHECKPOINT_JOB = 'audit.checkpoint';

/**
 * Signs a checkpoint of every audit chain whose head moved, appends it to the checkpoint file and writes
 * it to the log (a second copy outside the database). A chain that no longer extends its last checkpoint
 * gets no new checkpoint and an error in the log.
 */
export async function runAuditCheckpoint(deps: Deps, force = false) {
  const r = await writeCheckpoints(deps.store, {
    keyFile: deps.config.auditKeyFile,
    checkpointFile: deps.config.auditCheckpointFile,
    now: deps.now(),
    force,
  });
  for (const cp of r.written) deps.log.info({ auditCheckpoint: cp }, 'audit checkpoint');
  for (const p of r.problems)
    deps.log.error({ auditCheckpointProblem: p }, 'audit chain does not extend its checkpoint');
  return r;
}

/** The daily run (instance-wide, from scheduleDaily): first queues tomorrow's, so a failure does not end the series. */
export function auditCheckpointJob(deps: Deps): JobHandler {
  return async () => {
    await scheduleDaily(deps, AUDIT_CHECKPOINT_JOB, deps.now());
    const r = await runAuditCheckpoint(deps);
    return { written: r.written.length, problems: r.problems };
  };
}
