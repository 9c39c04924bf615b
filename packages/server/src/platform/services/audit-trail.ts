import { appendAudit, lockAuditChains, type Database } from '@shinrai/store';
import type { Transaction } from 'kysely';
import type { Deps } from '../deps.ts';

export interface Actor {
  userId: string | null;
  tokenId: string | null;
  requestId: string | null;
}

/** Records a state change in the audit log inside the same transaction as the change. */
export async function audit(
  deps: Deps,
  trx: Transaction<Database>,
  actor: Actor,
  orgId: string | null,
  action: string,
  target: { type: string; id: string } | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(trx, deps.store.ops, {
    at: deps.now().toISOString(),
    orgId,
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    requestId: actor.requestId,
    details,
  });
}

/**
 * A transaction that writes to more than one organization's audit log locks their chains first, in one
 * order for everyone: two such transactions (a relationship seen from each side) then cannot deadlock.
 */
export async function lockAuditOf(trx: Transaction<Database>, orgIds: (string | null)[]): Promise<void> {
  await lockAuditChains(trx, orgIds);
}
