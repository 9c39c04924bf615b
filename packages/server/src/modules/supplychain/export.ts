import type { Locale } from '@shinrai/core';
import { CRITICALITIES, SUPPLY_KINDS, type Criticality } from '@shinrai/core/supplychain';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import { styleHeader } from '../../platform/documents/xlsx.ts';
import { csvRow } from '../../platform/http/csv.ts';
import { CRITICALITY_LABELS, EXPORT_ONLY_COLUMNS, SUPPLIER_COLUMNS, SUPPLY_LABELS } from './import.ts';
import { listSuppliers } from './service.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const headers = (locale: Locale) => [...SUPPLIER_COLUMNS, ...EXPORT_ONLY_COLUMNS].map((c) => c[locale]);

const STAR_KIND: Record<string, { ja: string; en: string }> = {
  self: { ja: '自己評価', en: 'Self-assessment' },
  third_party: { ja: '第三者評価', en: 'Third-party assessment' },
};
const MET = { yes: { ja: 'はい', en: 'Yes' }, no: { ja: 'いいえ', en: 'No' } };

/**
 * One line per supplier record: the import's columns, then tier, parent, required ★, the linked organization,
 * the ★ the supplier showed (level, kind, validity) and whether the requirement is met.
 */
async function exportRows(ctx: Ctx, locale: Locale): Promise<string[][]> {
  const list = await listSuppliers(ctx);
  const names = new Map(list.map((s) => [s.id, s.name]));
  return list.map((s) => [
    s.corporateNumber ?? '',
    s.name,
    s.nameKana ?? '',
    s.supplies.map((k) => SUPPLY_LABELS[k][locale]).join('、'),
    CRITICALITY_LABELS[s.criticality][locale],
    s.contractStart ?? '',
    s.contractEnd ?? '',
    s.starHeld === null ? '' : String(s.starHeld),
    s.primaryContact?.name ?? '',
    s.primaryContact?.email ?? '',
    s.primaryContact?.role ?? '',
    s.notes,
    String(s.tier),
    s.parentSupplierId ? (names.get(s.parentSupplierId) ?? '') : '',
    s.starRequired === null ? '' : String(s.starRequired),
    s.linkedOrg?.name ?? '',
    s.starAttested === null ? '' : String(s.starAttested.level),
    s.starAttested === null ? '' : (STAR_KIND[s.starAttested.kind]?.[locale] ?? s.starAttested.kind),
    s.starAttested?.validUntil ?? '',
    s.starMet === null ? '' : MET[s.starMet ? 'yes' : 'no'][locale],
  ]);
}

export async function exportXlsx(ctx: Ctx, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(locale === 'ja' ? 'サプライヤー' : 'Suppliers');
  ws.addRow(headers(locale));
  // Every cell as text: a 法人番号 stays 13 digits and nothing is read as a formula.
  for (const r of await exportRows(ctx, locale)) ws.addRow(r);
  ws.getColumn(1).numFmt = '@';
  styleHeader(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportCsv(ctx: Ctx, locale: Locale): Promise<string> {
  const lines = [csvRow(headers(locale)), ...(await exportRows(ctx, locale)).map(csvRow)];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** An empty import sheet and a second sheet explaining each column and its allowed values. */
export async function templateXlsx(locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(locale === 'ja' ? 'サプライヤー' : 'Suppliers');
  ws.addRow(SUPPLIER_COLUMNS.map((c) => c[locale]));
  ws.getColumn(1).numFmt = '@';
  styleHeader(ws);
  const help = wb.addWorksheet(locale === 'ja' ? '説明' : 'Help');
  const crit = (c: Criticality) => CRITICALITY_LABELS[c][locale];
  const ja = locale === 'ja';
  help.addRow([ja ? '列' : 'Column', ja ? '内容' : 'What to enter']);
  const explain: Record<string, string> = {
    corporateNumber: ja
      ? '13桁（チェックデジットを検証）。同じ番号の行は1社にまとめます。'
      : '13 digits (check digit verified). Rows with the same number merge.',
    name: ja ? '必須' : 'Required',
    supplies:
      SUPPLY_KINDS.map((k) => SUPPLY_LABELS[k][locale]).join(ja ? '、' : ', ') +
      (ja ? '（複数は「、」区切り）' : ' (several: separate with ";")'),
    criticality: CRITICALITIES.map(crit).join(ja ? '、' : ', '),
    contractStart: 'YYYY-MM-DD',
    contractEnd: 'YYYY-MM-DD',
    starHeld: '1–5',
    contactEmail: ja ? '担当者名を書く場合は必須' : 'Required when a contact name is given',
  };
  for (const c of SUPPLIER_COLUMNS) help.addRow([c[locale], explain[c.key] ?? '']);
  styleHeader(help);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
