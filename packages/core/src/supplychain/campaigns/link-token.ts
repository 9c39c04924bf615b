import { createHash, randomBytes } from 'node:crypto';

/**
 * Respondent links (回答用リンク). A token is `r1_` + 32 base64url characters of randomness (192 bits) +
 * 6 base64url characters of check (the first bytes of SHA-256 of the rest). Only the SHA-256 of the whole
 * token is stored. The check lets the server tell a link changed on the way (a character altered: the
 * check fails) from one that is well formed but was never issued (guessed, or withdrawn), and a cut-off
 * link (too short: mail clients break long lines) from both, so each gets its own message.
 */
export const LINK_TOKEN_PREFIX = 'r1_';
const BODY = 32;
const CHECK = 6;
const ALPHABET = /^[A-Za-z0-9_-]+$/;

/** How a presented token reads before any database look-up. */
export type TokenShape = 'ok' | 'malformed' | 'tampered';

function check(body: string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, CHECK);
}

/** A new token (the only copy goes into the mail or is shown once); `random` is for tests. */
export function newLinkToken(random: Buffer = randomBytes(24)): string {
  if (random.length !== 24) throw new RangeError('24 random bytes expected');
  const body = random.toString('base64url');
  return `${LINK_TOKEN_PREFIX}${body}${check(body)}`;
}

/** What is stored: hex SHA-256 of the whole token. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function linkTokenShape(token: string): TokenShape {
  if (!token.startsWith(LINK_TOKEN_PREFIX)) return 'malformed';
  const rest = token.slice(LINK_TOKEN_PREFIX.length);
  if (rest.length !== BODY + CHECK || !ALPHABET.test(rest)) return 'malformed';
  const body = rest.slice(0, BODY);
  return check(body) === rest.slice(BODY) ? 'ok' : 'tampered';
}

/** Why a link is refused, in the order the server checks; each has its own message (ja/en). */
export type LinkRefusal = 'malformed' | 'tampered' | 'unknown' | 'revoked' | 'expired' | 'used' | 'closed';

export interface StoredLink {
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

/**
 * Decides whether a presented link opens: its shape, then whether it was issued (`stored`), withdrawn,
 * past its expiry, already used (a link opens once: the browser that opened it keeps a respondent session),
 * or its questionnaire is closed. Returns null when it opens.
 */
export function linkRefusal(
  token: string,
  stored: StoredLink | undefined,
  now: Date,
  questionnaireClosed = false,
): LinkRefusal | null {
  const shape = linkTokenShape(token);
  if (shape !== 'ok') return shape;
  if (stored === undefined) return 'unknown';
  if (stored.revokedAt !== null) return 'revoked';
  if (new Date(stored.expiresAt) <= now) return 'expired';
  if (stored.usedAt !== null) return 'used';
  if (questionnaireClosed) return 'closed';
  return null;
}

/** A respondent session id (kept in an HttpOnly cookie; only its hash is stored). */
export function newSessionSecret(random: Buffer = randomBytes(32)): string {
  return random.toString('base64url');
}
