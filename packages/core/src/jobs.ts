/** Background job (バックグラウンドジョブ) rules shared by the store and the worker. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Exponential backoff: 2, 4, 8 … seconds, capped at 10 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(2 ** attempt * 1000, 600_000);
}
