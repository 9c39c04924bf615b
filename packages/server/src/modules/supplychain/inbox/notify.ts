import {
  enqueueJob,
  findCampaignRequest,
  findInboxRequest,
  findSupplier,
  inboxManagers,
} from '@shinrai/store';
import type { Executor } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import type { JobHandler } from '../../../platform/jobs/worker.ts';
import type { OutgoingMail } from '../../../platform/mail/mailer.ts';
import { loadCatalog } from '../../library/public.ts';

export const INBOX_CLARIFY_JOB = 'supplychain.inbox.clarify';

interface ClarifyPayload {
  buyerOrgId: string;
  requestId: string;
  ref: string;
  note: string;
}

/**
 * When a buyer sends an item back (差し戻し) on a request addressed to a supplier on Shinrai, its owners and
 * administrators are told as well (the link respondents get their own mail through the outbox). Queued in
 * the return's transaction; the mail goes out after it commits.
 */
export async function queueInboxClarify(ex: Executor, p: ClarifyPayload, now: string): Promise<void> {
  await enqueueJob(ex, {
    id: randomUUID(),
    orgId: p.buyerOrgId,
    kind: INBOX_CLARIFY_JOB,
    payload: p,
    now,
    maxAttempts: 3,
  });
}

/** The mail to a supplier's manager: Japanese, then English; the link opens the request in its inbox. */
export function inboxClarifyMail(m: {
  to: string;
  name: string;
  buyer: string;
  title: string;
  deadline: string;
  item: string;
  note: string;
  url: string;
}): OutgoingMail {
  return {
    to: m.to,
    subject: `【Shinrai】${m.buyer} から回答内容の確認のお願い: ${m.title} / Clarification requested`,
    text: `${m.name} さん\n\n${m.buyer} より、回答依頼「${m.title}」（期限 ${m.deadline}）の設問「${m.item}」について確認のお願い（差し戻し）がありました。\n依頼内容: ${m.note}\n\n回答依頼（受信）の画面で回答し、再提出してください：\n${m.url}\n\n--\n${m.buyer} asks your organization to clarify the item "${m.item}" of "${m.title}" (deadline ${m.deadline}).\nNote: ${m.note}\n\nAnswer it in the inbox and submit again:\n${m.url}\n`,
  };
}

/**
 * Sends the clarification mail to the supplier organization's owners and administrators, if the request's
 * registry entry is linked to an organization that still sees it in its inbox (active relationship).
 * A mail that cannot be sent is logged; it never undoes the return.
 */
export function inboxClarifyJob(deps: Deps): JobHandler {
  return async (ctx) => {
    const p = ctx.payload as ClarifyPayload;
    const db = deps.store.db;
    const request = await findCampaignRequest(db, p.buyerOrgId, p.requestId);
    const supplier = request && (await findSupplier(db, p.buyerOrgId, request.supplier_id));
    const supplierOrgId = supplier?.linked_org_id ?? null;
    if (!request || supplierOrgId === null) return { mails: 0 };
    const row = await findInboxRequest(db, supplierOrgId, request.id);
    if (!row || row.campaign_status === 'closed') return { mails: 0 };
    const catalog = await loadCatalog(db, p.buyerOrgId, row.catalog_id);
    const node = catalog.nodes.find((n) => n.ref === p.ref);
    const item = node ? `${p.ref} ${node.node.title.ja}` : p.ref;
    const url = `${deps.config.publicUrl}/orgs/${supplierOrgId}/inbox/${request.id}`;
    let mails = 0;
    for (const m of await inboxManagers(db, supplierOrgId)) {
      try {
        await deps.mailer.send(
          inboxClarifyMail({
            to: m.email,
            name: m.display_name,
            buyer: row.buyer_name,
            title: row.title,
            deadline: row.deadline,
            item,
            note: p.note,
            url,
          }),
        );
        mails++;
      } catch (err) {
        deps.log.error({ err }, 'inbox clarification mail could not be sent');
      }
    }
    return { mails };
  };
}
