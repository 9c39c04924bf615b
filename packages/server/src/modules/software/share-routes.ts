import {
  activeCounterparts,
  findActiveSoftwareShare,
  findOpenRelationship,
  findSoftwareRelease,
  findSoftwareShare,
  insertSoftwareShare,
  listSoftwareShares,
  revokeSoftwareShare,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ctxOf, write } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { fail } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { audit, lockAuditOf } from '../../platform/services/audit-trail.ts';

const P = '/api/orgs/:orgId/software';
const OrgParams = z.strictObject({ orgId: Id });

const SoftwareShare = z.object({
  id: z.string(),
  releaseId: z.string(),
  withOrgId: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

/**
 * `active`: the buyer sees the release in where-used; `relationship_ended`: not revoked, but no active
 * relationship with the buyer any more, so hidden; `revoked`: withdrawn by the supplier.
 */
const SHARE_STATES = ['active', 'relationship_ended', 'revoked'] as const;

const SoftwareShareListed = SoftwareShare.extend({
  state: z.enum(SHARE_STATES),
  product: z.object({ id: z.string(), name: z.string() }),
  release: z.object({ id: z.string(), version: z.string() }),
  withOrg: z.object({ id: z.string(), name: z.string() }),
});

/**
 * Release shares (SBOM の共有): a supplier lets a buyer it has an active buyer → supplier relationship with
 * see a release in the buyer's where-used search. Managing them needs org.update; listing assessments.read.
 */
export function softwareShareRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  return async (app) => {
    app.get(
      `${P}/shares`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'Release shares this organization made (newest first), with product, release and buyer names and whether the buyer still sees them',
          params: OrgParams,
          querystring: z.strictObject({ releaseId: Id.optional() }),
          response: { 200: z.object({ items: z.array(SoftwareShareListed) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const [rows, related] = await Promise.all([
          listSoftwareShares(db, access.orgId, req.query.releaseId),
          activeCounterparts(db, access.orgId, 'buyer_supplier'),
        ]);
        const buyers = new Set(related);
        return {
          items: rows.map((s) => ({
            id: s.id,
            releaseId: s.release_id,
            withOrgId: s.with_org_id,
            createdAt: s.created_at,
            revokedAt: s.revoked_at,
            state:
              s.revoked_at !== null
                ? ('revoked' as const)
                : buyers.has(s.with_org_id)
                  ? ('active' as const)
                  : ('relationship_ended' as const),
            product: { id: s.product_id, name: s.product_name },
            release: { id: s.release_id, version: s.version },
            withOrg: { id: s.with_org_id, name: s.org_name },
          })),
        };
      },
    );

    app.post(
      `${P}/shares`,
      {
        config: { permission: 'org.update' },
        schema: {
          tags: ['software'],
          summary:
            'Share a release (its SBOM) with a buyer this organization supplies (active buyer → supplier relationship); the buyer sees it in where-used',
          params: OrgParams,
          body: z.strictObject({ releaseId: Id, withOrgId: Id }),
          response: { 201: z.object({ share: SoftwareShare }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const r = await findSoftwareRelease(db, access.orgId, req.body.releaseId);
        if (!r) return fail('not_found', { pointer: '/releaseId' });
        const rel = await findOpenRelationship(db, 'buyer_supplier', req.body.withOrgId, access.orgId);
        if (!rel || rel.status !== 'active')
          return fail('forbidden', { reason: 'no_active_buyer_relationship' });
        const existing = await findActiveSoftwareShare(db, access.orgId, r.id, req.body.withOrgId);
        const row = existing ?? {
          id: randomUUID(),
          org_id: access.orgId,
          release_id: r.id,
          with_org_id: req.body.withOrgId,
          created_at: deps.now().toISOString(),
          revoked_at: null,
        };
        if (!existing)
          await write(ctxOf(deps, req), async (tx) => {
            await lockAuditOf(tx.trx, [access.orgId, row.with_org_id]);
            await insertSoftwareShare(tx.trx, row);
            await tx.audit(
              'software.share.create',
              { type: 'software_release', id: r.id },
              { with: row.with_org_id, share: row.id },
            );
            // The buyer's audit log records what it received.
            await audit(deps, tx.trx, tx.actor, row.with_org_id, 'software.share.received', {
              type: 'software_share',
              id: row.id,
            });
          });
        return reply.status(201).send({
          share: {
            id: row.id,
            releaseId: row.release_id,
            withOrgId: row.with_org_id,
            createdAt: row.created_at,
            revokedAt: row.revoked_at,
          },
        });
      },
    );

    app.delete(
      `${P}/shares/:shareId`,
      {
        config: { permission: 'org.update' },
        schema: {
          tags: ['software'],
          summary: 'Revoke a release share: the buyer no longer sees it',
          params: z.strictObject({ orgId: Id, shareId: Id }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const share = await findSoftwareShare(db, access.orgId, req.params.shareId);
        if (!share) return fail('not_found');
        if (share.revoked_at === null)
          await write(ctxOf(deps, req), async (tx) => {
            await revokeSoftwareShare(tx.trx, share.id, deps.now().toISOString());
            await tx.audit('software.share.revoke', {
              type: 'software_share',
              id: share.id,
            });
          });
        return reply.status(204).send(null);
      },
    );
  };
}
