import { guardXlsx, readCsv, readXlsx, SHEET_LIMITS } from '@shinrai/formats/sheets';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rawWorkbook } from '../helpers/hostile-xlsx.ts';

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('spreadsheet limits checked before parsing', () => {
  it('locates a value in column XFD when the sheet declares no dimension', async () => {
    const rows = [`<row r="1">${inline('A1', 'ID')}${inline('B1', 'Title')}</row>`];
    for (let r = 2; r <= 2_001; r++) rows.push(`<row r="${r}">${inline(`A${r}`, `x${r}`)}</row>`);
    rows.push(`<row r="2001">${inline('XFD2001', 'far')}</row>`);
    const read = await readXlsx(await rawWorkbook(rows.join('')));
    expect(read).toMatchObject({
      ok: false,
      problems: [{ code: 'too_many_columns', sheet: 'Sheet1', row: 2001, column: 'XFD' }],
    });
  });

  it('sees cells written with a namespace prefix (<x:c>) too', async () => {
    const sheet = `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ID</x:t></x:is></x:c><x:c r="XFD1"><x:v>1</x:v></x:c></x:row>`;
    expect(guardXlsx(await rawWorkbook(sheet))).toMatchObject({
      ok: false,
      problems: [{ code: 'too_many_columns', sheet: 'Sheet1', row: 1, column: 'XFD' }],
    });
  });

  it('walks only the used range: a styled empty cell far out widens nothing', async () => {
    const sheet = `<row r="1">${inline('A1', 'ID')}${inline('B1', 'Title')}<c r="XFD1" s="0"/></row><row r="2">${inline('A2', 'a')}${inline('B2', 'b')}</row><row r="900000"><c r="A900000" s="0"/></row>`;
    const read = await readXlsx(await rawWorkbook(sheet));
    expect(read).toMatchObject({
      ok: true,
      table: { header: ['ID', 'Title'], rows: [{ row: 2, cells: ['a', 'b'] }] },
    });
  });

  it('refuses an entry whose data inflates past its declared size (a lying central directory)', async () => {
    const buf = await rawWorkbook(
      `<row r="1">${inline('A1', 'ID')}</row><row r="2">${inline('A2', 'y'.repeat(5000))}</row>`,
    );
    // Shrink the declared uncompressed size of the sheet in the central directory.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let at = buf.lastIndexOf(name);
    while (at >= 0 && buf.readUInt32LE(at - 46) !== 0x02014b50) at = buf.lastIndexOf(name, at - 1);
    buf.writeUInt32LE(100, at - 46 + 24);
    expect(guardXlsx(buf)).toMatchObject({ ok: false, problems: [{ code: 'not_xlsx', sheet: 'Sheet1' }] });
  });

  it('still reads what Excel and ExcelJS write, with Japanese sheet names', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('回答 & メモ');
    ws.addRow(['ID', '回答値']);
    ws.addRow(['1.1', 'はい']);
    const read = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read).toMatchObject({
      ok: true,
      sheets: ['回答 & メモ'],
      table: { rows: [{ row: 2, cells: ['1.1', 'はい'] }] },
    });
  });

  it('locates a CSV cell that is too long or a value past the last allowed column', () => {
    const long = readCsv(Buffer.from(`ID,Title\na,${'x'.repeat(SHEET_LIMITS.cellChars + 1)}\n`), 'a.csv');
    expect(long).toMatchObject({
      ok: false,
      problems: [{ code: 'cell_too_long', sheet: 'a.csv', row: 2, column: 'B' }],
    });
    const wide = readCsv(Buffer.from(`ID${','.repeat(SHEET_LIMITS.columns)}far\n`), 'b.csv');
    expect(wide).toMatchObject({ ok: false, problems: [{ code: 'too_many_columns', row: 1, column: 'IW' }] });
  });
});
