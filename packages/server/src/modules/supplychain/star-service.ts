import { checkStarOverride, decideStar, type StarLevel, type StarQuestions } from '@shinrai/core/supplychain';
import { insertStarDecision, updateSupplier } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../platform/context.ts';
import { fail } from './errors.ts';
import { getSupplier, requireSupplier } from './service.ts';

export interface StarDecisionInput {
  supplierId: string;
  answers: StarQuestions;
  /** The level decided; when it differs from the rule's, `note` is required. Default: the rule's. */
  level?: StarLevel | undefined;
  note?: string | null | undefined;
}

/**
 * Records a ★3/★4 decision from the scheme's three questions: the rule gives a level with its reasons; a
 * different level is an override that needs a note. The supplier's required ★ becomes the decided level;
 * earlier decisions stay as the history. Audited.
 */
export async function decideSupplierStar(ctx: Ctx, input: StarDecisionInput) {
  const computed = decideStar(input.answers);
  const decided = input.level ?? computed.level;
  const note = input.note?.trim() ? input.note.trim() : null;
  const check = checkStarOverride(computed.level, decided, note);
  if (!check.ok) return fail('star_note_required', { pointer: '/note' });
  await write(ctx, async (tx) => {
    const s = await requireSupplier(tx.trx, ctx.orgId, input.supplierId);
    const id = randomUUID();
    await insertStarDecision(tx.trx, {
      id,
      org_id: ctx.orgId,
      supplier_id: s.id,
      q_important_info: input.answers.importantInfo ? 1 : 0,
      q_outage_delay: input.answers.outageDelay ? 1 : 0,
      q_network_reach: input.answers.networkReach ? 1 : 0,
      computed_level: computed.level,
      decided_level: decided,
      override_note: note,
      rule_version: computed.ruleVersion,
      decided_by: ctx.actor.userId,
      decided_at: ctx.now.toISOString(),
    });
    await updateSupplier(tx.trx, ctx.orgId, s.id, {
      star_required: decided,
      updated_at: ctx.now.toISOString(),
    });
    await tx.audit(
      'supplychain.star.decide',
      { type: 'supplier', id: s.id },
      {
        decision: id,
        computed: computed.level,
        decided,
        reasons: computed.reasons,
        overridden: check.overridden,
        ...(note ? { note } : {}),
      },
    );
  });
  return getSupplier(ctx, input);
}
