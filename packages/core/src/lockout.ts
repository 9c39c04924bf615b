/** Temporary account lockout after repeated failed logins. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function lockedUntilAfterFailure(failedCount: number, now: Date): string | null {
  if (failedCount < MAX_FAILED_LOGINS) return null;
  return new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
}

export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime();
}
