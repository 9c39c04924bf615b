import { describe, expect, it } from 'vitest';
import { isLocked, LOCKOUT_MINUTES, lockedUntilAfterFailure, MAX_FAILED_LOGINS } from './lockout.ts';

describe('login lockout', () => {
  const now = new Date('2025-04-01T00:00:00.000Z');

  it('does not lock before the fifth failure', () => {
    expect(MAX_FAILED_LOGINS).toBe(5);
    for (let n = 0; n < MAX_FAILED_LOGINS; n++) expect(lockedUntilAfterFailure(n, now)).toBeNull();
  });

  it('locks for 15 minutes from the fifth failure on', () => {
    for (const n of [5, 6, 50]) {
      expect(lockedUntilAfterFailure(n, now)).toBe('2025-04-01T00:15:00.000Z');
    }
    expect(LOCKOUT_MINUTES).toBe(15);
  });

  it('is locked until the instant passes', () => {
    const until = lockedUntilAfterFailure(5, now);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, new Date(now.getTime() + 15 * 60_000 - 1))).toBe(true);
    expect(isLocked(until, new Date(now.getTime() + 15 * 60_000))).toBe(false);
    expect(isLocked(until, new Date(now.getTime() + 16 * 60_000))).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});
