import {
  findCampaign,
  findOutboxMail,
  listOutboxMails,
  updateOutboxMail,
  type OutboxMailRow,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, write } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Id } from '../../../platform/http/schemas.ts';
import { fail } from '../campaigns/errors.ts';
import { queueDelivery } from '../campaigns/service.ts';
import { mintLink, respondUrl, revokeIfUnused } from './deliver.ts';

const Mail = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  requestId: z.string().nullable(),
  kind: z.string(),
  to: z.string(),
  toName: z.string().nullable(),
  itemRef: z.string().nullable(),
  state: z.enum(['queued', 'sending', 'sent', 'failed']),
  error: z.string().nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

const view = (m: OutboxMailRow) => ({
  id: m.id,
  campaignId: m.campaign_id,
  requestId: m.request_id,
  kind: m.kind,
  to: m.to_email,
  toName: m.to_name,
  itemRef: m.item_ref,
  state: m.state as 'queued' | 'sending' | 'sent' | 'failed',
  error: m.error,
  attempts: m.attempts,
  createdAt: m.created_at,
  sentAt: m.sent_at,
});

const MailParams = z.strictObject({ orgId: Id, mailId: Id });

/** The outbox (送信履歴): every campaign mail with its delivery state, resend, and a copyable link. */
export function outboxRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/supplychain/outbox',
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            "The organization's campaign mails, newest first (state queued/sending/sent/failed with the SMTP error)",
          params: z.strictObject({ orgId: Id }),
          querystring: z.strictObject({
            campaignId: Id.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(200),
          }),
          response: { 200: z.object({ items: z.array(Mail) }) },
        },
      },
      async (req) => ({
        items: (
          await listOutboxMails(
            deps.store.db,
            req.params.orgId,
            req.query.campaignId ?? null,
            req.query.limit,
          )
        ).map(view),
      }),
    );

    app.post(
      '/api/orgs/:orgId/supplychain/outbox/:mailId/resend',
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Send a mail again (a fresh link; the one it carried is withdrawn unless already opened)',
          params: MailParams,
          response: { 202: z.object({ mail: Mail }) },
        },
      },
      async (req, reply) => {
        const mail = await write(ctxOf(deps, req), async (tx) => {
          const m = (await findOutboxMail(tx.trx, tx.orgId, req.params.mailId)) ?? fail('not_found');
          if (m.state === 'queued' || m.state === 'sending') fail('campaign_state');
          const now = tx.now.toISOString();
          await updateOutboxMail(tx.trx, m.id, { state: 'queued', error: null, updated_at: now });
          await queueDelivery(tx.trx, now);
          await tx.audit(
            'campaign.mail_resend',
            { type: 'outbox_mail', id: m.id },
            { to: m.to_email, kind: m.kind },
          );
          return { ...m, state: 'queued', error: null };
        });
        return reply.status(202).send({ mail: view(mail) });
      },
    );

    app.post(
      '/api/orgs/:orgId/supplychain/outbox/:mailId/link',
      {
        config: { permission: 'supplychain.write', userOnly: true },
        schema: {
          tags: ['supplychain'],
          summary:
            "A fresh respondent link for this mail's recipient, shown once to copy and hand over another way (only its hash is kept; the mail's earlier link is withdrawn unless already opened); audited",
          params: MailParams,
          response: { 201: z.object({ url: z.string(), expiresAt: z.string() }) },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        const m = (await findOutboxMail(deps.store.db, ctx.orgId, req.params.mailId)) ?? fail('not_found');
        if (m.kind === 'escalation' || m.request_id === null) fail('campaign_state');
        const campaign =
          (await findCampaign(deps.store.db, ctx.orgId, m.campaign_id ?? '')) ?? fail('not_found');
        const link = await write(ctx, async (tx) => {
          const now = tx.now.toISOString();
          await revokeIfUnused(tx.trx, m.link_id, now);
          const minted = await mintLink(tx.trx, tx.now, m, campaign);
          await updateOutboxMail(tx.trx, m.id, { link_id: minted.id, updated_at: now });
          await tx.audit('campaign.link_copy', { type: 'outbox_mail', id: m.id }, { to: m.to_email });
          return minted;
        });
        return reply.status(201).send({ url: respondUrl(deps, link.token), expiresAt: link.expiresAt });
      },
    );
  };
}
