import {
  advisoriesImportJob,
  ADVISORIES_IMPORT_JOB,
  importRow,
  JobWorker,
  legacyAdvisoryUploadDir,
} from '@shinrai/server';
import { auditChainBatch, enqueueJob, insertAdvisoryImport } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { osvRecord, zipBuffer } from './advisories-fixtures.ts';

interface JobBody {
  job: {
    id: string;
    status: string;
    progress: { current: number; total: number };
    result: unknown;
    error: string | null;
  };
}

describe('advisory database over HTTP', () => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let orgId: string;
  let worker: JobWorker;

  beforeAll(async () => {
    t = await makeApp('sqlite', { packs: false });
    ({ admin, orgId } = await setupInstance(t));
    member = await addMember(t, admin, orgId, 'member@example.jp', 'member');
    worker = new JobWorker(t.deps, { [ADVISORIES_IMPORT_JOB]: advisoriesImportJob(t.deps) });
  });
  afterAll(async () => {
    await worker.stop(1000);
    await t.close();
  });

  const upload = (c: Client, name: string, data: Buffer) => {
    const { payload, headers } = multipart({ name, data }, {});
    return t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/software/advisories/import`,
      payload,
      headers: { ...headers, cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' },
    });
  };

  const storedFiles = () => t.deps.store.db.selectFrom('files').select(['key', 'job_id']).execute();

  async function runJob(id: string): Promise<JobBody['job']> {
    await worker.tick();
    await worker.idle();
    return json<JobBody>(await admin.get(`/api/orgs/${orgId}/jobs/${id}`)).job;
  }

  it('imports an uploaded all.zip as a job with progress, then shows status and records', async () => {
    expect((await upload(member, 'all.zip', Buffer.from('PK'))).statusCode).toBe(403);
    const zip = await zipBuffer([
      { name: 'GHSA-http-0001.json', data: osvRecord({ id: 'GHSA-http-0001' }) },
      {
        name: 'MAL-2099-0002.json',
        data: osvRecord({
          id: 'MAL-2099-0002',
          affected: [{ package: { ecosystem: 'npm', name: 'evil' }, versions: ['1.0.0'] }],
        }),
      },
      {
        name: 'X-1.json',
        data: osvRecord({ id: 'X-1', affected: [{ package: { ecosystem: 'Nope', name: 'x' } }] }),
      },
    ]);
    const res = await upload(admin, 'npm-all.zip', zip);
    expect(res.statusCode).toBe(202);
    const { job, importId } = json<JobBody & { importId: string }>(res);
    expect(job.status).toBe('queued');

    const done = await runJob(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.progress).toEqual({ current: 3, total: 3 });
    expect(done.result).toMatchObject({ importId, added: 2, malicious: 1, skipped: 1 });
    // the uploaded archive waited in the file store, and is gone once imported
    expect(await storedFiles()).toEqual([]);

    const status = json<{
      total: number;
      malicious: number;
      byEcosystem: { ecosystem: string; count: number }[];
      lastImport: {
        id: string;
        status: string;
        skippedReasons: { reason: string; count: number; message: { ja: string } }[];
      };
    }>(await member.get(`/api/orgs/${orgId}/software/advisories/status`));
    expect(status).toMatchObject({ total: 2, malicious: 1, byEcosystem: [{ ecosystem: 'npm', count: 2 }] });
    expect(status.lastImport).toMatchObject({ id: importId, status: 'done' });
    expect(status.lastImport.skippedReasons[0]).toMatchObject({ reason: 'unknown_ecosystem', count: 1 });
    expect(status.lastImport.skippedReasons[0]?.message.ja).toBeTruthy();

    const adv = json<{
      advisory: { id: string; malicious: boolean; severity: string; record: { id: string } };
    }>(await member.get(`/api/orgs/${orgId}/software/advisories/MAL-2099-0002`));
    expect(adv.advisory).toMatchObject({ id: 'MAL-2099-0002', malicious: true, severity: 'critical' });
    expect(adv.advisory.record.id).toBe('MAL-2099-0002');
    expect((await member.get(`/api/orgs/${orgId}/software/advisories/GHSA-none`)).statusCode).toBe(404);
  });

  it('audits every import in the instance chain with its source and counts; every tenant sees where the data came from', async () => {
    const instance = async () => await auditChainBatch(t.deps.store.db, null, 0, 1000);
    const zip = await zipBuffer([{ name: 'GHSA-http-0101.json', data: osvRecord({ id: 'GHSA-http-0101' }) }]);
    const res = await upload(admin, 'provenance.zip', zip);
    expect(res.statusCode).toBe(202);
    const { job, importId } = json<JobBody & { importId: string }>(res);
    expect((await runJob(job.id)).status).toBe('succeeded');

    const adminId = json<{ user: { id: string } }>(await admin.get('/api/me')).user.id;
    const entries = (await instance()).filter((e) => e.targetId === importId);
    expect(entries.map((e) => [e.action, e.orgId, e.actorUserId])).toEqual([
      ['advisories.import_start', null, adminId],
      ['advisories.import_done', null, adminId],
    ]);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ source: 'provenance.zip', via: 'upload' });
    expect(JSON.parse(entries[1]!.details)).toMatchObject({
      source: 'provenance.zip',
      via: 'upload',
      status: 'done',
      counts: { processed: 1, added: 1, updated: 0, unchanged: 0 },
    });

    // A member of another organization sees the sources, the latest runs and each record's origin.
    const other = json<{ organization: { id: string } }>(
      await member.post('/api/orgs', { name: '別の会社', kind: 'supplier' }),
    ).organization.id;
    const status = json<{
      sources: { source: string | null; records: number; lastImportedAt: string }[];
      recentImports: { id: string; source: string; via: string; status: string; added: number }[];
    }>(await member.get(`/api/orgs/${other}/software/advisories/status`));
    expect(status.sources).toContainEqual(expect.objectContaining({ source: 'provenance.zip', records: 1 }));
    expect(status.recentImports[0]).toMatchObject({
      id: importId,
      source: 'provenance.zip',
      via: 'upload',
      status: 'done',
      added: 1,
    });
    const adv = json<{ advisory: { importedFrom: unknown; importedAt: string } }>(
      await member.get(`/api/orgs/${other}/software/advisories/GHSA-http-0101`),
    );
    expect(adv.advisory.importedFrom).toEqual({ importId, source: 'provenance.zip', via: 'upload' });

    // The owner of that new organization is no instance administrator: refused, and nothing recorded.
    const before = (await instance()).length;
    const { payload, headers } = multipart({ name: 'x.zip', data: zip }, {});
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${other}/software/advisories/import`,
      payload,
      headers: { ...headers, cookie: member.cookie ?? '', 'x-csrf-token': member.csrf ?? '' },
    });
    expect(refused.statusCode).toBe(403);
    expect((await instance()).length).toBe(before);
  });

  it('fails the job of a refused archive with a clear reason and writes nothing', async () => {
    const zip = await zipBuffer([{ name: 'GHSA-http-0009.json', data: osvRecord({ id: 'GHSA-http-0009' }) }]);
    const res = await upload(admin, 'cut.zip', zip.subarray(0, zip.length - 30));
    expect(res.statusCode).toBe(202);
    const jobId = json<JobBody>(res).job.id;
    expect((await storedFiles()).map((f) => f.job_id)).toEqual([jobId]); // waiting for its job
    const done = await runJob(jobId);
    expect(await storedFiles()).toEqual([]);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('not_a_zip');
    expect((await member.get(`/api/orgs/${orgId}/software/advisories/GHSA-http-0009`)).statusCode).toBe(404);
    const status = json<{ lastImport: { status: string; error: { code: string; message: { en: string } } } }>(
      await member.get(`/api/orgs/${orgId}/software/advisories/status`),
    );
    expect(status.lastImport).toMatchObject({ status: 'failed', error: { code: 'not_a_zip' } });
  });

  it('refuses an upload that is neither a zip nor JSON', async () => {
    expect((await upload(admin, 'x.txt', Buffer.from('hello'))).statusCode).toBe(415);
    expect(await storedFiles()).toEqual([]); // nothing kept of a refused upload
  });

  it('fails the import cleanly when its uploaded file is no longer stored', async () => {
    const zip = await zipBuffer([{ name: 'GHSA-http-0010.json', data: osvRecord({ id: 'GHSA-http-0010' }) }]);
    const res = await upload(admin, 'gone.zip', zip);
    const { job, importId } = json<JobBody & { importId: string }>(res);
    for (const f of await storedFiles()) await t.deps.files.delete(f.key);
    const done = await runJob(job.id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('unreadable');
    const status = json<{ lastImport: { id: string; status: string; error: { code: string } } }>(
      await member.get(`/api/orgs/${orgId}/software/advisories/status`),
    );
    expect(status.lastImport).toMatchObject({
      id: importId,
      status: 'failed',
      error: { code: 'unreadable' },
    });
  });

  it('still imports an archive an older version left in the data folder for a queued job', async () => {
    const dir = legacyAdvisoryUploadDir(t.deps);
    mkdirSync(dir, { recursive: true });
    const importId = randomUUID();
    const file = `${importId}.zip`;
    writeFileSync(
      path.join(dir, file),
      await zipBuffer([{ name: 'GHSA-http-0011.json', data: osvRecord({ id: 'GHSA-http-0011' }) }]),
    );
    const jobId = randomUUID();
    const now = new Date().toISOString();
    await insertAdvisoryImport(t.deps.store.db, importRow(importId, 'old.zip', now));
    await enqueueJob(t.deps.store.db, {
      id: jobId,
      orgId,
      kind: ADVISORIES_IMPORT_JOB,
      payload: { importId, file, source: 'old.zip' },
      maxAttempts: 1,
      now,
    });
    const done = await runJob(jobId);
    expect(done.status, done.error ?? '').toBe('succeeded');
    expect(existsSync(path.join(dir, file))).toBe(false);
    expect((await member.get(`/api/orgs/${orgId}/software/advisories/GHSA-http-0011`)).statusCode).toBe(200);
  });
});
