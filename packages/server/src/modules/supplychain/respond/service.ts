import type { AnswerModel, AnswerValue, Text } from '@shinrai/core';
import {
  answerProblems,
  needsFollowUp,
  questionKind,
  respondentMayEdit,
  submitProblems,
  type FollowUp,
  type ItemState,
  type QuestionKind,
  type RequestStatus,
} from '@shinrai/core/supplychain';
import {
  findAnswer,
  findCampaignItem,
  findOrganization,
  insertCampaignEvidence,
  insertOutboxMails,
  listAnswers,
  listCampaignEvidence,
  listCampaignItems,
  saveCampaignItem,
  updateCampaignRequest,
  type CampaignItemRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type TxCtx } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { writeAnswer } from '../../assessments/public.ts';
import { fail } from '../campaigns/errors.ts';
import { storeEvidenceFile } from '../evidence-file.ts';
import { queueDelivery } from '../campaigns/service.ts';
import { syncFileAnswers } from './file-answer.ts';
import { questions } from './questions.ts';
import { ctxOfRespondent, whoAnswered, type Respondent } from './session.ts';

export interface RespondItem {
  ref: string;
  title: Text;
  description: Text | null;
  group: Text | null;
  kind: QuestionKind;
  options: { value: string; label: Text }[];
  min: number | null;
  max: number | null;
  unit: Text | null;
  /** A date question's inclusive bounds (YYYY-MM-DD). */
  notBefore: string | null;
  notAfter: string | null;
  value: AnswerValue | null;
  followUp: FollowUp;
  followUpNeeded: boolean;
  state: ItemState;
  returnNote: string | null;
  editable: boolean;
  evidence: { id: string; name: string; size: number; sha256: string }[];
  /** Where a reused answer came from (source type, id, label, date); null when typed here. */
  reusedFrom: ReusedFrom | null;
}

export interface ReusedFrom {
  type: 'request' | 'assessment';
  id: string;
  label: string;
  date: string;
}

export const reusedFromOf = (s: string | null | undefined): ReusedFrom | null =>
  s ? (JSON.parse(s) as ReusedFrom) : null;

function options(model: AnswerModel): { value: string; label: Text }[] {
  if (model.kind === 'choice' || model.kind === 'multiple')
    return model.options.map((o) => ({ value: o.value, label: o.label }));
  if (model.kind === 'maturity') return model.levels.map((l) => ({ value: String(l.level), label: l.label }));
  return [];
}

export async function load(deps: Deps, r: Respondent) {
  const { catalog, all } = await questions(deps, r);
  const items = r.link.item_ref === null ? all : all.filter((n) => n.ref === r.link.item_ref);
  const answers =
    r.request.assessment_id === null
      ? []
      : await listAnswers(deps.store.db, r.link.org_id, r.request.assessment_id);
  const states = new Map(
    (await listCampaignItems(deps.store.db, r.link.org_id, r.request.id)).map((s) => [s.ref, s]),
  );
  const byRef = new Map(answers.map((a) => [a.ref, a]));
  return { catalog, items, byRef, states };
}

/** The questionnaire as the respondent sees it: only their request (or the one item forwarded to them). */
export async function questionnaire(deps: Deps, r: Respondent) {
  const { catalog, items, byRef, states } = await load(deps, r);
  const evidence = await listCampaignEvidence(deps.store.db, r.link.org_id, r.request.id);
  const titles = new Map(catalog.nodes.map((n) => [n.ref, n.node.title]));
  const buyer = await findOrganization(deps.store.db, r.link.org_id);
  const status = r.request.status as RequestStatus;
  const out: RespondItem[] = items.map((n) => {
    const model = catalog.pack.answerModels[n.node.answerModel ?? '']!;
    const a = byRef.get(n.ref);
    const value = a?.value ? (JSON.parse(a.value) as AnswerValue) : null;
    const st = states.get(n.ref);
    const state = (st?.state ?? 'open') as ItemState;
    return {
      ref: n.ref,
      title: n.node.title,
      description: n.node.description ?? null,
      group: n.parentRef === null ? null : (titles.get(n.parentRef) ?? null),
      kind: questionKind(model),
      options: options(model),
      min: model.kind === 'number' ? (model.min ?? null) : null,
      max: model.kind === 'number' ? (model.max ?? null) : null,
      unit: model.kind === 'number' ? (model.unit ?? null) : null,
      notBefore: model.kind === 'date' ? (model.notBefore ?? null) : null,
      notAfter: model.kind === 'date' ? (model.notAfter ?? null) : null,
      value,
      followUp: { reason: st?.follow_reason ?? null, plannedDate: st?.follow_date ?? null },
      followUpNeeded: needsFollowUp(model, value),
      state,
      returnNote: st?.return_note ?? null,
      editable: respondentMayEdit(status, state),
      evidence: evidence
        .filter((e) => e.ref === n.ref)
        .map((e) => ({ id: e.id, name: e.name, size: e.size, sha256: e.sha256 })),
      reusedFrom: reusedFromOf(st?.reused_from),
    };
  });
  return {
    buyer: buyer?.name ?? '',
    supplier: r.request.supplier_name,
    title: r.campaign.title,
    message: r.campaign.message,
    deadline: r.campaign.deadline,
    status,
    you: { email: r.link.email, name: r.link.name },
    scope: r.link.item_ref === null ? ('questionnaire' as const) : ('item' as const),
    canSubmit:
      r.link.item_ref === null &&
      (status === 'sent' ||
        status === 'opened' ||
        (status === 'submitted' && out.some((i) => i.state === 'returned'))),
    csrfToken: r.csrf,
    items: out,
  };
}

function itemRow(
  r: Respondent,
  ref: string,
  prev: CampaignItemRow | undefined,
  now: string,
): CampaignItemRow {
  return {
    request_id: r.request.id,
    org_id: r.link.org_id,
    ref,
    state: prev?.state ?? 'open',
    follow_reason: prev?.follow_reason ?? null,
    follow_date: prev?.follow_date ?? null,
    return_note: prev?.return_note ?? null,
    returned_at: prev?.returned_at ?? null,
    accepted_at: prev?.accepted_at ?? null,
    answered_by_link: r.link.id,
    updated_at: now,
    reused_from: prev?.reused_from ?? null,
  };
}

/** One item of the respondent's request that they may still change (refused when not theirs or locked). */
export async function editableItem(deps: Deps, r: Respondent, ref: string) {
  if (r.link.item_ref !== null && r.link.item_ref !== ref) fail('respond_item_not_yours');
  const { catalog, all } = await questions(deps, r);
  const n = all.find((i) => i.ref === ref) ?? fail('not_found', { pointer: '/ref' });
  const prev = await findCampaignItem(deps.store.db, r.link.org_id, r.request.id, ref);
  if (!respondentMayEdit(r.request.status as RequestStatus, (prev?.state ?? 'open') as ItemState))
    fail('respond_item_locked');
  return { model: catalog.pack.answerModels[n.node.answerModel ?? '']!, prev, node: n };
}

/** One answer checked against its item's answer model (refused with located problems), ready to write. */
export async function checkedAnswer(
  deps: Deps,
  r: Respondent,
  ref: string,
  input: { value: AnswerValue | null; followUp: FollowUp },
) {
  const { model, prev } = await editableItem(deps, r, ref);
  const problems = answerProblems(model, input.value, input.followUp);
  if (problems.length > 0)
    fail(
      'validation_failed',
      problems.map((p) => ({ in: 'body', pointer: p.pointer, message: p.code })),
    );
  return { ref, input, prev, model };
}

/**
 * Writes a checked answer inside the caller's transaction (the buyer's organization) through the
 * assessment engine, with its item state; `reusedFrom` marks an answer taken from an earlier one.
 */
export async function writeRespondAnswer(
  tx: TxCtx,
  r: Respondent,
  a: Awaited<ReturnType<typeof checkedAnswer>>,
  reusedFrom: string | null,
): Promise<void> {
  const assessmentId = r.request.assessment_id ?? fail('respond_session_missing');
  const now = tx.now.toISOString();
  const current = await findAnswer(tx.trx, tx.orgId, assessmentId, a.ref);
  await writeAnswer(tx.trx, {
    orgId: tx.orgId,
    assessmentId,
    ref: a.ref,
    change: { value: a.input.value },
    revision: current?.revision ?? 0,
    by: r.member?.actor.userId ?? null,
    now,
    previous: current ?? null,
    readBack: false,
  });
  await saveCampaignItem(tx.trx, {
    ...itemRow(r, a.ref, a.prev, now),
    follow_reason: a.input.followUp.reason,
    follow_date: a.input.followUp.plannedDate,
    reused_from: reusedFrom,
  });
}

/** Saves one answer (and its follow-up) into the buyer's assessment through the assessment engine. */
export async function saveRespondAnswer(
  deps: Deps,
  r: Respondent,
  ref: string,
  input: { value: AnswerValue | null; followUp: FollowUp },
  requestId: string,
): Promise<void> {
  const checked = await checkedAnswer(deps, r, ref, input);
  await write(ctxOfRespondent(deps, r, requestId), async (tx) => {
    await writeRespondAnswer(tx, r, checked, null);
    await tx.audit(
      'respond.answer',
      { type: 'campaign_request', id: r.request.id },
      { ref, ...whoAnswered(r) },
    );
  });
}

/**
 * Forwards the questionnaire or one item to a colleague: a new link of their own is mailed (never the
 * forwarder's), and the forward is audited with who asked whom.
 */
export async function forward(
  deps: Deps,
  r: Respondent,
  input: { email: string; name: string | null; ref: string | null },
  requestId: string,
): Promise<void> {
  const ref = r.link.item_ref ?? input.ref;
  let itemTitle: string | null = null;
  if (ref !== null) {
    const { node } = await editableItem(deps, r, ref);
    itemTitle = node.node.title.ja;
  }
  await write(ctxOfRespondent(deps, r, requestId), async (tx) => {
    const now = tx.now.toISOString();
    await insertOutboxMails(tx.trx, [
      {
        id: randomUUID(),
        org_id: tx.orgId,
        campaign_id: r.campaign.id,
        request_id: r.request.id,
        kind: 'forward',
        to_email: input.email.toLowerCase(),
        to_name: input.name,
        item_ref: ref,
        from_link: r.link.id,
        link_id: null,
        details: JSON.stringify({ by: r.link.name ?? r.link.email, itemTitle }),
        state: 'queued',
        error: null,
        attempts: 0,
        created_at: now,
        updated_at: now,
        sent_at: null,
      },
    ]);
    await queueDelivery(tx.trx, now);
    await tx.audit(
      'respond.forward',
      { type: 'campaign_request', id: r.request.id },
      {
        from: r.link.email,
        to: input.email.toLowerCase(),
        item: ref,
      },
    );
  });
}

/** Attaches an evidence file to an item: type judged from the content, size and count limited, SHA-256 kept. */
export async function addEvidence(
  deps: Deps,
  r: Respondent,
  ref: string,
  file: { name: string; data: Buffer },
  requestId: string,
) {
  const { model } = await editableItem(deps, r, ref);
  const existing = (await listCampaignEvidence(deps.store.db, r.link.org_id, r.request.id)).filter(
    (e) => e.ref === ref,
  );
  const stored = await storeEvidenceFile(deps, file, 'supplychain.evidence', existing.length);
  const { name, sha256 } = stored;
  const row = {
    id: randomUUID(),
    org_id: r.link.org_id,
    request_id: r.request.id,
    ref,
    name,
    content_type: stored.contentType,
    size: stored.size,
    sha256,
    file_key: stored.key,
    link_id: r.link.id,
    created_at: deps.now().toISOString(),
  };
  try {
    await write(ctxOfRespondent(deps, r, requestId), async (tx) => {
      await insertCampaignEvidence(tx.trx, row);
      await tx.audit(
        'respond.evidence',
        { type: 'campaign_request', id: r.request.id },
        { ref, sha256, size: row.size, ...whoAnswered(r) },
      );
      if (model.kind === 'file') await syncFileAnswers(tx, r, [ref]);
    });
  } catch (err) {
    await deps.files.delete(stored.key);
    throw err;
  }
  return { id: row.id, name, size: row.size, sha256 };
}

/**
 * Submits the questionnaire (only the holder of a whole-questionnaire link): refused with the located
 * items while any is unanswered or lacks its follow-up. A resubmission answers the returned items.
 */
export async function submit(deps: Deps, r: Respondent, requestId: string): Promise<void> {
  if (r.link.item_ref !== null) fail('respond_item_not_yours');
  const { catalog, items, byRef, states } = await load(deps, r);
  const status = r.request.status as RequestStatus;
  const returned = items.filter((n) => states.get(n.ref)?.state === 'returned');
  if (!(status === 'sent' || status === 'opened' || (status === 'submitted' && returned.length > 0)))
    fail('campaign_state');
  const problems = submitProblems(
    items.map((n) => {
      const a = byRef.get(n.ref);
      const st = states.get(n.ref);
      return {
        ref: n.ref,
        model: catalog.pack.answerModels[n.node.answerModel ?? '']!,
        value: a?.value ? (JSON.parse(a.value) as AnswerValue) : null,
        followUp: { reason: st?.follow_reason ?? null, plannedDate: st?.follow_date ?? null },
      };
    }),
  );
  if (problems.length > 0)
    fail(
      'respond_incomplete',
      problems.map((p) => ({ in: 'body', pointer: `/items/${p.ref}`, message: p.code })),
    );
  await write(ctxOfRespondent(deps, r, requestId), async (tx) => {
    const now = tx.now.toISOString();
    for (const n of returned)
      await saveCampaignItem(tx.trx, { ...itemRow(r, n.ref, states.get(n.ref), now), state: 'open' });
    await updateCampaignRequest(tx.trx, tx.orgId, r.request.id, {
      status: 'submitted',
      submitted_at: now,
      updated_at: now,
    });
    await tx.audit(
      'respond.submit',
      { type: 'campaign_request', id: r.request.id },
      {
        ...whoAnswered(r),
        answered: returned.length > 0 ? returned.map((n) => n.ref) : items.length,
      },
    );
  });
}
