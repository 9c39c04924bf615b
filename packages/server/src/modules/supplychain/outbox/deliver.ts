import { linkTokenHash, newLinkToken } from '@shinrai/core/supplychain';
import {
  claimOutboxMail,
  requeueStaleOutboxMails,
  findCampaign,
  findOrganization,
  findRespondLink,
  insertRespondLink,
  queuedOutboxMails,
  revokeRespondLink,
  updateOutboxMail,
  type CampaignRow,
  type Executor,
  type OutboxMailRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { campaignMail } from './mail-text.ts';

const DAY = 86_400_000;

/** The page a respondent opens: the token rides in the fragment, which browsers never send to a server or in a Referer. */
export function respondUrl(deps: Deps, token: string): string {
  return `${deps.config.publicUrl}/respond/#${token}`;
}

/** A new link for the mail's recipient; only its hash is stored. Returns the token (shown once or mailed). */
export async function mintLink(
  ex: Executor,
  now: Date,
  mail: Pick<OutboxMailRow, 'org_id' | 'request_id' | 'to_email' | 'to_name' | 'item_ref' | 'from_link'>,
  campaign: Pick<CampaignRow, 'link_days'>,
): Promise<{ id: string; token: string; expiresAt: string }> {
  const token = newLinkToken();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + campaign.link_days * DAY).toISOString();
  await insertRespondLink(ex, {
    id,
    org_id: mail.org_id,
    request_id: mail.request_id ?? '',
    email: mail.to_email,
    name: mail.to_name,
    token_hash: linkTokenHash(token),
    item_ref: mail.item_ref,
    forwarded_from: mail.from_link,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
    revoked_at: null,
  });
  return { id, token, expiresAt };
}

/** Withdraws a link nobody opened yet (one already opened keeps its respondent's session). */
export async function revokeIfUnused(ex: Executor, linkId: string | null, now: string): Promise<void> {
  if (linkId === null) return;
  const link = await findRespondLink(ex, linkId);
  if (link && link.used_at === null) await revokeRespondLink(ex, link.id, now);
}

/**
 * Sends one claimed mail: mints its link first (the token exists only in memory and in the mail), then
 * hands it to SMTP. A refused mail is marked failed with the SMTP server's words and its link withdrawn.
 */
async function deliverOne(
  deps: Deps,
  mail: OutboxMailRow,
  campaign: CampaignRow,
  buyer: string,
): Promise<boolean> {
  const now = deps.now().toISOString();
  const details = JSON.parse(mail.details) as Record<string, unknown>;
  let link: { id: string; token: string; expiresAt: string } | null = null;
  if (mail.kind !== 'escalation') {
    await revokeIfUnused(deps.store.db, mail.link_id, now);
    link = await mintLink(deps.store.db, deps.now(), mail, campaign);
  }
  const url =
    link === null
      ? `${deps.config.publicUrl}/orgs/${mail.org_id}/campaigns/${campaign.id}`
      : respondUrl(deps, link.token);
  try {
    await deps.mailer.send(
      campaignMail({
        kind: mail.kind,
        language: campaign.mail_language,
        to: mail.to_email,
        toName: mail.to_name,
        buyer,
        title: campaign.title,
        deadline: campaign.deadline,
        url,
        expiresOn: link?.expiresAt.slice(0, 10) ?? null,
        reminderDays: typeof details.days === 'number' ? details.days : undefined,
        forwardedBy: typeof details.by === 'string' ? details.by : null,
        itemTitle: typeof details.itemTitle === 'string' ? details.itemTitle : null,
        supplier: typeof details.supplier === 'string' ? details.supplier : null,
        note: typeof details.note === 'string' ? details.note : null,
      }),
    );
  } catch (err) {
    if (link !== null) await revokeRespondLink(deps.store.db, link.id, now);
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    await updateOutboxMail(deps.store.db, mail.id, {
      state: 'failed',
      error: message,
      attempts: mail.attempts + 1,
      link_id: null,
      updated_at: now,
    });
    return false;
  }
  await updateOutboxMail(deps.store.db, mail.id, {
    state: 'sent',
    error: null,
    attempts: mail.attempts + 1,
    link_id: link?.id ?? null,
    sent_at: now,
    updated_at: now,
  });
  return true;
}

/** How long a mail may stay taken for delivery before another run sends it again. */
export const STALE_SENDING_MS = 10 * 60_000;

/** Delivers queued mails (oldest first) until none is left; returns how many were sent and failed. */
export async function deliverQueued(
  deps: Deps,
  progress?: (done: number) => Promise<void>,
): Promise<{ sent: number; failed: number }> {
  const campaigns = new Map<string, { campaign: CampaignRow; buyer: string } | null>();
  let sent = 0;
  let failed = 0;
  // A mail taken by a worker that stopped before recording the send goes out again (an SMTP send
  // finishes or times out well within this).
  await requeueStaleOutboxMails(
    deps.store.db,
    new Date(deps.now().getTime() - STALE_SENDING_MS).toISOString(),
  );
  for (;;) {
    const batch = await queuedOutboxMails(deps.store.db, 100);
    if (batch.length === 0) break;
    for (const mail of batch) {
      if (!(await claimOutboxMail(deps.store.db, mail.id, deps.now().toISOString()))) continue;
      const key = mail.campaign_id ?? '';
      if (!campaigns.has(key)) {
        const campaign = await findCampaign(deps.store.db, mail.org_id, key);
        const org = await findOrganization(deps.store.db, mail.org_id);
        campaigns.set(key, campaign ? { campaign, buyer: org?.name ?? '' } : null);
      }
      const c = campaigns.get(key);
      if (!c) {
        await updateOutboxMail(deps.store.db, mail.id, {
          state: 'failed',
          error: 'campaign deleted',
          updated_at: deps.now().toISOString(),
        });
        failed++;
        continue;
      }
      if (await deliverOne(deps, mail, c.campaign, c.buyer)) sent++;
      else failed++;
      await progress?.(sent + failed);
    }
  }
  return { sent, failed };
}
