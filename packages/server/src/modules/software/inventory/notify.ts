import { getSoftwareNotifications, insertSoftwareIncident, type SoftwareFindingRow } from '@shinrai/store';
import { createHmac, randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { sendWebhook } from './webhook.ts';

export interface AlertSubject {
  orgId: string;
  productName: string;
  releaseId: string;
  releaseVersion: string;
}

type Finding = Pick<SoftwareFindingRow, 'advisory_id' | 'severity' | 'malicious' | 'summary'> & {
  componentName: string;
  componentVersion: string | null;
};

const WEBHOOK_TIMEOUT_MS = 5_000;

/** Signs a webhook body: `x-shinrai-signature: sha256=<hex HMAC of the body with the secret>`. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function postWebhook(deps: Deps, url: string, secret: string | null, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  const sent = await sendWebhook(
    url,
    body,
    {
      'content-type': 'application/json',
      ...(secret ? { 'x-shinrai-signature': webhookSignature(secret, body) } : {}),
    },
    { timeoutMs: WEBHOOK_TIMEOUT_MS },
  );
  if (!sent.ok) deps.log.warn({ reason: sent.reason, detail: sent.detail }, 'software webhook not sent');
  else if (sent.status < 200 || sent.status >= 300)
    deps.log.warn({ status: sent.status }, 'software webhook answered with an error');
}

/**
 * Tells an organization about findings: e-mail to its owners and admins (unless switched off) and a
 * POST to its webhook (when set). `kind` malicious also opens an incident. Failures are logged, never
 * thrown: an alert must not undo the import that found it.
 */
export async function alertFindings(
  deps: Deps,
  subject: AlertSubject,
  kind: 'malicious' | 'new_findings',
  findings: readonly Finding[],
): Promise<void> {
  if (findings.length === 0) return;
  const db = deps.store.db;
  const settings = await getSoftwareNotifications(db, subject.orgId);
  const now = deps.now().toISOString();
  if (kind === 'malicious') {
    await insertSoftwareIncident(db, {
      id: randomUUID(),
      org_id: subject.orgId,
      kind: 'malicious_package',
      release_id: subject.releaseId,
      status: 'open',
      details: JSON.stringify({
        product: subject.productName,
        version: subject.releaseVersion,
        advisories: findings.map((f) => f.advisory_id),
        components: findings.map((f) => `${f.componentName}@${f.componentVersion ?? ''}`),
      }),
      created_at: now,
    });
  }
  const lines = findings
    .slice(0, 50)
    .map((f) => `- ${f.advisory_id} [${f.severity}] ${f.componentName}@${f.componentVersion ?? ''}`)
    .join('\n');
  const link = `${deps.config.publicUrl}/orgs/${subject.orgId}/software/releases/${subject.releaseId}`;
  if (settings?.email_enabled !== 0) {
    const recipients = await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.email', 'u.locale'])
      .where('m.org_id', '=', subject.orgId)
      .where('m.role', 'in', ['owner', 'admin'])
      .execute();
    const what = `${subject.productName} ${subject.releaseVersion}`;
    for (const r of recipients) {
      try {
        await deps.mailer.send(
          r.locale === 'en'
            ? {
                to: r.email,
                subject:
                  kind === 'malicious'
                    ? `[Shinrai] MALICIOUS package found in ${what}`
                    : `[Shinrai] ${findings.length} new vulnerability finding(s) in ${what}`,
                text: `${kind === 'malicious' ? 'A package known to be malicious is part of' : 'New advisories affect'} ${what}:\n${lines}\n\n${link}\n`,
              }
            : {
                to: r.email,
                subject:
                  kind === 'malicious'
                    ? `【Shinrai】悪意あるパッケージを検出しました — ${what}`
                    : `【Shinrai】新しい脆弱性が ${findings.length} 件見つかりました — ${what}`,
                text: `${kind === 'malicious' ? '悪意あるパッケージとして報告されているものが' : '新しい脆弱性情報が'} ${what} ${kind === 'malicious' ? 'に含まれています' : 'に該当します'}：\n${lines}\n\n${link}\n`,
              },
        );
      } catch (err) {
        deps.log.warn({ err }, 'software alert mail failed');
      }
    }
  }
  if (settings?.webhook_url) {
    await postWebhook(deps, settings.webhook_url, settings.webhook_secret, {
      event: kind === 'malicious' ? 'software.malicious_package' : 'software.new_findings',
      organizationId: subject.orgId,
      product: subject.productName,
      release: { id: subject.releaseId, version: subject.releaseVersion },
      findings: findings.map((f) => ({
        advisoryId: f.advisory_id,
        severity: f.severity,
        malicious: f.malicious === 1,
        summary: f.summary,
        component: { name: f.componentName, version: f.componentVersion },
      })),
      at: now,
    });
  }
}
