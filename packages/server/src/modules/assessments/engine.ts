import { answerFits, type AnswerValue } from '@shinrai/core';
import {
  findAssessment,
  insertAssessment,
  listAnswers,
  saveAnswer,
  type AssessmentRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { TxCtx } from '../../platform/context.ts';
import { loadCatalog, type LoadedCatalog } from '../library/public.ts';
import { fail } from './errors.ts';
import { scopeType, type ScopeTypeId } from './scope-types.ts';

export interface NewAssessment {
  scopeType: ScopeTypeId;
  scopeLabel?: string | null | undefined;
  catalogId: string;
  /** One tier of the catalog; it must be one of the catalog's tiers (422 on /tier). */
  tier?: string | null | undefined;
  title: string;
  dueDate?: string | null | undefined;
  /** An earlier assessment whose answers that still fit the catalog are carried over (404 on /basedOn). */
  basedOn?: string | null | undefined;
}

export interface CreatedAssessment {
  row: AssessmentRow;
  catalog: LoadedCatalog;
  /** Answers carried over from `basedOn`. */
  carried: number;
}

/**
 * Creates a draft assessment of a catalog for a scope inside the caller's transaction (`write(ctx, …)`):
 * the organization, creator and time come from the context. Writes no audit entry and does not
 * compute the score: the caller audits its own action (and calls refreshScore when it shows one).
 */
export async function createAssessment(tx: TxCtx, input: NewAssessment): Promise<CreatedAssessment> {
  if (scopeType(input.scopeType) === undefined) return fail('internal');
  const catalog = await loadCatalog(tx.trx, tx.orgId, input.catalogId);
  const tier = input.tier ?? null;
  if (tier !== null && !(catalog.pack.tiers ?? []).some((t) => t.id === tier))
    fail('validation_failed', [{ in: 'body', pointer: '/tier', message: tier }]);
  const now = tx.now.toISOString();
  const row: AssessmentRow = {
    id: randomUUID(),
    org_id: tx.orgId,
    catalog_id: catalog.row.id,
    tier,
    title: input.title,
    scope_type: input.scopeType,
    scope_label: input.scopeLabel ?? null,
    status: 'draft',
    status_by: tx.actor.userId,
    status_at: now,
    due_date: input.dueDate ?? null,
    based_on: input.basedOn ?? null,
    created_by: tx.actor.userId,
    created_at: now,
    updated_at: now,
    score_points: null,
    score_max: null,
    score_percent: null,
    answered_count: null,
    item_count: null,
    band_id: null,
  };
  let carried = 0;
  if (input.basedOn !== undefined && input.basedOn !== null) {
    const prev = await findAssessment(tx.trx, tx.orgId, input.basedOn);
    if (!prev) return fail('not_found', { pointer: '/basedOn' });
    const models = new Map(
      catalog.nodes
        .filter((n) => n.kind === 'item')
        .map((n) => [n.ref, catalog.pack.answerModels[n.node.answerModel ?? '']]),
    );
    await insertAssessment(tx.trx, row);
    for (const a of await listAnswers(tx.trx, tx.orgId, prev.id)) {
      const model = models.get(a.ref);
      if (!model || a.value === null || !answerFits(model, JSON.parse(a.value) as AnswerValue)) continue;
      if (model.kind === 'file') continue; // its files are not carried over, so neither is its answer
      await saveAnswer(
        tx.trx,
        { ...a, assessment_id: row.id, updated_by: tx.actor.userId, updated_at: now },
        0,
      );
      carried++;
    }
  } else {
    await insertAssessment(tx.trx, row);
  }
  return { row, catalog, carried };
}
