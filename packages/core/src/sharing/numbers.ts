import { isValidCorporateNumber } from '../organization.ts';

export { isValidCorporateNumber };

/**
 * Validates a マイナンバー (individual number): 12 digits, the last one a check digit.
 * Remainder = Σ Pn·Qn mod 11 over the first 11 digits counted from the right (n = 1..11), Qn = n+1 for
 * n ≤ 6 and n−5 for n ≥ 7; check digit = 0 when the remainder is 0 or 1, else 11 − remainder
 * (総務省令「行政手続における特定の個人を識別するための番号の利用等に関する法律の規定による通知カード…」第5条).
 */
export function isValidMyNumber(s: string): boolean {
  if (!/^\d{12}$/.test(s)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(s[11 - n]);
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return Number(s[11]) === (r <= 1 ? 0 : 11 - r);
}

/** Private, loopback, link-local and shared ranges (RFC 1918, 6598, 3927, 5735). */
export function isPrivateIpv4(ip: string): boolean {
  const p = ip.split('.').map(Number);
  if (p.length !== 4 || p.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return false;
  const [a, b] = p as [number, number, number, number];
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a === 0
  );
}

export function isPrivateIpv6(ip: string): boolean {
  const l = ip.toLowerCase();
  return l === '::1' || /^f[cd][0-9a-f]{2}:/.test(l) || /^fe[89ab][0-9a-f]:/.test(l);
}
