import type { Locale, VexJustification, VexStatus } from '@shinrai/core';
import { describeSbomProblems } from '@shinrai/formats/sbom';
import {
  findSoftwareFinding,
  listSoftwareComponents,
  listSoftwareFindings,
  putSoftwareVex,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../../platform/context.ts';
import { fail } from '../../../platform/http/errors.ts';
import { keptWarnings } from '../inventory/prepare.ts';
import { componentView, findingView } from '../inventory/views.ts';
import { requireRelease } from './releases.ts';
import { recordManualVex } from './vex.ts';

export type ComponentView = ReturnType<typeof componentView>;
export type FindingView = ReturnType<typeof findingView>;

/** Every component of the release's SBOM. */
export async function listComponents(ctx: Ctx, input: { releaseId: string }): Promise<ComponentView[]> {
  const db = ctx.deps.store.db;
  const r = await requireRelease(db, ctx.orgId, input.releaseId);
  return (await listSoftwareComponents(db, ctx.orgId, r.id)).map((c) => componentView(c, ctx.now));
}

/**
 * The warnings of the release's SBOM reading and the matcher's "cannot evaluate" notes (kept with its
 * graph), in the caller's language.
 */
export async function sbomWarnings(ctx: Ctx, input: { releaseId: string; locale: Locale }) {
  const r = await requireRelease(ctx.deps.store.db, ctx.orgId, input.releaseId);
  return describeSbomProblems(keptWarnings(r.graph), input.locale);
}

/** The release's findings with their VEX (suppressed when VEX says not_affected or fixed). */
export async function listFindings(ctx: Ctx, input: { releaseId: string }): Promise<FindingView[]> {
  const db = ctx.deps.store.db;
  const r = await requireRelease(db, ctx.orgId, input.releaseId);
  return (await listSoftwareFindings(db, ctx.orgId, r.id)).map(findingView);
}

export interface VexInput {
  findingId: string;
  status: VexStatus;
  justification?: VexJustification | null | undefined;
  detail?: string | null | undefined;
}

/** Records the analysis of a finding (VEX); it applies to the advisory on that component of the release. */
export async function setVex(ctx: Ctx, input: VexInput): Promise<FindingView> {
  const db = ctx.deps.store.db;
  const f = (await findSoftwareFinding(db, ctx.orgId, input.findingId)) ?? fail('not_found');
  await write(ctx, async (tx) => {
    await putSoftwareVex(tx.trx, {
      id: randomUUID(),
      org_id: ctx.orgId,
      release_id: f.release_id,
      advisory_id: f.advisory_id,
      component_ref: f.component_ref,
      status: input.status,
      justification: input.justification ?? null,
      detail: input.detail ?? null,
      updated_by: ctx.actor.userId,
      updated_at: ctx.now.toISOString(),
      response: null,
      specificity: 4,
      statement_at: ctx.now.toISOString(),
      source: 'manual',
    });
    await recordManualVex(ctx, tx.trx, f, {
      status: input.status,
      justification: input.justification ?? null,
      detail: input.detail ?? null,
    });
    await tx.audit(
      'software.vex.set',
      { type: 'software_finding', id: f.id },
      { advisory: f.advisory_id, status: input.status, justification: input.justification ?? null },
    );
  });
  return findingView((await findSoftwareFinding(db, ctx.orgId, f.id)) ?? fail('not_found'));
}
