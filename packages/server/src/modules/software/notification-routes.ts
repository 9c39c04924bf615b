import { getSoftwareNotifications, putSoftwareNotifications } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, write } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { webhookSettingsChange } from './inventory/webhook-settings.ts';

const P = '/api/orgs/:orgId/software';
const OrgParams = z.strictObject({ orgId: Id });

const Notifications = z.object({
  webhookUrl: z.string().nullable(),
  emailEnabled: z.boolean(),
  hasWebhookSecret: z.boolean(),
});

/**
 * Notification settings (通知設定) for malicious packages and new findings: e-mail to owners and admins,
 * and a signed webhook that may only point at a public http(s) address.
 */
export function softwareNotificationRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  return async (app) => {
    app.get(
      `${P}/notifications`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'How the organization hears about malicious packages and new findings (e-mail, webhook)',
          params: OrgParams,
          response: { 200: Notifications },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const s = await getSoftwareNotifications(db, access.orgId);
        return {
          webhookUrl: s?.webhook_url ?? null,
          emailEnabled: s ? s.email_enabled === 1 : true,
          hasWebhookSecret: Boolean(s?.webhook_secret),
        };
      },
    );

    app.put(
      `${P}/notifications`,
      {
        config: { permission: 'org.update' },
        schema: {
          tags: ['software'],
          summary:
            'Set the webhook URL (POSTed JSON signed with x-shinrai-signature: sha256=HMAC; public http(s) addresses only) and whether owners and admins get e-mail',
          params: OrgParams,
          body: z.strictObject({
            webhookUrl: z.string().trim().min(1).max(2000).nullable(),
            emailEnabled: z.boolean(),
          }),
          response: {
            200: Notifications.extend({ webhookSecret: z.string().nullable() }),
            400: ErrorBody,
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const url = req.body.webhookUrl;
        const before = await getSoftwareNotifications(db, access.orgId);
        // A new secret whenever the URL changes; it is shown once, in this answer.
        const { secret, fresh } = await webhookSettingsChange(req, url, before);
        await write(ctxOf(deps, req), async (tx) => {
          await putSoftwareNotifications(tx.trx, {
            org_id: access.orgId,
            webhook_url: url,
            webhook_secret: secret,
            email_enabled: req.body.emailEnabled ? 1 : 0,
            updated_at: deps.now().toISOString(),
          });
          await tx.audit('software.notifications.set', null, {
            webhookUrl: url,
            emailEnabled: req.body.emailEnabled,
          });
        });
        return {
          webhookUrl: url,
          emailEnabled: req.body.emailEnabled,
          hasWebhookSecret: secret !== null,
          webhookSecret: fresh ? secret : null,
        };
      },
    );
  };
}
