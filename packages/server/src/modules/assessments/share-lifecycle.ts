import { revokeSharesBetween, type Database } from '@shinrai/store';
import type { Transaction } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import type { EndedRelationship } from '../../platform/module.ts';
import { audit } from '../../platform/services/audit-trail.ts';

/**
 * When a buyer → supplier relationship ends, every result the supplier shared with that buyer is
 * revoked, in the same transaction, and each revocation is audited in both organizations' logs. A new
 * relationship between the two starts with no shares.
 */
export async function revokeSharesOnEnd(
  deps: Deps,
  trx: Transaction<Database>,
  e: EndedRelationship,
): Promise<void> {
  if (e.type !== 'buyer_supplier') return;
  const [buyer, supplier] = [e.fromOrgId, e.toOrgId];
  for (const id of await revokeSharesBetween(trx, supplier, buyer, e.at)) {
    const details = { reason: 'relationship_ended', relationship: e.id, by: e.byOrgId };
    await audit(deps, trx, e.actor, supplier, 'share.revoke', { type: 'share', id }, details);
    await audit(deps, trx, e.actor, buyer, 'share.revoke', { type: 'share', id }, details);
  }
}
