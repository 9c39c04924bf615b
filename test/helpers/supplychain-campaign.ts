import {
  insertCampaign,
  insertCampaignEvidence,
  insertCampaignRequests,
  insertOrganization,
  insertRelationship,
  insertSupplier,
} from '@shinrai/store';
import { createHash, randomUUID } from 'node:crypto';
import type { TestApp } from './app.ts';
import { supplierRow } from './supplier-row.ts';

/**
 * A sent campaign with one request and one evidence file in `orgId`, written through the store (the
 * authorization walker needs resources to address; the flow itself is tested in supplychain-campaigns.test.ts).
 */
export async function seedCampaign(
  t: TestApp,
  orgId: string,
  catalogId: string,
): Promise<{ campaignId: string; requestId: string; fileId: string }> {
  const db = t.deps.store.db;
  const at = new Date().toISOString();
  const supplierId = randomUUID();
  await insertSupplier(db, supplierRow(orgId, at, { id: supplierId, name: '巡回部品株式会社' }));
  const campaignId = randomUUID();
  await insertCampaign(db, {
    id: campaignId,
    org_id: orgId,
    title: '巡回用',
    catalog_id: catalogId,
    tier: null,
    deadline: '2099-12-31',
    link_days: 30,
    mail_language: 'ja_en',
    message: null,
    status: 'sent',
    owner_id: null,
    created_by: null,
    created_at: at,
    sent_at: at,
  });
  const requestId = randomUUID();
  await insertCampaignRequests(db, [
    {
      id: requestId,
      org_id: orgId,
      campaign_id: campaignId,
      supplier_id: supplierId,
      supplier_name: '巡回部品株式会社',
      assessment_id: null,
      status: 'sent',
      opened_at: null,
      submitted_at: null,
      accepted_at: null,
      accepted_by: null,
      reminders: '[]',
      escalated_at: null,
      updated_at: at,
    },
  ]);
  const data = Buffer.from('walker evidence\n');
  const stored = await t.deps.files.put(data, { purpose: 'supplychain.evidence', name: 'walk.txt' });
  const fileId = randomUUID();
  await insertCampaignEvidence(db, {
    id: fileId,
    org_id: orgId,
    request_id: requestId,
    ref: '1',
    name: 'walk.txt',
    content_type: 'text/plain',
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    file_key: stored.key,
    link_id: null,
    created_at: at,
  });
  return { campaignId, requestId, fileId };
}

/**
 * A request addressed to `supplierOrgId` on Shinrai (its inbox): a buyer organization with an active
 * buyer → supplier relationship to it, whose registry entry is linked to it, and a sent campaign.
 */
export async function seedInboxRequest(
  t: TestApp,
  supplierOrgId: string,
  catalogId: string,
): Promise<{ inboxRequestId: string }> {
  const db = t.deps.store.db;
  const at = new Date().toISOString();
  const buyerId = randomUUID();
  await insertOrganization(db, {
    id: buyerId,
    slug: `walk-buyer-${buyerId.slice(0, 8)}`,
    name: '巡回発注者株式会社',
    kind: 'enterprise',
    corporateNumber: null,
    industry: null,
    size: null,
    prefecture: null,
    now: at,
  });
  await insertRelationship(db, {
    id: randomUUID(),
    type: 'buyer_supplier',
    from_org_id: buyerId,
    to_org_id: supplierOrgId,
    status: 'active',
    requested_by_org_id: buyerId,
    created_at: at,
    accepted_at: at,
    ended_at: null,
  });
  const { requestId } = await seedCampaign(t, buyerId, catalogId);
  await db
    .updateTable('suppliers')
    .set({ linked_org_id: supplierOrgId })
    .where('org_id', '=', buyerId)
    .execute();
  return { inboxRequestId: requestId };
}
