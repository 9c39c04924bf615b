import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/app.ts';
import { addMember, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
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

  it('imports a CSV through preview and apply, merging a repeated 法人番号; exports it back', async () => {
    const csv = Buffer.from(
      '\uFEFF法人番号,名称,供給内容,重要度,契約開始日,担当者名,担当者メール\r\n' +
        `${CN.b},ベータ情報,ソフトウェア、データ取扱い,高,2026-04-01,佐藤,sato@beta.example.jp\r\n` +
        `${CN.c},ガンマ物流,サービス,中,,,\r\n` +
        `${CN.b},ベータ情報,サービス,,,鈴木,suzuki@beta.example.jp\r\n` +
        `${CN.a},アルファ部品,部品,低,,,\r\n`,
    );
    const before = await count();
    const preview = json<{
      creates: number;
      merges: number;
      applied: boolean;
      suppliers: { rows: number[]; action: string }[];
    }>(must(await upload(owner, `${base()}/import`, 'suppliers.csv', csv, 'preview'), 200));
    expect(preview).toMatchObject({ creates: 2, merges: 1, applied: false });
    expect(preview.suppliers[0]?.rows).toEqual([2, 4]);
    expect(await count()).toBe(before);
    const applied = json<{ applied: boolean }>(
      must(await upload(owner, `${base()}/import`, 'suppliers.csv', csv, 'apply'), 200),
    );
    expect(applied.applied).toBe(true);
    expect(await count()).toBe(before + 2);
    const list = json<{ items: { id: string; name: string; supplies: string[]; contactCount: number }[] }>(
      await owner.get(base()),
    );
    const beta = list.items.find((i) => i.name === 'ベータ情報');
    expect(beta?.supplies.sort()).toEqual(['data_handling', 'services', 'software']);
    expect(beta?.contactCount).toBe(2);

    const exported = must(await owner.get(`${base()}/export.csv`), 200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain('ベータ情報');
    expect(exported.body).toContain(CN.c);
    // the exported file imports back as merges only
    const again = json<{ creates: number; merges: number }>(
      must(await upload(owner, `${base()}/import`, 'export.csv', Buffer.from(exported.body), 'preview'), 200),
    );
    expect(again).toMatchObject({ creates: 0, merges: 3 });
    const xlsx = must(await owner.get(`${base()}/export.xlsx`), 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).value).toBe('法人番号');
    expect(wb.worksheets[0]?.rowCount).toBe(4);
    const fromXlsx = json<{ merges: number }>(
      must(await upload(owner, `${base()}/import`, 'export.xlsx', xlsx.rawPayload, 'preview'), 200),
    );
    expect(fromXlsx.merges).toBe(3);
    const template = must(await owner.get(`${base()}/template.xlsx`), 200);
    const tb = new ExcelJS.Workbook();
    await tb.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    expect(tb.worksheets.map((w) => w.name)).toEqual(['サプライヤー', '説明']);
  });

  it('refuses a file with located problems (file, row, column) and writes nothing of it', async () => {
    const before = await count();
    const csv = Buffer.from(
      'Corporate number,Name,Criticality,Contract end,Contact e-mail\r\n' +
        `${cn('030001000004')},Delta,high,2027-03-31,d@delta.example.jp\r\n` +
        '1234567890123,Epsilon,urgent,2027-02-30,not-an-address\r\n' +
        `,,low,,\r\n`,
    );
    owner.lang = 'en';
    const res = json<{ error: { code: string; details: Problem[] } }>(
      must(await upload(owner, `${base()}/import`, 'bad.csv', csv, 'apply'), 422),
    );
    owner.lang = 'ja';
    expect(res.error.code).toBe('import_invalid');
    expect(res.error.details.map((p) => [p.file, p.row, p.column, p.code])).toEqual([
      ['bad.csv', 3, 'A', 'bad_corporate_number'],
      ['bad.csv', 3, 'C', 'bad_value'],
      ['bad.csv', 3, 'D', 'bad_date'],
      ['bad.csv', 3, 'E', 'bad_email'],
      ['bad.csv', 4, 'B', 'missing_value'],
    ]);
    expect(res.error.details[0]?.message).toContain('corporate number');
    expect(await count()).toBe(before);
    // Japanese messages for a Japanese caller
    const ja = json<{ error: { details: Problem[] } }>(
      must(await upload(owner, `${base()}/import`, 'bad.csv', csv, 'preview'), 422),
    );
    expect(ja.error.details[0]?.message).toContain('法人番号');
    // an unknown column is named with its place
    const unknown = json<{ error: { details: Problem[] } }>(
      must(
        await upload(owner, `${base()}/import`, 'x.csv', Buffer.from('名称,売上\r\nA,1\r\n'), 'preview'),
        422,
      ),
    );
    expect(unknown.error.details[0]).toMatchObject({ row: 1, column: 'B', code: 'bad_value' });
  });

  it('checks the limits before reading the rows: size 413, rows and columns 422', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const tooBig = json<{ error: { details: Problem[] } }>(
      must(await upload(owner, `${base()}/import`, 'big.csv', big, 'preview'), 413),
    );
    expect(tooBig.error.details[0]).toMatchObject({ file: 'big.csv', code: 'file_too_large' });
    const rows = ['名称', ...Array.from({ length: 5001 }, (_, i) => `S${i}`)].join('\r\n');
    const manyRows = json<{ error: { details: Problem[] } }>(
      must(await upload(owner, `${base()}/import`, 'rows.csv', Buffer.from(rows), 'preview'), 422),
    );
    expect(manyRows.error.details[0]).toMatchObject({ code: 'too_many_rows', row: 5002 });
    const wide = ['名称', ...Array.from({ length: 30 }, (_, i) => `c${i}`)].join(',') + '\r\nA\r\n';
    const manyCols = json<{ error: { details: Problem[] } }>(
      must(await upload(owner, `${base()}/import`, 'wide.csv', Buffer.from(wide), 'preview'), 422),
    );
    expect(manyCols.error.details[0]).toMatchObject({ code: 'too_many_columns', column: 'AE' });
  });

  it('shows tier 2 only as far as a supplier shares its registry; finds a company behind several tier-1s', async () => {
    // The supplier S on Shinrai, with an agreed buyer → supplier relationship.
    const sOrg = json<{ organization: { id: string; slug: string } }>(
      must(await owner.post('/api/orgs', { name: 'エス電子', kind: 'enterprise' }), 201),
    ).organization;
    const s = await addMember(t, owner, sOrg.id, 's-owner@example.jp', 'owner');
    const sBase = `/api/orgs/${sOrg.id}/suppliers`;
    // linking needs the relationship first
    must(await owner.post(base(), { name: 'エス電子', corporateNumber: CN.d, linkedOrgId: sOrg.id }), 409);
    const buyerSlug = json<{ organization: { slug: string } }>(await owner.get(`/api/orgs/${orgId}`))
      .organization.slug;
    const rel = json<{ relationship: { id: string } }>(
      must(
        await s.post(`/api/orgs/${sOrg.id}/relationships`, {
          counterpartSlug: buyerSlug,
          type: 'buyer_supplier',
          side: 'to',
        }),
        201,
      ),
    ).relationship.id;
    must(await owner.post(`/api/orgs/${orgId}/relationships/${rel}/accept`), 200);
    const tier1 = json<Detail>(
      must(
        await owner.post(base(), {
          name: 'エス電子',
          corporateNumber: CN.d,
          linkedOrgId: sOrg.id,
          criticality: 'high',
        }),
        201,
      ),
    ).supplier.id;
    // S keeps its own suppliers; one of them (共通基板) is also behind アルファ部品 in the buyer's own records
    const common = cn('040001000005');
    must(await s.post(sBase, { name: '共通基板', corporateNumber: common }), 201);
    must(await s.post(sBase, { name: 'エス専用クラウド' }), 201);
    must(
      await owner.post(base(), { name: '共通基板', corporateNumber: common, parentSupplierId: alpha }),
      201,
    );
    type Chain = {
      nodes: { id: string; tier: number; name: string; source: string }[];
      concentrations: { corporateNumber: string | null; behind: string[] }[];
      notShared: { orgId: string }[];
    };
    const chain = async () => json<Chain>(must(await owner.get(`${base()}/chain`), 200));
    let c = await chain();
    expect(c.nodes.filter((n) => n.source === 'shared')).toEqual([]);
    expect(c.notShared.map((n) => n.orgId)).toEqual([sOrg.id]);
    expect(c.concentrations).toEqual([]);
    // S shares its registry with the buyer
    const shares = json<{ items: { orgId: string; shared: boolean }[] }>(
      must(await s.req('PUT', `${sBase}/registry-shares`, { withOrgId: orgId, shared: true }), 200),
    );
    expect(shares.items).toEqual([expect.objectContaining({ orgId, shared: true })]);
    c = await chain();
    expect(
      c.nodes
        .filter((n) => n.source === 'shared')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['エス専用クラウド', '共通基板']);
    expect(c.concentrations).toEqual([
      expect.objectContaining({ corporateNumber: common, behind: [alpha, tier1].sort() }),
    ]);
    // S cannot share with an organization it has no relationship with
    const other = json<{ organization: { id: string } }>(
      must(await s.post('/api/orgs', { name: '無関係', kind: 'enterprise' }), 201),
    ).organization.id;
    must(await s.req('PUT', `${sBase}/registry-shares`, { withOrgId: other, shared: true }), 409);
    // the buyer still cannot read S's registry directly
    must(await owner.get(sBase), 200); // the buyer's owner created S, so is a member there; a buyer-only member is not:
    const buyerOnly = await addMember(t, owner, orgId, 'buyer-member@example.jp', 'member');
    must(await buyerOnly.get(sBase), 404);
    // ending the relationship ends the share
    must(await s.post(`/api/orgs/${sOrg.id}/relationships/${rel}/end`), 200);
    c = await chain();
    expect(c.nodes.filter((n) => n.source === 'shared')).toEqual([]);
  });

  it('reports 状況把握率 by criticality and tier', async () => {
    const cov = json<{
      overall: { total: number; known: number; rate: number | null };
      byTier: { tier: number }[];
    }>(must(await owner.get(`${base()}/coverage`), 200));
    expect(cov.overall.total).toBe(await count());
    expect(cov.overall.known).toBe(0);
    expect(cov.byTier.map((b) => b.tier)).toEqual([1, 2]);
  });
});
