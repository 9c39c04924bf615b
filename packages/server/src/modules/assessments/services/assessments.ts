import {
  answerFits,
  answersEditable,
  can,
  checkStatusMove,
  scoreAssessment,
  type AssessmentStatus,
  type ScoreReport,
} from '@shinrai/core';
import {
  findAssessment,
  findMembership,
  lastAnswerEditor,
  listAnswers,
  listAssessments,
  setAssessmentStatus,
  type AssessmentRow,
} from '@shinrai/store';
import { write, type Ctx } from '../../../platform/context.ts';
import { loadCatalog } from '../../library/public.ts';
import { writeAnswer, type AnswerChange } from '../answers.ts';
import { createAssessment, type NewAssessment } from '../engine.ts';
import { fail } from '../errors.ts';
import { answerView, assessmentView, type AnswerView, type AssessmentView } from '../schemas.ts';
import { catalogItemRef, type CREATABLE_SCOPE_TYPES } from '../scope-types.ts';
import { answerValues, refreshScore } from '../scores.ts';
import { evidenceCount, fileAnswer } from '../file-answer.ts';
import { readSettings } from './settings.ts';

export async function requireAssessment(ctx: Ctx, id: string): Promise<AssessmentRow> {
  return (await findAssessment(ctx.deps.store.db, ctx.orgId, id)) ?? fail('not_found');
}

/** One page of the organization's assessments, newest first (400 on a bad cursor). */
export async function listAssessmentPage(
  ctx: Ctx,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ items: AssessmentView[]; nextCursor: string | null }> {
  const p = await listAssessments(ctx.deps.store.db, ctx.orgId, input.cursor ?? null, input.limit);
  if (p === null) return fail('bad_request', { pointer: '/cursor' });
  return { items: p.items.map(assessmentView), nextCursor: p.nextCursor };
}

/** Starts an assessment a person asked for (optionally carrying answers from an earlier one), audited. */
export async function startAssessment(
  ctx: Ctx,
  input: NewAssessment & { scopeType: (typeof CREATABLE_SCOPE_TYPES)[number] },
): Promise<AssessmentView> {
  const row = await write(ctx, async (tx) => {
    const { row, catalog, carried } = await createAssessment(tx, input);
    await tx.audit(
      'assessment.create',
      { type: 'assessment', id: row.id },
      {
        catalog: `${catalog.row.urn}@${catalog.row.version}`,
        tier: row.tier,
        basedOn: row.based_on,
        carried,
      },
    );
    await refreshScore(tx.trx, ctx.orgId, row.id, ctx.deps.now());
    return row;
  });
  return assessmentView(row);
}

/** An assessment with its answers and its score. */
export async function getAssessment(
  ctx: Ctx,
  input: { id: string },
): Promise<{ assessment: AssessmentView; answers: AnswerView[]; score: ScoreReport }> {
  const db = ctx.deps.store.db;
  const a = await requireAssessment(ctx, input.id);
  const catalog = await loadCatalog(db, ctx.orgId, a.catalog_id);
  const answers = await listAnswers(db, ctx.orgId, a.id);
  const score = scoreAssessment(catalog.pack, catalog.nodes, answerValues(answers), a.tier ?? undefined);
  return { assessment: assessmentView(a), answers: answers.map(answerView), score };
}

export interface AnswerInput extends AnswerChange {
  assessmentId: string;
  ref: string;
  /** The revision the caller saw (0 for a new answer). */
  revision: number;
}

/**
 * Saves one answer: the assessment must take answers, the ref name an item of its catalog, the
 * value fit the item's answer model and the assignee be a member. A newer stored answer wins (409
 * answer_conflict with it). Audited, and the score refreshed, in the same transaction.
 */
export async function answer(ctx: Ctx, given: AnswerInput): Promise<AnswerView> {
  let input = given;
  const db = ctx.deps.store.db;
  const a = await requireAssessment(ctx, input.assessmentId);
  if (!answersEditable(a.status as AssessmentStatus)) fail('assessment_not_editable');
  const catalog = await loadCatalog(db, ctx.orgId, a.catalog_id);
  const itemRef = catalogItemRef(a.scope_type, input.ref);
  const node = catalog.nodes.find((n) => n.ref === itemRef && n.kind === 'item');
  const model = node ? catalog.pack.answerModels[node.node.answerModel ?? ''] : undefined;
  if (!node || !model) return fail('unknown_item');
  // A file question's answer is its files (whatever the client sends back), so comments still save.
  if (model.kind === 'file')
    input = { ...input, value: fileAnswer(await evidenceCount(db, ctx.orgId, a.id, input.ref)) };
  if (input.value !== null && !answerFits(model, input.value))
    return fail('answer_invalid', [{ in: 'body', pointer: '/value' }]);
  if (input.assigneeId && !(await findMembership(db, ctx.orgId, input.assigneeId))) {
    return fail('validation_failed', [{ in: 'body', pointer: '/assigneeId', message: input.assigneeId }]);
  }
  const { assessmentId, ref, revision, ...change } = input;
  const saved = await write(ctx, async (tx) => {
    const { ok, current } = await writeAnswer(tx.trx, {
      orgId: ctx.orgId,
      assessmentId,
      ref,
      change,
      revision,
      by: ctx.actor.userId,
      now: ctx.now.toISOString(),
    });
    if (!ok) return fail('answer_conflict', { current: current ? answerView(current) : null });
    await tx.audit(
      'assessment.answer',
      { type: 'assessment', id: a.id },
      { ref, revision: current?.revision },
    );
    await refreshScore(tx.trx, ctx.orgId, a.id, ctx.deps.now());
    return current;
  });
  return answerView(saved ?? fail('internal'));
}

/**
 * Moves an assessment through review (draft → in_review → approved → locked). Approving and locking
 * need the review permission (403 otherwise); a move the workflow does not allow is 409 status_move.
 * With the organization's four-eyes setting on, whoever submitted the assessment or saved the last
 * answer change cannot approve it (409 four_eyes_required); nothing is written then.
 */
export async function moveStatus(
  ctx: Ctx,
  input: { id: string; to: AssessmentStatus },
): Promise<AssessmentView> {
  const reviewer = can(ctx.role, 'assessments.review');
  const updated = await write(ctx, async (tx) => {
    const a = await findAssessment(tx.trx, ctx.orgId, input.id);
    if (!a) return fail('not_found');
    const problem = checkStatusMove(a.status as AssessmentStatus, input.to, reviewer ? 'reviewer' : 'writer');
    if (problem === 'needs_reviewer') return fail('forbidden');
    if (problem !== null) return fail('status_move', { from: a.status, to: input.to });
    const fourEyes = input.to === 'approved' && (await readSettings(tx.trx, ctx.orgId)).fourEyes;
    if (fourEyes) {
      const me = ctx.actor.userId;
      // An API token names no person, so it cannot be the second pair of eyes.
      if (me === null) return fail('four_eyes_required', { reason: 'no_person' });
      if (me === a.status_by) return fail('four_eyes_required', { reason: 'submitter' });
      if (me === (await lastAnswerEditor(tx.trx, ctx.orgId, a.id)))
        return fail('four_eyes_required', { reason: 'last_editor' });
    }
    await setAssessmentStatus(
      tx.trx,
      ctx.orgId,
      a.id,
      input.to,
      ctx.actor.userId,
      ctx.deps.now().toISOString(),
    );
    await tx.audit(
      'assessment.status',
      { type: 'assessment', id: a.id },
      { from: a.status, to: input.to, ...(fourEyes ? { fourEyes: true, submittedBy: a.status_by } : {}) },
    );
    return findAssessment(tx.trx, ctx.orgId, a.id);
  });
  return assessmentView(updated ?? fail('internal'));
}
