import { isValidCorporateNumber, slugify, type OrgKind } from '@shinrai/core';
import {
  findOrganization,
  findOrganizationBySlug,
  insertMembership,
  insertOrganization,
  updateOrganization,
  type Database,
  type OrganizationPatch,
  type OrganizationRow,
} from '@shinrai/store';
import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import { randomToken } from '../auth/secrets.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { audit, type Actor } from './audit-trail.ts';

export interface OrgProfile {
  name: string;
  kind: OrgKind;
  slug?: string | undefined;
  corporateNumber?: string | null | undefined;
  industry?: string | null | undefined;
  size?: string | null | undefined;
  prefecture?: string | null | undefined;
  discoverable?: boolean | undefined;
}

function checkCorporateNumber(n: string | null | undefined): void {
  if (n != null && !isValidCorporateNumber(n)) fail('invalid_corporate_number');
}

/** Creates an organization with `ownerId` as its owner, inside the caller's transaction. */
export async function createOrganization(
  deps: Deps,
  trx: Transaction<Database>,
  actor: Actor,
  ownerId: string,
  p: OrgProfile,
): Promise<OrganizationRow> {
  checkCorporateNumber(p.corporateNumber);
  const slug =
    p.slug ??
    slugify(
      p.name,
      randomToken(4)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x'),
    );
  let finalSlug = slug;
  if (await findOrganizationBySlug(trx, slug)) {
    if (p.slug !== undefined) fail('slug_taken');
    finalSlug = `${slug.slice(0, 38)}-${randomToken(3)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
  }
  const now = deps.now().toISOString();
  const id = randomUUID();
  await insertOrganization(trx, {
    id,
    slug: finalSlug,
    name: p.name,
    kind: p.kind,
    corporateNumber: p.corporateNumber ?? null,
    industry: p.industry ?? null,
    size: p.size ?? null,
    prefecture: p.prefecture ?? null,
    discoverable: p.discoverable ?? false,
    now,
  });
  await insertMembership(trx, { orgId: id, userId: ownerId, role: 'owner', now });
  await audit(
    deps,
    trx,
    actor,
    id,
    'organization.create',
    { type: 'organization', id },
    { name: p.name, kind: p.kind },
  );
  const org = await findOrganization(trx, id);
  if (!org) throw new Error('organization vanished inside its own transaction');
  return org;
}

export async function updateOrganizationProfile(
  deps: Deps,
  actor: Actor,
  orgId: string,
  p: Partial<OrgProfile>,
): Promise<OrganizationRow> {
  checkCorporateNumber(p.corporateNumber);
  const patch: OrganizationPatch = {};
  if (p.name !== undefined) patch.name = p.name;
  if (p.kind !== undefined) patch.kind = p.kind;
  if (p.corporateNumber !== undefined) patch.corporate_number = p.corporateNumber;
  if (p.industry !== undefined) patch.industry = p.industry;
  if (p.size !== undefined) patch.size = p.size;
  if (p.prefecture !== undefined) patch.prefecture = p.prefecture;
  if (p.discoverable !== undefined) patch.discoverable = p.discoverable ? 1 : 0;
  return deps.store.db.transaction().execute(async (trx) => {
    await updateOrganization(trx, orgId, patch, deps.now().toISOString());
    await audit(
      deps,
      trx,
      actor,
      orgId,
      'organization.update',
      { type: 'organization', id: orgId },
      { fields: Object.keys(patch) },
    );
    const org = await findOrganization(trx, orgId);
    return org ?? fail('not_found');
  });
}
