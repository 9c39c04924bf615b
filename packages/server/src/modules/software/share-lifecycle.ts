import { revokeSoftwareSharesBetween, type Database } from '@shinrai/store';
import type { Transaction } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import type { EndedRelationship } from '../../platform/module.ts';
import { audit } from '../../platform/services/audit-trail.ts';

/**
 * When a buyer → supplier relationship ends, every release the supplier shared with that buyer is
 * revoked (gone from the buyer's where-used), in the same transaction, audited in both logs. A new
 * relationship between the two starts with no shares.
 */
export async function revokeSoftwareSharesOnEnd(
  deps: Deps,
  trx: Transaction<Database>,
  e: EndedRelationship,
): Promise<void> {
  if (e.type !== 'buyer_supplier') return;
  const [buyer, supplier] = [e.fromOrgId, e.toOrgId];
  for (const id of await revokeSoftwareSharesBetween(trx, supplier, buyer, e.at)) {
    const details = { reason: 'relationship_ended', relationship: e.id, by: e.byOrgId };
    const target = { type: 'software_share', id };
    await audit(deps, trx, e.actor, supplier, 'software.share.revoke', target, details);
    await audit(deps, trx, e.actor, buyer, 'software.share.revoke', target, details);
  }
}
