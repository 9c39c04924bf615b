import type { StixReadResult } from '@shinrai/core/sharing';
import { WorkerMemoryError, workers } from '../../../platform/workers/pool.ts';
import { fromChunks } from './chunks.ts';
import type { TaxiiPage } from './envelope.ts';

/**
 * Reads and checks an uploaded bundle in a parse worker: a 16 MiB bundle of tens of thousands of objects is
 * parsed and checked there, so the upload never holds the event loop other requests run on; the objects come
 * back in chunks taken one per event-loop turn (chunks.ts).
 */
export async function readStixBundleOffThread(bytes: Uint8Array): Promise<StixReadResult> {
  try {
    return await fromChunks(await workers().run('sharing.stixBundle', bytes));
  } catch (err) {
    if (!(err instanceof WorkerMemoryError)) throw err;
    return { ok: false, problems: [{ pointer: '', code: 'out_of_memory', params: { limit: err.limitMb } }] };
  }
}

/** One page of a TAXII pull read in a parse worker (envelope.ts); a page too big for its heap is an error. */
export async function readTaxiiPageOffThread(
  body: Uint8Array,
): Promise<TaxiiPage | { ok: false; error: string }> {
  try {
    return await workers().run('sharing.taxiiPage', body);
  } catch (err) {
    if (!(err instanceof WorkerMemoryError)) throw err;
    return { ok: false, error: `out of memory (limit ${err.limitMb} MB)` };
  }
}

/** Every object of a pull's pages, checked and ordered in a parse worker (envelope.ts). */
export async function readTaxiiObjectsOffThread(bodies: Uint8Array[]): Promise<StixReadResult> {
  try {
    return await fromChunks(await workers().run('sharing.taxiiObjects', bodies));
  } catch (err) {
    if (!(err instanceof WorkerMemoryError)) throw err;
    return { ok: false, problems: [{ pointer: '', code: 'out_of_memory', params: { limit: err.limitMb } }] };
  }
}
