import {
  findSharingReport,
  getSharingNotifySettings,
  listSharingDeliveries,
  putSharingNotifySettings,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, write } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { orgAccess } from '../../../platform/http/principal.ts';
import { Email, ErrorBody, Id } from '../../../platform/http/schemas.ts';
import { webhookSettingsChange } from '../../software/public.ts';

const P = '/api/orgs/:orgId/sharing/notifications';
const Params = z.strictObject({ orgId: Id });
const tags = ['sharing'];

const Delivery = z.object({
  id: z.string(),
  reportId: z.string(),
  reportTitle: z.string(),
  event: z.enum(['published', 'comment']),
  channel: z.enum(['email', 'webhook']),
  status: z.enum(['pending', 'delivered', 'retrying', 'failed']),
  attempts: z.number(),
  httpStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const Settings = z.object({
  webhookUrl: z.string().nullable(),
  emailEnabled: z.boolean(),
  emailTo: z.string().nullable(),
  hasWebhookSecret: z.boolean(),
  deliveries: z.array(Delivery),
});

/**
 * How a member hears of publications and of replies to its reports: e-mail to its owners and admins, and a
 * webhook signed with `x-shinrai-signature: sha256=HMAC` (the software module's sender and address guard).
 * The member sees its own deliveries only.
 */
export function notifyRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  const view = async (orgId: string) => {
    const s = await getSharingNotifySettings(db, orgId);
    const rows = await listSharingDeliveries(db, orgId);
    const titles = new Map<string, string>();
    for (const r of rows)
      if (!titles.has(r.report_id))
        titles.set(r.report_id, (await findSharingReport(db, r.report_id))?.published_title ?? '');
    return {
      webhookUrl: s?.webhook_url ?? null,
      emailEnabled: s ? s.email_enabled === 1 : true,
      emailTo: s?.email_to ?? null,
      hasWebhookSecret: Boolean(s?.webhook_secret),
      deliveries: rows.map((r) => ({
        id: r.id,
        reportId: r.report_id,
        reportTitle: titles.get(r.report_id) ?? '',
        event: r.event as 'published',
        channel: r.channel as 'email',
        status: r.status as 'pending',
        attempts: r.attempts,
        httpStatus: r.http_status,
        lastError: r.last_error,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
    };
  };
  return async (app) => {
    app.get(
      P,
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary:
            "This organization's notification settings for shared attack information, and its last deliveries",
          params: Params,
          response: { 200: Settings },
        },
      },
      async (req) => view(orgAccess(req).orgId),
    );

    app.put(
      P,
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary:
            'Set the webhook URL (POSTed JSON signed with x-shinrai-signature: sha256=HMAC; public http(s) addresses only), whether e-mail is sent, and an optional notification address used instead of the owners and admins',
          params: Params,
          body: z.strictObject({
            webhookUrl: z.string().trim().min(1).max(2000).nullable(),
            emailEnabled: z.boolean(),
            emailTo: Email.nullable().optional(),
          }),
          response: { 200: Settings.extend({ webhookSecret: z.string().nullable() }), 400: ErrorBody },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const url = req.body.webhookUrl;
        const before = await getSharingNotifySettings(db, access.orgId);
        // A new secret whenever the URL changes; it is shown once, in this answer.
        const { secret, fresh } = await webhookSettingsChange(req, url, before);
        await write(ctxOf(deps, req), async (tx) => {
          await putSharingNotifySettings(tx.trx, {
            org_id: access.orgId,
            webhook_url: url,
            webhook_secret: secret,
            email_enabled: req.body.emailEnabled ? 1 : 0,
            email_to: req.body.emailTo ?? null,
            updated_at: deps.now().toISOString(),
          });
          await tx.audit('sharing.notifications_set', null, {
            webhook: url !== null,
            emailEnabled: req.body.emailEnabled,
            emailTo: req.body.emailTo ? true : false,
          });
        });
        return { ...(await view(access.orgId)), webhookSecret: fresh ? secret : null };
      },
    );
  };
}
