import {
  japanDay,
  starResultExpired,
  starResultProblems,
  type StarResultKind,
} from '@shinrai/core/supplychain';
import {
  findAssessment,
  findStarResult,
  insertStarResult,
  listStarResultCopies,
  listStarResults,
  type RequestStarResultRow,
  type StarResultRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../../platform/context.ts';
import { fail } from '../campaigns/errors.ts';
import { storeEvidenceFile } from '../evidence-file.ts';
import { applyStarResultCorrection, editableStarResult } from './edit.ts';

export interface StarResultInput {
  level: 3 | 4;
  kind: StarResultKind;
  obtainedOn: string;
  validUntil: string;
  bodyName?: string | null | undefined;
  registrationNo?: string | null | undefined;
  assessmentId?: string | null | undefined;
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

type Shown = Pick<
  RequestStarResultRow,
  | 'level'
  | 'kind'
  | 'obtained_on'
  | 'valid_until'
  | 'body_name'
  | 'registration_no'
  | 'evidence_name'
  | 'evidence_size'
  | 'evidence_sha256'
  | 'evidence_type'
>;

/** What a buyer is shown of a ★ result (the same for the supplier's preview): never the source's ids. */
export function shownStarResult(r: Shown, today: string) {
  return {
    level: r.level as 3 | 4,
    kind: r.kind as StarResultKind,
    obtainedOn: r.obtained_on,
    validUntil: r.valid_until,
    expired: starResultExpired(r.valid_until, today),
    bodyName: r.body_name,
    registrationNo: r.registration_no,
    evidence:
      r.evidence_sha256 === null
        ? null
        : {
            name: r.evidence_name ?? '',
            size: r.evidence_size ?? 0,
            sha256: r.evidence_sha256,
            contentType: r.evidence_type ?? 'application/octet-stream',
          },
  };
}

/** The supplier's own view; `locked` once a buyer accepted a request showing it (no correction then). */
export function ownStarResultView(r: StarResultRow, today: string, locked: boolean) {
  return {
    id: r.id,
    ...shownStarResult(r, today),
    assessmentId: r.assessment_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    locked,
  };
}

/** The organization's own ★ results, latest obtained first; expired and locked ones marked. */
export async function ownStarResults(ctx: Ctx) {
  const today = japanDay(ctx.now);
  const db = ctx.deps.store.db;
  const locked = new Set(
    (await listStarResultCopies(db, ctx.orgId))
      .filter((c) => c.status === 'accepted')
      .map((c) => c.star_result_id),
  );
  return (await listStarResults(db, ctx.orgId)).map((r) => ownStarResultView(r, today, locked.has(r.id)));
}

/**
 * The entered ★ result trimmed, as the stored columns (recording a new one and correcting one write the same),
 * or refused with the located problems (kind against level, validity before the date obtained, ★4 without
 * the assessing body, an assessment that is not the organization's).
 */
export async function checkedStarResult(ctx: Ctx, input: StarResultInput) {
  const bodyName = blank(input.bodyName);
  const registrationNo = blank(input.registrationNo);
  const problems: { in: 'body'; pointer: string; message: string }[] = starResultProblems({
    ...input,
    bodyName,
    registrationNo,
  }).map((p) => ({ in: 'body', pointer: p.pointer, message: p.reason }));
  const assessmentId = blank(input.assessmentId);
  if (assessmentId && !(await findAssessment(ctx.deps.store.db, ctx.orgId, assessmentId)))
    problems.push({ in: 'body', pointer: '/assessmentId', message: 'assessment_unknown' });
  if (problems.length > 0) fail('star_result_invalid', problems);
  return {
    level: input.level,
    kind: input.kind,
    obtained_on: input.obtainedOn,
    valid_until: input.validUntil,
    body_name: bodyName,
    registration_no: registrationNo,
    assessment_id: assessmentId,
  };
}

/**
 * Records a ★ result the organization obtained, as its owners or administrators enter it: refused with
 * the located problems (kind against level, validity before the date obtained, ★4 without the assessing
 * body, an assessment that is not the organization's). Audited.
 */
export async function recordStarResult(ctx: Ctx, input: StarResultInput) {
  const checked = await checkedStarResult(ctx, input);
  const now = ctx.now.toISOString();
  const row: StarResultRow = {
    id: randomUUID(),
    org_id: ctx.orgId,
    ...checked,
    evidence_name: null,
    evidence_type: null,
    evidence_size: null,
    evidence_sha256: null,
    evidence_key: null,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  };
  await write(ctx, async (tx) => {
    await insertStarResult(tx.trx, row);
    await tx.audit(
      'supplychain.star_result.record',
      { type: 'star_result', id: row.id },
      { level: row.level, kind: row.kind, obtainedOn: row.obtained_on, validUntil: row.valid_until },
    );
  });
  return ownStarResultView(row, japanDay(ctx.now), false);
}

/**
 * Sets (or replaces) the evidence file of a ★ result (the module's evidence limits; type from the content;
 * SHA-256 kept): a correction like any other, so refused once a buyer accepted a request showing it, and
 * the buyers of open requests showing it get the new file. A replaced file stays stored (a closed request
 * may still point to it). Audited.
 */
export async function setStarResultEvidence(ctx: Ctx, id: string, file: { name: string; data: Buffer }) {
  const deps = ctx.deps;
  const before = await editableStarResult(ctx, id);
  const stored = await storeEvidenceFile(deps, file, 'supplychain.star_result', 0);
  const { name, sha256, contentType } = stored;
  try {
    await write(ctx, (tx) =>
      applyStarResultCorrection(
        tx,
        before,
        {
          evidence_name: name,
          evidence_type: contentType,
          evidence_size: file.data.length,
          evidence_sha256: sha256,
          evidence_key: stored.key,
        },
        'supplychain.star_result.evidence',
        { name, sha256, size: file.data.length },
      ),
    );
  } catch (err) {
    await deps.files.delete(stored.key);
    throw err;
  }
  const row = (await findStarResult(deps.store.db, ctx.orgId, id))!;
  return ownStarResultView(row, japanDay(ctx.now), false);
}
