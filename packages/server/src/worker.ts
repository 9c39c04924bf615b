// The entry of a worker thread of the parse pool (platform/workers/pool.ts): runs one task of
// worker-tasks.ts at a time and posts back its result or its error message.
import { parentPort } from 'node:worker_threads';
import { TASKS } from './worker-tasks.ts';

/** Buffers arrive as Uint8Array (structured clone); the parsers take Buffers. */
const revive = (v: unknown) =>
  v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v;

/** Byte arrays of a result (top level, or in arrays at its top level) are moved to the caller, not copied. */
function transferables(value: unknown): ArrayBuffer[] {
  if (value === null || typeof value !== 'object') return [];
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(value)) {
    for (const x of Array.isArray(v) ? v : [v])
      if (x instanceof Uint8Array && x.buffer instanceof ArrayBuffer && x.byteLength === x.buffer.byteLength)
        out.add(x.buffer);
  }
  return [...out];
}

parentPort?.on('message', (msg: { task: keyof typeof TASKS; args: unknown[] }) => {
  void (async () => {
    try {
      const run = TASKS[msg.task] as (...args: unknown[]) => unknown;
      const value = await run(...msg.args.map(revive));
      parentPort!.postMessage({ ok: true, value }, transferables(value));
    } catch (err) {
      parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
