import { can, type Role } from '@shinrai/core';
import { enqueueJob, findInboxRequest, findMembership, findUser, type Executor } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { JobHandler } from '../../../platform/jobs/worker.ts';
import { audit, lockAuditOf } from '../../../platform/services/audit-trail.ts';
import { fail } from '../campaigns/errors.ts';
import { editableItem } from '../respond/service.ts';
import { ctxOfRespondent } from '../respond/session.ts';
import { inboxRespondent } from './service.ts';

export const INBOX_FORWARD_JOB = 'supplychain.inbox.forward';

interface ForwardPayload {
  supplierOrgId: string;
  requestId: string;
  toUserId: string;
  from: string;
  itemTitle: string | null;
  note: string | null;
}

/**
 * Forwards a request of the inbox (or one of its items) to a colleague: another member of the supplier's
 * own organization who may answer (not a viewer). Like a link respondent's forward it is audited, in the
 * buyer's log (who asked whom, for which item) and in the supplier's; the colleague is mailed a link to
 * the request in the inbox (no new credential: they sign in as themselves) after the change commits.
 */
export async function inboxForward(
  ctx: Ctx,
  requestId: string,
  input: { userId: string; ref: string | null; note: string | null },
): Promise<void> {
  const deps = ctx.deps;
  const r = await inboxRespondent(ctx, requestId);
  const membership =
    input.userId === ctx.actor.userId
      ? undefined
      : await findMembership(deps.store.db, ctx.orgId, input.userId);
  const colleague = membership && (await findUser(deps.store.db, input.userId));
  if (!membership || !colleague || !can(membership.role as Role, 'supplychain.write'))
    fail('inbox_forward_colleague', [{ in: 'body', pointer: '/userId', message: 'colleague' }]);
  if (r.request.status === 'accepted' || r.request.status === 'closed') fail('respond_closed');
  let itemTitle: string | null = null;
  if (input.ref !== null)
    itemTitle = `${input.ref} ${(await editableItem(deps, r, input.ref)).node.node.title.ja}`;
  const details = {
    from: r.link.email,
    to: colleague!.email,
    item: input.ref,
    supplierOrgId: ctx.orgId,
  };
  await write(ctxOfRespondent(deps, r, ctx.actor.requestId), async (tx) => {
    await lockAuditOf(tx.trx, [tx.orgId, ctx.orgId]);
    const target = { type: 'campaign_request', id: r.request.id };
    await tx.audit('respond.forward', target, details);
    await audit(deps, tx.trx, tx.actor, ctx.orgId, 'supplychain.inbox.forward', target, {
      ...details,
      note: input.note,
    });
    await queueForwardMail(tx.trx, tx.now.toISOString(), {
      supplierOrgId: ctx.orgId,
      requestId: r.request.id,
      toUserId: colleague!.id,
      from: r.link.name ?? r.link.email,
      itemTitle,
      note: input.note,
    });
  });
}

async function queueForwardMail(ex: Executor, now: string, p: ForwardPayload): Promise<void> {
  await enqueueJob(ex, {
    id: randomUUID(),
    orgId: p.supplierOrgId,
    kind: INBOX_FORWARD_JOB,
    payload: p,
    now,
    maxAttempts: 3,
  });
}

/** Mails the colleague (Japanese, then English) a link to the request in the inbox. */
export function inboxForwardJob(deps: Deps): JobHandler {
  return async (ctx) => {
    const p = ctx.payload as ForwardPayload;
    const db = deps.store.db;
    const user = await findUser(db, p.toUserId);
    const row = await findInboxRequest(db, p.supplierOrgId, p.requestId);
    if (!user || !row) return { mails: 0 };
    const url = `${deps.config.publicUrl}/orgs/${p.supplierOrgId}/inbox/${p.requestId}`;
    const what = p.itemTitle ? `設問「${p.itemTitle}」` : '質問票';
    const whatEn = p.itemTitle ? `the item "${p.itemTitle}"` : 'the questionnaire';
    const note = p.note ? { ja: `\nメモ: ${p.note}`, en: `\nNote: ${p.note}` } : { ja: '', en: '' };
    await deps.mailer.send({
      to: user.email,
      subject: `【Shinrai】${p.from} さんから回答の依頼（${row.buyer_name}）/ A colleague asks for your answer`,
      text: `${user.display_name} さん\n\n${p.from} さんから、${row.buyer_name} の回答依頼「${row.title}」（期限 ${row.deadline}）の${what}への回答を頼まれました。${note.ja}\n\n回答依頼（受信）の画面で回答してください（ご自身のアカウントでサインインします）：\n${url}\n\n--\n${p.from} asks you to answer ${whatEn} of "${row.title}" from ${row.buyer_name} (deadline ${row.deadline}).${note.en}\n\nAnswer it in the inbox (sign in with your own account):\n${url}\n`,
    });
    return { mails: 1 };
  };
}
