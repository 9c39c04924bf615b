import { verifyArtifact, type ArtifactVerdict, type RegisteredArtifact } from '@shinrai/core';
import {
  findSoftwareProduct,
  findSoftwareProductByName,
  findSoftwareRelease,
  findSoftwareReleaseByVersion,
  insertSoftwareIncident,
  listSoftwareArtifacts,
  listSoftwareIncidents,
  listSoftwareProducts,
  listSoftwareReleases,
  putSoftwareArtifact,
  type SoftwareReleaseRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../../platform/context.ts';
import { fail } from '../../../platform/http/errors.ts';
import { requireRelease } from './releases.ts';

export interface ArtifactView {
  id: string;
  filename: string;
  sha256: string;
  signature: Record<string, unknown> | null;
  createdAt: string;
}

/** The files the release distributes with their expected SHA-256 and signature metadata. */
export async function listArtifacts(ctx: Ctx, input: { releaseId: string }): Promise<ArtifactView[]> {
  const db = ctx.deps.store.db;
  const r = await requireRelease(db, ctx.orgId, input.releaseId);
  return (await listSoftwareArtifacts(db, ctx.orgId, r.id)).map((a) => ({
    id: a.id,
    filename: a.filename,
    sha256: a.sha256,
    signature: a.signature === null ? null : (JSON.parse(a.signature) as Record<string, unknown>),
    createdAt: a.created_at,
  }));
}

export interface ArtifactInput {
  releaseId: string;
  filename: string;
  /** Lower-case hex (the route's schema normalizes it). */
  sha256: string;
  signature?: Record<string, unknown> | null | undefined;
}

/** Registers (or replaces, by filename) a file the release distributes. */
export async function registerArtifact(ctx: Ctx, input: ArtifactInput): Promise<ArtifactView> {
  const db = ctx.deps.store.db;
  const r = await requireRelease(db, ctx.orgId, input.releaseId);
  const row = {
    id: randomUUID(),
    org_id: ctx.orgId,
    release_id: r.id,
    filename: input.filename,
    sha256: input.sha256,
    signature: input.signature ? JSON.stringify(input.signature) : null,
    created_at: ctx.now.toISOString(),
  };
  await write(ctx, async (tx) => {
    await putSoftwareArtifact(tx.trx, row);
    await tx.audit(
      'software.artifact.register',
      { type: 'software_release', id: r.id },
      { filename: row.filename, sha256: row.sha256 },
    );
  });
  const stored = (await listSoftwareArtifacts(db, ctx.orgId, r.id)).find((a) => a.filename === row.filename);
  return {
    id: stored?.id ?? row.id,
    filename: row.filename,
    sha256: row.sha256,
    signature: input.signature ?? null,
    createdAt: stored?.created_at ?? row.created_at,
  };
}

export interface VerifyInput {
  releaseId?: string | undefined;
  productId?: string | undefined;
  productName?: string | undefined;
  releaseVersion?: string | undefined;
  filename?: string | undefined;
  sha256: string;
}

export interface VerifyResult {
  result: ArtifactVerdict;
  expected: RegisteredArtifact[];
  incidentId?: string;
}

/** The release a verification names: by id, or by product (id or name) and version; 404 otherwise. */
async function namedRelease(ctx: Ctx, b: VerifyInput): Promise<SoftwareReleaseRow> {
  const db = ctx.deps.store.db;
  let release: SoftwareReleaseRow | undefined;
  if (b.releaseId !== undefined) release = await findSoftwareRelease(db, ctx.orgId, b.releaseId);
  else {
    const product =
      b.productId !== undefined
        ? await findSoftwareProduct(db, ctx.orgId, b.productId)
        : await findSoftwareProductByName(db, ctx.orgId, b.productName ?? '');
    if (product)
      release = await findSoftwareReleaseByVersion(db, ctx.orgId, product.id, b.releaseVersion ?? '');
  }
  return (
    release ?? fail('not_found', { pointer: b.releaseId !== undefined ? '/releaseId' : '/releaseVersion' })
  );
}

/**
 * Checks a file seen in the field against the release's registered digests (the rules: packages/core
 * verifyArtifact). A mismatch opens an artifact_mismatch incident, audited in the same transaction.
 */
export async function verifyReleaseArtifact(ctx: Ctx, input: VerifyInput): Promise<VerifyResult> {
  const release = await namedRelease(ctx, input);
  const artifacts = await listSoftwareArtifacts(ctx.deps.store.db, ctx.orgId, release.id);
  const { result, expected } = verifyArtifact(artifacts, input);
  if (result !== 'mismatch') return { result, expected };
  const incidentId = randomUUID();
  await write(ctx, async (tx) => {
    await insertSoftwareIncident(tx.trx, {
      id: incidentId,
      org_id: ctx.orgId,
      kind: 'artifact_mismatch',
      release_id: release.id,
      status: 'open',
      details: JSON.stringify({ filename: input.filename ?? null, seen: input.sha256, expected }),
      created_at: ctx.now.toISOString(),
    });
    await tx.audit(
      'software.artifact.mismatch',
      { type: 'software_release', id: release.id },
      { incident: incidentId, filename: input.filename ?? null, seen: input.sha256 },
    );
  });
  return { result, expected, incidentId };
}

export interface IncidentView {
  id: string;
  kind: string;
  releaseId: string | null;
  release: { id: string; version: string; productId: string; productName: string } | null;
  status: string;
  details: Record<string, unknown>;
  createdAt: string;
}

/** The organization's software incidents, newest first, with the release they concern while it exists. */
export async function listIncidents(ctx: Ctx): Promise<IncidentView[]> {
  const db = ctx.deps.store.db;
  const [incidents, releases, products] = await Promise.all([
    listSoftwareIncidents(db, ctx.orgId),
    listSoftwareReleases(db, ctx.orgId),
    listSoftwareProducts(db, ctx.orgId),
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
  return incidents.map((i) => ({
    id: i.id,
    kind: i.kind,
    releaseId: i.release_id,
    release: releaseOf(i.release_id),
    status: i.status,
    details: JSON.parse(i.details) as Record<string, unknown>,
    createdAt: i.created_at,
  }));
}
