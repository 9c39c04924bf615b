import ExcelJS from 'exceljs';
import { ZipFile } from 'yazl';

/**
 * Hostile spreadsheets made by the tests (never committed binaries): each is a valid-looking .xlsx that
 * a reader walking rows × the widest column, or trusting sizes, would choke on.
 */

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A one-sheet workbook from raw sheetData rows (and optional shared strings). */
export async function rawWorkbook(
  sheetData: string,
  sharedStrings = '<sst/>',
  dimension?: string,
): Promise<Buffer> {
  const zip = new ZipFile();
  const add = (name: string, text: string) => zip.addBuffer(Buffer.from(text), name);
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', RELS);
  add('xl/workbook.xml', WORKBOOK);
  add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  add(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings.replace(/^<sst\/>$/, '')}</sst>`,
  );
  add(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${sheetData}</sheetData></worksheet>`,
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Header `header`, 2,000 data rows, and one cell in column XFD (made by ExcelJS, as a user's file would be). */
export async function xfdColumn(header: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (let r = 0; r < 2_000; r++) ws.addRow(header.map((_, i) => (i === 0 ? `x${r}` : 'v')));
  ws.getCell('XFD2001').value = 'x';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** No dimension; the header row, then one cell at row 3,000,000 (the reader would walk 3 million rows). */
export function manyRows(header: string[]): Promise<Buffer> {
  const head = `<row r="1">${header.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
  return rawWorkbook(`${head}<row r="3000000">${inline('A3000000', 'x')}</row>`);
}

/** 50,001 real data rows: one past the row limit, with no declared dimension to give it away. */
export function rowsPastLimit(header: string[]): Promise<Buffer> {
  const rows = [`<row r="1">${inline('A1', header[0] ?? 'ID')}</row>`];
  for (let r = 2; r <= 50_002; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  return rawWorkbook(rows.join(''));
}

/** A cell of `chars` characters (compresses to almost nothing). */
export function hugeCell(header: string[], chars = 2_000_000): Promise<Buffer> {
  const head = `<row r="1">${header.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
  return rawWorkbook(`${head}<row r="2">${inline('B2', 'a'.repeat(chars))}</row>`, undefined, 'A1:D2');
}

/** A shared string of `chars` characters referenced from C2 (the cell is located through the table). */
export function hugeSharedString(header: string[], chars = 2_000_000): Promise<Buffer> {
  const head = `<row r="1">${header.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
  return rawWorkbook(
    `${head}<row r="2"><c r="C2" t="s"><v>1</v></c></row>`,
    `<si><t>ok</t></si><si><t>${'b'.repeat(chars)}</t></si>`,
  );
}

/** Shared strings expanding past 32 MB (about 40 MB of one repeated short string). */
export function sharedStringsBomb(header: string[]): Promise<Buffer> {
  const head = `<row r="1">${header.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
  return rawWorkbook(head, '<si><t>zzzzzzzzzzzzzzzzzzzz</t></si>'.repeat(1_400_000));
}
