import { Secret, TOTP } from 'otpauth';
import { randomBytes } from 'node:crypto';

const ISSUER = 'Shinrai';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, account: string): string {
  return new TOTP({ issuer: ISSUER, label: account, secret: Secret.fromBase32(secret) }).toString();
}

/**
 * Accepts the current code and one step either side (clock drift), returning the matched time step,
 * or null. A step not after `lastStep` is refused, so a code seen once cannot be replayed.
 */
export function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null = null,
  now = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = new TOTP({ issuer: ISSUER, secret: Secret.fromBase32(secret) });
  const delta = totp.validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / totp.period) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Ten recovery codes of the form xxxx-xxxx (lower-case hex). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const h = randomBytes(4).toString('hex');
    return `${h.slice(0, 4)}-${h.slice(4)}`;
  });
}
