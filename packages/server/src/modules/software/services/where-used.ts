import { parsePurl, parseVers, purlKey, usedAtVersion, type VersRange } from '@shinrai/core';
import { activeCounterparts, whereUsed } from '@shinrai/store';
import type { Ctx } from '../../../platform/context.ts';
import { fail } from '../../../platform/http/errors.ts';

export interface WhereUsedItem {
  productId: string;
  productName: string;
  releaseId: string;
  version: string;
  component: { name: string; version: string | null; purl: string | null };
  ownerOrg: { id: string; name: string };
}

/**
 * The releases containing a package (purl, optionally at a version or in a vers range), the
 * organization's own and, with `includeShared`, those suppliers share through an active relationship.
 * A purl or range that does not parse is a validation failure located in the query string.
 */
export async function findWhereUsed(
  ctx: Ctx,
  input: { purl: string; range?: string | undefined; includeShared: boolean },
): Promise<WhereUsedItem[]> {
  const db = ctx.deps.store.db;
  const parsed = parsePurl(input.purl);
  if (!parsed.ok)
    return fail('validation_failed', [{ in: 'querystring', pointer: '/purl', message: parsed.reason }]);
  let range: VersRange | null = null;
  if (input.range !== undefined) {
    const v = parseVers(input.range);
    if (!v.ok)
      return fail('validation_failed', [{ in: 'querystring', pointer: '/range', message: v.reason }]);
    range = v;
  }
  const suppliers = input.includeShared ? await activeCounterparts(db, ctx.orgId, 'buyer_supplier') : [];
  const rows = await whereUsed(db, ctx.orgId, purlKey(parsed.purl), suppliers);
  const want = { version: parsed.purl.version, range };
  return rows
    .filter((r) => usedAtVersion(r.component_version, want))
    .map((r) => ({
      productId: r.product_id,
      productName: r.product_name,
      releaseId: r.release_id,
      version: r.release_version,
      component: { name: r.component_name, version: r.component_version, purl: r.component_purl },
      ownerOrg: { id: r.owner_org_id, name: r.owner_org_name },
    }));
}
