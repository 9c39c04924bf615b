import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Tasks } from '../../worker-tasks.ts';

/**
 * A small pool of worker threads for the pure, CPU-heavy steps of an upload (spreadsheet, SBOM and
 * model parsing), so that parsing one tenant's file never holds the event loop that answers the
 * others. Each worker has a heap ceiling (`resourceLimits`): a file that needs more memory ends that
 * worker, not the server, and the task fails with `WorkerMemoryError` (the route answers a located
 * 413). Workers start on first use, stay for the next task and do not keep the process alive.
 *
 * Why not piscina: the needs are a queue, a fixed number of threads and a memory ceiling; Node's
 * worker_threads do all three in the ~100 lines below, with no dependency to keep up with.
 *
 * Under the TypeScript sources (tsx, vitest) a worker runs `src/worker.ts` through tsx; in the build
 * (scripts/build.mjs) it runs the bundled `parse-worker.mjs` beside the CLI bundles.
 */

type TaskName = keyof Tasks;
type Input<K extends TaskName> = Parameters<Tasks[K]>;
type Output<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

/** The worker ran out of its heap (the input needs more memory than `limitMb`). */
export class WorkerMemoryError extends Error {
  constructor(readonly limitMb: number) {
    super(`worker heap limit (${limitMb} MB) reached`);
  }
}

interface Job {
  task: TaskName;
  args: unknown[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

const bundled = process.env.SHINRAI_BUNDLE === '1';

/** The worker's code: the bundled entry, or (from the sources) a bootstrap that registers tsx first. */
function workerScript(): { script: URL | string; eval: boolean } {
  // In the bundle, import.meta.url is this source file's URL (scripts/build.mjs), so both are relative to it.
  if (bundled)
    return { script: new URL('../../../../cli/dist/parse-worker.mjs', import.meta.url), eval: false };
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('../../worker.ts', import.meta.url).href;
  return {
    script: `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`,
    eval: true,
  };
}

/** Emits `start` (task name) when a worker takes a task, and `done` (task name) when it gives it back. */
export class WorkerPool extends EventEmitter {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(
    readonly size = Math.min(4, Math.max(2, availableParallelism() - 1)),
    readonly memoryMb = Number(process.env.SHINRAI_WORKER_MEMORY_MB ?? 1024),
  ) {
    super();
  }

  /** Whether `close` was called (the process's pool is then made anew on next use, see `workers`). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Tasks running now. */
  get busy(): number {
    return this.slots.filter((s) => s.job !== null).length;
  }

  run<K extends TaskName>(task: K, ...args: Input<K>): Promise<Output<K>> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    return new Promise<Output<K>>((resolve, reject) => {
      this.queue.push({ task, args, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Ends every worker (queued tasks are refused). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ task: job.task, args: job.args });
      this.emit('start', job.task);
    }
  }

  private spawn(): Slot {
    const { script, eval: isEval } = workerScript();
    const worker = new Worker(script, {
      eval: isEval,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, job: null };
    this.slots.push(slot);
    worker.on('message', (msg: { ok: true; value: unknown } | { ok: false; error: string }) => {
      const job = slot.job;
      slot.job = null;
      worker.unref();
      if (job) {
        this.emit('done', job.task);
        if (msg.ok) job.resolve(msg.value);
        else job.reject(new Error(msg.error));
      }
      this.pump();
    });
    const gone = (err: unknown) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      const job = slot.job;
      slot.job = null;
      if (job) {
        const oom = (err as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        job.reject(oom ? new WorkerMemoryError(this.memoryMb) : (err ?? new Error('worker exited')));
      }
      if (!this.closed) this.pump();
    };
    worker.on('error', gone);
    worker.on('exit', () => gone(undefined));
    worker.unref();
    return slot;
  }
}

let shared: WorkerPool | undefined;

/**
 * The process's pool (one per process: the workers are a machine resource, not an app's). Once closed, the next
 * call makes a new one (reading SHINRAI_WORKER_MEMORY_MB again).
 */
export function workers(): WorkerPool {
  if (!shared || shared.isClosed) shared = new WorkerPool();
  return shared;
}
