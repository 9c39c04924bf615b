import { can } from '@shinrai/core';
import {
  findOrganization,
  findSharingHub,
  listSharingGroups,
  listTaxiiObjects,
  sharingGroupsOfMember,
  sharingHubsOfMember,
  type Executor,
  type SharingTaxiiObjectRow,
} from '@shinrai/store';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { tokenPrincipal } from '../../../platform/http/principal.ts';
import { collectionId, collectionKey, TAXII_TLPS, type Audience, type TaxiiTlp } from './collections.ts';
import { credentialOf, STIX_MEDIA, TAXII_MEDIA, taxiiFail } from './http.ts';
import { cursorSecret, queryDigest, readCursor, signCursor } from './cursor.ts';
import { parseFilters, type Endpoint, type Filters } from './query.ts';

// What a member reads through TAXII: the API roots of the hubs it is a member of (with the current NDA), one
// collection per audience it belongs to (all members, or one of its sector groups) and TLP level (never RED).
// Whatever the caller may not read answers 404, as if it did not exist.

export interface Hub {
  id: string;
  slug: string;
  name: string;
}

/** The organization of the API token presented (Bearer, or HTTP Basic with the token as password). */
export async function callerOrg(deps: Deps, req: FastifyRequest): Promise<string> {
  const secret = credentialOf(req);
  const principal = secret === undefined ? undefined : await tokenPrincipal(deps, secret);
  if (!principal) return taxiiFail(401, 'Unauthorized', 'An API token is required (Bearer or HTTP Basic).');
  if (!can(principal.role, 'sharing.read')) return taxiiFail(403, 'Forbidden');
  return principal.orgId;
}

/** The hubs the organization reads: those it is a current member of, and itself if it is a hub. */
export async function hubsOf(ex: Executor, orgId: string): Promise<Hub[]> {
  const memberships = (await sharingHubsOfMember(ex, orgId)).filter(
    (h) => h.nda_version !== null && h.nda_version === h.current_nda_version,
  );
  const ids = memberships.map((h) => h.hub_org_id);
  if (await findSharingHub(ex, orgId)) ids.unshift(orgId);
  const orgs = await Promise.all(ids.map((id) => findOrganization(ex, id)));
  return orgs.flatMap((o) => (o ? [{ id: o.id, slug: o.slug, name: o.name }] : []));
}

export async function rootOf(ex: Executor, orgId: string, root: string): Promise<Hub> {
  const hub = (await hubsOf(ex, orgId)).find((h) => h.slug === root || h.id === root);
  return hub ?? taxiiFail(404, 'Not Found', 'No such API root.');
}

export interface Collection {
  id: string;
  key: string;
  title: string;
  tlp: TaxiiTlp;
}

/** The collections of a hub the organization may read (the hub itself reads all of its own). */
export async function collectionsOf(ex: Executor, hub: Hub, orgId: string): Promise<Collection[]> {
  const groups =
    hub.id === orgId ? await listSharingGroups(ex, hub.id) : await sharingGroupsOfMember(ex, hub.id, orgId);
  const audiences: Audience[] = [
    { kind: 'all' },
    ...groups.map((g) => ({ kind: 'group' as const, groupId: g.id, name: g.name })),
  ];
  return audiences.flatMap((a) =>
    TAXII_TLPS.map((tlp) => {
      const key = collectionKey(a, tlp);
      const who = a.kind === 'all' ? '全メンバー / All members' : a.name;
      return { id: collectionId(hub.id, key), key, tlp, title: `${who} · TLP:${tlp.toUpperCase()}` };
    }),
  );
}

export async function collectionOf(ex: Executor, hub: Hub, orgId: string, id: string): Promise<Collection> {
  const found = (await collectionsOf(ex, hub, orgId)).find((c) => c.id === id.toLowerCase());
  return found ?? taxiiFail(404, 'Not Found', 'No such collection.');
}

export function collectionView(c: Collection) {
  return {
    id: c.id,
    title: c.title,
    description: `TLP:${c.tlp.toUpperCase()}`,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA],
  };
}

export function apiRootView(hub: Hub) {
  return {
    title: hub.name,
    description: `${hub.name} (Shinrai sharing hub)`,
    versions: [TAXII_MEDIA],
    max_content_length: 0,
  };
}

export interface Page {
  rows: SharingTaxiiObjectRow[];
  more: boolean;
  next?: string;
}

/**
 * One page of a collection after the signed cursor (if any): filters from the query string, rows in sequence
 * order, one more row read than asked for to know whether there is more. A cursor made for another collection,
 * endpoint or filter set, or whose signature does not match, is refused (400).
 */
export async function page(
  ex: Executor,
  hub: Hub,
  c: Collection,
  endpoint: Endpoint,
  raw: Record<string, unknown>,
  fixed: { objectId?: string } = {},
): Promise<Page> {
  const f: Filters = parseFilters(raw, endpoint, fixed.objectId);
  const scope = `${hub.id}/${c.key}/${endpoint}`;
  const query = queryDigest([f.addedAfter, f.ids, f.types, f.versions, fixed.objectId ?? null]);
  const secret = await cursorSecret(ex);
  let afterSeq = 0;
  if (f.next !== undefined) {
    const cursor = readCursor(secret, f.next);
    if (!cursor || cursor.scope !== scope || cursor.query !== query)
      return taxiiFail(400, 'Bad Request', 'The next cursor is not valid for this request.');
    afterSeq = cursor.seq;
  }
  if (f.nothing) return { rows: [], more: false };
  const rows = await listTaxiiObjects(ex, {
    hubOrgId: hub.id,
    collection: c.key,
    afterSeq,
    addedAfter: f.addedAfter,
    ids: f.ids,
    types: f.types,
    versions: f.versions,
    limit: f.limit + 1,
  });
  const more = rows.length > f.limit;
  const out = more ? rows.slice(0, f.limit) : rows;
  const last = out.at(-1);
  return {
    rows: out,
    more,
    ...(more && last ? { next: signCursor(secret, { scope, query, seq: last.seq }) } : {}),
  };
}
