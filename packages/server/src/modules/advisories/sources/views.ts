import { feedIsStale, type FeedSchedule } from '@shinrai/core';
import type { FeedSourceRow } from '@shinrai/store';
import { z } from 'zod';
import { feedErrorView } from './reasons.ts';

const Text = z.object({ ja: z.string(), en: z.string() });

export const FeedSourceView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['folder', 'http']),
  /** The URL, or the folder under the feed folder (null for those who are not instance administrators). */
  location: z.string().nullable(),
  ecosystem: z.string(),
  enabled: z.boolean(),
  /** The source's own schedule (null: the instance's default) and the one it follows. */
  schedule: z.string().nullable(),
  effectiveSchedule: z.string(),
  nextRunAt: z.string().nullable(),
  running: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** Seconds since the last success (null: never succeeded). */
  ageSeconds: z.number().nullable(),
  /** The last success is older than twice the schedule's interval, or there was none. */
  stale: z.boolean(),
  lastResult: z.enum(['imported', 'not_modified', 'unchanged', 'failed']).nullable(),
  lastImportId: z.string().nullable(),
  failures: z.number(),
  counts: z.object({ seen: z.number(), added: z.number(), updated: z.number(), unchanged: z.number() }),
  lastError: z.object({ code: z.string(), detail: z.string(), message: Text }).nullable(),
});

/** A source as the API shows it, with its age against `now`. */
export function feedSourceView(
  r: FeedSourceRow,
  schedule: { text: string; parsed: FeedSchedule },
  now: Date,
  admin: boolean,
): z.infer<typeof FeedSourceView> {
  const success = r.last_success_at === null ? null : new Date(r.last_success_at);
  const error = feedErrorView(r.last_error);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind === 'folder' ? 'folder' : 'http',
    location: admin ? r.location : null,
    ecosystem: r.ecosystem,
    enabled: r.enabled === 1,
    schedule: r.schedule,
    effectiveSchedule: schedule.text,
    nextRunAt: r.enabled === 1 ? r.next_run_at : null,
    running: r.lease_until !== null && Date.parse(r.lease_until) > now.getTime(),
    lastRunAt: r.last_run_at,
    lastSuccessAt: r.last_success_at,
    ageSeconds: success === null ? null : Math.max(0, Math.floor((now.getTime() - success.getTime()) / 1000)),
    stale: feedIsStale(schedule.parsed, success, now),
    lastResult: (r.last_result as z.infer<typeof FeedSourceView>['lastResult']) ?? null,
    lastImportId: r.last_import_id,
    failures: r.failures,
    counts: { seen: r.seen, added: r.added, updated: r.updated, unchanged: r.unchanged },
    // the detail names the URL or the server's folder: instance administrators only
    lastError: error && !admin ? { ...error, detail: '' } : error,
  };
}
