import { lockedUntilAfterFailure, MAX_FAILED_LOGINS } from '@shinrai/core';
import { claimLoginAttempt, releaseLoginAttempt, type UserRow } from '@shinrai/store';
import type { Deps } from '../deps.ts';
import { lockoutMail } from '../mail/templates.ts';
import { audit } from '../services/audit-trail.ts';

/**
 * One sign-in attempt, claimed before the password or code is checked. `checked` is false once the
 * account is locked, or when MAX_FAILED_LOGINS attempts are already in flight: such an attempt is
 * refused without looking at what was sent, so parallel guesses get no more than MAX_FAILED_LOGINS
 * looks per lock period. `lockSetAt` is the lock this very claim wrote (the attempt that reaches the
 * limit), to be lifted again if it turns out right.
 */
export interface ClaimedAttempt {
  userId: string;
  checked: boolean;
  count: number;
  lockSetAt: string | null;
}

export async function claimAttempt(deps: Deps, userId: string, now: Date): Promise<ClaimedAttempt> {
  const lockUntil = lockedUntilAfterFailure(MAX_FAILED_LOGINS, now) ?? now.toISOString();
  const r = await claimLoginAttempt(deps.store.db, userId, {
    now: now.toISOString(),
    lockUntil,
    max: MAX_FAILED_LOGINS,
  });
  if (!r) return { userId, checked: false, count: 0, lockSetAt: null };
  const setByThis = r.failed_logins === MAX_FAILED_LOGINS && r.locked_until === lockUntil;
  return {
    userId,
    checked: (r.failed_logins < MAX_FAILED_LOGINS && r.locked_until === null) || setByThis,
    count: r.failed_logins,
    lockSetAt: setByThis ? lockUntil : null,
  };
}

/** The attempt was right but the sign-in goes on (second factor): it does not count. */
export async function releaseAttempt(deps: Deps, a: ClaimedAttempt): Promise<void> {
  await releaseLoginAttempt(deps.store.db, a.userId, a.lockSetAt);
}

/**
 * A checked attempt that was wrong. When it is the one that locked the account, the lockout is
 * audited and the owner of the address is told by e-mail (the sign-in answer itself stays the same
 * as for an unknown address). Returns whether it locked the account.
 */
export async function failedAttempt(
  deps: Deps,
  a: ClaimedAttempt,
  user: UserRow,
  requestId: string,
): Promise<boolean> {
  if (a.lockSetAt === null) return false;
  const until = a.lockSetAt;
  await deps.store.db.transaction().execute(async (trx) => {
    await audit(
      deps,
      trx,
      { userId: null, tokenId: null, requestId },
      null,
      'auth.lockout',
      { type: 'user', id: user.id },
      { attempts: MAX_FAILED_LOGINS, until },
    );
  });
  try {
    await deps.mailer.send(lockoutMail({ to: user.email, until: new Date(until) }));
  } catch (err) {
    deps.log.warn({ err, userId: user.id }, 'the lockout notice could not be sent');
  }
  return true;
}
