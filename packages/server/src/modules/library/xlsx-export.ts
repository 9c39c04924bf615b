import { flattenPack, type CatalogPack } from '@shinrai/core';
import ExcelJS from 'exceljs';
import { styleHeader } from '../../platform/documents/xlsx.ts';
import { EXPORT_COLUMNS, type PackHeader } from './catalog-import.ts';
import { readableMeta } from './meta-sheet.ts';

export const META_SHEET = 'meta';
export const NODES_SHEET = 'nodes';
/** The header's exact values (JSON), hidden: what an import of the file reads. */
export const META_JSON_SHEET = 'meta_json';
const HEADER_KEYS: (keyof PackHeader)[] = [
  'id',
  'version',
  'publisher',
  'title',
  'description',
  'notice',
  'sources',
  'answerModels',
  'tiers',
  'tags',
  'scoring',
];

/**
 * A catalog as .xlsx: a `nodes` sheet (one row a node), a readable `meta` sheet and a hidden `meta_json`
 * sheet with the header's exact values; importing it gives the same pack.
 */
export async function catalogToXlsx(pack: CatalogPack): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shinrai';
  const ws = wb.addWorksheet(NODES_SHEET);
  const cols = Object.values(EXPORT_COLUMNS);
  ws.addRow(cols);
  for (const n of flattenPack(pack.nodes)) {
    const d = n.node;
    ws.addRow([
      n.ref,
      n.parentRef ?? '',
      d.title.ja,
      d.title.en,
      d.description?.ja ?? '',
      d.description?.en ?? '',
      d.guidance?.ja ?? '',
      d.guidance?.en ?? '',
      d.note?.ja ?? '',
      d.note?.en ?? '',
      d.answerModel ?? '',
      d.tier ?? '',
      (d.tags ?? []).join(' '),
      d.weight ?? '',
      d.provenance,
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = i < 2 ? 16 : 40));
  styleHeader(ws);
  const meta = wb.addWorksheet(META_SHEET);
  meta.addRow(['key', '項目', 'Field', '日本語', 'English']);
  for (const r of readableMeta(pack)) meta.addRow([r.key, r.label.ja, r.label.en, r.ja, r.en]);
  meta.columns.forEach((c, i) => {
    c.width = [22, 14, 16, 60, 60][i] ?? 20;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  styleHeader(meta);
  const raw = wb.addWorksheet(META_JSON_SHEET, { state: 'hidden' });
  raw.addRow(['key', 'value']);
  for (const key of HEADER_KEYS) if (pack[key] !== undefined) raw.addRow([key, JSON.stringify(pack[key])]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the header fields back from a `meta` sheet's key/value rows. */
export function headerFromMeta(rows: { cells: (string | number | boolean | null)[] }[]): PackHeader | string {
  const out: Record<string, unknown> = {};
  for (const r of rows) {
    const [k, v] = r.cells;
    if (typeof k !== 'string' || typeof v !== 'string') continue;
    try {
      out[k] = JSON.parse(v) as unknown;
    } catch {
      return k;
    }
  }
  return out as unknown as PackHeader;
}
