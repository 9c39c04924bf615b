import {
  CRITICALITIES,
  normalizeCorporateNumber,
  SUPPLY_KINDS,
  type Criticality,
  type SupplyKind,
} from '@shinrai/core/supplychain';
import { columnLetter, type Cell, type ImportProblem, type Table } from '@shinrai/formats/sheets';
import type { SupplierInput } from './service.ts';

/** Limits of a supplier import, checked on the upload and on the table before any row is looked at. */
export const SUPPLIER_IMPORT_LIMITS = {
  bytes: 5 * 1024 * 1024,
  rows: 5_000,
  columns: 30,
  cells: 5_000 * 30,
} as const;

/** The columns of the supplier sheet (import template, export): key, Japanese header, English header. */
export const SUPPLIER_COLUMNS = [
  { key: 'corporateNumber', ja: '法人番号', en: 'Corporate number' },
  { key: 'name', ja: '名称', en: 'Name' },
  { key: 'nameKana', ja: '名称カナ', en: 'Name (kana)' },
  { key: 'supplies', ja: '供給内容', en: 'Supplies' },
  { key: 'criticality', ja: '重要度', en: 'Criticality' },
  { key: 'contractStart', ja: '契約開始日', en: 'Contract start' },
  { key: 'contractEnd', ja: '契約終了日', en: 'Contract end' },
  { key: 'starHeld', ja: '取得済み★', en: 'Star held' },
  { key: 'contactName', ja: '担当者名', en: 'Contact name' },
  { key: 'contactEmail', ja: '担当者メール', en: 'Contact e-mail' },
  { key: 'contactRole', ja: '担当者の役割', en: 'Contact role' },
  { key: 'notes', ja: '備考', en: 'Notes' },
] as const;
export type SupplierColumnKey = (typeof SUPPLIER_COLUMNS)[number]['key'];
/** Columns the export adds for reading; an import of an exported file skips them. */
export const EXPORT_ONLY_COLUMNS = [
  { key: 'tier', ja: '階層', en: 'Tier' },
  { key: 'parent', ja: '上位サプライヤー', en: 'Parent supplier' },
  { key: 'starRequired', ja: '要求★', en: 'Star required' },
  { key: 'linkedOrg', ja: 'Shinrai上の組織', en: 'Organization on Shinrai' },
  // The ★ the supplier itself showed on one of this buyer's requests (newest unexpired), apart from the
  // "★ held" the buyer typed: the registry shows both, and so does the file.
  { key: 'starAttested', ja: '★（サプライヤー提示）', en: 'Star shown by the supplier' },
  { key: 'starAttestedKind', ja: '★の評価種別', en: 'Star assessment' },
  { key: 'starAttestedValidUntil', ja: '★の有効期限', en: 'Star valid until' },
  { key: 'starMet', ja: '要求★を満たす', en: 'Star requirement met' },
] as const;

/** Values people type for supplies and criticality, in either language. */
export const SUPPLY_LABELS: Record<SupplyKind, { ja: string; en: string }> = {
  services: { ja: 'サービス', en: 'Services' },
  components: { ja: '部品', en: 'Components' },
  software: { ja: 'ソフトウェア', en: 'Software' },
  data_handling: { ja: 'データ取扱い', en: 'Data handling' },
};
export const CRITICALITY_LABELS: Record<Criticality, { ja: string; en: string }> = {
  high: { ja: '高', en: 'High' },
  medium: { ja: '中', en: 'Medium' },
  low: { ja: '低', en: 'Low' },
};

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();
const SUPPLY_WORDS = new Map<string, SupplyKind>(
  SUPPLY_KINDS.flatMap((k) =>
    [k, SUPPLY_LABELS[k].ja, SUPPLY_LABELS[k].en].map((w) => [fold(w), k] as const),
  ),
);
const CRITICALITY_WORDS = new Map<string, Criticality>(
  CRITICALITIES.flatMap((k) =>
    [k, CRITICALITY_LABELS[k].ja, CRITICALITY_LABELS[k].en].map((w) => [fold(w), k] as const),
  ),
);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ImportedSupplier {
  /** The spreadsheet rows merged into this supplier (several when the file repeats a 法人番号). */
  rows: number[];
  corporateNumber: string | null;
  input: SupplierInput;
}

export type SupplierSheetResult =
  { ok: true; suppliers: ImportedSupplier[] } | { ok: false; problems: ImportProblem[] };

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());

/** The table's size against the import's limits: one located problem, or none. */
export function checkTableLimits(table: Table): ImportProblem | null {
  const s = table.sheet;
  if (table.rows.length > SUPPLIER_IMPORT_LIMITS.rows)
    return {
      code: 'too_many_rows',
      sheet: s,
      row: SUPPLIER_IMPORT_LIMITS.rows + 2,
      params: { limit: SUPPLIER_IMPORT_LIMITS.rows },
    };
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length));
  if (width > SUPPLIER_IMPORT_LIMITS.columns)
    return {
      code: 'too_many_columns',
      sheet: s,
      row: 1,
      column: columnLetter(SUPPLIER_IMPORT_LIMITS.columns),
      params: { limit: SUPPLIER_IMPORT_LIMITS.columns },
    };
  return null;
}

/**
 * Reads supplier rows (headers in Japanese or English, any order; unknown columns refused) into supplier
 * inputs. Every problem names the sheet, row and column. Rows with the same 法人番号 merge into one supplier
 * (supplies and contacts united), as a later import merges into the registry.
 */
export function readSupplierTable(table: Table): SupplierSheetResult {
  const s = table.sheet;
  const limit = checkTableLimits(table);
  if (limit) return { ok: false, problems: [limit] };
  const problems: ImportProblem[] = [];
  const at = new Map<SupplierColumnKey, number>();
  table.header.forEach((h, i) => {
    if (h === '') return;
    const col = SUPPLIER_COLUMNS.find((c) => fold(c.ja) === fold(h) || fold(c.en) === fold(h) || c.key === h);
    if (!col && EXPORT_ONLY_COLUMNS.some((c) => fold(c.ja) === fold(h) || fold(c.en) === fold(h))) return;
    if (!col)
      problems.push({
        code: 'bad_value',
        sheet: s,
        row: 1,
        column: columnLetter(i),
        params: { value: h, allowed: SUPPLIER_COLUMNS.map((c) => c.ja).join('、') },
      });
    else at.set(col.key, i);
  });
  if (!at.has('name'))
    problems.push({ code: 'missing_column', sheet: s, row: 1, params: { column: '名称 / Name' } });
  if (problems.length > 0) return { ok: false, problems };

  const byKey = new Map<string, ImportedSupplier>();
  const out: ImportedSupplier[] = [];
  for (const { row, cells } of table.rows) {
    const get = (k: SupplierColumnKey) => {
      const i = at.get(k);
      return i === undefined ? '' : text(cells[i]);
    };
    const loc = (k: SupplierColumnKey) => ({ sheet: s, row, column: columnLetter(at.get(k) ?? 0) });
    const before = problems.length;
    const name = get('name');
    if (name === '') problems.push({ code: 'missing_value', ...loc('name') });
    const rawCn = get('corporateNumber');
    const cn = rawCn === '' ? null : normalizeCorporateNumber(rawCn);
    if (rawCn !== '' && cn === null)
      problems.push({ code: 'bad_corporate_number', ...loc('corporateNumber'), params: { value: rawCn } });
    const supplies: SupplyKind[] = [];
    for (const w of get('supplies')
      .split(/[;；,、/|]/)
      .map(fold)
      .filter((x) => x !== '')) {
      const k = SUPPLY_WORDS.get(w);
      if (k) supplies.push(k);
      else
        problems.push({
          code: 'bad_value',
          ...loc('supplies'),
          params: { value: w, allowed: SUPPLY_KINDS.map((x) => SUPPLY_LABELS[x].ja).join('、') },
        });
    }
    const rawCrit = get('criticality');
    const criticality = rawCrit === '' ? undefined : CRITICALITY_WORDS.get(fold(rawCrit));
    if (rawCrit !== '' && criticality === undefined)
      problems.push({
        code: 'bad_value',
        ...loc('criticality'),
        params: { value: rawCrit, allowed: '高、中、低 / high, medium, low' },
      });
    const day = (k: 'contractStart' | 'contractEnd') => {
      const v = get(k);
      if (v === '') return null;
      const ok =
        /^\d{4}-\d{2}-\d{2}$/.test(v) &&
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
        new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
      if (!ok) problems.push({ code: 'bad_date', ...loc(k), params: { value: v } });
      return ok ? v : null;
    };
    const contractStart = day('contractStart');
    const contractEnd = day('contractEnd');
    const rawStar = get('starHeld').replace(/^★/, '');
    const star = rawStar === '' ? null : Number(rawStar);
    if (star !== null && !(Number.isInteger(star) && star >= 1 && star <= 5))
      problems.push({
        code: 'bad_value',
        ...loc('starHeld'),
        params: { value: get('starHeld'), allowed: '1–5' },
      });
    const email = get('contactEmail');
    const contactName = get('contactName');
    if (email !== '' && !EMAIL.test(email))
      problems.push({ code: 'bad_email', ...loc('contactEmail'), params: { value: email } });
    if (email === '' && contactName !== '') problems.push({ code: 'missing_value', ...loc('contactEmail') });
    if (problems.length > before) continue;

    const contacts = email === '' ? [] : [{ name: contactName || email, email, role: get('contactRole') }];
    const previous = cn ? byKey.get(cn) : undefined;
    if (previous) {
      previous.rows.push(row);
      const p = previous.input;
      p.supplies = [...new Set([...(p.supplies ?? []), ...supplies])];
      p.contacts = [
        ...(p.contacts ?? []),
        ...contacts.filter(
          (c) => !(p.contacts ?? []).some((x) => x.email.toLowerCase() === c.email.toLowerCase()),
        ),
      ];
      continue;
    }
    const item: ImportedSupplier = {
      rows: [row],
      corporateNumber: cn,
      input: {
        corporateNumber: cn,
        name,
        nameKana: get('nameKana') || null,
        supplies,
        ...(criticality ? { criticality } : {}),
        contractStart,
        contractEnd,
        starHeld: star,
        notes: get('notes'),
        contacts,
      },
    };
    if (cn) byKey.set(cn, item);
    out.push(item);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, suppliers: out };
}
