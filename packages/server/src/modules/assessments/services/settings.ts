import { findAssessmentSettings, saveAssessmentSettings, type Executor } from '@shinrai/store';
import { write, type Ctx } from '../../../platform/context.ts';

/** An organization's review settings as the API shows them. */
export interface AssessmentSettingsView {
  /** Approval by someone other than the submitter and the last editor of the answers. */
  fourEyes: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Four-eyes review is off until the organization turns it on (a one-person organization could never approve). */
export const FOUR_EYES_DEFAULT = false;

export async function readSettings(ex: Executor, orgId: string): Promise<AssessmentSettingsView> {
  const row = await findAssessmentSettings(ex, orgId);
  return row
    ? { fourEyes: row.four_eyes === 1, updatedBy: row.updated_by, updatedAt: row.updated_at }
    : { fourEyes: FOUR_EYES_DEFAULT, updatedBy: null, updatedAt: null };
}

export function getSettings(ctx: Ctx): Promise<AssessmentSettingsView> {
  return readSettings(ctx.deps.store.db, ctx.orgId);
}

/** Changes the review settings, audited with the value before and after. */
export async function updateSettings(
  ctx: Ctx,
  input: { fourEyes: boolean },
): Promise<AssessmentSettingsView> {
  return write(ctx, async (tx) => {
    const before = await readSettings(tx.trx, ctx.orgId);
    const now = ctx.now.toISOString();
    await saveAssessmentSettings(tx.trx, {
      org_id: ctx.orgId,
      four_eyes: input.fourEyes ? 1 : 0,
      updated_by: ctx.actor.userId,
      updated_at: now,
    });
    await tx.audit(
      'assessment.settings',
      { type: 'organization', id: ctx.orgId },
      { fourEyes: { from: before.fourEyes, to: input.fourEyes } },
    );
    return { fourEyes: input.fourEyes, updatedBy: ctx.actor.userId, updatedAt: now };
  });
}
