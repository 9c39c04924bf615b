import type { VexStatus } from '@shinrai/core';
import {
  addSoftwareVexHistory,
  findSoftwareFinding,
  listSoftwareFindings,
  listSoftwareVex,
  listSoftwareVexHistory,
  putSoftwareVex,
  type Executor,
  type SoftwareReleaseRow,
  type SoftwareVexHistoryRow,
  type SoftwareVexRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { SbomProblem } from '@shinrai/formats/sbom';
import { write, type Ctx } from '../../../platform/context.ts';
import { fail } from '../../../platform/http/errors.ts';
import { newer, type VexContext, type VexStatement } from '../inventory/vex-resolve.ts';
import { readVex } from '../inventory/vex.ts';
import { requireProduct } from './products.ts';
import { requireRelease } from './releases.ts';

/** Findings of a release with the bom-ref of their component (VEX documents refer to components by it). */
export async function withBomRefs(ex: Executor, orgId: string, releaseId: string) {
  const findings = await listSoftwareFindings(ex, orgId, releaseId);
  const refs = new Map(
    (
      await ex
        .selectFrom('software_components')
        .select(['id', 'bom_ref'])
        .where('org_id', '=', orgId)
        .where('release_id', '=', releaseId)
        .execute()
    ).map((c) => [c.id, c.bom_ref]),
  );
  return findings.map((f) => ({ ...f, bom_ref: refs.get(f.component_id) ?? f.component_ref }));
}

/** What the release's SBOM says about itself (serial number, version, product) for BOM links and product statements. */
export function vexContext(release: SoftwareReleaseRow, productName: string): VexContext {
  const g = JSON.parse(release.graph ?? '{}') as {
    name?: string | null;
    rootRefs?: string[];
    serialNumber?: string | null;
    bomVersion?: number | null;
    rootPurl?: string | null;
  };
  return {
    serialNumber: g.serialNumber ?? null,
    bomVersion: g.bomVersion ?? null,
    product: {
      bomRef: g.rootRefs?.length === 1 ? g.rootRefs[0]! : null,
      purl: g.rootPurl ?? null,
      name: productName,
      version: release.version,
    },
  };
}

/** The product a release's statements are exported under: the SBOM's product purl, else name@version. */
export function exportProductId(release: SoftwareReleaseRow, productName: string): string {
  const ctx = vexContext(release, productName);
  return ctx.product.purl ?? `${productName}@${release.version}`;
}

/** A statement already on a finding wins over a new one that is less specific or older. */
function stands(existing: SoftwareVexRow | undefined, s: VexStatement): boolean {
  if (!existing) return true;
  if (s.specificity !== existing.specificity) return s.specificity > existing.specificity;
  return newer({ statementAt: s.statementAt }, { statementAt: existing.statement_at }) >= 0;
}

function historyRow(
  ctx: Ctx,
  releaseId: string,
  s: Pick<
    VexStatement,
    | 'advisoryId'
    | 'componentRef'
    | 'status'
    | 'justification'
    | 'detail'
    | 'response'
    | 'specificity'
    | 'statementAt'
  >,
  source: string,
  applied: boolean,
): SoftwareVexHistoryRow {
  return {
    id: randomUUID(),
    org_id: ctx.orgId,
    release_id: releaseId,
    advisory_id: s.advisoryId,
    component_ref: s.componentRef,
    status: s.status,
    justification: s.justification,
    detail: s.detail,
    response: s.response.length > 0 ? JSON.stringify(s.response) : null,
    specificity: s.specificity,
    statement_at: s.statementAt,
    source,
    applied: applied ? 1 : 0,
    recorded_by: ctx.actor.userId,
    recorded_at: ctx.now.toISOString(),
    position: 0,
  };
}

export type VexImportResult =
  | { ok: true; format: string; applied: number; kept: number; unmatched: string[] }
  | { ok: false; problems: SbomProblem[] };

/**
 * Imports a VEX document into a release: each finding takes the document's standing statement unless
 * the one it has is more specific or later (`kept`); every statement is added to the history.
 */
export async function importVex(
  ctx: Ctx,
  input: { releaseId: string; file: Buffer; filename: string },
): Promise<VexImportResult> {
  const db = ctx.deps.store.db;
  const release = await requireRelease(db, ctx.orgId, input.releaseId);
  const product = await requireProduct(db, ctx.orgId, release.product_id);
  const findings = await withBomRefs(db, ctx.orgId, release.id);
  const result = readVex(input.file, findings, vexContext(release, product.name));
  if (!result.ok) return result;
  const source = `file:${input.filename}`.slice(0, 300);
  let applied = 0;
  let kept = 0;
  await write(ctx, async (tx) => {
    const existing = new Map(
      (await listSoftwareVex(tx.trx, ctx.orgId, release.id)).map((v) => [
        `${v.advisory_id}\n${v.component_ref}`,
        v,
      ]),
    );
    const history: SoftwareVexHistoryRow[] = [];
    for (const read of result.statements) {
      // A statement that gives no time is dated when it is recorded: a later import is later.
      const s = { ...read, statementAt: read.statementAt ?? ctx.now.toISOString() };
      const key = `${s.advisoryId}\n${s.componentRef}`;
      const ok = stands(existing.get(key), s);
      history.push(historyRow(ctx, release.id, s, source, ok));
      if (!ok) {
        kept++;
        continue;
      }
      applied++;
      await putSoftwareVex(tx.trx, {
        id: randomUUID(),
        org_id: ctx.orgId,
        release_id: release.id,
        advisory_id: s.advisoryId,
        component_ref: s.componentRef,
        status: s.status,
        justification: s.justification,
        detail: s.detail,
        updated_by: ctx.actor.userId,
        updated_at: ctx.now.toISOString(),
        response: s.response.length > 0 ? JSON.stringify(s.response) : null,
        specificity: s.specificity,
        statement_at: s.statementAt,
        source,
      });
    }
    for (const s of result.superseded) history.push(historyRow(ctx, release.id, s, source, false));
    await addSoftwareVexHistory(
      tx.trx,
      history.map((h, position) => ({ ...h, position })),
    );
    await tx.audit(
      'software.vex.import',
      { type: 'software_release', id: release.id },
      { file: input.filename, format: result.format, applied, kept },
    );
  });
  return { ok: true, format: result.format, applied, kept, unmatched: result.unmatched };
}

/** Records a statement set by hand on one finding in the history (it always stands). */
export async function recordManualVex(
  ctx: Ctx,
  trx: Executor,
  f: { release_id: string; advisory_id: string; component_ref: string },
  input: { status: VexStatus; justification: VexStatement['justification']; detail: string | null },
): Promise<void> {
  await addSoftwareVexHistory(trx, [
    historyRow(
      ctx,
      f.release_id,
      {
        advisoryId: f.advisory_id,
        componentRef: f.component_ref,
        status: input.status,
        justification: input.justification,
        detail: input.detail,
        response: [],
        specificity: 4,
        statementAt: ctx.now.toISOString(),
      },
      'manual',
      true,
    ),
  ]);
}

/** The VEX history of a release, or of one finding (its advisory on its component), oldest first. */
export async function vexHistory(ctx: Ctx, input: { releaseId: string; findingId?: string | undefined }) {
  const db = ctx.deps.store.db;
  const release = await requireRelease(db, ctx.orgId, input.releaseId);
  let key: { advisoryId: string; componentRef: string } | undefined;
  if (input.findingId !== undefined) {
    const f = await findSoftwareFinding(db, ctx.orgId, input.findingId);
    if (!f || f.release_id !== release.id) return fail('not_found');
    key = { advisoryId: f.advisory_id, componentRef: f.component_ref };
  }
  const rows = await listSoftwareVexHistory(db, ctx.orgId, { releaseId: release.id, ...key });
  return rows.map((r) => ({
    advisoryId: r.advisory_id,
    componentRef: r.component_ref,
    status: r.status,
    justification: r.justification,
    detail: r.detail,
    response: r.response === null ? [] : (JSON.parse(r.response) as string[]),
    specificity: r.specificity,
    statementAt: r.statement_at,
    source: r.source,
    applied: r.applied === 1,
    recordedAt: r.recorded_at,
  }));
}
