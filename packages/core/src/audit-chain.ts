import { createHash } from 'node:crypto';

/** The fields of an audit entry (監査ログ) that its hash covers, in a fixed order. */
export interface AuditContent {
  seq: number;
  at: string;
  orgId: string | null;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: string;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over a canonical JSON array of the entry's fields (order fixed, so the hash is stable). */
export function auditHash(e: AuditContent): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.orgId,
    e.actorUserId,
    e.actorTokenId,
    e.action,
    e.targetType,
    e.targetId,
    e.requestId,
    e.details,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainBreak = { seq: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

/**
 * Walks entries of one chain in sequence order, carrying the previous hash between calls,
 * so that a long chain can be verified page by page.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  checked = 0;

  /** Returns the first break in this batch, or null. */
  feed(entries: readonly (AuditContent & { hash: string })[]): ChainBreak | null {
    for (const e of entries) {
      this.checked++;
      if (e.prevHash !== this.prev) return { seq: e.seq, reason: 'prev_hash_mismatch' };
      if (auditHash(e) !== e.hash) return { seq: e.seq, reason: 'hash_mismatch' };
      this.prev = e.hash;
    }
    return null;
  }
}
