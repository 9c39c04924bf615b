import {
  evaluateLicensePolicy,
  parsePurl,
  parseVers,
  purlKey,
  versContains,
  VEX_JUSTIFICATIONS,
  VEX_STATUSES,
  type VersRange,
} from '@shinrai/core';
import {
  activeCounterparts,
  deleteSoftwareProduct,
  deleteSoftwareRelease,
  findSoftwareFinding,
  findSoftwareProduct,
  findSoftwareProductByName,
  findSoftwareRelease,
  findSoftwareReleaseByVersion,
  getSoftwareLicensePolicy,
  insertSoftwareIncident,
  insertSoftwareProduct,
  insertSoftwareRelease,
  listSoftwareArtifacts,
  listSoftwareComponents,
  listSoftwareFindings,
  listSoftwareIncidents,
  listSoftwareProducts,
  listSoftwareReleases,
  putSoftwareArtifact,
  putSoftwareLicensePolicy,
  putSoftwareVex,
  updateSoftwareProduct,
  whereUsed,
  type Executor,
  type SoftwareProductRow,
  type SoftwareReleaseRow,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import {
  componentView,
  findingView,
  productView,
  releaseView,
  riskByRelease,
  sumRisk,
} from './inventory/views.ts';
import { softwareNotificationRoutes } from './notification-routes.ts';
import { softwareShareRoutes } from './share-routes.ts';

const P = '/api/orgs/:orgId/software';
const KINDS = ['device', 'application', 'library', 'service'] as const;
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Risk = z.object({
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  malicious: z.number(),
});
export const Product = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(KINDS),
  vendor: z.string().nullable(),
  supportEnds: z.string().nullable(),
  supportEnded: z.boolean(),
  releaseCount: z.number(),
  risk: Risk,
});
export const Release = z.object({
  id: z.string(),
  productId: z.string(),
  version: z.string(),
  releasedOn: z.string().nullable(),
  supportEnds: z.string().nullable(),
  supportEnded: z.boolean(),
  sbom: z
    .object({
      format: z.string(),
      specVersion: z.string(),
      componentCount: z.number(),
      uploadedAt: z.string(),
    })
    .nullable(),
  risk: Risk,
});
const Component = z.object({
  id: z.string(),
  bomRef: z.string(),
  name: z.string(),
  version: z.string().nullable(),
  purl: z.string().nullable(),
  ecosystem: z.string().nullable(),
  licenses: z.string().nullable(),
  hashes: z.array(z.object({ alg: z.string(), value: z.string() })),
  supplier: z.string().nullable(),
  dev: z.boolean(),
  supportEnds: z.string().nullable(),
  supportEnded: z.boolean(),
  matchable: z.boolean(),
});
const Vex = z.object({
  status: z.string(),
  justification: z.string().nullable(),
  detail: z.string().nullable(),
  updatedAt: z.string(),
});
export const Finding = z.object({
  id: z.string(),
  advisoryId: z.string(),
  aliases: z.array(z.string()),
  summary: z.string().nullable(),
  severity: z.string(),
  score: z.number().nullable(),
  malicious: z.boolean(),
  component: z.object({
    id: z.string(),
    name: z.string(),
    version: z.string().nullable(),
    purl: z.string().nullable(),
  }),
  fixedVersion: z.string().nullable(),
  path: z.array(z.string()),
  vex: Vex.nullable(),
  suppressed: z.boolean(),
});
const Artifact = z.object({
  id: z.string(),
  filename: z.string(),
  sha256: z.string(),
  signature: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});
const Sha256 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/)
  .transform((s) => s.toLowerCase());
const OrgParams = z.strictObject({ orgId: Id });
const ProductParams = z.strictObject({ orgId: Id, productId: Id });
const ReleaseParams = z.strictObject({ orgId: Id, releaseId: Id });
const Lang = z.enum(['ja', 'en']).optional();

export async function requireProduct(ex: Executor, orgId: string, id: string): Promise<SoftwareProductRow> {
  return (await findSoftwareProduct(ex, orgId, id)) ?? fail('not_found');
}

export async function requireRelease(ex: Executor, orgId: string, id: string): Promise<SoftwareReleaseRow> {
  return (await findSoftwareRelease(ex, orgId, id)) ?? fail('not_found');
}

/** The release view of one release, with its open-finding counts. */
export async function releaseDetail(deps: Deps, release: SoftwareReleaseRow) {
  const product = await requireProduct(deps.store.db, release.org_id, release.product_id);
  const risk = (await riskByRelease(deps.store.db, release.org_id, [release.id])).get(release.id);
  return releaseView(release, product, sumRisk([risk]), deps.now());
}

/**
 * Software inventory (ソフトウェア部品表の管理): products and releases, their SBOM components and
 * findings, VEX per finding, license policy, artifact integrity, where-used and sharing with buyers.
 * Reads need assessments.read; writes assessments.write; org-wide policy (license policy,
 * notifications, shares) org.update.
 */
export function softwareRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  return async (app) => {
    await app.register(softwareShareRoutes(deps));
    await app.register(softwareNotificationRoutes(deps));

    app.get(
      `${P}/products`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'Products of the organization with their open-finding counts (risk badges)',
          params: OrgParams,
          response: { 200: z.object({ items: z.array(Product) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const [products, releases, risks] = await Promise.all([
          listSoftwareProducts(db, access.orgId),
          listSoftwareReleases(db, access.orgId),
          riskByRelease(db, access.orgId),
        ]);
        const now = deps.now();
        return {
          items: products.map((p) => {
            const mine = releases.filter((r) => r.product_id === p.id);
            return productView(p, mine.length, sumRisk(mine.map((r) => risks.get(r.id))), now);
          }),
        };
      },
    );

    const ProductInput = z.strictObject({
      name: z.string().trim().min(1).max(200),
      kind: z.enum(KINDS),
      vendor: z.string().trim().max(200).nullable().optional(),
      supportEnds: Day.nullable().optional(),
    });

    app.post(
      `${P}/products`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Create a product (a device model, an application, a library or a service)',
          params: OrgParams,
          body: ProductInput,
          response: { 201: z.object({ product: Product }), 409: ErrorBody },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        if (await findSoftwareProductByName(db, access.orgId, req.body.name))
          return fail('conflict', { pointer: '/name' });
        const now = deps.now().toISOString();
        const row: SoftwareProductRow = {
          id: randomUUID(),
          org_id: access.orgId,
          name: req.body.name,
          kind: req.body.kind,
          vendor: req.body.vendor ?? null,
          support_ends: req.body.supportEnds ?? null,
          created_at: now,
          updated_at: now,
        };
        await db.transaction().execute(async (trx) => {
          await insertSoftwareProduct(trx, row);
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'software.product.create', {
            type: 'software_product',
            id: row.id,
          });
        });
        return reply.status(201).send({ product: productView(row, 0, sumRisk([]), deps.now()) });
      },
    );

    app.get(
      `${P}/products/:productId`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'One product',
          params: ProductParams,
          response: { 200: z.object({ product: Product }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await requireProduct(db, access.orgId, req.params.productId);
        const releases = await listSoftwareReleases(db, access.orgId, p.id);
        const risks = await riskByRelease(
          db,
          access.orgId,
          releases.map((r) => r.id),
        );
        return {
          product: productView(p, releases.length, sumRisk(releases.map((r) => risks.get(r.id))), deps.now()),
        };
      },
    );

    app.patch(
      `${P}/products/:productId`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Change a product (name, kind, vendor, end of support)',
          params: ProductParams,
          body: ProductInput.partial(),
          response: { 200: z.object({ product: Product }), 409: ErrorBody },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await requireProduct(db, access.orgId, req.params.productId);
        const b = req.body;
        if (
          b.name !== undefined &&
          b.name !== p.name &&
          (await findSoftwareProductByName(db, access.orgId, b.name))
        )
          return fail('conflict', { pointer: '/name' });
        await db.transaction().execute(async (trx) => {
          await updateSoftwareProduct(trx, access.orgId, p.id, {
            ...(b.name !== undefined ? { name: b.name } : {}),
            ...(b.kind !== undefined ? { kind: b.kind } : {}),
            ...(b.vendor !== undefined ? { vendor: b.vendor } : {}),
            ...(b.supportEnds !== undefined ? { support_ends: b.supportEnds } : {}),
            updated_at: deps.now().toISOString(),
          });
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'software.product.update',
            { type: 'software_product', id: p.id },
            { fields: Object.keys(b) },
          );
        });
        const releases = await listSoftwareReleases(db, access.orgId, p.id);
        const risks = await riskByRelease(
          db,
          access.orgId,
          releases.map((r) => r.id),
        );
        const updated = await requireProduct(db, access.orgId, p.id);
        return {
          product: productView(
            updated,
            releases.length,
            sumRisk(releases.map((r) => risks.get(r.id))),
            deps.now(),
          ),
        };
      },
    );

    app.delete(
      `${P}/products/:productId`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Delete a product with its releases, SBOMs and findings',
          params: ProductParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        await db.transaction().execute(async (trx) => {
          if (!(await deleteSoftwareProduct(trx, access.orgId, req.params.productId)))
            return fail('not_found');
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'software.product.delete', {
            type: 'software_product',
            id: req.params.productId,
          });
          return undefined;
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${P}/products/:productId/releases`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'Releases of a product, newest first',
          params: ProductParams,
          response: { 200: z.object({ items: z.array(Release) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await requireProduct(db, access.orgId, req.params.productId);
        const releases = await listSoftwareReleases(db, access.orgId, p.id);
        const risks = await riskByRelease(
          db,
          access.orgId,
          releases.map((r) => r.id),
        );
        const now = deps.now();
        return { items: releases.map((r) => releaseView(r, p, sumRisk([risks.get(r.id)]), now)) };
      },
    );

    app.post(
      `${P}/products/:productId/releases`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Create a release (a firmware or application version) of a product',
          params: ProductParams,
          body: z.strictObject({
            version: z.string().trim().min(1).max(200),
            releasedOn: Day.nullable().optional(),
            supportEnds: Day.nullable().optional(),
          }),
          response: { 201: z.object({ release: Release }), 409: ErrorBody },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const p = await requireProduct(db, access.orgId, req.params.productId);
        if (await findSoftwareReleaseByVersion(db, access.orgId, p.id, req.body.version))
          return fail('conflict', { pointer: '/version' });
        const row: SoftwareReleaseRow = {
          id: randomUUID(),
          org_id: access.orgId,
          product_id: p.id,
          version: req.body.version,
          released_on: req.body.releasedOn ?? null,
          support_ends: req.body.supportEnds ?? null,
          sbom_format: null,
          sbom_spec_version: null,
          sbom_uploaded_at: null,
          component_count: 0,
          graph: null,
          created_at: deps.now().toISOString(),
        };
        await db.transaction().execute(async (trx) => {
          await insertSoftwareRelease(trx, row);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'software.release.create',
            { type: 'software_release', id: row.id },
            { product: p.id, version: row.version },
          );
        });
        return reply.status(201).send({ release: releaseView(row, p, sumRisk([]), deps.now()) });
      },
    );

    app.get(
      `${P}/releases/:releaseId`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'One release: SBOM summary, open findings, whether it is past its end of support',
          params: ReleaseParams,
          response: { 200: z.object({ release: Release }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const r = await requireRelease(db, access.orgId, req.params.releaseId);
        return { release: await releaseDetail(deps, r) };
      },
    );

    app.delete(
      `${P}/releases/:releaseId`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Delete a release with its SBOM, findings, VEX and artifacts',
          params: ReleaseParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        await db.transaction().execute(async (trx) => {
          if (!(await deleteSoftwareRelease(trx, access.orgId, req.params.releaseId)))
            return fail('not_found');
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'software.release.delete', {
            type: 'software_release',
            id: req.params.releaseId,
          });
          return undefined;
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${P}/releases/:releaseId/components`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'Every component of the release SBOM (compact; 10,000 rows in one answer)',
          params: ReleaseParams,
          response: { 200: z.object({ items: z.array(Component) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const r = await requireRelease(db, access.orgId, req.params.releaseId);
        const now = deps.now();
        return {
          items: (await listSoftwareComponents(db, access.orgId, r.id)).map((c) => componentView(c, now)),
        };
      },
    );

    app.get(
      `${P}/releases/:releaseId/findings`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'Findings of the release (advisory, severity, fixed version, dependency path, VEX; suppressed when VEX says not_affected or fixed)',
          params: ReleaseParams,
          response: { 200: z.object({ items: z.array(Finding) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const r = await requireRelease(db, access.orgId, req.params.releaseId);
        return { items: (await listSoftwareFindings(db, access.orgId, r.id)).map(findingView) };
      },
    );

    app.put(
      `${P}/findings/:findingId/vex`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary:
            'Record the analysis of a finding (VEX): not_affected with a justification, affected, fixed, under_investigation',
          params: z.strictObject({ orgId: Id, findingId: Id }),
          body: z
            .strictObject({
              status: z.enum(VEX_STATUSES),
              justification: z.enum(VEX_JUSTIFICATIONS).nullable().optional(),
              detail: z.string().trim().max(4000).nullable().optional(),
            })
            .refine((b) => b.status !== 'not_affected' || Boolean(b.justification) || Boolean(b.detail), {
              message: 'not_affected needs a justification or a detail',
              path: ['justification'],
            }),
          response: { 200: z.object({ finding: Finding }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const f = (await findSoftwareFinding(db, access.orgId, req.params.findingId)) ?? fail('not_found');
        await db.transaction().execute(async (trx) => {
          await putSoftwareVex(trx, {
            id: randomUUID(),
            org_id: access.orgId,
            release_id: f.release_id,
            advisory_id: f.advisory_id,
            component_ref: f.component_ref,
            status: req.body.status,
            justification: req.body.justification ?? null,
            detail: req.body.detail ?? null,
            updated_by: access.actorUserId,
            updated_at: deps.now().toISOString(),
          });
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'software.vex.set',
            { type: 'software_finding', id: f.id },
            {
              advisory: f.advisory_id,
              status: req.body.status,
              justification: req.body.justification ?? null,
            },
          );
        });
        const updated = (await findSoftwareFinding(db, access.orgId, f.id)) ?? fail('not_found');
        return { finding: findingView(updated) };
      },
    );

    const Policy = z.strictObject({
      allow: z.array(z.string().trim().min(1).max(200)).max(1000),
      deny: z.array(z.string().trim().min(1).max(200)).max(1000),
    });

    app.get(
      `${P}/license-policy`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'License policy of the organization (allowed and denied SPDX ids)',
          params: OrgParams,
          response: { 200: Policy },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return (await getSoftwareLicensePolicy(db, access.orgId)) ?? { allow: [], deny: [] };
      },
    );

    app.put(
      `${P}/license-policy`,
      {
        config: { permission: 'org.update' },
        schema: {
          tags: ['software'],
          summary: 'Set the license policy',
          params: OrgParams,
          body: Policy,
          response: { 200: Policy },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        await db.transaction().execute(async (trx) => {
          await putSoftwareLicensePolicy(trx, access.orgId, req.body, deps.now().toISOString());
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'software.license_policy.set', null, {
            allow: req.body.allow,
            deny: req.body.deny,
          });
        });
        return req.body;
      },
    );

    app.get(
      `${P}/releases/:releaseId/licenses`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'License policy violations of the release (denied, and unknown or unlisted licenses)',
          params: ReleaseParams,
          response: {
            200: z.object({
              policy: Policy,
              items: z.array(
                z.object({
                  component: z.object({
                    id: z.string(),
                    name: z.string(),
                    version: z.string().nullable(),
                    purl: z.string().nullable(),
                  }),
                  licenses: z.string().nullable(),
                  status: z.enum(['denied', 'unknown']),
                  reason: z.string().nullable(),
                  ids: z.array(z.string()),
                }),
              ),
              counts: z.object({ allowed: z.number(), denied: z.number(), unknown: z.number() }),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const r = await requireRelease(db, access.orgId, req.params.releaseId);
        const policy = (await getSoftwareLicensePolicy(db, access.orgId)) ?? { allow: [], deny: [] };
        const counts = { allowed: 0, denied: 0, unknown: 0 };
        const items = [];
        const cache = new Map<string, ReturnType<typeof evaluateLicensePolicy>>();
        for (const c of await listSoftwareComponents(db, access.orgId, r.id)) {
          const key = c.licenses ?? '';
          let v = cache.get(key);
          if (v === undefined) cache.set(key, (v = evaluateLicensePolicy(c.licenses, policy)));
          counts[v.status]++;
          if (v.status === 'allowed') continue;
          items.push({
            component: { id: c.id, name: c.name, version: c.version, purl: c.purl },
            licenses: c.licenses,
            status: v.status,
            reason: v.status === 'unknown' ? v.reason : null,
            ids: v.status === 'denied' ? v.offending : v.ids,
          });
        }
        items.sort((a, b) => (a.status === b.status ? 0 : a.status === 'denied' ? -1 : 1));
        return { policy, items, counts };
      },
    );

    app.get(
      `${P}/releases/:releaseId/artifacts`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'Files the release distributes, with their expected SHA-256 and signature metadata',
          params: ReleaseParams,
          response: { 200: z.object({ items: z.array(Artifact) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const r = await requireRelease(db, access.orgId, req.params.releaseId);
        return {
          items: (await listSoftwareArtifacts(db, access.orgId, r.id)).map((a) => ({
            id: a.id,
            filename: a.filename,
            sha256: a.sha256,
            signature: a.signature === null ? null : (JSON.parse(a.signature) as Record<string, unknown>),
            createdAt: a.created_at,
          })),
        };
      },
    );

    app.post(
      `${P}/releases/:releaseId/artifacts`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Register the expected SHA-256 (and signature metadata) of a file the release distributes',
          params: ReleaseParams,
          body: z.strictObject({
            filename: z.string().trim().min(1).max(500),
            sha256: Sha256,
            signature: z
              .strictObject({
                algorithm: z.string().max(100).optional(),
                keyId: z.string().max(500).optional(),
                signatureUrl: z.url().max(2000).optional(),
                certificateSubject: z.string().max(1000).optional(),
              })
              .nullable()
              .optional(),
          }),
          response: { 201: z.object({ artifact: Artifact }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const r = await requireRelease(db, access.orgId, req.params.releaseId);
        const row = {
          id: randomUUID(),
          org_id: access.orgId,
          release_id: r.id,
          filename: req.body.filename,
          sha256: req.body.sha256,
          signature: req.body.signature ? JSON.stringify(req.body.signature) : null,
          created_at: deps.now().toISOString(),
        };
        await db.transaction().execute(async (trx) => {
          await putSoftwareArtifact(trx, row);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'software.artifact.register',
            { type: 'software_release', id: r.id },
            { filename: row.filename, sha256: row.sha256 },
          );
        });
        const stored = (await listSoftwareArtifacts(db, access.orgId, r.id)).find(
          (a) => a.filename === row.filename,
        );
        return reply.status(201).send({
          artifact: {
            id: stored?.id ?? row.id,
            filename: row.filename,
            sha256: row.sha256,
            signature: req.body.signature ?? null,
            createdAt: stored?.created_at ?? row.created_at,
          },
        });
      },
    );

    app.post(
      `${P}/artifacts/verify`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary:
            'Check a file against the registered SHA-256 of a release: match, mismatch (opens an incident) or unknown (nothing registered)',
          params: OrgParams,
          body: z
            .strictObject({
              productId: Id.optional(),
              productName: z.string().min(1).max(200).optional(),
              releaseId: Id.optional(),
              releaseVersion: z.string().min(1).max(200).optional(),
              filename: z.string().min(1).max(500).optional(),
              sha256: Sha256,
            })
            .refine(
              (b) =>
                b.releaseId !== undefined ||
                (b.releaseVersion !== undefined && (b.productId ?? b.productName) !== undefined),
              {
                message: 'name the release (releaseId, or a product and releaseVersion)',
                path: ['releaseId'],
              },
            ),
          response: {
            200: z.object({
              result: z.enum(['match', 'mismatch', 'unknown']),
              expected: z.array(z.object({ filename: z.string(), sha256: z.string() })),
              incidentId: z.string().optional(),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const b = req.body;
        let release: SoftwareReleaseRow | undefined;
        if (b.releaseId !== undefined) release = await findSoftwareRelease(db, access.orgId, b.releaseId);
        else {
          const product =
            b.productId !== undefined
              ? await findSoftwareProduct(db, access.orgId, b.productId)
              : await findSoftwareProductByName(db, access.orgId, b.productName ?? '');
          if (product)
            release = await findSoftwareReleaseByVersion(
              db,
              access.orgId,
              product.id,
              b.releaseVersion ?? '',
            );
        }
        if (!release)
          return fail('not_found', { pointer: b.releaseId !== undefined ? '/releaseId' : '/releaseVersion' });
        const artifacts = await listSoftwareArtifacts(db, access.orgId, release.id);
        const relevant =
          b.filename !== undefined ? artifacts.filter((a) => a.filename === b.filename) : artifacts;
        const expected = relevant.map((a) => ({ filename: a.filename, sha256: a.sha256 }));
        if (relevant.length === 0) return { result: 'unknown' as const, expected };
        if (relevant.some((a) => a.sha256 === b.sha256)) return { result: 'match' as const, expected };
        const incidentId = randomUUID();
        const rel = release;
        await db.transaction().execute(async (trx) => {
          await insertSoftwareIncident(trx, {
            id: incidentId,
            org_id: access.orgId,
            kind: 'artifact_mismatch',
            release_id: rel.id,
            status: 'open',
            details: JSON.stringify({ filename: b.filename ?? null, seen: b.sha256, expected }),
            created_at: deps.now().toISOString(),
          });
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'software.artifact.mismatch',
            { type: 'software_release', id: rel.id },
            { incident: incidentId, filename: b.filename ?? null, seen: b.sha256 },
          );
        });
        return { result: 'mismatch' as const, expected, incidentId };
      },
    );

    app.get(
      `${P}/incidents`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'Software incidents of the organization (artifact mismatches, malicious packages), newest first, with the product and release they concern (null once the release is deleted)',
          params: OrgParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  kind: z.string(),
                  releaseId: z.string().nullable(),
                  release: z
                    .object({
                      id: z.string(),
                      version: z.string(),
                      productId: z.string(),
                      productName: z.string(),
                    })
                    .nullable(),
                  status: z.string(),
                  details: z.record(z.string(), z.unknown()),
                  createdAt: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const [incidents, releases, products] = await Promise.all([
          listSoftwareIncidents(db, access.orgId),
          listSoftwareReleases(db, access.orgId),
          listSoftwareProducts(db, access.orgId),
        ]);
        const releaseById = new Map(releases.map((r) => [r.id, r]));
        const productName = new Map(products.map((p) => [p.id, p.name]));
        const releaseOf = (id: string | null) => {
          const r = id === null ? undefined : releaseById.get(id);
          return r
            ? {
                id: r.id,
                version: r.version,
                productId: r.product_id,
                productName: productName.get(r.product_id) ?? '',
              }
            : null;
        };
        return {
          items: incidents.map((i) => ({
            id: i.id,
            kind: i.kind,
            releaseId: i.release_id,
            release: releaseOf(i.release_id),
            status: i.status,
            details: JSON.parse(i.details) as Record<string, unknown>,
            createdAt: i.created_at,
          })),
        };
      },
    );

    app.get(
      `${P}/where-used`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'Which products and releases contain a package (purl without version), optionally at versions in a vers range; includes releases suppliers shared through an active relationship',
          params: OrgParams,
          querystring: z.strictObject({
            purl: z.string().min(5).max(1000),
            range: z.string().max(1000).optional(),
            includeShared: z.enum(['true', 'false']).default('true'),
            lang: Lang,
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  productId: z.string(),
                  productName: z.string(),
                  releaseId: z.string(),
                  version: z.string(),
                  component: z.object({
                    name: z.string(),
                    version: z.string().nullable(),
                    purl: z.string().nullable(),
                  }),
                  ownerOrg: z.object({ id: z.string(), name: z.string() }),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const parsed = parsePurl(req.query.purl);
        if (!parsed.ok)
          return fail('validation_failed', [{ in: 'querystring', pointer: '/purl', message: parsed.reason }]);
        let range: VersRange | null = null;
        if (req.query.range !== undefined) {
          const v = parseVers(req.query.range);
          if (!v.ok)
            return fail('validation_failed', [{ in: 'querystring', pointer: '/range', message: v.reason }]);
          range = v;
        }
        const suppliers =
          req.query.includeShared === 'true'
            ? await activeCounterparts(db, access.orgId, 'buyer_supplier')
            : [];
        const rows = await whereUsed(db, access.orgId, purlKey(parsed.purl), suppliers);
        const wantVersion = parsed.purl.version;
        const items = [];
        for (const r of rows) {
          if (wantVersion !== null && r.component_version !== wantVersion) continue;
          if (range !== null) {
            if (r.component_version === null) continue;
            const inRange = versContains(range, r.component_version);
            if (!inRange.ok || !inRange.contains) continue;
          }
          items.push({
            productId: r.product_id,
            productName: r.product_name,
            releaseId: r.release_id,
            version: r.release_version,
            component: { name: r.component_name, version: r.component_version, purl: r.component_purl },
            ownerOrg: { id: r.owner_org_id, name: r.owner_org_name },
          });
        }
        return { items };
      },
    );
  };
}
