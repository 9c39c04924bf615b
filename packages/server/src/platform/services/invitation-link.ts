import { fail } from '../http/errors.ts';

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
