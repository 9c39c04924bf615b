import type { StixReadResult } from '@shinrai/core/sharing';
import { WorkerMemoryError, workers } from '../../../platform/workers/pool.ts';

/**
 * Reads and checks an uploaded bundle in a parse worker: a 16 MiB bundle of tens of thousands of objects is
 * parsed and checked there, so the upload never holds the event loop other requests run on.
 */
export async function readStixBundleOffThread(bytes: Uint8Array): Promise<StixReadResult> {
  try {
    return await workers().run('sharing.stixBundle', bytes);
  } catch (err) {
    if (!(err instanceof WorkerMemoryError)) throw err;
    return { ok: false, problems: [{ pointer: '', code: 'out_of_memory', params: { limit: err.limitMb } }] };
  }
}
