import { tokyoDate } from '@shinrai/core';
import {
  listOverdueGovernanceActions,
  claimGovernanceReminders,
  releaseGovernanceReminders,
  type OverdueAction,
} from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';
import type { OutgoingMail } from '../../platform/mail/mailer.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import { scheduleDaily } from '../../platform/jobs/schedule.ts';
import { JobInterrupted, type JobHandler } from '../../platform/jobs/worker.ts';

export const GOVERNANCE_OVERDUE_JOB = 'governance.overdue';

export interface OverdueResult {
  mails: number;
  actions: number;
}

const STATUS: Record<string, { ja: string; en: string }> = {
  planned: { ja: '予定', en: 'planned' },
  in_progress: { ja: '実施中', en: 'in progress' },
};

/** One reminder per owner and organization, Japanese first with an English part (like the invitation). */
export function overdueMail(publicUrl: string, actions: readonly OverdueAction[]): OutgoingMail {
  const first = actions[0];
  if (!first) throw new Error('no actions');
  const link = `${publicUrl}/orgs/${first.org_id}/governance`;
  const n = actions.length;
  const directive = (ref: string) => ref.replace('directive-', '');
  return {
    to: first.owner_email,
    subject: `【Shinrai】期限を過ぎた改善アクション ${n}件（${first.org_name}） / ${n} overdue action item${n === 1 ? '' : 's'}`,
    text: [
      `${first.owner_name} さん`,
      '',
      `組織「${first.org_name}」で、あなたが担当する改善アクションのうち ${n} 件が期限を過ぎています。`,
      '',
      ...actions.map(
        (a) =>
          `・指示${directive(a.directive)}「${a.title}」 期限 ${a.due_date}（${STATUS[a.status]?.ja ?? a.status}）`,
      ),
      '',
      '進み具合を更新するか、期限を見直してください:',
      link,
      '',
      '----',
      `${n} action item${n === 1 ? '' : 's'} you own in "${first.org_name}" ${n === 1 ? 'is' : 'are'} past due:`,
      ...actions.map(
        (a) =>
          `- Directive ${directive(a.directive)} "${a.title}", due ${a.due_date} (${STATUS[a.status]?.en ?? a.status})`,
      ),
      `Update the progress or the due date: ${link}`,
    ].join('\n'),
  };
}

/**
 * E-mails the owners of overdue open action items: of the job's organization, or of every organization
 * when the job has none. Each action is reminded at most once per day (Japan): it is claimed before its mail
 * goes out, so neither a retry nor a second run at the same time sends it twice.
 */
export async function sendOverdueReminders(
  deps: Deps,
  orgId: string | null,
  onProgress: (done: number, total: number) => Promise<void> | void = () => {},
  shouldStop: () => boolean = () => false,
): Promise<OverdueResult> {
  const today = tokyoDate(deps.now());
  const due = await listOverdueGovernanceActions(deps.store.db, today, orgId);
  const batches = new Map<string, OverdueAction[]>();
  for (const a of due) {
    const key = `${a.org_id}\u0000${a.owner_id}`;
    const list = batches.get(key) ?? [];
    list.push(a);
    batches.set(key, list);
  }
  let mails = 0;
  for (const batch of batches.values()) {
    if (shouldStop()) throw new JobInterrupted();
    // Claim the actions before mailing: a second run at the same time (the daily job beside a manual
    // one) finds them claimed and sends nothing. A failed mail gives the claim back for the retry.
    const claimed = await claimGovernanceReminders(
      deps.store.db,
      batch.map((a) => a.id),
      today,
    );
    const actions = batch.filter((a) => claimed.has(a.id));
    const first = actions[0];
    if (!first) continue;
    try {
      await deps.mailer.send(overdueMail(deps.config.publicUrl, actions));
    } catch (err) {
      await releaseGovernanceReminders(deps.store.db, [...claimed], today);
      throw err;
    }
    await deps.store.db.transaction().execute(async (trx) => {
      await audit(
        deps,
        trx,
        { userId: null, tokenId: null, requestId: null },
        first.org_id,
        'governance.reminder_sent',
        { type: 'user', id: first.owner_id },
        { actions: actions.map((a) => a.id), date: today },
      );
    });
    mails++;
    await onProgress(mails, batches.size);
  }
  return { mails, actions: due.length };
}

/**
 * Handler factory for the `governance.overdue` job kind (registered in serve.ts). A job of one organization
 * (POST …/governance/reminders) runs once; the instance-wide one (no organization, from scheduleDaily)
 * first queues tomorrow's run, so a failure today does not end the daily chain.
 */
export function governanceOverdueJob(deps: Deps): JobHandler {
  return async (ctx) => {
    if (ctx.job.org_id === null) await scheduleDaily(deps, GOVERNANCE_OVERDUE_JOB, deps.now());
    return sendOverdueReminders(
      deps,
      ctx.job.org_id,
      (c, t) => ctx.progress(c, t),
      () => ctx.stopping,
    );
  };
}
