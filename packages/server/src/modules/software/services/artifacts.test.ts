import { listAudit, listSoftwareIncidents } from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, setupInstance, type TestApp } from '../../../../../../test/helpers/app.ts';
import { ctxFromAccess, type Ctx } from '../../../platform/context.ts';
import { registerArtifact, verifyReleaseArtifact } from './artifacts.ts';
import { createProduct } from './products.ts';
import { createRelease } from './releases.ts';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);

describe('artifact services: verification opens an incident only on a mismatch', () => {
  let t: TestApp;
  let orgId: string;
  let ctx: Ctx;
  let releaseId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite', { packs: false });
    ({ orgId } = await setupInstance(t));
    ctx = ctxFromAccess(t.deps, { orgId, role: 'admin', actorUserId: null, actorTokenId: null }, 'req-art');
    const product = await createProduct(ctx, { name: 'PLC-100', kind: 'device' });
    releaseId = (await createRelease(ctx, { productId: product.id, version: '1.0.0' })).id;
    await registerArtifact(ctx, { releaseId, filename: 'fw.bin', sha256: H1 });
  });
  afterAll(async () => {
    await t.close();
  });

  const actions = async () =>
    ((await listAudit(t.deps.store.db, orgId, null, 100))?.items ?? []).map((e) => e.action);

  it('answers match and unknown without writing anything', async () => {
    const before = await actions();
    expect(await verifyReleaseArtifact(ctx, { releaseId, sha256: H1 })).toEqual({
      result: 'match',
      expected: [{ filename: 'fw.bin', sha256: H1 }],
    });
    expect(await verifyReleaseArtifact(ctx, { releaseId, filename: 'other.bin', sha256: H1 })).toEqual({
      result: 'unknown',
      expected: [],
    });
    expect(await actions()).toEqual(before);
    expect(await listSoftwareIncidents(t.deps.store.db, orgId)).toEqual([]);
  });

  it('opens an artifact_mismatch incident and audits it, naming the release by product and version', async () => {
    const out = await verifyReleaseArtifact(ctx, {
      productName: 'PLC-100',
      releaseVersion: '1.0.0',
      filename: 'fw.bin',
      sha256: H2,
    });
    expect(out).toMatchObject({ result: 'mismatch', expected: [{ filename: 'fw.bin', sha256: H1 }] });
    const [incident] = await listSoftwareIncidents(t.deps.store.db, orgId);
    expect(incident).toMatchObject({ id: out.incidentId, kind: 'artifact_mismatch', release_id: releaseId });
    expect(JSON.parse(incident?.details ?? '{}')).toEqual({
      filename: 'fw.bin',
      seen: H2,
      expected: [{ filename: 'fw.bin', sha256: H1 }],
    });
    expect((await actions())[0]).toBe('software.artifact.mismatch');
  });

  it('is 404 on /releaseVersion when the named release does not exist', async () => {
    await expect(
      verifyReleaseArtifact(ctx, { productName: 'PLC-100', releaseVersion: '9.9.9', sha256: H1 }),
    ).rejects.toMatchObject({ code: 'not_found', details: { pointer: '/releaseVersion' } });
  });
});
