import { auditHash, decodeCursor, GENESIS_HASH, type AuditContent, type Page } from '@shinrai/core';
import type { Selectable, Transaction } from 'kysely';
import type { DialectOps } from '../dialect/types.ts';
import type { Database, Executor } from '../modules.ts';
import type { AuditLogTable } from './tables.ts';
import { toPage } from '../paging.ts';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditInput {
  at: string;
  orgId: string | null;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/**
 * Appends one entry inside the caller's transaction, so the entry exists exactly when the change does.
 * Each organization (and the instance, orgId null) has its own chain: prev_hash is the hash of the
 * previous entry of the same organization.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  ops: DialectOps,
  input: AuditInput,
): Promise<number> {
  await ops.lockAuditChain(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max<number | string | null>('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  let prevQ = trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1);
  prevQ = input.orgId === null ? prevQ.where('org_id', 'is', null) : prevQ.where('org_id', '=', input.orgId);
  const prev = await prevQ.executeTakeFirst();
  const content: AuditContent = {
    seq,
    at: input.at,
    orgId: input.orgId,
    actorUserId: input.actorUserId,
    actorTokenId: input.actorTokenId,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    requestId: input.requestId,
    details: JSON.stringify(input.details),
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at: content.at,
      org_id: content.orgId,
      actor_user_id: content.actorUserId,
      actor_token_id: content.actorTokenId,
      action: content.action,
      target_type: content.targetType,
      target_id: content.targetId,
      request_id: content.requestId,
      details: content.details,
      prev_hash: content.prevHash,
      hash: auditHash(content),
    })
    .execute();
  return seq;
}

export interface AuditView extends AuditRow {
  actor_email: string | null;
}

/** Newest first. */
export async function listAudit(
  ex: Executor,
  orgId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<AuditView> | null> {
  let q = ex
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .selectAll('a')
    .select('u.email as actor_email')
    .where('a.org_id', '=', orgId);
  if (cursor !== null) {
    const key = decodeCursor(cursor);
    if (key === null || typeof key.k !== 'number') return null;
    q = q.where('a.seq', '<', key.k);
  }
  const rows = await q
    .orderBy('a.seq', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => ({ k: Number(r.seq), id: String(r.seq) }));
}

/** One chain (an organization's, or the instance's for null) in ascending order, a batch at a time. */
export async function auditChainBatch(
  ex: Executor,
  orgId: string | null,
  afterSeq: number,
  limit: number,
): Promise<(AuditContent & { hash: string })[]> {
  let q = ex.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq);
  q = orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId);
  const rows = await q.orderBy('seq').limit(limit).execute();
  return rows.map(toContent);
}

export function toContent(r: AuditRow): AuditContent & { hash: string } {
  return {
    seq: Number(r.seq),
    at: r.at,
    orgId: r.org_id,
    actorUserId: r.actor_user_id,
    actorTokenId: r.actor_token_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    requestId: r.request_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Distinct chains present in the log (organization ids, and null for instance-level entries). */
export async function auditChains(ex: Executor): Promise<(string | null)[]> {
  const rows = await ex.selectFrom('audit_log').select('org_id').distinct().execute();
  return rows.map((r) => r.org_id);
}

export async function countAudit(ex: Executor, orgId: string | null): Promise<number> {
  let q = ex.selectFrom('audit_log').select((eb) => eb.fn.countAll<string | number>().as('n'));
  q = orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
