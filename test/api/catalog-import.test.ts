import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

interface Catalog {
  id: string;
  urn: string;
  version: string;
  builtin: boolean;
  checksum: string;
  itemCount: number;
}
interface Problem {
  code: string;
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

async function xlsx(
  rows: (string | number | null)[][],
  edit?: (ws: ExcelJS.Worksheet) => void,
  sheet = 'Sheet1',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['ID', '親ID', '項目名', 'Title'];
const MAPPING = { ref: 'ID', parent: '親ID', titleJa: '項目名', titleEn: 'Title' };
const NEW = {
  id: 'urn:shinrai:catalog:supplier-questions',
  version: '1.0.0',
  title: { ja: '取引先質問票', en: 'Supplier questions' },
};

describe('catalog import and export', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t));
  });
  afterAll(async () => {
    await t.close();
  });

  const catalogs = async () =>
    json<{ items: Catalog[] }>(await admin.get(`/api/orgs/${orgId}/catalogs`)).items;

  async function upload(
    file: { name: string; data: Buffer } | null,
    options: unknown,
    lang: 'ja' | 'en' = 'ja',
  ) {
    const { payload, headers } = multipart(file, { options: JSON.stringify(options) });
    return admin.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/catalogs/import`,
      payload,
      headers: {
        ...headers,
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrf ?? '',
        'accept-language': lang,
      },
    });
  }

  it('exports a built-in catalog to .xlsx and imports it back unchanged', async () => {
    for (const builtin of (await catalogs()).filter((c) => c.builtin)) {
      const res = await admin.get(`/api/orgs/${orgId}/catalogs/${builtin.id}/export.xlsx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      const back = await upload({ name: 'export.xlsx', data: res.rawPayload }, { mode: 'preview' });
      expect(back.statusCode, back.body).toBe(200);
      const preview = json<{
        preview: { checksum: string; itemCount: number; changes: { added: string[] } };
      }>(back).preview;
      expect(preview.checksum).toBe(builtin.checksum);
      expect(preview.itemCount).toBe(builtin.itemCount);
    }
  });

  it('writes a readable meta sheet (no raw JSON) and keeps the exact header in a hidden sheet', async () => {
    const cpsf = (await catalogs()).find((c) => c.urn === 'urn:shinrai:catalog:meti-cpsf' && c.builtin);
    const res = await admin.get(`/api/orgs/${orgId}/catalogs/${cpsf?.id}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const meta = wb.getWorksheet('meta');
    const rows: string[][] = [];
    meta?.eachRow((r) => rows.push([1, 2, 3, 4, 5].map((i) => r.getCell(i).text)));
    expect(rows[0]).toEqual(['key', '項目', 'Field', '日本語', 'English']);
    for (const r of rows.slice(1)) {
      expect(r[3], r[0]).not.toMatch(/^\s*[[{"]/);
      expect(r[4], r[0]).not.toMatch(/^\s*[[{"]/);
    }
    const publisher = rows.find((r) => r[0] === 'publisher');
    expect(publisher?.[1]).toBe('発行元');
    expect(publisher?.[3]).toContain('経済産業省');
    expect(rows.some((r) => r[0]?.startsWith('answerModels.') && r[3]?.includes(' / '))).toBe(true);
    expect(wb.getWorksheet('meta_json')?.state).toBe('hidden');
  });

  it('still imports an older export whose meta sheet holds JSON', async () => {
    const wb = new ExcelJS.Workbook();
    const nodes = wb.addWorksheet('nodes');
    nodes.addRow(['ref', 'parent', 'title_ja', 'title_en']);
    nodes.addRow(['Q1', '', '古い形式', 'Old format']);
    const meta = wb.addWorksheet('meta');
    meta.addRow(['key', 'value']);
    meta.addRow(['id', JSON.stringify('urn:shinrai:catalog:old-export')]);
    meta.addRow(['version', JSON.stringify('1.0.0')]);
    meta.addRow(['publisher', JSON.stringify({ ja: '旧発行元', en: 'Old publisher' })]);
    meta.addRow(['title', JSON.stringify({ ja: '旧形式', en: 'Old export' })]);
    meta.addRow(['sources', JSON.stringify([{ title: 'x', url: 'urn:x' }])]);
    meta.addRow(['answerModels', JSON.stringify({})]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(
      { name: 'old.xlsx', data },
      {
        mode: 'preview',
        mapping: { ref: 'ref', parent: 'parent', titleJa: 'title_ja', titleEn: 'title_en' },
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ preview: { urn: string } }>(res).preview.urn).toBe('urn:shinrai:catalog:old-export');
  });

  it('inspects, previews and applies a new catalog from a mapped sheet', async () => {
    const data = await xlsx([
      HEADER,
      ['G1', null, '情報管理', 'Information'],
      ['Q1', 'G1', '秘密情報の一覧がある', 'Secrets are listed'],
      ['Q2', 'G1', 'アクセス権を見直す', 'Access is reviewed'],
    ]);
    const inspect = json<{ sheets: string[]; columns: string[]; rows: number }>(
      await upload({ name: 'q.xlsx', data }, { mode: 'inspect' }),
    );
    expect(inspect).toMatchObject({ sheets: ['Sheet1'], columns: HEADER, rows: 3 });
    const before = (await catalogs()).length;
    const preview = await upload(
      { name: 'q.xlsx', data },
      { mode: 'preview', mapping: MAPPING, header: NEW },
    );
    expect(json(preview)).toMatchObject({
      preview: { itemCount: 2, changes: { added: ['G1', 'Q1', 'Q2'] } },
    });
    // The preview names each node, not only its ID.
    expect(
      json<{ preview: { changes: { titles: Record<string, unknown> } } }>(preview).preview.changes.titles,
    ).toEqual({
      G1: { ja: '情報管理', en: 'Information' },
      Q1: { ja: '秘密情報の一覧がある', en: 'Secrets are listed' },
      Q2: { ja: 'アクセス権を見直す', en: 'Access is reviewed' },
    });
    expect((await catalogs()).length).toBe(before);
    const applied = await upload({ name: 'q.xlsx', data }, { mode: 'apply', mapping: MAPPING, header: NEW });
    expect(applied.statusCode).toBe(201);
    const stored = (await catalogs()).find((c) => c.urn === NEW.id);
    expect(stored).toMatchObject({ builtin: false, itemCount: 2 });
    // Without a publisher, the importing organization publishes it (not the catalog's own title).
    const pack = json<{ pack: { publisher: unknown } }>(
      await admin.get(`/api/orgs/${orgId}/catalogs/${stored?.id}`),
    ).pack;
    expect(pack.publisher).toEqual({ ja: '信頼製作所', en: '信頼製作所' });
    const again = await upload({ name: 'q.xlsx', data }, { mode: 'apply', mapping: MAPPING, header: NEW });
    expect(again.statusCode).toBe(409);
  });

  it('imports CSV (UTF-8 with BOM) and extends a catalog as a new version', async () => {
    const cpsf = (await catalogs()).find((c) => c.urn === 'urn:shinrai:catalog:meti-cpsf' && c.builtin);
    expect(cpsf).toBeDefined();
    const csv = Buffer.from(
      '\uFEFFID,親ID,項目名,Title\r\nCPS.AM-2,CPS.AM,ソフトウェアの一覧を保つ,Keep a software inventory\r\n',
      'utf8',
    );
    const res = await upload(
      { name: 'cpsf-extra.csv', data: csv },
      { mode: 'apply', mapping: MAPPING, baseCatalogId: cpsf?.id, defaultProvenance: 'official' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({
      version: '1.1.0',
      itemCount: (cpsf?.itemCount ?? 0) + 1,
      changes: { added: ['CPS.AM-2'], removed: [] },
    });
  });

  describe('refuses bad sheets with located errors and writes nothing', () => {
    const cases: [string, () => Promise<{ name: string; data: Buffer }>, Partial<Problem>][] = [
      [
        'a missing column',
        async () => ({
          name: 'a.xlsx',
          data: await xlsx([
            ['ID', '項目名'],
            ['Q1', 'x'],
          ]),
        }),
        { code: 'missing_column', row: 1 },
      ],
      [
        'duplicate ids',
        async () => ({
          name: 'a.xlsx',
          data: await xlsx([HEADER, ['Q1', null, 'a', 'a'], ['Q1', null, 'b', 'b']]),
        }),
        { code: 'duplicate_ref', row: 3, column: 'A' },
      ],
      [
        'an unknown parent',
        async () => ({ name: 'a.xlsx', data: await xlsx([HEADER, ['Q1', 'NOPE', 'a', 'a']]) }),
        { code: 'unknown_parent', row: 2, column: 'B' },
      ],
      [
        'a cycle',
        async () => ({
          name: 'a.xlsx',
          data: await xlsx([HEADER, ['A', 'B', 'a', 'a'], ['B', 'A', 'b', 'b']]),
        }),
        { code: 'cycle', column: 'B' },
      ],
      [
        'merged cells',
        async () => ({
          name: 'a.xlsx',
          data: await xlsx([HEADER, ['Q1', null, 'a', 'a'], ['Q2', null, 'b', 'b']], (ws) =>
            ws.mergeCells('C2:D2'),
          ),
        }),
        { code: 'merged_cells', row: 2, column: 'C' },
      ],
      [
        'a formula',
        async () => ({
          name: 'a.xlsx',
          data: await xlsx(
            [HEADER, ['Q1', null, 'a', 'a']],
            (ws) => (ws.getCell('D2').value = { formula: 'C2&"!"', result: 'a!' }),
          ),
        }),
        { code: 'formula', row: 2, column: 'D' },
      ],
      [
        'an empty row',
        async () => ({
          name: 'a.xlsx',
          data: await xlsx([HEADER, ['Q1', null, 'a', 'a'], [], ['Q2', null, 'b', 'b']]),
        }),
        { code: 'empty_row', row: 3 },
      ],
      [
        'a file that is not really .xlsx',
        async () => ({ name: 'fake.xlsx', data: Buffer.from('ID,Title\nQ1,x\n') }),
        { code: 'not_xlsx' },
      ],
      [
        'a zip that is not a workbook',
        async () => ({
          name: 'fake.xlsx',
          data: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]),
        }),
        { code: 'not_xlsx' },
      ],
    ];
    it.each(cases)('%s', async (_name, make, expected) => {
      const before = await catalogs();
      const res = await upload(await make(), {
        mode: 'apply',
        mapping: MAPPING,
        header: { ...NEW, id: 'urn:shinrai:catalog:bad-sheet' },
      });
      expect(res.statusCode).toBe(422);
      const body = json<{ error: { code: string; details: Problem[] } }>(res);
      expect(body.error.code).toBe('import_invalid');
      expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
      expect(body.error.details.every((d) => d.message.length > 0)).toBe(true);
      expect(await catalogs()).toEqual(before);
    });

    it('a sheet over 20 MB', async () => {
      const res = await upload(
        { name: 'big.xlsx', data: Buffer.alloc(20 * 1024 * 1024 + 10, 0x41) },
        { mode: 'inspect' },
      );
      expect(res.statusCode).toBe(413);
      expect(json<{ error: { details: Problem[] } }>(res).error.details[0]?.code).toBe('file_too_large');
    });

    it('speaks the language asked for', async () => {
      const data = await xlsx([HEADER, ['Q1', 'NOPE', 'a', 'a']]);
      const ja = json<{ error: { details: Problem[] } }>(
        await upload({ name: 'a.xlsx', data }, { mode: 'preview', mapping: MAPPING, header: NEW }, 'ja'),
      );
      const en = json<{ error: { details: Problem[] } }>(
        await upload({ name: 'a.xlsx', data }, { mode: 'preview', mapping: MAPPING, header: NEW }, 'en'),
      );
      expect(ja.error.details[0]?.message).toContain('親 ID「NOPE」');
      expect(en.error.details[0]?.message).toContain('The parent id "NOPE" does not exist');
    });
  });
});
