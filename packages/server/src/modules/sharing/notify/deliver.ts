import { retryDelayMs } from '@shinrai/core';
import {
  enqueueJobOnce,
  findOrganization,
  findSharingDelivery,
  findSharingReport,
  getSharingNotifySettings,
  insertSharingDeliveries,
  listPendingSharingDeliveries,
  findSharingComment,
  updateSharingDelivery,
  type SharingDeliveryRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import type { JobContext, JobHandler } from '../../../platform/jobs/worker.ts';
import { sendWebhook, webhookSignature, type WebhookSendOptions } from '../../software/public.ts';
import { publishedAudience } from './audience.ts';
import { noticeLink, noticeMail, noticePayload, publishedNotice, type Notice } from './messages.ts';

export const SHARING_NOTIFY_JOB = 'sharing.notify';
export const SHARING_DELIVERY_JOB = 'sharing.delivery_retry';

/** Attempts per delivery, the first included; then it stays `failed` (shown to the member). */
export const DELIVERY_ATTEMPTS = 5;
const WEBHOOK_TIMEOUT_MS = 5_000;
/** Deliveries sent at once by one notification job. */
const PARALLEL = 16;

/** How webhooks reach the network (tests give a resolver and allow their local receiver). */
export type NotifyNet = Pick<WebhookSendOptions, 'resolve' | 'allow'>;

export type NotifyJobPayload =
  { event: 'published'; reportId: string } | { event: 'comment'; reportId: string; commentId: string };

/** The notice of a delivery's source, or null when the source is gone or no longer published. */
async function noticeOf(deps: Deps, p: NotifyJobPayload): Promise<Notice | null> {
  const db = deps.store.db;
  const row = await findSharingReport(db, p.reportId);
  if (row?.status !== 'published') return null;
  if (p.event === 'published') {
    const hub = await findOrganization(db, row.hub_org_id);
    return publishedNotice(row, hub?.name ?? '');
  }
  const c = await findSharingComment(db, p.commentId);
  if (c?.report_id !== row.id) return null;
  return {
    event: 'comment',
    reportId: row.id,
    title: row.published_title ?? '',
    kind: c.kind === 'sighting' ? 'sighting' : 'comment',
    author: c.named === 1 ? c.org_name : null,
    at: c.created_at,
  };
}

/** Who receives it: the report's audience, or for a reply the reporter (unless it replied itself). */
async function recipients(deps: Deps, p: NotifyJobPayload): Promise<string[]> {
  const row = await findSharingReport(deps.store.db, p.reportId);
  if (!row) return [];
  if (p.event === 'published') return publishedAudience(deps, row.hub_org_id, row.id);
  const c = await findSharingComment(deps.store.db, p.commentId);
  return c?.report_id === row.id && c.org_id !== row.reporter_org_id ? [row.reporter_org_id] : [];
}

/** The member's notification address if it set one, else its owners and admins. */
async function mailRecipients(deps: Deps, orgId: string): Promise<{ email: string; locale: string }[]> {
  const s = await getSharingNotifySettings(deps.store.db, orgId);
  if (s?.email_to) return [{ email: s.email_to, locale: 'ja' }];
  return deps.store.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.locale'])
    .where('m.org_id', '=', orgId)
    .where('m.role', 'in', ['owner', 'admin'])
    .orderBy('u.email')
    .execute();
}

type Outcome =
  { ok: true; httpStatus: number | null } | { ok: false; httpStatus: number | null; error: string };

async function attempt(deps: Deps, net: NotifyNet, d: SharingDeliveryRow, n: Notice): Promise<Outcome> {
  const link = noticeLink(deps.config.publicUrl, d.org_id, n.reportId);
  if (d.channel === 'email') {
    try {
      for (const r of await mailRecipients(deps, d.org_id))
        await deps.mailer.send({ to: r.email, ...noticeMail(n, link, r.locale) });
      return { ok: true, httpStatus: null };
    } catch (err) {
      return { ok: false, httpStatus: null, error: err instanceof Error ? err.message : String(err) };
    }
  }
  const settings = await getSharingNotifySettings(deps.store.db, d.org_id);
  if (!settings?.webhook_url || settings.webhook_url !== d.target)
    return { ok: false, httpStatus: null, error: 'webhook_changed' };
  const body = JSON.stringify(noticePayload(n, link, d.id));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-shinrai-event': n.event === 'published' ? 'sharing.report_published' : 'sharing.comment',
    'x-shinrai-delivery': d.id,
  };
  if (settings.webhook_secret)
    headers['x-shinrai-signature'] = webhookSignature(settings.webhook_secret, body);
  const sent = await sendWebhook(d.target, body, headers, { timeoutMs: WEBHOOK_TIMEOUT_MS, ...net });
  if (!sent.ok) return { ok: false, httpStatus: null, error: sent.reason };
  if (sent.status < 200 || sent.status >= 300)
    return { ok: false, httpStatus: sent.status, error: `http_${sent.status}` };
  return { ok: true, httpStatus: sent.status };
}

/** One attempt, recorded on the delivery; the caller decides about a retry. */
async function attemptAndRecord(
  deps: Deps,
  net: NotifyNet,
  d: SharingDeliveryRow,
  n: Notice,
  attempts: number,
): Promise<Outcome> {
  const out = await attempt(deps, net, d, n);
  const final = out.ok || attempts >= DELIVERY_ATTEMPTS || (!out.ok && out.error === 'webhook_changed');
  await updateSharingDelivery(deps.store.db, d.id, {
    status: out.ok ? 'delivered' : final ? 'failed' : 'retrying',
    attempts,
    http_status: out.httpStatus,
    last_error: out.ok ? null : out.error,
    updated_at: deps.now().toISOString(),
  });
  return out;
}

/** Records one delivery per recipient and channel, sends them, and schedules a retry for each failure. */
async function notify(deps: Deps, net: NotifyNet, ctx: JobContext): Promise<unknown> {
  const p = ctx.payload as NotifyJobPayload;
  const sourceId = p.event === 'published' ? p.reportId : p.commentId;
  const notice = await noticeOf(deps, p);
  if (!notice) return { delivered: 0, failed: 0 };
  const db = deps.store.db;
  const now = deps.now().toISOString();
  const rows: SharingDeliveryRow[] = [];
  for (const orgId of await recipients(deps, p)) {
    const s = await getSharingNotifySettings(db, orgId);
    const base = { org_id: orgId, report_id: p.reportId, source_id: sourceId, event: p.event };
    const rest = {
      status: 'pending',
      attempts: 0,
      http_status: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    };
    if (s?.email_enabled !== 0) {
      const count = (await mailRecipients(deps, orgId)).length;
      if (count > 0)
        rows.push({ id: randomUUID(), ...base, channel: 'email', target: String(count), ...rest });
    }
    if (s?.webhook_url)
      rows.push({ id: randomUUID(), ...base, channel: 'webhook', target: s.webhook_url, ...rest });
  }
  await insertSharingDeliveries(db, rows);
  // A rerun of this job (a crash halfway) sends only what is still pending.
  const pending = await listPendingSharingDeliveries(db, sourceId);
  let done = 0;
  let failed = 0;
  let next = 0;
  const lane = async () => {
    while (next < pending.length) {
      const d = pending[next++] as SharingDeliveryRow;
      const out = await attemptAndRecord(deps, net, d, notice, 1);
      if (out.ok) done++;
      else {
        failed++;
        if (out.error !== 'webhook_changed') await scheduleRetry(deps, d.id, p);
      }
      if ((done + failed) % 50 === 0) await ctx.progress(done + failed, pending.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, pending.length) }, lane));
  return { delivered: done, failed };
}

async function scheduleRetry(deps: Deps, deliveryId: string, p: NotifyJobPayload) {
  const now = deps.now();
  await enqueueJobOnce(deps.store.db, {
    id: randomUUID(),
    orgId: null,
    kind: SHARING_DELIVERY_JOB,
    payload: { deliveryId, source: p },
    // The first attempt was made by the notification job; the job's own retries make the rest.
    maxAttempts: DELIVERY_ATTEMPTS - 1,
    now: now.toISOString(),
    runAt: new Date(now.getTime() + retryDelayMs(1)).toISOString(),
  });
}

/** A later attempt of one failed delivery; a failure throws, so the worker retries it with backoff. */
async function retry(deps: Deps, net: NotifyNet, ctx: JobContext): Promise<unknown> {
  const { deliveryId, source } = ctx.payload as { deliveryId: string; source: NotifyJobPayload };
  const d = await findSharingDelivery(deps.store.db, deliveryId);
  if (!d || d.status === 'delivered' || d.status === 'failed') return { status: d?.status ?? 'gone' };
  const notice = await noticeOf(deps, source);
  if (!notice) {
    await updateSharingDelivery(deps.store.db, d.id, {
      status: 'failed',
      attempts: d.attempts,
      http_status: d.http_status,
      last_error: 'withdrawn',
      updated_at: deps.now().toISOString(),
    });
    return { status: 'failed' };
  }
  const out = await attemptAndRecord(deps, net, d, notice, d.attempts + 1);
  if (!out.ok && out.error !== 'webhook_changed' && d.attempts + 1 < DELIVERY_ATTEMPTS)
    throw new Error(`delivery ${d.id} failed: ${out.error}`);
  return { status: out.ok ? 'delivered' : 'failed' };
}

/** The module's job handlers; `net` only for tests (a local webhook receiver). */
export function sharingNotifyJobs(deps: Deps, net: NotifyNet = {}): Record<string, JobHandler> {
  return {
    [SHARING_NOTIFY_JOB]: (ctx) => notify(deps, net, ctx),
    [SHARING_DELIVERY_JOB]: (ctx) => retry(deps, net, ctx),
  };
}
