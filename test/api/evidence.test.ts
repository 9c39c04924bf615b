import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

describe('evidence files', () => {
  let t: TestApp;
  let admin: Client;
  let viewer: Client;
  let orgId: string;
  let assessmentId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t));
    viewer = await addMember(t, admin, orgId, 'viewer@example.jp', 'viewer');
    const cats = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    ).items;
    const sme = cats.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check');
    assessmentId = json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId: sme?.id, title: '証跡' }),
    ).assessment.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (c: Client, ref: string, name: string, data: Buffer, org = orgId, id = assessmentId) => {
    const { payload, headers } = multipart({ name, data }, { ref });
    return c.app.inject({
      method: 'POST',
      url: `/api/orgs/${org}/assessments/${id}/evidence`,
      payload,
      headers: { ...headers, cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' },
    });
  };

  it('stores a file with its SHA-256 and a type judged from the content', async () => {
    const res = await upload(admin, '1', 'screenshot.jpg', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const ev = json<{ evidence: { id: string; contentType: string; sha256: string; size: number } }>(
      res,
    ).evidence;
    expect(ev.contentType).toBe('image/png');
    expect(ev.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    const pdf = json<{ evidence: { contentType: string } }>(
      await upload(admin, '2', '規程.pdf', PDF),
    ).evidence;
    expect(pdf.contentType).toBe('application/pdf');
    const txt = json<{ evidence: { contentType: string } }>(
      await upload(admin, '3', 'メモ.txt', Buffer.from('バックアップは毎週金曜日')),
    ).evidence;
    expect(txt.contentType).toBe('text/plain');
  });

  it('lets those who may see the assessment download it byte for byte, and nobody else', async () => {
    const ev = json<{ evidence: { id: string } }>(await upload(admin, '4', 'policy.pdf', PDF)).evidence;
    const url = `/api/orgs/${orgId}/assessments/${assessmentId}/evidence/${ev.id}`;
    const dl = await viewer.get(url);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    const list = json<{ items: { id: string; ref: string }[] }>(
      await viewer.get(`/api/orgs/${orgId}/assessments/${assessmentId}/evidence`),
    );
    expect(list.items.map((i) => i.id)).toContain(ev.id);

    const outsider = await addMember(t, admin, orgId, 'outsider@example.jp', 'member');
    const own = json<{ organization: { id: string } }>(
      await outsider.post('/api/orgs', { name: '他社', kind: 'supplier' }),
    ).organization.id;
    expect(
      (await outsider.get(`/api/orgs/${own}/assessments/${assessmentId}/evidence/${ev.id}`)).statusCode,
    ).toBe(404);
    expect((await new Client(t.app).get(url)).statusCode).toBe(401);
  });

  it('refuses executables, oversized files, unknown items and read-only roles', async () => {
    const exe = await upload(admin, '1', 'report.pdf', EXE);
    expect(exe.statusCode).toBe(415);
    const big = await upload(admin, '1', 'big.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    expect(big.statusCode).toBe(413);
    expect((await upload(admin, 'part1', 'x.txt', Buffer.from('x'))).statusCode).toBe(404);
    expect((await upload(viewer, '1', 'x.txt', Buffer.from('x'))).statusCode).toBe(403);
  });

  it('keeps evidence of a locked assessment unchangeable', async () => {
    for (const to of ['in_review', 'approved', 'locked']) {
      expect(
        (await admin.post(`/api/orgs/${orgId}/assessments/${assessmentId}/status`, { to })).statusCode,
      ).toBe(200);
    }
    expect((await upload(admin, '5', 'late.txt', Buffer.from('late'))).statusCode).toBe(409);
    const list = json<{ items: { id: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/assessments/${assessmentId}/evidence`),
    );
    const first = list.items[0]?.id ?? '';
    expect(
      (await admin.del(`/api/orgs/${orgId}/assessments/${assessmentId}/evidence/${first}`)).statusCode,
    ).toBe(409);
  });
});
