import type { ReporterTerms } from '@shinrai/core/sharing';
import {
  findOrganization,
  listSharingTerms,
  replaceSharingTerms,
  sharingMemberEmailDomains,
} from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import type { SharingCtx } from './hub-service.ts';

/** Mail domains anyone can have an address at: never taken as the reporter's own domain. */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.co.jp',
  'yahoo.com',
  'outlook.com',
  'outlook.jp',
  'hotmail.com',
  'hotmail.co.jp',
  'live.jp',
  'icloud.com',
  'me.com',
  'docomo.ne.jp',
  'ezweb.ne.jp',
  'au.com',
  'softbank.ne.jp',
  'i.softbank.jp',
  'nifty.com',
  'example.com',
]);

/**
 * What identifies a reporter, for the sanitizer: its dictionary (other names, customers), its name, slug and
 * 法人番号, and the mail domains of its people (free-mail domains left out).
 */
export async function reporterTerms(deps: Deps, orgId: string): Promise<ReporterTerms> {
  const db = deps.store.db;
  const org = await findOrganization(db, orgId);
  const dict = await listSharingTerms(db, orgId);
  const names = dict.filter((t) => t.category === 'org').map((t) => t.term);
  if (org) {
    names.push(org.name);
    // The name without its legal form (株式会社サンプル電機 → サンプル電機) is how text usually names it.
    const bare = org.name.replace(/株式会社|有限会社|合同会社|（株）|\(株\)|㈱/g, '').trim();
    if (bare.length >= 2 && bare !== org.name) names.push(bare);
    if (org.slug.length >= 4) names.push(org.slug);
    if (org.corporate_number) names.push(org.corporate_number);
  }
  const domains = (await sharingMemberEmailDomains(db, orgId)).filter((d) => !FREE_MAIL.has(d));
  const dictDomains = names.filter((n) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(n));
  return {
    names: names.filter((n) => !dictDomains.includes(n)),
    domains: [...new Set([...domains, ...dictDomains.map((d) => d.toLowerCase())])],
    customers: dict.filter((t) => t.category === 'customer').map((t) => t.term),
  };
}

export async function dictionary({ deps, access }: SharingCtx) {
  const rows = await listSharingTerms(deps.store.db, access.orgId);
  return { terms: rows.map((r) => ({ term: r.term, category: r.category as 'org' | 'customer' })) };
}

export async function setDictionary(
  { deps, access, requestId }: SharingCtx,
  input: { terms: { term: string; category: 'org' | 'customer' }[] },
) {
  const seen = new Set<string>();
  const terms = input.terms.filter((t) => !seen.has(t.term) && seen.add(t.term));
  await deps.store.db.transaction().execute(async (trx) => {
    await replaceSharingTerms(trx, access.orgId, terms, deps.now().toISOString());
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'sharing.dictionary_set',
      {
        type: 'organization',
        id: access.orgId,
      },
      { count: terms.length },
    );
  });
  return { terms };
}
