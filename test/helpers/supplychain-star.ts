import { insertStarResult, saveRequestStarResult } from '@shinrai/store';
import { createHash, randomUUID } from 'node:crypto';
import type { TestApp } from './app.ts';

/**
 * A ★ result with an evidence file recorded by `orgId`, and one attached to its request `requestId`, written
 * through the store (the authorization walker needs resources to address; the flow itself is tested in
 * supplychain-star-results.test.ts).
 */
export async function seedStarResult(
  t: TestApp,
  orgId: string,
  requestId: string,
): Promise<{ starResultId: string }> {
  const db = t.deps.store.db;
  const at = new Date().toISOString();
  const data = Buffer.from('walker star result\n');
  const stored = await t.deps.files.put(data, { purpose: 'supplychain.star_result', name: 'star.txt' });
  const evidence = {
    evidence_name: 'star.txt',
    evidence_type: 'text/plain',
    evidence_size: data.length,
    evidence_sha256: createHash('sha256').update(data).digest('hex'),
    evidence_key: stored.key,
  };
  const starResultId = randomUUID();
  const result = {
    level: 3,
    kind: 'self',
    obtained_on: '2026-01-01',
    valid_until: '2099-12-31',
    body_name: null,
    registration_no: null,
    ...evidence,
  };
  await insertStarResult(db, {
    id: starResultId,
    org_id: orgId,
    ...result,
    assessment_id: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  });
  await saveRequestStarResult(db, {
    request_id: requestId,
    org_id: orgId,
    supplier_org_id: orgId,
    star_result_id: starResultId,
    ...result,
    attached_at: at,
    corrected_at: null,
  });
  return { starResultId };
}
