import { retryDelayMs } from '@shinrai/core';
import { claimJob, completeJob, failJob, releaseJobs, reportJobProgress, type JobRow } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.ts';

export interface JobContext {
  job: JobRow;
  payload: unknown;
  /** Reports progress (and renews the lease). */
  progress(current: number, total: number): Promise<void>;
  /** True once shutdown began: a handler should stop at a safe point and throw JobInterrupted. */
  readonly stopping: boolean;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export class JobInterrupted extends Error {}

const LEASE_MS = 60_000;

/**
 * Polls the jobs table and runs due jobs. Claiming is atomic in the database (SKIP LOCKED on PostgreSQL),
 * so with several server instances a job runs once. A crashed worker's lease expires and another takes it.
 */
export class JobWorker {
  readonly workerId = `w-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running = new Set<Promise<void>>();
  private stoppingFlag = false;
  /** The poll in progress, if any; stop() waits for it so that no job starts after stop() returns. */
  private polling: Promise<void> | undefined;

  constructor(
    private readonly deps: Deps,
    private readonly handlers: Record<string, JobHandler>,
    private readonly concurrency = 2,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.config.jobPollMs);
    this.timer.unref();
  }

  /** Claims and runs jobs until none is due or the concurrency limit is reached. */
  async tick(): Promise<void> {
    if (this.polling || this.stoppingFlag) return;
    this.polling = this.poll().finally(() => (this.polling = undefined));
    await this.polling;
  }

  private async poll(): Promise<void> {
    try {
      while (!this.stoppingFlag && this.running.size < this.concurrency) {
        const now = this.deps.now();
        const job = await claimJob(
          this.deps.store.db,
          this.deps.store.ops,
          this.workerId,
          now.toISOString(),
          new Date(now.getTime() + LEASE_MS).toISOString(),
        );
        if (!job) break;
        if (this.stoppingFlag) break; // claimed while stop() began: stop() returns it to the queue
        const p = this.run(job).finally(() => this.running.delete(p));
        this.running.add(p);
      }
    } catch (err) {
      this.deps.log.error({ err }, 'job polling failed');
    }
  }

  /** Waits for running jobs (they see `stopping`), then returns unfinished ones to the queue. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stoppingFlag = true;
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise((r) => (grace = setTimeout(r, graceMs))),
    ]);
    clearTimeout(grace);
    const released = await releaseJobs(this.deps.store.db, this.workerId, this.deps.now().toISOString());
    if (released > 0) this.deps.log.info({ released }, 'jobs returned to the queue');
  }

  /** Resolves when nothing is running (tests). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(job: JobRow): Promise<void> {
    const { deps, workerId } = this;
    const handler = this.handlers[job.kind];
    const isStopping = () => this.stoppingFlag;
    const log = deps.log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const ctx: JobContext = {
      job,
      payload: JSON.parse(job.payload) as unknown,
      progress: async (current, total) => {
        const now = deps.now();
        await reportJobProgress(
          deps.store.db,
          job.id,
          workerId,
          current,
          total,
          now.toISOString(),
          new Date(now.getTime() + LEASE_MS).toISOString(),
        );
      },
      get stopping() {
        return isStopping();
      },
    };
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(ctx);
      await completeJob(deps.store.db, job.id, workerId, result, deps.now().toISOString());
      log.info('job succeeded');
      await this.dropInputFiles(job, log);
    } catch (err) {
      if (err instanceof JobInterrupted) return; // released by stop()
      const now = deps.now();
      const retryAt =
        job.attempts < job.max_attempts
          ? new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString()
          : null;
      await failJob(
        deps.store.db,
        job.id,
        workerId,
        err instanceof Error ? err.message : String(err),
        retryAt,
        now.toISOString(),
      );
      log.warn({ err, retryAt }, 'job failed');
      if (retryAt === null) await this.dropInputFiles(job, log);
    }
  }

  /** A job that has ended (succeeded, or failed with no retry left) needs its input files no more. */
  private async dropInputFiles(job: JobRow, log: Deps['log']): Promise<void> {
    try {
      const removed = await this.deps.files.deleteForJob(job.id);
      if (removed > 0) log.info({ removed }, 'input files of the job removed');
    } catch (err) {
      log.warn({ err }, 'could not remove the input files of the job (the daily sweep will)');
    }
  }
}
