export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const TOTP_RE = /^\d{6}$/;
export const MIN_PASSWORD = 12;

/**
 * 法人番号 (corporate number): 13 digits, the first one a check digit:
 * 9 − (Σ Pn·Qn mod 9) over the other 12 digits counted from the right, Qn = 1 (odd n) or 2 (even n).
 */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^[1-9]\d{12}$/.test(value)) return false;
  const body = value.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(body[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(value[0]) === 9 - (sum % 9);
}
