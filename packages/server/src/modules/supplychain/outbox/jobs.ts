import { escalationDue, japanDay, reminderDue } from '@shinrai/core/supplychain';
import {
  findUser,
  insertOutboxMails,
  listOpenCampaignRequests,
  listRequestRespondents,
  updateCampaignRequest,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { scheduleDaily } from '../../../platform/jobs/schedule.ts';
import type { JobHandler } from '../../../platform/jobs/worker.ts';
import { OUTBOX_JOB } from '../campaigns/service.ts';
import { INBOX_FORWARD_JOB, inboxForwardJob } from '../inbox/forward.ts';
import { INBOX_CLARIFY_JOB, inboxClarifyJob } from '../inbox/notify.ts';
import { deliverQueued } from './deliver.ts';

export const REMINDERS_JOB = 'supplychain.reminders';

/** Delivers the outbox (queued after a send, a forward, a resend, a return). */
export function outboxJob(deps: Deps): JobHandler {
  return async (ctx) => {
    const r = await deliverQueued(deps, (done) => ctx.progress(done, done));
    return r;
  };
}

function mailRow(p: {
  orgId: string;
  campaignId: string;
  requestId: string | null;
  kind: string;
  to: string;
  name: string | null;
  details: Record<string, unknown>;
  now: string;
}) {
  return {
    id: randomUUID(),
    org_id: p.orgId,
    campaign_id: p.campaignId,
    request_id: p.requestId,
    kind: p.kind,
    to_email: p.to,
    to_name: p.name,
    item_ref: null,
    from_link: null,
    link_id: null,
    details: JSON.stringify(p.details),
    state: 'queued',
    error: null,
    attempts: 0,
    created_at: p.now,
    updated_at: p.now,
    sent_at: null,
  };
}

/**
 * Daily (03:00 Japan time): queues the reminders due today (7/3/1 working days before the deadline, see
 * core `reminderSchedule`) for requests not yet submitted, and one escalation per campaign to its owner
 * once suppliers are overdue; then delivers the outbox and schedules the next run.
 */
export function remindersJob(deps: Deps): JobHandler {
  return async () => {
    const db = deps.store.db;
    const now = deps.now();
    const at = now.toISOString();
    const today = japanDay(now);
    let reminders = 0;
    const overdue = new Map<
      string,
      { orgId: string; ownerId: string | null; title: string; suppliers: string[]; ids: string[] }
    >();
    for (const r of await listOpenCampaignRequests(db)) {
      const sentOn = japanDay(new Date(r.sent_at ?? r.updated_at));
      const sent = JSON.parse(r.reminders) as number[];
      const due = reminderDue(r.deadline, sentOn, today, sent);
      if (due !== null) {
        const to = await listRequestRespondents(db, r.org_id, r.id);
        await insertOutboxMails(
          db,
          to.map((p) =>
            mailRow({
              orgId: r.org_id,
              campaignId: r.campaign_id,
              requestId: r.id,
              kind: 'reminder',
              to: p.email,
              name: p.name,
              details: { days: due.offset },
              now: at,
            }),
          ),
        );
        await updateCampaignRequest(db, r.org_id, r.id, {
          reminders: JSON.stringify([...sent, due.offset]),
          updated_at: at,
        });
        reminders += to.length;
      }
      if (r.escalated_at === null && escalationDue(r.deadline, today)) {
        const e = overdue.get(r.campaign_id) ?? {
          orgId: r.org_id,
          ownerId: r.owner_id,
          title: r.title,
          suppliers: [],
          ids: [],
        };
        e.suppliers.push(r.supplier_name);
        e.ids.push(r.id);
        overdue.set(r.campaign_id, e);
      }
    }
    let escalations = 0;
    for (const [campaignId, e] of overdue) {
      const owner = e.ownerId === null ? undefined : await findUser(db, e.ownerId);
      if (owner) {
        const names =
          e.suppliers.slice(0, 20).join('、') +
          (e.suppliers.length > 20 ? ` ほか${e.suppliers.length - 20}社` : '');
        await insertOutboxMails(db, [
          mailRow({
            orgId: e.orgId,
            campaignId,
            requestId: null,
            kind: 'escalation',
            to: owner.email,
            name: owner.display_name,
            details: { supplier: names },
            now: at,
          }),
        ]);
        escalations++;
      }
      for (const id of e.ids)
        await updateCampaignRequest(db, e.orgId, id, { escalated_at: at, updated_at: at });
    }
    const delivered = await deliverQueued(deps);
    await scheduleDaily(deps, REMINDERS_JOB, now);
    return { reminders, escalations, ...delivered };
  };
}

export const campaignJobs = (deps: Deps): Record<string, JobHandler> => ({
  [OUTBOX_JOB]: outboxJob(deps),
  [REMINDERS_JOB]: remindersJob(deps),
  [INBOX_CLARIFY_JOB]: inboxClarifyJob(deps),
  [INBOX_FORWARD_JOB]: inboxForwardJob(deps),
});
