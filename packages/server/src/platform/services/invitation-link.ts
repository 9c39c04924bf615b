import type { FastifyBaseLogger } from 'fastify';
import { fail } from '../http/errors.ts';
import type { Mailer, OutgoingMail } from '../mail/mailer.ts';

/** The fields every single-use invitation row has (member invitations and organization invitations). */
interface InvitationState {
  revoked_at: string | null;
  accepted_at: string | null;
  expires_at: string;
}

/**
 * An invitation found by its link that can still be used, or the reason it cannot: unknown or withdrawn
 * links are `invalid_token`, used or expired ones `expired` (the same answers for both kinds of link).
 */
export function usableInvitation<T extends InvitationState>(inv: T | undefined, now: Date): T {
  if (!inv || inv.revoked_at !== null) return fail('invalid_token');
  if (inv.accepted_at !== null || new Date(inv.expires_at) <= now) return fail('expired');
  return inv;
}

/** What became of the mail that carried a link: the inviter is handed the link unless it was `sent`. */
export type LinkMailOutcome = 'sent' | 'failed' | 'not_configured';

/**
 * Sends the mail that carries an invitation link. Without SMTP the mailer only writes it to the log
 * (`not_configured`); a refused send is logged (`failed`). Either way the request goes on: the caller
 * hands the inviter the link instead.
 */
export async function sendLinkMail(
  mailer: Mailer,
  log: FastifyBaseLogger,
  mail: OutgoingMail,
  what: string,
): Promise<LinkMailOutcome> {
  try {
    await mailer.send(mail);
    return mailer.configured === false ? 'not_configured' : 'sent';
  } catch (err) {
    log.error({ err }, `${what} mail could not be sent`);
    return 'failed';
  }
}
