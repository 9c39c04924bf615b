import { japanDay } from '@shinrai/core/supplychain';
import {
  enqueueJob,
  insertCampaign,
  insertCampaignRequests,
  insertOutboxMails,
  type CampaignRequestRow,
  type CampaignRow,
  type Executor,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../../platform/context.ts';
import { loadCatalog } from '../../library/public.ts';
import { fail } from './errors.ts';
import { preflight, type PreflightCheck } from './preflight.ts';
import { loadRecipients } from './recipients.ts';

export const OUTBOX_JOB = 'supplychain.outbox';

/** The language of a campaign's mails to respondents (who have no account to hold a preference). */
export const MAIL_LANGUAGES = ['ja_en', 'ja', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export interface CampaignInput {
  title: string;
  catalogId: string;
  tier?: string | null | undefined;
  deadline: string;
  linkDays?: number | undefined;
  message?: string | null | undefined;
  supplierIds: string[];
  mailLanguage?: MailLanguage | undefined;
}

/** By default a link lasts until two weeks after the deadline (late answers still welcome), at most 90 days. */
function defaultLinkDays(now: Date, deadline: string): number {
  const days = Math.ceil((Date.parse(`${deadline}T00:00:00+09:00`) - now.getTime()) / 86_400_000);
  return Math.min(90, Math.max(1, days + 14));
}

async function prepare(ex: Executor, ctx: Ctx, input: CampaignInput) {
  const catalog = await loadCatalog(ex, ctx.orgId, input.catalogId);
  const tier = input.tier ?? null;
  if (tier !== null && !(catalog.pack.tiers ?? []).some((t) => t.id === tier))
    fail('validation_failed', [{ in: 'body', pointer: '/tier', message: tier }]);
  const suppliers = await loadRecipients(ex, ctx.orgId, [...new Set(input.supplierIds)]);
  if (suppliers.length !== new Set(input.supplierIds).size) {
    const known = new Set(suppliers.map((s) => s.id));
    const i = input.supplierIds.findIndex((id) => !known.has(id));
    fail('validation_failed', [{ in: 'body', pointer: `/supplierIds/${i}`, message: 'unknown supplier' }]);
  }
  const linkDays = input.linkDays ?? defaultLinkDays(ctx.now, input.deadline);
  const checks = preflight(ctx, { catalog, tier, deadline: input.deadline, linkDays, suppliers });
  return { catalog, tier, suppliers, linkDays, checks };
}

/** The pre-send check of a campaign not yet sent: what would stop a respondent, with the fixes. */
export async function checkCampaign(ctx: Ctx, input: CampaignInput): Promise<PreflightCheck[]> {
  return (await prepare(ctx.deps.store.db, ctx, input)).checks;
}

/**
 * Creates a campaign and sends it: one request per supplier, one invitation mail per contact queued in
 * the outbox (delivered by the outbox job, which mints each link). Refused with the checks when any is an error.
 */
export async function sendCampaign(
  ctx: Ctx,
  input: CampaignInput,
): Promise<{ campaign: CampaignRow; requests: number; mails: number }> {
  return write(ctx, async (tx) => {
    const { catalog, tier, suppliers, linkDays, checks } = await prepare(tx.trx, ctx, input);
    if (checks.some((c) => c.severity === 'error')) fail('campaign_not_ready', { checks });
    const now = tx.now.toISOString();
    const campaign: CampaignRow = {
      id: randomUUID(),
      org_id: tx.orgId,
      title: input.title,
      catalog_id: catalog.row.id,
      tier,
      deadline: input.deadline,
      link_days: linkDays,
      message: input.message ?? null,
      status: 'sent',
      owner_id: tx.actor.userId,
      created_by: tx.actor.userId,
      created_at: now,
      sent_at: now,
      mail_language: input.mailLanguage ?? 'ja_en',
    };
    await insertCampaign(tx.trx, campaign);
    const requests: CampaignRequestRow[] = suppliers.map((s) => ({
      id: randomUUID(),
      org_id: tx.orgId,
      campaign_id: campaign.id,
      supplier_id: s.id,
      supplier_name: s.name,
      assessment_id: null,
      status: 'sent',
      opened_at: null,
      submitted_at: null,
      accepted_at: null,
      accepted_by: null,
      reminders: '[]',
      escalated_at: null,
      updated_at: now,
    }));
    await insertCampaignRequests(tx.trx, requests);
    const mails = suppliers.flatMap((s, i) =>
      s.contacts.map((c) => ({
        id: randomUUID(),
        org_id: tx.orgId,
        campaign_id: campaign.id,
        request_id: requests[i]!.id,
        kind: 'invite',
        to_email: c.email.toLowerCase(),
        to_name: c.name,
        item_ref: null,
        from_link: null,
        link_id: null,
        details: '{}',
        state: 'queued',
        error: null,
        attempts: 0,
        created_at: now,
        updated_at: now,
        sent_at: null,
      })),
    );
    await insertOutboxMails(tx.trx, mails);
    await queueDelivery(tx.trx, now);
    await tx.audit(
      'campaign.send',
      { type: 'campaign', id: campaign.id },
      {
        title: campaign.title,
        catalogId: campaign.catalog_id,
        deadline: campaign.deadline,
        suppliers: requests.length,
        mails: mails.length,
        mailLanguage: campaign.mail_language,
        on: japanDay(tx.now),
      },
    );
    return { campaign, requests: requests.length, mails: mails.length };
  });
}

/** Asks the job worker to deliver the outbox now. */
export async function queueDelivery(ex: Executor, now: string): Promise<void> {
  await enqueueJob(ex, { id: randomUUID(), orgId: null, kind: OUTBOX_JOB, payload: {}, now, maxAttempts: 3 });
}
