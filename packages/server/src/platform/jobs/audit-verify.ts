import { ChainVerifier } from '@shinrai/core';
import { auditChainBatch, countAudit } from '@shinrai/store';
import type { Deps } from '../deps.ts';
import { JobInterrupted, type JobHandler } from './worker.ts';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Verifies one audit chain in batches, reporting progress as it goes. */
export async function verifyAuditChain(
  deps: Deps,
  orgId: string | null,
  onProgress: (checked: number, total: number) => Promise<void> | void,
  shouldStop: () => boolean = () => false,
): Promise<VerifyResult> {
  const total = await countAudit(deps.store.db, orgId);
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    if (shouldStop()) throw new JobInterrupted();
    const batch = await auditChainBatch(deps.store.db, orgId, after, 500);
    if (batch.length === 0) break;
    const broken = verifier.feed(batch);
    await onProgress(verifier.checked, total);
    if (broken)
      return { ok: false, checked: verifier.checked, firstBrokenSeq: broken.seq, reason: broken.reason };
    after = batch[batch.length - 1]?.seq ?? after;
  }
  return { ok: true, checked: verifier.checked, firstBrokenSeq: null, reason: null };
}

export function auditVerifyJob(deps: Deps): JobHandler {
  return async (ctx) =>
    verifyAuditChain(
      deps,
      ctx.job.org_id,
      (c, t) => ctx.progress(c, t),
      () => ctx.stopping,
    );
}
