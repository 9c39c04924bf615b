import {
  deleteSoftwareRelease,
  findSoftwareRelease,
  findSoftwareReleaseByVersion,
  insertSoftwareRelease,
  listSoftwareReleases,
  type Executor,
  type SoftwareReleaseRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { fail } from '../../../platform/http/errors.ts';
import { releaseView, riskByRelease, sumRisk } from '../inventory/views.ts';
import { requireProduct } from './products.ts';

export type ReleaseView = ReturnType<typeof releaseView>;

export interface ReleaseInput {
  version: string;
  releasedOn?: string | null | undefined;
  supportEnds?: string | null | undefined;
}

export async function requireRelease(ex: Executor, orgId: string, id: string): Promise<SoftwareReleaseRow> {
  return (await findSoftwareRelease(ex, orgId, id)) ?? fail('not_found');
}

/** The release view of one release, with its open-finding counts. */
export async function releaseDetail(deps: Deps, release: SoftwareReleaseRow): Promise<ReleaseView> {
  const product = await requireProduct(deps.store.db, release.org_id, release.product_id);
  const risk = (await riskByRelease(deps.store.db, release.org_id, [release.id])).get(release.id);
  return releaseView(release, product, sumRisk([risk]), deps.now());
}

/** A product's releases, newest first, each with its open-finding counts. */
export async function listReleases(ctx: Ctx, input: { productId: string }): Promise<ReleaseView[]> {
  const db = ctx.deps.store.db;
  const p = await requireProduct(db, ctx.orgId, input.productId);
  const releases = await listSoftwareReleases(db, ctx.orgId, p.id);
  const risks = await riskByRelease(
    db,
    ctx.orgId,
    releases.map((r) => r.id),
  );
  return releases.map((r) => releaseView(r, p, sumRisk([risks.get(r.id)]), ctx.now));
}

export async function getRelease(ctx: Ctx, input: { releaseId: string }): Promise<ReleaseView> {
  return releaseDetail(ctx.deps, await requireRelease(ctx.deps.store.db, ctx.orgId, input.releaseId));
}

/** Creates a release of a product; its version is unique within the product (409 on /version). */
export async function createRelease(
  ctx: Ctx,
  input: ReleaseInput & { productId: string },
): Promise<ReleaseView> {
  const db = ctx.deps.store.db;
  const p = await requireProduct(db, ctx.orgId, input.productId);
  if (await findSoftwareReleaseByVersion(db, ctx.orgId, p.id, input.version))
    return fail('conflict', { pointer: '/version' });
  const row: SoftwareReleaseRow = {
    id: randomUUID(),
    org_id: ctx.orgId,
    product_id: p.id,
    version: input.version,
    released_on: input.releasedOn ?? null,
    support_ends: input.supportEnds ?? null,
    sbom_format: null,
    sbom_spec_version: null,
    sbom_uploaded_at: null,
    component_count: 0,
    graph: null,
    keys_indexed_at: null,
    created_at: ctx.now.toISOString(),
  };
  await write(ctx, async (tx) => {
    await insertSoftwareRelease(tx.trx, row);
    await tx.audit(
      'software.release.create',
      { type: 'software_release', id: row.id },
      { product: p.id, version: row.version },
    );
  });
  return releaseView(row, p, sumRisk([]), ctx.now);
}

/** Deletes a release with its SBOM, findings, VEX and artifacts (404 when there is none). */
export async function deleteRelease(ctx: Ctx, input: { releaseId: string }): Promise<void> {
  await write(ctx, async (tx) => {
    if (!(await deleteSoftwareRelease(tx.trx, ctx.orgId, input.releaseId))) return fail('not_found');
    await tx.audit('software.release.delete', { type: 'software_release', id: input.releaseId });
    return undefined;
  });
}
