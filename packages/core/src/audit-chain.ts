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

/** The chain of instance-level entries (no organization) is named this in heads and checkpoints. */
export const INSTANCE_CHAIN = 'instance';

/** The key of a chain: the organization id, or INSTANCE_CHAIN for instance-level entries. */
export const chainKey = (orgId: string | null): string => orgId ?? INSTANCE_CHAIN;
export const chainOrg = (chain: string): string | null => (chain === INSTANCE_CHAIN ? null : chain);

export type ChainBreak = {
  seq: number;
  reason: 'prev_hash_mismatch' | 'hash_mismatch' | 'chain_seq_gap';
};

/**
 * Walks entries of one chain in sequence order, carrying the previous hash between calls,
 * so that a long chain can be verified page by page. Entries that carry their position in the chain
 * (`chainSeq`, 1, 2, 3 …) must carry it without gap. `from` starts the walk after a known entry (a
 * checkpoint) instead of at genesis.
 */
export class ChainVerifier {
  private prev: string;
  checked: number;

  constructor(from: { seq: number; head: string } = { seq: 0, head: GENESIS_HASH }) {
    this.prev = from.head;
    this.checked = from.seq;
  }

  /** The hash of the last entry walked (GENESIS_HASH before any). */
  get head(): string {
    return this.prev;
  }

  /** Returns the first break in this batch, or null. */
  feed(entries: readonly (AuditContent & { hash: string; chainSeq?: number })[]): ChainBreak | null {
    for (const e of entries) {
      this.checked++;
      if (e.chainSeq !== undefined && e.chainSeq !== this.checked)
        return { seq: e.seq, reason: 'chain_seq_gap' };
      if (e.prevHash !== this.prev) return { seq: e.seq, reason: 'prev_hash_mismatch' };
      if (auditHash(e) !== e.hash) return { seq: e.seq, reason: 'hash_mismatch' };
      this.prev = e.hash;
    }
    return null;
  }
}
