import type { AnswerValue, Text } from '@shinrai/core';
import {
  answerProblems,
  respondentMayEdit,
  type FollowUp,
  type ItemState,
  type RequestStatus,
} from '@shinrai/core/supplychain';
import { insertCampaignEvidence, listAnswers, listCampaignItems } from '@shinrai/store';
import { write } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { audit, lockAuditOf } from '../../../platform/services/audit-trail.ts';
import { fail } from '../campaigns/errors.ts';
import { checkedAnswer, load, writeRespondAnswer, type ReusedFrom } from '../respond/service.ts';
import { ctxOfRespondent, whoAnswered, type Respondent } from '../respond/session.ts';
import { copyEvidence, evidenceToCopy, type EvidenceOrigin } from './reuse-evidence.ts';
import { syncFileAnswers } from '../respond/file-answer.ts';

/** Earlier answers a respondent may start from: their values and follow-ups by item ref. */
export interface ReuseSource {
  type: 'request' | 'assessment';
  id: string;
  /** What the respondent sees of the source (a buyer and campaign, or their own assessment's title). */
  label: string;
  /** What the buyer of the target request sees of it: never another buyer's name. */
  buyerLabel: string;
  date: string;
  answers: Map<string, { value: AnswerValue; followUp: FollowUp }>;
  /** A submitted request: its evidence files come along with the answers they belong to. */
  evidenceOf?: EvidenceOrigin;
}

/** A source as offered: which items of the target request it would fill. */
export interface ReuseOffer {
  type: 'request' | 'assessment';
  id: string;
  label: string;
  date: string;
  items: { ref: string; title: Text }[];
  /** Evidence files that would be copied with these items (hashes kept). */
  evidence: number;
}

/** A submitted request's answers (in the buyer's organization) with their follow-ups, as a source. */
export async function requestAnswers(
  deps: Deps,
  orgId: string,
  requestId: string,
  assessmentId: string,
): Promise<ReuseSource['answers']> {
  const db = deps.store.db;
  const states = new Map((await listCampaignItems(db, orgId, requestId)).map((s) => [s.ref, s]));
  const out: ReuseSource['answers'] = new Map();
  for (const a of await listAnswers(db, orgId, assessmentId)) {
    if (!a.value) continue;
    const st = states.get(a.ref);
    out.set(a.ref, {
      value: JSON.parse(a.value) as AnswerValue,
      followUp: { reason: st?.follow_reason ?? null, plannedDate: st?.follow_date ?? null },
    });
  }
  return out;
}

/** The items of `r` a source fills: editable here, answered there, and valid against this item's model. */
export async function fillable(deps: Deps, r: Respondent, source: ReuseSource) {
  const { catalog, items, states } = await load(deps, r);
  const status = r.request.status as RequestStatus;
  return items.flatMap((n) => {
    const got = source.answers.get(n.ref);
    const state = (states.get(n.ref)?.state ?? 'open') as ItemState;
    if (!got || !respondentMayEdit(status, state)) return [];
    const model = catalog.pack.answerModels[n.node.answerModel ?? ''];
    if (!model || answerProblems(model, got.value, got.followUp).length > 0) return [];
    return [{ ref: n.ref, title: n.node.title, ...got }];
  });
}

export async function offers(deps: Deps, r: Respondent, sources: ReuseSource[]): Promise<ReuseOffer[]> {
  const out: ReuseOffer[] = [];
  for (const s of sources) {
    const items = await fillable(deps, r, s);
    if (items.length > 0)
      out.push({
        type: s.type,
        id: s.id,
        label: s.label,
        date: s.date,
        items: items.map((i) => ({ ref: i.ref, title: i.title })),
        evidence: (
          await evidenceToCopy(
            deps,
            r,
            s.evidenceOf,
            items.map((i) => i.ref),
          )
        ).length,
      });
  }
  return out;
}

/**
 * Fills the chosen items of `r` from a source after the respondent confirmed: every answer checked and
 * written through the respond service in one transaction, each item marked with its source; the consent
 * is audited with the source ids in the buyer's log (and the supplier's own, when it answers in-app).
 */
export async function applyReuse(
  deps: Deps,
  r: Respondent,
  source: ReuseSource,
  refs: readonly string[],
  requestId: string,
): Promise<{ filled: number }> {
  const can = new Map((await fillable(deps, r, source)).map((i) => [i.ref, i]));
  const bad = refs.findIndex((ref) => !can.has(ref));
  if (bad >= 0) fail('reuse_item_unavailable', [{ in: 'body', pointer: `/refs/${bad}` }]);
  const checked: Awaited<ReturnType<typeof checkedAnswer>>[] = [];
  for (const ref of refs) {
    const got = can.get(ref)!;
    checked.push(await checkedAnswer(deps, r, ref, { value: got.value, followUp: got.followUp }));
  }
  const mark: ReusedFrom = { type: source.type, id: source.id, label: source.buyerLabel, date: source.date };
  const copies = await copyEvidence(deps, r, await evidenceToCopy(deps, r, source.evidenceOf, refs), refs);
  try {
    await writeReuse(deps, r, source, refs, requestId, checked, mark, copies.rows);
  } catch (err) {
    for (const k of copies.keys) await deps.files.delete(k);
    throw err;
  }
  return { filled: refs.length };
}

async function writeReuse(
  deps: Deps,
  r: Respondent,
  source: ReuseSource,
  refs: readonly string[],
  requestId: string,
  checked: Awaited<ReturnType<typeof checkedAnswer>>[],
  mark: ReusedFrom,
  evidence: Awaited<ReturnType<typeof copyEvidence>>['rows'],
): Promise<void> {
  await write(ctxOfRespondent(deps, r, requestId), async (tx) => {
    const supplierOrg = r.member?.supplierOrgId ?? null;
    if (supplierOrg) await lockAuditOf(tx.trx, [tx.orgId, supplierOrg]);
    for (const c of checked) await writeRespondAnswer(tx, r, c, JSON.stringify(mark));
    for (const e of evidence) await insertCampaignEvidence(tx.trx, e);
    // A reused file answer counts the files the item now holds (none copied: unanswered again).
    await syncFileAnswers(
      tx,
      r,
      checked.filter((c) => c.model.kind === 'file').map((c) => c.ref),
    );
    const details = {
      ...whoAnswered(r),
      consent: true,
      sourceType: source.type,
      sourceId: source.id,
      sourceDate: source.date,
      refs: [...refs],
      evidence: evidence.map((e) => ({ ref: e.ref, sha256: e.sha256, size: e.size })),
    };
    await tx.audit('respond.reuse', { type: 'campaign_request', id: r.request.id }, details);
    if (supplierOrg)
      await audit(
        deps,
        tx.trx,
        tx.actor,
        supplierOrg,
        'supplychain.inbox.reuse',
        {
          type: 'campaign_request',
          id: r.request.id,
        },
        details,
      );
  });
}
