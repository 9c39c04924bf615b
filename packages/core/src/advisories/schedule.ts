/**
 * When an advisory feed source runs: every N hours, or daily at HH:MM Japan time (UTC+9, no daylight
 * saving), written `every:6h` or `daily:04:30`. A source without its own schedule follows the instance's.
 */
export type FeedSchedule = { kind: 'every'; hours: number } | { kind: 'daily'; hour: number; minute: number };

/** Shortest and longest interval of an `every` schedule (hours). */
export const FEED_MIN_HOURS = 1;
export const FEED_MAX_HOURS = 24 * 7;

const JST_MS = 9 * 3_600_000;
const HOUR_MS = 3_600_000;

/** The schedule a text names, or null if it is not one (`every:<1..168>h`, `daily:HH:MM`). */
export function parseFeedSchedule(text: string): FeedSchedule | null {
  const every = /^every:(\d{1,3})h$/.exec(text);
  if (every) {
    const hours = Number(every[1]);
    return hours >= FEED_MIN_HOURS && hours <= FEED_MAX_HOURS ? { kind: 'every', hours } : null;
  }
  const daily = /^daily:([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (daily) return { kind: 'daily', hour: Number(daily[1]), minute: Number(daily[2]) };
  return null;
}

/**
 * The next run after `after`. `every` runs count from the last run (`lastRunAt`, or now for a source that
 * never ran); `daily` runs at the next HH:MM in Japan time.
 */
export function nextFeedRun(s: FeedSchedule, after: Date, lastRunAt: Date | null = null): Date {
  if (s.kind === 'every') {
    const from = lastRunAt ?? after;
    const next = new Date(from.getTime() + s.hours * HOUR_MS);
    return next.getTime() > after.getTime() ? next : new Date(after.getTime() + s.hours * HOUR_MS);
  }
  const jst = new Date(after.getTime() + JST_MS);
  const at = Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate(), s.hour, s.minute) - JST_MS;
  const next = new Date(at);
  if (next.getTime() <= after.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** The usual interval of a schedule (hours): how old a source's data may be before it is called stale. */
export function feedIntervalHours(s: FeedSchedule): number {
  return s.kind === 'every' ? s.hours : 24;
}

/** Wait after `failures` consecutive failed runs: 15 minutes, doubling, at most a day. */
export function feedBackoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(15 * 60_000 * 2 ** Math.min(failures - 1, 20), 24 * HOUR_MS);
}

/**
 * The next run after a run that ended at `now`: the schedule's next time, and after failures not before
 * the backoff has passed (a broken mirror is not asked again every hour).
 */
export function nextFeedRunAfter(s: FeedSchedule, now: Date, failures: number): Date {
  const scheduled = nextFeedRun(s, now, now);
  const backoff = new Date(now.getTime() + feedBackoffMs(failures));
  return backoff.getTime() > scheduled.getTime() ? backoff : scheduled;
}

/** A source is stale when its last success is older than twice its interval (or it never succeeded). */
export function feedIsStale(s: FeedSchedule, lastSuccessAt: Date | null, now: Date): boolean {
  if (lastSuccessAt === null) return true;
  return now.getTime() - lastSuccessAt.getTime() > 2 * feedIntervalHours(s) * HOUR_MS;
}
