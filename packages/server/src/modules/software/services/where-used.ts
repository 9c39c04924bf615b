import {
  buildPurl,
  parsePurl,
  purlKey,
  readVersionRange,
  SEARCHABLE_PACKAGE_TYPES,
  usedAtVersion,
  type VersRange,
} from '@shinrai/core';
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

/** Package ecosystems (purl types) a name can be searched in (shared with the web app). */
export const WHERE_USED_ECOSYSTEMS = SEARCHABLE_PACKAGE_TYPES;

export interface WhereUsedQuery {
  /** A purl; or `name` with `ecosystem`. */
  purl?: string | undefined;
  /** A package name as its ecosystem writes it: "lodash", "@babel/core", "org.apache.logging.log4j:log4j-core". */
  name?: string | undefined;
  ecosystem?: (typeof WHERE_USED_ECOSYSTEMS)[number] | undefined;
  /** vers text, or plain notation (">=2.0.0 <2.17.1"). */
  range?: string | undefined;
  includeShared: boolean;
}

/** The purl of a package named as its ecosystem writes it (Maven "group:artifact", npm "@scope/name"). */
function purlOfName(ecosystem: string, name: string) {
  const n = name.trim();
  if (ecosystem === 'maven' && n.includes(':')) {
    const [group, artifact] = n.split(':');
    return buildPurl({ type: 'maven', namespace: group, name: artifact });
  }
  const slash = n.lastIndexOf('/');
  return slash > 0
    ? buildPurl({ type: ecosystem, namespace: n.slice(0, slash), name: n.slice(slash + 1) })
    : buildPurl({ type: ecosystem, name: n });
}

/**
 * The releases containing a package — a purl, or a name in an ecosystem — optionally at a version or in
 * a range (vers or plain notation): the organization's own and, with `includeShared`, those suppliers
 * share through an active relationship. What does not parse is a validation failure located in the
 * query string.
 */
export async function findWhereUsed(ctx: Ctx, input: WhereUsedQuery): Promise<WhereUsedItem[]> {
  const db = ctx.deps.store.db;
  const located = (pointer: string, message: string) =>
    fail('validation_failed', [{ in: 'querystring', pointer, message }]);
  let parsed;
  if (input.purl !== undefined) parsed = parsePurl(input.purl);
  else if (input.name !== undefined && input.ecosystem !== undefined)
    parsed = purlOfName(input.ecosystem, input.name);
  else return located(input.name === undefined ? '/purl' : '/ecosystem', 'required');
  if (!parsed.ok) return located(input.purl !== undefined ? '/purl' : '/name', parsed.reason);
  let range: VersRange | null = null;
  if (input.range !== undefined && input.range.trim() !== '') {
    const v = readVersionRange(parsed.purl.type, input.range);
    if (!v.ok) return located('/range', v.reason);
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
