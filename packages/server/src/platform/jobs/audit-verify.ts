import { ChainVerifier, chainKey, compareWithCheckpoint, type AuditCheckpoint } from '@shinrai/core';
import { auditChainSlice, auditHead, countAudit } from '@shinrai/store';
import { createPublicKey } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { loadSigningKey, readCheckpoints } from '../services/audit-checkpoints.ts';
import { JobInterrupted, type JobHandler } from './worker.ts';

export interface VerifyResult {
  ok: boolean;
  /** Entries walked (the chain's length when it is intact). */
  checked: number;
  /** Global sequence number of the first broken entry, when one entry is to blame. */
  firstBrokenSeq: number | null;
  /**
   * prev_hash_mismatch, hash_mismatch, chain_seq_gap (the chain itself); chain_deleted, tail_cut,
   * checkpoint_mismatch (against the last signed checkpoint); head_mismatch (against the recorded head).
   */
  reason: string | null;
  /** The checkpoint the chain was compared with. */
  checkpoint: Pick<AuditCheckpoint, 'seq' | 'head' | 'at'> | null;
}

/**
 * Verifies one audit chain in batches, reporting progress as it goes: every entry links to the one
 * before and hashes to its recorded hash, positions run 1, 2, 3 …; then the chain must still reach its
 * last signed checkpoint with the same hash there, and end at its recorded head.
 */
export async function verifyAuditChain(
  deps: Deps,
  orgId: string | null,
  onProgress: (checked: number, total: number) => Promise<void> | void,
  shouldStop: () => boolean = () => false,
  checkpoint: AuditCheckpoint | null = null,
): Promise<VerifyResult> {
  const total = await countAudit(deps.store.db, orgId);
  const cp = checkpoint && { seq: checkpoint.seq, head: checkpoint.head, at: checkpoint.at };
  const verifier = new ChainVerifier();
  let hashAtCheckpoint: string | undefined;
  const result = (reason: string | null, firstBrokenSeq: number | null = null): VerifyResult => ({
    ok: reason === null,
    checked: verifier.checked,
    firstBrokenSeq,
    reason,
    checkpoint: cp,
  });
  for (;;) {
    if (shouldStop()) throw new JobInterrupted();
    const batch = await auditChainSlice(deps.store.db, orgId, verifier.checked, 500);
    if (batch.length === 0) break;
    const broken = verifier.feed(batch);
    await onProgress(verifier.checked, total);
    if (broken) return result(broken.reason, broken.seq);
    if (cp) hashAtCheckpoint ??= batch.find((e) => e.chainSeq === cp.seq)?.hash;
  }
  if (cp) {
    const cut = compareWithCheckpoint(cp, verifier.checked, hashAtCheckpoint);
    if (cut) return result(cut);
  }
  const head = await auditHead(deps.store.db, orgId);
  const headOk =
    head === undefined
      ? verifier.checked === 0
      : head.seq === verifier.checked && head.head === verifier.head;
  return result(headOk ? null : 'head_mismatch');
}

/** The last checkpoint of a chain in the instance's checkpoint file (signature checked with its own key). */
export async function lastCheckpoint(deps: Deps, orgId: string | null): Promise<AuditCheckpoint | null> {
  const key = createPublicKey(loadSigningKey(deps.config.auditKeyFile));
  const file = await readCheckpoints(deps.config.auditCheckpointFile, [key]);
  return file.last.get(chainKey(orgId)) ?? null;
}

export function auditVerifyJob(deps: Deps): JobHandler {
  return async (ctx) =>
    verifyAuditChain(
      deps,
      ctx.job.org_id,
      (c, t) => ctx.progress(c, t),
      () => ctx.stopping,
      await lastCheckpoint(deps, ctx.job.org_id),
    );
}
