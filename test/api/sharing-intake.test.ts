import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

// STIX 2.1 import (MISP and OpenCTI exports, OASIS examples): dependency order, idempotency by id + modified,
// TLP recognised, located errors with nothing written, tenants kept apart. SQLite by default; PostgreSQL with
// SHINRAI_TEST_API_DIALECT=postgres.

const DIR = join(import.meta.dirname, '../fixtures/sharing/stix-intake');
const fixture = (name: string) => readFileSync(join(DIR, name));

interface Note {
  pointer: string;
  id: string;
  code: string;
  message: string;
}
interface Summary {
  producer: string;
  added: number;
  updated: number;
  unchanged: number;
  skipped: Note[];
  warnings: Note[];
}
interface Obj {
  id: string;
  type: string;
  value: string | null;
  tlp: string | null;
  producer: string;
  source: string;
  modified: string;
  firstSeen: string | null;
  lastSeen: string | null;
}

describe('sharing intake: STIX 2.1 bundle import', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let other: { id: string; user: Client };

  const upload = (c: Client, org: string, name: string, data: Buffer, lang = 'ja') => {
    const { payload, headers } = multipart({ name, data, type: 'application/json' }, {});
    return t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org}/sharing/intake/imports?lang=${lang}`,
      payload,
      headers: { ...headers, cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' },
    });
  };
  const objects = async (c: Client, org: string, query = '') =>
    json<{ objects: Obj[]; sources: string[] }>(
      await c.get(`/api/orgs/${org}/sharing/intake/objects?${query}`),
    );
  const count = async () =>
    Number(
      (
        await t.deps.store.db
          .selectFrom('sharing_intake_objects')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t, 'サンプル電機株式会社'));
    const user = await addMember(t, admin, orgId, 'o@example.jp', 'viewer');
    const org = json<{ organization: { id: string } }>(
      await user.post('/api/orgs', { name: 'ベータ精機', kind: 'enterprise' }),
    ).organization;
    const me = json<{ user: { id: string } }>(await user.get('/api/me')).user.id;
    expect((await admin.del(`/api/orgs/${orgId}/members/${me}`)).statusCode).toBe(204);
    other = { id: org.id, user };
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports a MISP export in dependency order, warns on missing ends, and keeps TLP', async () => {
    const res = await upload(admin, orgId, 'misp-event-1842.json', fixture('misp-event-1842.json'));
    expect(res.statusCode, res.body).toBe(200);
    const s = json<Summary>(res);
    expect(s.producer).toBe('misp');
    // 12 objects; the relationship to the malware left out of the export is skipped with a located warning.
    expect(s).toMatchObject({ added: 11, updated: 0, unchanged: 0 });
    expect(s.skipped).toEqual([
      expect.objectContaining({ pointer: '/objects/2/target_ref', code: 'missing_ref' }),
    ]);
    // The report's ref to the note that is not in the bundle is a warning; the report is kept.
    expect(s.warnings.map((w) => w.pointer)).toContain('/objects/6/object_refs/7');
    expect(s.warnings[0]?.message).toMatch(/参照先/);
    const ind = (await objects(admin, orgId, 'view=indicators')).objects;
    expect(ind).toHaveLength(3);
    const byValue = (v: string) => ind.find((o) => o.value?.includes(v));
    expect(byValue('203.0.113.45')).toMatchObject({
      tlp: 'green',
      producer: 'misp',
      source: 'misp-event-1842.json',
    });
    // misp-stix's statement marking `tlp:amber+strict` is recognised, not reduced to a label.
    expect(byValue('9f86d081')?.tlp).toBe('amber+strict');
    const reports = (await objects(admin, orgId, 'view=reports')).objects;
    expect(reports).toHaveLength(1);
    expect(reports[0]?.tlp).toBe('green');
    expect((await objects(admin, orgId, 'view=indicators&tlp=amber%2Bstrict')).objects).toHaveLength(1);
  });

  it('is idempotent by id + modified: the same bundle adds nothing; newer versions update, older are skipped', async () => {
    const again = json<Summary>(
      await upload(admin, orgId, 'misp-event-1842.json', fixture('misp-event-1842.json')),
    );
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 11 });
    const before = await count();
    const edited = json<Summary>(
      await upload(admin, orgId, 'misp-event-1842-edited.json', fixture('misp-event-1842-edited.json'), 'en'),
    );
    expect(edited).toMatchObject({ added: 0, updated: 1, unchanged: 9 });
    expect(edited.skipped.map((x) => [x.id, x.code])).toEqual(
      expect.arrayContaining([['indicator--1b9c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', 'older_version']]),
    );
    expect(edited.skipped.find((x) => x.code === 'older_version')?.message).toMatch(/Older/);
    // The old version is kept; the list shows the current one.
    expect(await count()).toBe(before + 1);
    const c2 = (await objects(admin, orgId, 'view=indicators')).objects.find((o) =>
      o.value?.includes('203.0.113.45'),
    );
    expect(c2?.modified).toBe('2026-11-21T08:00:00.000Z');
    const imports = json<{ imports: { label: string; added: number; updated: number }[] }>(
      await admin.get(`/api/orgs/${orgId}/sharing/intake/imports`),
    ).imports;
    expect(imports.map((i) => [i.label, i.added, i.updated])).toEqual([
      ['misp-event-1842-edited.json', 0, 1],
      ['misp-event-1842.json', 0, 0],
      ['misp-event-1842.json', 11, 0],
    ]);
  });

  it('imports an OpenCTI export (extension definitions, x_opencti_*, TLP 2.0 markings, sighting)', async () => {
    const s = json<Summary>(
      await upload(admin, orgId, 'opencti-report.json', fixture('opencti-report.json')),
    );
    expect(s).toMatchObject({ producer: 'opencti', added: 10, updated: 0, unchanged: 0, skipped: [] });
    const ind = (await objects(admin, orgId, 'view=indicators&producer=opencti')).objects;
    expect(ind.map((o) => [o.value, o.tlp]).sort()).toEqual([
      ["[domain-name:value = 'vpn-update-check.example.net']", 'clear'],
      ["[ipv4-addr:value = '198.51.100.23']", 'amber'],
    ]);
    expect(ind.find((o) => o.tlp === 'amber')?.lastSeen).toBe('2027-02-23T10:31:42.512Z');
    const srcs = (await objects(admin, orgId)).sources;
    expect(srcs).toEqual(['misp-event-1842-edited.json', 'misp-event-1842.json', 'opencti-report.json']);
    expect((await objects(admin, orgId, 'view=all&source=opencti-report.json')).objects.length).toBe(4);
  });

  it('imports the OASIS examples (Poison Ivy report: 155 objects)', async () => {
    const s = json<Summary>(
      await upload(admin, orgId, 'poisonivy.json', fixture('oasis-examples/poisonivy.json')),
    );
    expect(s.producer).toBe('stix');
    expect(s.added + s.skipped.length).toBe(155);
    const c2 = json<Summary>(
      await upload(admin, orgId, 'c2.json', fixture('oasis-examples/indicator-for-c2-ip-address.json')),
    );
    expect(c2).toMatchObject({ added: 1 });
  });

  it('refuses a malformed bundle with located problems and writes nothing', async () => {
    const before = await count();
    const b = JSON.parse(fixture('opencti-report.json').toString('utf8')) as {
      objects: Record<string, unknown>[];
    };
    const i = b.objects.findIndex((o) => o.type === 'indicator');
    delete b.objects[i]?.pattern;
    (b.objects[0] as Record<string, unknown>).modified = '2026-11-25 10:31';
    const res = await upload(admin, orgId, 'broken.json', Buffer.from(JSON.stringify(b)));
    expect(res.statusCode).toBe(422);
    const details = json<{
      error: { code: string; details: { file: string; pointer: string; message: string }[] };
    }>(res).error;
    expect(details.code).toBe('import_invalid');
    expect(details.details.map((d) => d.pointer)).toEqual(['/objects/0/modified', `/objects/${i}/pattern`]);
    expect(details.details[0]?.file).toBe('broken.json');
    const notJson = await upload(admin, orgId, 'x.json', Buffer.from('{"type": "bundle", "objects": [}'));
    expect(notJson.statusCode).toBe(422);
    const deep = await upload(admin, orgId, 'deep.json', Buffer.from(`${'['.repeat(40)}${']'.repeat(40)}`));
    expect(json<{ error: { details: { code: string }[] } }>(deep).error.details[0]?.code).toBe('too_deep');
    const notBundle = await upload(admin, orgId, 'n.json', Buffer.from('{"type":"indicator"}'));
    expect(json<{ error: { details: { pointer: string }[] } }>(notBundle).error.details[0]?.pointer).toBe(
      '/type',
    );
    expect(await count()).toBe(before);
  });

  it('keeps each organization’s intake to itself', async () => {
    expect((await objects(other.user, other.id)).objects).toEqual([]);
    expect((await other.user.get(`/api/orgs/${orgId}/sharing/intake/objects`)).statusCode).toBe(404);
    const s = json<Summary>(await upload(other.user, other.id, 'o.json', fixture('opencti-report.json')));
    // Another organization imports the same objects as its own: added, not unchanged.
    expect(s.added).toBe(10);
  });
});
