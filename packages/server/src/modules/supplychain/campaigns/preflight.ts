import type { AnswerModel } from '@shinrai/core';
import { addDays, japanDay } from '@shinrai/core/supplychain';
import type { Ctx } from '../../../platform/context.ts';
import type { LoadedCatalog } from '../../library/public.ts';
import type { SupplierRecipients } from './recipients.ts';

/**
 * The check before sending (送信前チェック): everything that would stop a respondent from answering,
 * each with the fix. `error` blocks sending; `warning` is shown and does not.
 */
export interface PreflightCheck {
  code:
    | 'mail_not_configured'
    | 'public_url_insecure'
    | 'catalog_empty'
    | 'catalog_unsupported_item'
    | 'deadline_past'
    | 'links_expire_before_deadline'
    | 'no_suppliers'
    | 'supplier_no_contact'
    | 'contact_invalid_email';
  severity: 'error' | 'warning';
  supplierId?: string;
  subject?: string;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;
const SUPPORTED: ReadonlySet<AnswerModel['kind']> = new Set([
  'choice',
  'multiple',
  'maturity',
  'number',
  'text',
  'date',
  'file',
]);

export function isDeliverableEmail(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s);
}

/** The answerable items of a catalog (in the campaign's tier when it has one). */
export function campaignItems(catalog: LoadedCatalog, tier: string | null) {
  const included =
    tier === null
      ? null
      : new Set([tier, ...((catalog.pack.tiers ?? []).find((t) => t.id === tier)?.includes ?? [])]);
  return catalog.nodes.filter(
    (n) => n.kind === 'item' && (included === null || n.node.tier === undefined || included.has(n.node.tier)),
  );
}

export function preflight(
  ctx: Ctx,
  input: {
    catalog: LoadedCatalog;
    tier: string | null;
    deadline: string;
    linkDays: number;
    suppliers: SupplierRecipients[];
  },
): PreflightCheck[] {
  const out: PreflightCheck[] = [];
  if (ctx.deps.mailer.configured === false) out.push({ code: 'mail_not_configured', severity: 'error' });
  const url = ctx.deps.config.publicUrl;
  if (url.startsWith('http://') && !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(url))
    out.push({ code: 'public_url_insecure', severity: 'warning', subject: url });
  const items = campaignItems(input.catalog, input.tier);
  if (items.length === 0) out.push({ code: 'catalog_empty', severity: 'error' });
  for (const it of items) {
    const model = input.catalog.pack.answerModels[it.node.answerModel ?? ''];
    if (!model || !SUPPORTED.has(model.kind))
      out.push({ code: 'catalog_unsupported_item', severity: 'error', subject: it.ref });
  }
  const today = japanDay(ctx.now);
  if (input.deadline <= today)
    out.push({ code: 'deadline_past', severity: 'error', subject: input.deadline });
  else if (addDays(today, input.linkDays) < input.deadline)
    out.push({ code: 'links_expire_before_deadline', severity: 'error', subject: String(input.linkDays) });
  if (input.suppliers.length === 0) out.push({ code: 'no_suppliers', severity: 'error' });
  for (const s of input.suppliers) {
    if (s.contacts.length === 0)
      out.push({ code: 'supplier_no_contact', severity: 'error', supplierId: s.id, subject: s.name });
    for (const c of s.contacts)
      if (!isDeliverableEmail(c.email))
        out.push({
          code: 'contact_invalid_email',
          severity: 'error',
          supplierId: s.id,
          subject: `${s.name}: ${c.email}`,
        });
  }
  return out;
}
