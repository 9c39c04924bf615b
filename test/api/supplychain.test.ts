import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

/** A valid 法人番号 for 12 body digits (the check digit in front). */
function cn(body: string): string {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(body[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${body}`;
}
const CN = { a: cn('000012050002'), b: cn('010401000001'), c: cn('011001000002'), d: cn('020001000003') };

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

interface Detail {
  supplier: { id: string; name: string; supplies: string[]; starRequired: number | null; tier: number };
  contacts: { email: string; primary: boolean }[];
  decisions: {
    computedLevel: number;
    decidedLevel: number;
    reasons: string[];
    overridden: boolean;
    note: string | null;
  }[];
  children: { id: string }[];
  merged?: boolean;
}
interface Problem {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  code: string;
  message: string;
}

describe('supply chain: registry, ★ decisions, import/export, tiers, coverage', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const base = () => `/api/orgs/${orgId}/suppliers`;
  const upload = (c: Client, url: string, name: string, data: Buffer, mode: 'preview' | 'apply') => {
    const m = multipart({ name, data }, { mode });
    return c.app.inject({
      method: 'POST',
      url,
      payload: m.payload,
      headers: {
        ...m.headers,
        cookie: c.cookie ?? '',
        'x-csrf-token': c.csrf ?? '',
        'accept-language': c.lang,
      },
    });
  };
  const count = async () => json<{ items: unknown[] }>(must(await owner.get(base()), 200)).items.length;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin: owner, orgId } = await setupInstance(t, '信頼精機'));
  });
  afterAll(async () => {
    await t.close();
  });

  let alpha = '';

  it('adds a supplier keyed by 法人番号, refuses a wrong check digit, merges a duplicate', async () => {
    const bad = json<{ error: { code: string; details: { pointer: string } } }>(
      must(await owner.post(base(), { name: '誤り', corporateNumber: '1234567890123' }), 400),
    );
    expect(bad.error).toMatchObject({
      code: 'invalid_corporate_number',
      details: { pointer: '/corporateNumber' },
    });
    const created = json<Detail>(
      must(
        await owner.post(base(), {
          name: 'アルファ部品',
          corporateNumber: CN.a.replace(/(\d{4})(\d{4})/, '$1-$2-'),
          supplies: ['components'],
          criticality: 'high',
          contractStart: '2026-04-01',
          contacts: [{ name: '営業 一郎', email: 'ichiro@alpha.example.jp' }],
        }),
        201,
      ),
    );
    alpha = created.supplier.id;
    expect(created.contacts).toEqual([
      expect.objectContaining({ email: 'ichiro@alpha.example.jp', primary: true }),
    ]);
    const merged = json<Detail>(
      must(
        await owner.post(base(), {
          name: 'アルファ部品(株)',
          corporateNumber: CN.a,
          supplies: ['software', 'components'],
          contacts: [
            { name: '営業 一郎', email: 'ICHIRO@alpha.example.jp' },
            { name: '技術 二郎', email: 'jiro@alpha.example.jp' },
          ],
        }),
        200,
      ),
    );
    expect(merged.merged).toBe(true);
    expect(merged.supplier).toMatchObject({ id: alpha, name: 'アルファ部品' });
    expect(merged.supplier.supplies.sort()).toEqual(['components', 'software']);
    expect(merged.contacts.map((c) => c.email).sort()).toEqual([
      'ichiro@alpha.example.jp',
      'jiro@alpha.example.jp',
    ]);
    expect(await count()).toBe(1);
    // a 法人番号 already used by another record cannot be taken by an update
    const other = json<Detail>(
      must(await owner.post(base(), { name: 'ベータ', corporateNumber: CN.b }), 201),
    );
    must(await owner.patch(`${base()}/${other.supplier.id}`, { corporateNumber: CN.a }), 409);
    must(await owner.patch(`${base()}/${other.supplier.id}`, { criticality: 'low', notes: 'メモ' }), 200);
    must(await owner.del(`${base()}/${other.supplier.id}`), 204);
    must(await owner.get(`${base()}/${other.supplier.id}`), 404);
  });

  it('decides ★3/★4 from the three questions, needs a note to override, keeps the history', async () => {
    const url = `${base()}/${alpha}/star`;
    const four = json<Detail>(
      must(
        await owner.post(url, { answers: { importantInfo: false, outageDelay: true, networkReach: false } }),
        200,
      ),
    );
    expect(four.supplier.starRequired).toBe(4);
    expect(four.decisions[0]).toMatchObject({
      computedLevel: 4,
      decidedLevel: 4,
      reasons: ['outageDelay'],
      overridden: false,
    });
    const none = { importantInfo: false, outageDelay: true, networkReach: false };
    const refused = json<{ error: { code: string } }>(
      must(await owner.post(url, { answers: none, level: 3 }), 400),
    );
    expect(refused.error.code).toBe('star_note_required');
    must(await owner.post(url, { answers: none, level: 3, note: '   ' }), 400);
    const over = json<Detail>(
      must(
        await owner.post(url, { answers: none, level: 3, note: '代替調達先があり停止の影響は限定的' }),
        200,
      ),
    );
    expect(over.supplier.starRequired).toBe(3);
    expect(over.decisions.map((d) => [d.decidedLevel, d.overridden])).toEqual([
      [3, true],
      [4, false],
    ]);
    expect(over.decisions[0]?.note).toBe('代替調達先があり停止の影響は限定的');
    const audit = json<{ items: { action: string }[] }>(
      must(await owner.get(`/api/orgs/${orgId}/audit`), 200),
    );
    expect(audit.items.filter((e) => e.action === 'supplychain.star.decide').length).toBe(2);
  });

  it('keeps suppliers to their buyer: another organization gets 404, a viewer may read but not write', async () => {
    const otherOrg = json<{ organization: { id: string } }>(
      must(await owner.post('/api/orgs', { name: '別会社', kind: 'enterprise' }), 201),
    ).organization.id;
    const stranger = await addMember(t, owner, otherOrg, 'stranger@example.jp', 'owner');
    must(await stranger.get(`/api/orgs/${otherOrg}/suppliers/${alpha}`), 404);
    must(await stranger.patch(`/api/orgs/${otherOrg}/suppliers/${alpha}`, { name: 'x' }), 404);
    must(
      await stranger.post(`/api/orgs/${otherOrg}/suppliers/${alpha}/star`, {
        answers: { importantInfo: true, outageDelay: false, networkReach: false },
      }),
      404,
    );
    must(await stranger.del(`/api/orgs/${otherOrg}/suppliers/${alpha}`), 404);
    expect(
      json<{ items: unknown[] }>(must(await stranger.get(`/api/orgs/${otherOrg}/suppliers`), 200)).items,
    ).toEqual([]);
    // not a member of the buyer: the buyer's organization does not exist for them
    must(await stranger.get(`/api/orgs/${orgId}/suppliers/${alpha}`), 404);
    const viewer = await addMember(t, owner, orgId, 'viewer@example.jp', 'viewer');
    must(await viewer.get(`${base()}/${alpha}`), 200);
    must(await viewer.post(base(), { name: '閲覧者の追加' }), 403);
    must(
      await viewer.post(`${base()}/${alpha}/star`, {
        answers: { importantInfo: true, outageDelay: false, networkReach: false },
      }),
      403,
    );
  });
});
