/**
 * Several instances on one PostgreSQL (issue 10): two `shinrai serve` processes, each with its own data
 * folder, share one fresh database. A session made on one works on the other, a file uploaded to one is
 * read (and an import job run) by the other, and a role change made on one is enforced on the other at
 * once. Run by `npm run test:pg` (needs SHINRAI_TEST_PG_URL); not part of `npm test`.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../helpers/multipart.ts';
import { osvRecord, zipBuffer } from '../software/advisories-fixtures.ts';
import { freePort, freshDatabase, HttpClient, ServerProcess } from './servers.ts';

const SETUP_CODE = 'INST-ANCE-TEST';
const ADMIN = { email: 'owner@example.jp', password: 'two instances one database' };

interface JobView {
  id: string;
  status: string;
  progress: { current: number; total: number };
  result: Record<string, unknown> | null;
  error: string | null;
}

describe('two server processes on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let orgId: string;
  const owner = new HttpClient();

  beforeAll(async () => {
    db = await freshDatabase();
    const env = { SHINRAI_DATABASE_URL: db.url, SHINRAI_SETUP_CODE: SETUP_CODE };
    // A serves requests only; B also runs the background jobs. Both start at once on the empty
    // database (migrations and built-in content are applied by whichever gets there first).
    a = new ServerProcess('a', await freePort(), { ...env, SHINRAI_JOBS: 'off' });
    b = new ServerProcess('b', await freePort(), { ...env, SHINRAI_JOB_POLL_MS: '100' });
    await Promise.all([a.ready(), b.ready()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await db?.drop();
  }, 60_000);

  it('sets up on A; the session cookie A issued works on B', async () => {
    const setup = await owner.req(a.url, 'POST', '/api/setup', {
      setupCode: SETUP_CODE,
      email: ADMIN.email,
      displayName: '所有 一郎',
      password: ADMIN.password,
      locale: 'ja',
      organization: { name: '多重化製作所', kind: 'enterprise', prefecture: '13', size: 'large' },
    });
    expect(setup.status, setup.body.toString()).toBe(201);
    const login = await owner.req(a.url, 'POST', '/api/auth/login', ADMIN);
    expect(login.status).toBe(200);
    expect(owner.cookie).toBeDefined();

    const onB = await owner.req(b.url, 'GET', '/api/me');
    expect(onB.status).toBe(200);
    const me = onB.json as { user: { email: string }; memberships: { organization: { id: string } }[] };
    expect(me.user.email).toBe(ADMIN.email);
    orgId = me.memberships[0]!.organization.id;
    // a write on B with the session and CSRF token A issued
    const renamed = await owner.req(b.url, 'PATCH', `/api/orgs/${orgId}`, { industry: '製造業' });
    expect(renamed.status, renamed.body.toString()).toBe(200);

    // and a session ended on B is refused on A at once
    const other = new HttpClient();
    expect((await other.req(b.url, 'POST', '/api/auth/login', ADMIN)).status).toBe(200);
    expect((await other.req(a.url, 'GET', '/api/me')).status).toBe(200);
    const kept = other.cookie;
    expect((await other.req(b.url, 'POST', '/api/auth/logout')).status).toBe(204);
    other.cookie = kept;
    expect((await other.req(a.url, 'GET', '/api/me')).status).toBe(401);
  });

  it('imports an advisory archive uploaded to A on B (A runs no jobs), progress visible from A', async () => {
    // stored entries of ~600 KB each: the archive spans several 1 MiB chunks of the file store
    const ids = ['GHSA-inst-0001', 'GHSA-inst-0002', 'GHSA-inst-0003'];
    const zip = await zipBuffer(
      ids.map((id) => ({
        name: `${id}.json`,
        data: osvRecord({ id, details: id.repeat(40_000) }),
        store: true,
      })),
    );
    expect(zip.length).toBeGreaterThan(1024 * 1024);
    const { payload, headers } = multipart({ name: 'npm-all.zip', data: zip }, {});
    const up = await owner.req(
      a.url,
      'POST',
      `/api/orgs/${orgId}/software/advisories/import`,
      payload,
      headers,
    );
    expect(up.status, up.body.toString()).toBe(202);
    const { job } = up.json as { job: JobView };

    const jobOnA = async () =>
      ((await owner.req(a.url, 'GET', `/api/orgs/${orgId}/jobs/${job.id}`)).json as { job: JobView }).job;
    // wait for the job to end (B polls every 100 ms), then look at how
    const ended = (st: string) => st === 'succeeded' || st === 'failed';
    await expect
      .poll(async () => ended((await jobOnA()).status), { timeout: 60_000, interval: 100 })
      .toBe(true);
    const done = await jobOnA();
    expect(done.status, done.error ?? '').toBe('succeeded');
    expect(done.progress).toEqual({ current: 3, total: 3 });
    expect(done.result).toMatchObject({ added: 3 });

    // B ran it; A, whose worker is off, did not
    const ran = (s: ServerProcess) => s.lines().some((l) => l.jobId === job.id && l.msg === 'job succeeded');
    expect(ran(b)).toBe(true);
    expect(ran(a)).toBe(false);

    const adv = await owner.req(a.url, 'GET', `/api/orgs/${orgId}/software/advisories/GHSA-inst-0002`);
    expect(adv.status).toBe(200);
    // the upload waited in the database, and is gone now that the import has ended
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await client.query('select count(*)::int as n from files')).rows[0]).toEqual({ n: 0 });
      expect((await client.query('select count(*)::int as n from file_chunks')).rows[0]).toEqual({ n: 0 });
    } finally {
      await client.end();
    }
  }, 90_000);

  it('serves on B, byte for byte, an evidence file uploaded to A', async () => {
    const cats = (await owner.req(a.url, 'GET', `/api/orgs/${orgId}/catalogs`)).json as {
      items: { id: string; urn: string }[];
    };
    const sme = cats.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check');
    const created = await owner.req(a.url, 'POST', `/api/orgs/${orgId}/assessments`, {
      catalogId: sme?.id,
      title: '二台構成',
    });
    expect(created.status, created.body.toString()).toBe(201);
    const assessmentId = (created.json as { assessment: { id: string } }).assessment.id;
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 251)),
      Buffer.from('\n%%EOF\n'),
    ]);
    const { payload, headers } = multipart({ name: '規程.pdf', data: pdf }, { ref: '1' });
    const up = await owner.req(
      a.url,
      'POST',
      `/api/orgs/${orgId}/assessments/${assessmentId}/evidence`,
      payload,
      headers,
    );
    expect(up.status, up.body.toString()).toBe(201);
    const ev = (up.json as { evidence: { id: string; sha256: string } }).evidence;
    const dl = await owner.req(
      b.url,
      'GET',
      `/api/orgs/${orgId}/assessments/${assessmentId}/evidence/${ev.id}`,
    );
    expect(dl.status).toBe(200);
    expect(dl.body.equals(pdf)).toBe(true);
    expect(createHash('sha256').update(dl.body).digest('hex')).toBe(ev.sha256);
  });

  it('enforces on B, at once, a role change made on A', async () => {
    const email = 'admin2@example.jp';
    const inv = await owner.req(a.url, 'POST', `/api/orgs/${orgId}/invitations`, { email, role: 'admin' });
    expect(inv.status, inv.body.toString()).toBe(201);
    // no SMTP: the invitation mail is in A's log
    const token = (await a.waitFor(/\/invite\/([\w-]+)/))[1];
    expect(token).toBeDefined();
    const second = new HttpClient();
    const acc = await second.req(b.url, 'POST', `/api/invitations/${token}/accept`, {
      displayName: '管理 二郎',
      password: 'second admin passphrase',
    });
    expect(acc.status, acc.body.toString()).toBe(200);
    const me = (await second.req(b.url, 'GET', '/api/me')).json as { user: { id: string } };

    // as admin, a write on B succeeds (and warms whatever B keeps about this member)
    const write = (title: string) => second.req(b.url, 'PATCH', `/api/orgs/${orgId}`, { industry: title });
    expect((await write('電気機械')).status).toBe(200);

    const demote = await owner.req(a.url, 'PATCH', `/api/orgs/${orgId}/members/${me.user.id}`, {
      role: 'viewer',
    });
    expect(demote.status, demote.body.toString()).toBe(200);
    // immediately, no waiting: B refuses the same write, and still lets the viewer read
    const refused = await write('輸送機械');
    expect(refused.status).toBe(403);
    expect((await second.req(b.url, 'GET', `/api/orgs/${orgId}/members`)).status).toBe(200);

    // and removal on A shuts the organization on B at once
    expect((await owner.req(a.url, 'DELETE', `/api/orgs/${orgId}/members/${me.user.id}`)).status).toBe(204);
    expect([403, 404]).toContain((await second.req(b.url, 'GET', `/api/orgs/${orgId}/members`)).status);
  });
});
