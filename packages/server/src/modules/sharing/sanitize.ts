import type { Proposal, ReporterTerms } from '@shinrai/core/sharing';
import { WorkerMemoryError, workers } from '../../platform/workers/pool.ts';

// The request's side of sanitize-task.ts: the proposal is computed in a parse worker, so one large report never
// holds the loop that answers the other tenants.

/**
 * The sanitizer's proposal for `text`, computed in a parse worker. A worker that runs out of its heap ends (not
 * the server): `onMemory` gives the located answer of the caller (the report's text, or the attached file).
 */
export async function proposeOffThread(
  text: string,
  reporter: ReporterTerms,
  onMemory: (limitMb: number) => never,
): Promise<Proposal> {
  try {
    return await workers().run('sharing.sanitize', text, reporter);
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
  for (let i = 0; i < pool.size; i++) pool.run('sharing.loadAnalyser').catch(() => undefined);
}
