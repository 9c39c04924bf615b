// The entry of a worker thread of the parse pool (platform/workers/pool.ts): runs one task of
// worker-tasks.ts at a time and posts back its result or its error message.
import { parentPort } from 'node:worker_threads';
import { TASKS } from './worker-tasks.ts';

/** Buffers arrive as Uint8Array (structured clone); the parsers take Buffers. */
const revive = (v: unknown) =>
  v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v;

parentPort?.on('message', (msg: { task: keyof typeof TASKS; args: unknown[] }) => {
  void (async () => {
    try {
      const run = TASKS[msg.task] as (...args: unknown[]) => unknown;
      parentPort!.postMessage({ ok: true, value: await run(...msg.args.map(revive)) });
    } catch (err) {
      parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
