import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { fail, requestLocale } from '../../../platform/http/errors.ts';
import { checkWebhookUrl, WEBHOOK_URL_MESSAGES } from './webhook.ts';

/**
 * Saving a webhook address (software notifications and sharing notifications alike): refuses an address
 * the guard does not allow, located at `/webhookUrl` in the caller's language, and gives the secret to
 * store — the old one while the URL is unchanged, a new one when it changes (`fresh`: shown once, in the
 * answer to this request), none without a URL.
 */
export async function webhookSettingsChange(
  req: FastifyRequest,
  url: string | null,
  before: { webhook_url: string | null; webhook_secret: string | null } | undefined,
): Promise<{ secret: string | null; fresh: boolean }> {
  if (url !== null) {
    const problem = await checkWebhookUrl(url);
    if (problem !== null)
      return fail('validation_failed', [
        {
          in: 'body',
          pointer: '/webhookUrl',
          code: problem,
          message: WEBHOOK_URL_MESSAGES[problem][requestLocale(req)],
        },
      ]);
  }
  const secret =
    url === null
      ? null
      : before?.webhook_url === url && before.webhook_secret
        ? before.webhook_secret
        : randomBytes(24).toString('base64url');
  return { secret, fresh: secret !== null && secret !== before?.webhook_secret };
}
