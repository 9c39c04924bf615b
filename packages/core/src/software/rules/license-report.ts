import { evaluateLicensePolicy, type LicensePolicy, type LicenseVerdict } from '../license/license.ts';

/** A component as the license report reads it. */
export interface LicensedComponent {
  id: string;
  name: string;
  version: string | null;
  purl: string | null;
  licenses: string | null;
}

/** A component the policy does not allow: denied, or its licenses unknown or unlisted. */
export interface LicenseReportItem {
  component: { id: string; name: string; version: string | null; purl: string | null };
  licenses: string | null;
  status: 'denied' | 'unknown';
  /** Why it is unknown (no license, an invalid expression, ids on neither list); null when denied. */
  reason: Extract<LicenseVerdict, { status: 'unknown' }>['reason'] | null;
  /** The offending ids when denied, the undecided ids when unknown. */
  ids: string[];
}

export interface LicenseReport {
  /** False when the policy lists nothing: then nothing can break it, and no component is listed. */
  policySet: boolean;
  items: LicenseReportItem[];
  counts: { allowed: number; denied: number; unknown: number };
}

/**
 * The license report of a set of components against a policy (ライセンス違反の一覧): every component
 * counted by verdict, and the ones not allowed listed, denied first, otherwise in the given order.
 * Each distinct license expression is evaluated once. An empty policy reports nothing: without rules
 * every component would read as "unlisted", which is noise, not a finding.
 */
export function licenseReport(components: Iterable<LicensedComponent>, policy: LicensePolicy): LicenseReport {
  const counts = { allowed: 0, denied: 0, unknown: 0 };
  const items: LicenseReportItem[] = [];
  if (policy.allow.length === 0 && policy.deny.length === 0) return { policySet: false, items, counts };
  const cache = new Map<string, LicenseVerdict>();
  for (const c of components) {
    const key = c.licenses ?? '';
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = evaluateLicensePolicy(c.licenses, policy)));
    counts[v.status]++;
    if (v.status === 'allowed') continue;
    items.push({
      component: { id: c.id, name: c.name, version: c.version, purl: c.purl },
      licenses: c.licenses,
      status: v.status,
      reason: v.status === 'unknown' ? v.reason : null,
      ids: v.status === 'denied' ? v.offending : v.ids,
    });
  }
  items.sort((a, b) => (a.status === b.status ? 0 : a.status === 'denied' ? -1 : 1));
  return { policySet: true, items, counts };
}
