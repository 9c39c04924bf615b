import type { Proposal, ReporterTerms } from '@shinrai/core/sharing';
import { WorkerMemoryError, workers } from '../../platform/workers/pool.ts';

// The request's side of sanitize-task.ts: the proposal is computed in a parse worker, so one large report never
// holds the loop that answers the other tenants.

/**
 * The analyser's dictionary needs about 110 MB of a worker's heap. In a worker with less, loading it runs out of
 * heap while one large array grows, and on Node 24 that aborts the whole process, not just the worker
 * (nodejs/node#47224; seen in CI). Below this limit the analysis is not tried: the caller's out-of-memory answer
 * is given at once.
 */
export const ANALYSER_MIN_HEAP_MB = 160;

/**
 * The sanitizer's proposal for `text`, computed in a parse worker. A worker that runs out of its heap ends (not
 * the server): `onMemory` gives the located answer of the caller (the report's text, or the attached file).
 */
export async function proposeOffThread(
  text: string,
  reporter: ReporterTerms,
  onMemory: (limitMb: number) => never,
): Promise<Proposal> {
  const pool = workers();
  if (pool.memoryMb < ANALYSER_MIN_HEAP_MB) return onMemory(pool.memoryMb);
  try {
    return await pool.run('sharing.sanitize', text, reporter);
  } catch (err) {
    if (err instanceof WorkerMemoryError) return onMemory(err.limitMb);
    throw err;
  }
}

/**
 * Server start: every worker of the pool loads the analyser's dictionary now, not on a tenant's first report
 * (about 110 MB of JS heap and 280 MB resident per worker,
 * bench/sharing-parse-workers.ts). A failure is retried on first use.
 */
export function warmAnalysers(): void {
  const pool = workers();
  if (pool.memoryMb < ANALYSER_MIN_HEAP_MB) return;
  for (let i = 0; i < pool.size; i++) pool.run('sharing.loadAnalyser').catch(() => undefined);
}
