import { answerLabel as printAnswer, type AnswerModel, type AnswerValue, type Text } from '@shinrai/core';
import {
  campaignStatusCounts,
  findCampaign,
  findCampaignRequest,
  insertOutboxMails,
  listAnswers,
  findRequestDeclaration,
  findRequestStarResult,
  listCampaignEvidence,
  listCampaignItems,
  listCampaignRequests,
  listCampaigns,
  listRequestRespondents,
  saveCampaignItem,
  updateCampaignRequest,
  type CampaignItemRow,
  type CampaignRequestRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx, type TxCtx } from '../../../platform/context.ts';
import { refreshScore } from '../../assessments/public.ts';
import { loadCatalog } from '../../library/public.ts';
import { fail } from './errors.ts';
import { japanDay } from '@shinrai/core/supplychain';
import { shownStarResult } from '../star-results/service.ts';
import type { MailLanguage } from './service.ts';
import { campaignItems } from './preflight.ts';
import { queueInboxClarify } from '../inbox/notify.ts';
import { queueDelivery } from './service.ts';

/** The option label of a choice or maturity answer, or a file answer's count (null for other kinds). */
function answerLabel(model: AnswerModel | undefined, v: AnswerValue | null): Text | null {
  if (!model || !v) return null;
  if (v.kind === 'choice' && model.kind === 'choice')
    return model.options.find((o) => o.value === v.value)?.label ?? null;
  if (v.kind === 'maturity' && model.kind === 'maturity')
    return model.levels.find((l) => l.level === v.level)?.label ?? null;
  if (v.kind === 'multiple' && model.kind === 'multiple') {
    const labels = v.values.map((x) => model.options.find((o) => o.value === x)?.label ?? { ja: x, en: x });
    return { ja: labels.map((l) => l.ja).join('、'), en: labels.map((l) => l.en).join(', ') };
  }
  if (v.kind === 'file') {
    const pack = { answerModels: { file: model } };
    return { ja: printAnswer(pack, 'file', v, 'ja'), en: printAnswer(pack, 'file', v, 'en') };
  }
  return null;
}

/** What the buyer sees of a reused answer's source: its kind, label and date (not the source's id). */
function reusedForBuyer(s: string | null) {
  if (!s) return null;
  const f = JSON.parse(s) as { type: 'request' | 'assessment'; label: string; date: string };
  return { type: f.type, label: f.label, date: f.date };
}

export async function campaignList(ctx: Ctx) {
  const db = ctx.deps.store.db;
  const counts = await campaignStatusCounts(db, ctx.orgId);
  return (await listCampaigns(db, ctx.orgId)).map((c) => {
    const mine = counts.filter((x) => x.campaign_id === c.id);
    const n = (s: string[]) => mine.filter((x) => s.includes(x.status)).reduce((t, x) => t + x.n, 0);
    return {
      id: c.id,
      title: c.title,
      deadline: c.deadline,
      status: c.status,
      sentAt: c.sent_at,
      requests: n(['sent', 'opened', 'submitted', 'accepted', 'closed']),
      submitted: n(['submitted', 'accepted']),
      accepted: n(['accepted']),
    };
  });
}

const requestView = (r: CampaignRequestRow) => ({
  id: r.id,
  supplierId: r.supplier_id,
  supplierName: r.supplier_name,
  status: r.status,
  openedAt: r.opened_at,
  submittedAt: r.submitted_at,
  acceptedAt: r.accepted_at,
  reminders: JSON.parse(r.reminders) as number[],
  escalatedAt: r.escalated_at,
});

export async function campaignDetail(ctx: Ctx, id: string) {
  const db = ctx.deps.store.db;
  const c = (await findCampaign(db, ctx.orgId, id)) ?? fail('not_found');
  return {
    campaign: {
      id: c.id,
      title: c.title,
      deadline: c.deadline,
      status: c.status,
      sentAt: c.sent_at,
      catalogId: c.catalog_id,
      linkDays: c.link_days,
      mailLanguage: c.mail_language as MailLanguage,
    },
    requests: (await listCampaignRequests(db, ctx.orgId, id)).map(requestView),
  };
}

/** One supplier's answers as the buyer reviews them: value, follow-up, state, evidence per item. */
export async function requestDetail(ctx: Ctx, requestId: string) {
  const db = ctx.deps.store.db;
  const r = (await findCampaignRequest(db, ctx.orgId, requestId)) ?? fail('not_found');
  const c = (await findCampaign(db, ctx.orgId, r.campaign_id)) ?? fail('not_found');
  const catalog = await loadCatalog(db, ctx.orgId, c.catalog_id);
  const answers = new Map(
    (r.assessment_id ? await listAnswers(db, ctx.orgId, r.assessment_id) : []).map((a) => [a.ref, a]),
  );
  const states = new Map((await listCampaignItems(db, ctx.orgId, r.id)).map((s) => [s.ref, s]));
  const evidence = await listCampaignEvidence(db, ctx.orgId, r.id);
  const d = await findRequestDeclaration(db, ctx.orgId, r.id);
  const star = await findRequestStarResult(db, ctx.orgId, r.id);
  return {
    request: requestView(r),
    declaration: d
      ? { level: d.level as 'star1' | 'star2', declarationId: d.declaration_id, declaredOn: d.declared_on }
      : null,
    starResult: star
      ? {
          ...shownStarResult(star, japanDay(ctx.now)),
          attachedAt: star.attached_at,
          correctedAt: star.corrected_at,
        }
      : null,
    campaign: { id: c.id, title: c.title, deadline: c.deadline },
    assessmentId: r.assessment_id,
    items: campaignItems(catalog, c.tier).map((n) => {
      const a = answers.get(n.ref);
      const s = states.get(n.ref);
      const value = a?.value ? (JSON.parse(a.value) as AnswerValue) : null;
      return {
        ref: n.ref,
        title: n.node.title,
        value,
        answerLabel: answerLabel(catalog.pack.answerModels[n.node.answerModel ?? ''], value),
        followUp: { reason: s?.follow_reason ?? null, plannedDate: s?.follow_date ?? null },
        state: s?.state ?? 'open',
        returnNote: s?.return_note ?? null,
        returnedAt: s?.returned_at ?? null,
        reusedFrom: reusedForBuyer(s?.reused_from ?? null),
        evidence: evidence
          .filter((e) => e.ref === n.ref)
          .map((e) => ({
            id: e.id,
            name: e.name,
            size: e.size,
            sha256: e.sha256,
            contentType: e.content_type,
          })),
      };
    }),
  };
}

async function itemOf(tx: TxCtx, requestId: string, ref: string) {
  const r = (await findCampaignRequest(tx.trx, tx.orgId, requestId)) ?? fail('not_found');
  const c = (await findCampaign(tx.trx, tx.orgId, r.campaign_id)) ?? fail('not_found');
  const catalog = await loadCatalog(tx.trx, tx.orgId, c.catalog_id);
  if (!campaignItems(catalog, c.tier).some((n) => n.ref === ref)) fail('not_found', { pointer: '/ref' });
  const prev = (await listCampaignItems(tx.trx, tx.orgId, r.id)).find((s) => s.ref === ref);
  const now = tx.now.toISOString();
  const row: CampaignItemRow = prev ?? {
    request_id: r.id,
    org_id: tx.orgId,
    ref,
    state: 'open',
    follow_reason: null,
    follow_date: null,
    return_note: null,
    returned_at: null,
    accepted_at: null,
    answered_by_link: null,
    updated_at: now,
    reused_from: null,
  };
  return { r, c, row, now };
}

/**
 * Sends one submitted item back for clarification (差し戻し) with a note; the respondents of the whole
 * questionnaire get a mail with a fresh link, and a supplier on Shinrai's owners and administrators a mail
 * to its inbox. Accepted items are locked and cannot be sent back.
 */
export async function returnItem(ctx: Ctx, requestId: string, ref: string, note: string): Promise<void> {
  await write(ctx, async (tx) => {
    const { r, row, now } = await itemOf(tx, requestId, ref);
    if (r.status !== 'submitted' || row.state === 'accepted') fail('campaign_state');
    await saveCampaignItem(tx.trx, {
      ...row,
      state: 'returned',
      return_note: note,
      returned_at: now,
      updated_at: now,
    });
    const recipients = await listRequestRespondents(tx.trx, tx.orgId, r.id);
    await insertOutboxMails(
      tx.trx,
      recipients.map((p) => ({
        id: randomUUID(),
        org_id: tx.orgId,
        campaign_id: r.campaign_id,
        request_id: r.id,
        kind: 'clarify',
        to_email: p.email,
        to_name: p.name,
        item_ref: null,
        from_link: null,
        link_id: null,
        details: JSON.stringify({ note }),
        state: 'queued',
        error: null,
        attempts: 0,
        created_at: now,
        updated_at: now,
        sent_at: null,
      })),
    );
    await queueDelivery(tx.trx, now);
    // A supplier on Shinrai: its owners and administrators are told too (the inbox shows the item).
    await queueInboxClarify(tx.trx, { buyerOrgId: tx.orgId, requestId: r.id, ref, note }, now);
    await tx.audit('campaign.item_return', { type: 'campaign_request', id: r.id }, { ref, note });
  });
}

/** Accepts one item (locks it). */
export async function acceptItem(ctx: Ctx, requestId: string, ref: string): Promise<void> {
  await write(ctx, async (tx) => {
    const { r, row, now } = await itemOf(tx, requestId, ref);
    if (r.status !== 'submitted' || row.state === 'returned') fail('campaign_state');
    await saveCampaignItem(tx.trx, { ...row, state: 'accepted', accepted_at: now, updated_at: now });
    await tx.audit('campaign.item_accept', { type: 'campaign_request', id: r.id }, { ref });
  });
}

/** Accepts a submitted answer as a whole: every item is locked; the supplier's status counts as known. */
export async function acceptRequest(ctx: Ctx, requestId: string): Promise<void> {
  await write(ctx, async (tx) => {
    const r = (await findCampaignRequest(tx.trx, tx.orgId, requestId)) ?? fail('not_found');
    const c = (await findCampaign(tx.trx, tx.orgId, r.campaign_id)) ?? fail('not_found');
    const states = await listCampaignItems(tx.trx, tx.orgId, r.id);
    if (r.status !== 'submitted' || states.some((s) => s.state === 'returned')) fail('campaign_state');
    const now = tx.now.toISOString();
    const catalog = await loadCatalog(tx.trx, tx.orgId, c.catalog_id);
    for (const n of campaignItems(catalog, c.tier)) {
      const prev = states.find((s) => s.ref === n.ref);
      if (prev?.state === 'accepted') continue;
      await saveCampaignItem(tx.trx, {
        request_id: r.id,
        org_id: tx.orgId,
        ref: n.ref,
        follow_reason: prev?.follow_reason ?? null,
        follow_date: prev?.follow_date ?? null,
        return_note: prev?.return_note ?? null,
        returned_at: prev?.returned_at ?? null,
        answered_by_link: prev?.answered_by_link ?? null,
        reused_from: prev?.reused_from ?? null,
        state: 'accepted',
        accepted_at: now,
        updated_at: now,
      });
    }
    await updateCampaignRequest(tx.trx, tx.orgId, r.id, {
      status: 'accepted',
      accepted_at: now,
      accepted_by: tx.actor.userId,
      updated_at: now,
    });
    // The accepted answer's score (the coverage dashboard's campaign score) is kept on its assessment.
    if (r.assessment_id) await refreshScore(tx.trx, tx.orgId, r.assessment_id, tx.now);
    await tx.audit('campaign.accept', { type: 'campaign_request', id: r.id }, { supplier: r.supplier_id });
  });
}
