import { describe, expect, it } from 'vitest';
import { feedBackoffMs, feedIsStale, nextFeedRun, nextFeedRunAfter, parseFeedSchedule } from './schedule.ts';

describe('advisory feed schedule', () => {
  it('parses every N hours and daily HH:MM, and refuses anything else', () => {
    expect(parseFeedSchedule('every:6h')).toEqual({ kind: 'every', hours: 6 });
    expect(parseFeedSchedule('daily:04:30')).toEqual({ kind: 'daily', hour: 4, minute: 30 });
    for (const bad of ['every:0h', 'every:169h', 'daily:24:00', 'daily:4:30', 'hourly', '', 'every:6'])
      expect(parseFeedSchedule(bad)).toBeNull();
  });

  it('runs daily at HH:MM Japan time, tomorrow once today’s time has passed', () => {
    const daily = { kind: 'daily', hour: 4, minute: 0 } as const;
    // 2026-12-01 18:00 UTC = 12-02 03:00 JST: today's 04:00 JST is still ahead
    expect(nextFeedRun(daily, new Date('2026-12-01T18:00:00Z')).toISOString()).toBe(
      '2026-12-01T19:00:00.000Z',
    );
    expect(nextFeedRun(daily, new Date('2026-12-01T19:00:00Z')).toISOString()).toBe(
      '2026-12-02T19:00:00.000Z',
    );
  });

  it('runs every N hours from the last run', () => {
    const every = { kind: 'every', hours: 6 } as const;
    const now = new Date('2026-12-01T10:00:00Z');
    expect(nextFeedRun(every, now, new Date('2026-12-01T08:00:00Z')).toISOString()).toBe(
      '2026-12-01T14:00:00.000Z',
    );
    expect(nextFeedRun(every, now, new Date('2026-11-20T08:00:00Z')).toISOString()).toBe(
      '2026-12-01T16:00:00.000Z',
    );
  });

  it('backs off after failures, doubling up to a day, never earlier than the schedule', () => {
    expect([0, 1, 2, 3].map(feedBackoffMs)).toEqual([0, 900_000, 1_800_000, 3_600_000]);
    expect(feedBackoffMs(30)).toBe(86_400_000);
    const every = { kind: 'every', hours: 1 } as const;
    const now = new Date('2026-12-01T10:00:00Z');
    expect(nextFeedRunAfter(every, now, 0).toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(nextFeedRunAfter(every, now, 4).toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('calls a source stale past twice its interval', () => {
    const every = { kind: 'every', hours: 6 } as const;
    const now = new Date('2026-12-01T12:00:00Z');
    expect(feedIsStale(every, null, now)).toBe(true);
    expect(feedIsStale(every, new Date('2026-12-01T01:00:00Z'), now)).toBe(false);
    expect(feedIsStale(every, new Date('2026-11-30T23:00:00Z'), now)).toBe(true);
  });
});
