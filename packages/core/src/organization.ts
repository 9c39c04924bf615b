/** Organization (組織) profile as a Japanese company records it. */
export const ORG_KINDS = ['enterprise', 'supplier', 'hub', 'provider'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type OrgSize = (typeof ORG_SIZES)[number];

/** JIS X 0401 prefecture codes 01 (北海道) … 47 (沖縄県). */
export const PREFECTURE_CODES: readonly string[] = Array.from({ length: 47 }, (_, i) =>
  String(i + 1).padStart(2, '0'),
);

export function isPrefectureCode(s: string): boolean {
  return PREFECTURE_CODES.includes(s);
}

/**
 * Validates a 法人番号 (corporate number): 13 digits whose first digit is a check digit.
 * Check digit = 9 − (Σ Pn·Qn mod 9) over the other 12 digits counted from the right,
 * with Qn = 1 for odd n and 2 for even n (National Tax Agency specification).
 */
export function isValidCorporateNumber(s: string): boolean {
  if (!/^[1-9]\d{12}$/.test(s)) return false;
  const body = s.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(body[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return Number(s[0]) === 9 - (sum % 9);
}

/** A URL-safe slug from a name; falls back to a random suffix for names without ASCII letters. */
export function slugify(name: string, randomSuffix: string): string {
  const ascii = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return ascii.length >= 3 ? ascii : `org-${randomSuffix}`;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/;
