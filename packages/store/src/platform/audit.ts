import {
  auditHash,
  chainKey,
  chainOrg,
  decodeCursor,
  GENESIS_HASH,
  type AuditContent,
  type Page,
} from '@shinrai/core';
import type { Selectable, Transaction } from 'kysely';
import type { DialectOps } from '../dialect/types.ts';
import type { Database, Executor } from '../database.ts';
import type { AuditChainsTable, AuditLogTable } from './tables.ts';
import { toPage } from '../paging.ts';
import { runCompiled, slot } from './compiled.ts';

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
 * Locks the heads of several chains in one order (sorted keys). A transaction that appends to more than
 * one chain (a relationship writes to both organizations' logs) calls this first: two such transactions
 * then never hold one chain each while waiting for the other's (a deadlock).
 */
export async function lockAuditChains(trx: Transaction<Database>, orgIds: (string | null)[]): Promise<void> {
  for (const chain of [...new Set(orgIds.map(chainKey))].sort()) {
    await trx
      .insertInto('audit_chains')
      .values({ chain, seq: 0, head: GENESIS_HASH })
      .onConflict((oc) => oc.column('chain').doUpdateSet((eb) => ({ seq: eb.ref('audit_chains.seq') })))
      .execute();
  }
}

/**
 * Appends one entry inside the caller's transaction, so the entry exists exactly when the change does.
 * Each organization (and the instance, orgId null) has its own chain: prev_hash is the hash of the
 * previous entry of the same organization, chain_seq its position. Only that chain is locked (its row in
 * audit_chains, until the transaction ends): appends to other organizations' chains go on meanwhile.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  ops: DialectOps,
  input: AuditInput,
): Promise<number> {
  const chain = chainKey(input.orgId);
  // Takes the chain's lock, moves its position on by one and reads the previous head, in one statement.
  // Compiled once (every audited change runs these three): the chain's lock and head, the entry, the new head.
  const head = (
    await runCompiled(
      trx,
      'audit.chainHead',
      (e) =>
        e
          .insertInto('audit_chains')
          .values({ chain: slot(0), seq: 1, head: GENESIS_HASH })
          .onConflict((oc) =>
            oc.column('chain').doUpdateSet((eb) => ({ seq: eb(eb.ref('audit_chains.seq'), '+', 1) })),
          )
          .returning(['seq', 'head']),
      [chain],
    )
  ).rows[0];
  if (!head) throw new Error('audit chain head missing');
  const seq = await ops.nextAuditSeq(trx);
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
    prevHash: head.head,
  };
  const hash = auditHash(content);
  const row: AuditRow = {
    seq,
    chain_seq: Number(head.seq),
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
    hash,
  };
  await runCompiled(
    trx,
    'audit.append',
    (e) =>
      e
        .insertInto('audit_log')
        .values(Object.fromEntries(AUDIT_COLUMNS.map((c, i) => [c, slot(i)])) as unknown as AuditRow),
    AUDIT_COLUMNS.map((c) => row[c]),
  );
  await runCompiled(
    trx,
    'audit.setHead',
    (e) =>
      e
        .updateTable('audit_chains')
        .set({ head: slot(0) })
        .where('chain', '=', slot(1)),
    [hash, chain],
  );
  return seq;
}

const AUDIT_COLUMNS = [
  'seq',
  'chain_seq',
  'at',
  'org_id',
  'actor_user_id',
  'actor_token_id',
  'action',
  'target_type',
  'target_id',
  'request_id',
  'details',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditRow)[];

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
): Promise<AuditChainEntry[]> {
  let q = ex.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq);
  q = orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId);
  const rows = await q.orderBy('seq').limit(limit).execute();
  return rows.map(toContent);
}

export type AuditChainEntry = AuditContent & { hash: string; chainSeq: number };

/** One chain in chain order from position `afterPosition` + 1 (verification walks this). */
export async function auditChainSlice(
  ex: Executor,
  orgId: string | null,
  afterPosition: number,
  limit: number,
): Promise<AuditChainEntry[]> {
  let q = ex.selectFrom('audit_log').selectAll().where('chain_seq', '>', afterPosition);
  q = orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId);
  const rows = await q.orderBy('chain_seq').limit(limit).execute();
  return rows.map(toContent);
}

export function toContent(r: AuditRow): AuditChainEntry {
  return {
    chainSeq: Number(r.chain_seq),
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

/**
 * Chains present in the log (organization ids, and null for instance-level entries): those with a head
 * and those with entries (a verifier must see a chain whose head row was deleted).
 */
export async function auditChains(ex: Executor): Promise<(string | null)[]> {
  const rows = await ex.selectFrom('audit_log').select('org_id').distinct().execute();
  const heads = await ex.selectFrom('audit_chains').select('chain').execute();
  const keys = new Set([...rows.map((r) => chainKey(r.org_id)), ...heads.map((h) => h.chain)]);
  return [...keys].sort().map(chainOrg);
}

export type AuditHead = Selectable<AuditChainsTable>;

/** Every chain's head as recorded by appends (position of the last entry and its hash). */
export async function auditHeads(ex: Executor): Promise<AuditHead[]> {
  const rows = await ex.selectFrom('audit_chains').selectAll().orderBy('chain').execute();
  return rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), head: r.head }));
}

export async function auditHead(ex: Executor, orgId: string | null): Promise<AuditHead | undefined> {
  const r = await ex
    .selectFrom('audit_chains')
    .selectAll()
    .where('chain', '=', chainKey(orgId))
    .executeTakeFirst();
  return r && { chain: r.chain, seq: Number(r.seq), head: r.head };
}

export async function countAudit(ex: Executor, orgId: string | null): Promise<number> {
  let q = ex.selectFrom('audit_log').select((eb) => eb.fn.countAll<string | number>().as('n'));
  q = orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
