import {
  deleteSoftwareProduct,
  findSoftwareProduct,
  findSoftwareProductByName,
  insertSoftwareProduct,
  listSoftwareProducts,
  listSoftwareReleases,
  updateSoftwareProduct,
  type Executor,
  type SoftwareProductRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../../platform/context.ts';
import { fail } from '../../../platform/http/errors.ts';
import { productView, riskByRelease, sumRisk } from '../inventory/views.ts';

export type ProductKind = 'device' | 'application' | 'library' | 'service';
export type ProductView = ReturnType<typeof productView>;

export interface ProductInput {
  name: string;
  kind: ProductKind;
  vendor?: string | null | undefined;
  supportEnds?: string | null | undefined;
}

export async function requireProduct(ex: Executor, orgId: string, id: string): Promise<SoftwareProductRow> {
  return (await findSoftwareProduct(ex, orgId, id)) ?? fail('not_found');
}

/** A product's view with its release count and the open findings of its releases. */
async function productDetail(ctx: Ctx, p: SoftwareProductRow): Promise<ProductView> {
  const db = ctx.deps.store.db;
  const releases = await listSoftwareReleases(db, ctx.orgId, p.id);
  const risks = await riskByRelease(
    db,
    ctx.orgId,
    releases.map((r) => r.id),
  );
  return productView(p, releases.length, sumRisk(releases.map((r) => risks.get(r.id))), ctx.now);
}

/** Every product of the organization with its open-finding counts. */
export async function listProducts(ctx: Ctx): Promise<ProductView[]> {
  const db = ctx.deps.store.db;
  const [products, releases, risks] = await Promise.all([
    listSoftwareProducts(db, ctx.orgId),
    listSoftwareReleases(db, ctx.orgId),
    riskByRelease(db, ctx.orgId),
  ]);
  const now = ctx.now;
  return products.map((p) => {
    const mine = releases.filter((r) => r.product_id === p.id);
    return productView(p, mine.length, sumRisk(mine.map((r) => risks.get(r.id))), now);
  });
}

export async function getProduct(ctx: Ctx, input: { productId: string }): Promise<ProductView> {
  return productDetail(ctx, await requireProduct(ctx.deps.store.db, ctx.orgId, input.productId));
}

/** Creates a product; its name is unique in the organization (409 on /name). */
export async function createProduct(ctx: Ctx, input: ProductInput): Promise<ProductView> {
  if (await findSoftwareProductByName(ctx.deps.store.db, ctx.orgId, input.name))
    return fail('conflict', { pointer: '/name' });
  const now = ctx.now.toISOString();
  const row: SoftwareProductRow = {
    id: randomUUID(),
    org_id: ctx.orgId,
    name: input.name,
    kind: input.kind,
    vendor: input.vendor ?? null,
    support_ends: input.supportEnds ?? null,
    created_at: now,
    updated_at: now,
  };
  await write(ctx, async (tx) => {
    await insertSoftwareProduct(tx.trx, row);
    await tx.audit('software.product.create', { type: 'software_product', id: row.id });
  });
  return productView(row, 0, sumRisk([]), ctx.now);
}

/** Changes the fields given (a new name must still be unique). */
export async function updateProduct(
  ctx: Ctx,
  input: { productId: string; change: Partial<ProductInput> },
): Promise<ProductView> {
  const db = ctx.deps.store.db;
  const p = await requireProduct(db, ctx.orgId, input.productId);
  const b = input.change;
  if (b.name !== undefined && b.name !== p.name && (await findSoftwareProductByName(db, ctx.orgId, b.name)))
    return fail('conflict', { pointer: '/name' });
  await write(ctx, async (tx) => {
    await updateSoftwareProduct(tx.trx, ctx.orgId, p.id, {
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.kind !== undefined ? { kind: b.kind } : {}),
      ...(b.vendor !== undefined ? { vendor: b.vendor } : {}),
      ...(b.supportEnds !== undefined ? { support_ends: b.supportEnds } : {}),
      updated_at: ctx.now.toISOString(),
    });
    await tx.audit(
      'software.product.update',
      { type: 'software_product', id: p.id },
      { fields: Object.keys(b) },
    );
  });
  return productDetail(ctx, await requireProduct(db, ctx.orgId, p.id));
}

/** Deletes a product with its releases, SBOMs and findings (404 when there is none). */
export async function deleteProduct(ctx: Ctx, input: { productId: string }): Promise<void> {
  await write(ctx, async (tx) => {
    if (!(await deleteSoftwareProduct(tx.trx, ctx.orgId, input.productId))) return fail('not_found');
    await tx.audit('software.product.delete', { type: 'software_product', id: input.productId });
    return undefined;
  });
}
