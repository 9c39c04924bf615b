import { isValidCorporateNumber } from '../organization.ts';

/** What a supplier supplies to the buyer (one or more). */
export const SUPPLY_KINDS = ['services', 'components', 'software', 'data_handling'] as const;
export type SupplyKind = (typeof SUPPLY_KINDS)[number];

/** How much the buyer depends on the supplier. */
export const CRITICALITIES = ['high', 'medium', 'low'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** ★ levels a supplier may hold (★1/★2 are the SECURITY ACTION declarations; ★3–★5 the evaluation scheme). */
export const STAR_LEVELS = [1, 2, 3, 4, 5] as const;
/** ★ levels a buyer may require under the evaluation scheme's decision (this module decides ★3 or ★4). */
export const REQUIRED_STAR_LEVELS = [3, 4] as const;

export const isSupplyKind = (s: string): s is SupplyKind => (SUPPLY_KINDS as readonly string[]).includes(s);
export const isCriticality = (s: string): s is Criticality =>
  (CRITICALITIES as readonly string[]).includes(s);

/**
 * A 法人番号 as people type it (full-width digits, hyphens, spaces) reduced to its 13 digits, or null when
 * what remains is not 13 digits with a valid check digit.
 */
export function normalizeCorporateNumber(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/[\s\-‐‑‒–—―ー]/g, '');
  return isValidCorporateNumber(digits) ? digits : null;
}
