import type { Text } from '../catalog/pack.ts';
import { isCalendarDate } from '../calendar-date.ts';
import { VIEWPOINT_LABELS } from './categorization.ts';
import {
  COMPONENTS,
  CRITICALITIES,
  DATA_CLASSES,
  EDGE_KINDS,
  THING_KINDS,
  VIEWPOINTS,
  type Edge,
  type Element,
  type Model,
} from './model.ts';

/** Sheet names of the asset-ledger workbook. */
export const ELEMENTS_SHEET = 'elements';
export const EDGES_SHEET = 'edges';

export type LedgerCell = string | number | boolean | null;

/** A sheet as read from a .csv or .xlsx: the header (row 1) and data rows with their row numbers. */
export interface LedgerTable {
  sheet: string;
  header: string[];
  rows: { row: number; cells: LedgerCell[] }[];
}

/** A problem of a ledger, located by sheet, row and column letter (the codes of @shinrai/formats' import problems). */
export interface LedgerProblem {
  code: 'missing_column' | 'missing_value' | 'bad_ref' | 'duplicate_ref' | 'bad_value' | 'bad_date';
  sheet?: string;
  row?: number;
  column?: string;
  params?: Record<string, string | number>;
}

/** Spreadsheet column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface LedgerColumn {
  key: string;
  label: Text;
  aliases?: string[];
  required?: boolean;
}

export const ELEMENT_COLUMNS: LedgerColumn[] = [
  { key: 'id', label: { ja: 'ID', en: 'ID' }, aliases: ['資産番号', '管理番号', '識別子'], required: true },
  { key: 'name', label: { ja: '名称', en: 'Name' }, aliases: ['資産名', '名前'], required: true },
  { key: 'component', label: { ja: '構成要素', en: 'Component' }, aliases: ['種類'], required: true },
  { key: 'thingKind', label: { ja: 'モノの種別', en: 'Thing kind' } },
  { key: 'layer', label: { ja: '層', en: 'Layer' }, required: true },
  { key: 'orgRef', label: { ja: '所属組織ID', en: 'Organization ID' } },
  { key: 'owner', label: { ja: '管理者', en: 'Owner' }, aliases: ['所有者', '責任者'] },
  { key: 'location', label: { ja: '設置場所', en: 'Location' }, aliases: ['場所'] },
  { key: 'criticality', label: { ja: '重要度', en: 'Criticality' } },
  { key: 'dataClass', label: { ja: 'データ区分', en: 'Data class' }, aliases: ['機密区分'] },
  { key: 'vendor', label: { ja: 'ベンダー', en: 'Vendor' }, aliases: ['メーカー', '製造元'] },
  { key: 'version', label: { ja: 'バージョン', en: 'Version' } },
  { key: 'supportEnds', label: { ja: 'サポート終了日', en: 'Support ends' }, aliases: ['保守期限'] },
  ...VIEWPOINTS.map((v) => ({ key: `cat.${v}`, label: VIEWPOINT_LABELS[v] })),
];

export const EDGE_COLUMNS: LedgerColumn[] = [
  { key: 'id', label: { ja: 'ID', en: 'ID' }, required: true },
  { key: 'from', label: { ja: '接続元', en: 'From' }, required: true },
  { key: 'to', label: { ja: '接続先', en: 'To' }, required: true },
  { key: 'kind', label: { ja: '種類', en: 'Kind' }, required: true },
  { key: 'label', label: { ja: 'ラベル', en: 'Label' } },
  { key: 'encrypted', label: { ja: '暗号化', en: 'Encrypted' } },
  { key: 'authenticated', label: { ja: '相手の認証', en: 'Authenticated' } },
];

/** Codes and the Japanese/English words a ledger may use for them. */
const COMPONENT_WORDS: Record<string, (typeof COMPONENTS)[number]> = {
  ソシキ: 'organization',
  組織: 'organization',
  ヒト: 'people',
  人: 'people',
  モノ: 'thing',
  データ: 'data',
  プロシージャ: 'procedure',
  手続き: 'procedure',
  システム: 'system',
  people: 'people',
  person: 'people',
  component: 'thing',
};
const THING_WORDS: Record<string, (typeof THING_KINDS)[number]> = {
  ハードウェア: 'hardware',
  ソフトウェア: 'software',
  iot機器: 'iot_device',
  iot: 'iot_device',
};
const CRITICALITY_WORDS: Record<string, (typeof CRITICALITIES)[number]> = {
  低: 'low',
  中: 'medium',
  高: 'high',
};
const DATA_WORDS: Record<string, (typeof DATA_CLASSES)[number]> = {
  公開: 'public',
  社内: 'internal',
  社外秘: 'internal',
  機密: 'confidential',
  個人情報: 'personal',
  極秘: 'secret',
};
const EDGE_WORDS: Record<string, (typeof EDGE_KINDS)[number]> = {
  データの流れ: 'data_flow',
  物理的な制御: 'physical_control',
  ネットワーク接続: 'network',
  ネットワーク: 'network',
  契約: 'contract',
};
const YES = new Set(['true', 'yes', '1', 'はい', 'あり', '有', '○', 'y']);
const NO = new Set(['false', 'no', '0', 'いいえ', 'なし', '無', '×', 'n']);

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');

function headerIndex(
  table: LedgerTable,
  columns: LedgerColumn[],
): { index: Map<string, number>; problems: LedgerProblem[] } {
  const index = new Map<string, number>();
  const names = table.header.map((h) => norm(h));
  for (const c of columns) {
    const candidates = [c.key, c.label.ja, c.label.en, ...(c.aliases ?? [])].map(norm);
    const i = names.findIndex((n) => candidates.includes(n));
    if (i >= 0) index.set(c.key, i);
  }
  const problems: LedgerProblem[] = columns
    .filter((c) => c.required && !index.has(c.key))
    .map((c) => ({ code: 'missing_column', sheet: table.sheet, row: 1, params: { column: c.label.ja } }));
  return { index, problems };
}

const str = (c: LedgerCell | undefined): string | null => {
  if (c === null || c === undefined) return null;
  const s = String(c).trim();
  return s === '' ? null : s;
};

function pick<T extends string>(value: string, codes: readonly T[], words: Record<string, T>): T | null {
  const n = norm(value);
  const code = codes.find((c) => norm(c) === n);
  if (code) return code;
  for (const [w, c] of Object.entries(words)) if (norm(w) === n) return c;
  return null;
}

/** Cell values of one row by column key, and a way to record a problem located at that row and column. */
function rowAccess(
  table: LedgerTable,
  index: Map<string, number>,
  r: LedgerTable['rows'][number],
  problems: LedgerProblem[],
) {
  const at = (key: string) => {
    const i = index.get(key);
    return {
      value: i === undefined ? null : str(r.cells[i]),
      column: i === undefined ? undefined : columnLetter(i),
    };
  };
  const problem = (key: string, p: Omit<LedgerProblem, 'sheet' | 'row' | 'column'>) => {
    const column = at(key).column;
    problems.push({ ...p, sheet: table.sheet, row: r.row, ...(column ? { column } : {}) });
  };
  return { at, problem };
}

/**
 * Reads the element rows (and the edge rows, when the workbook has an edges sheet) of an asset ledger
 * (資産台帳): columns found by code, Japanese or English label or a common alias, values by code or by
 * the words a ledger uses; every problem located by sheet, row and column.
 */
export function graphFromLedger(
  elementsTable: LedgerTable,
  edgesTable: LedgerTable | null,
): { graph: Model; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const elements: Element[] = [];
  const edges: Edge[] = [];
  const el = headerIndex(elementsTable, ELEMENT_COLUMNS);
  problems.push(...el.problems);
  if (el.problems.length === 0) {
    const seen = new Map<string, number>();
    for (const r of elementsTable.rows) {
      const { at, problem } = rowAccess(elementsTable, el.index, r, problems);
      const need = (key: string): string | null => {
        const v = at(key).value;
        if (v === null) problem(key, { code: 'missing_value' });
        return v;
      };
      const id = need('id');
      const name = need('name');
      const componentRaw = need('component');
      const layerRaw = need('layer');
      if (id !== null) {
        if (id.length > 64 || /[\s@]/u.test(id)) problem('id', { code: 'bad_ref', params: { value: id } });
        const first = seen.get(id);
        if (first !== undefined) problem('id', { code: 'duplicate_ref', params: { value: id, first } });
        else seen.set(id, r.row);
      }
      const component = componentRaw === null ? null : pick(componentRaw, COMPONENTS, COMPONENT_WORDS);
      if (componentRaw !== null && component === null)
        problem('component', {
          code: 'bad_value',
          params: {
            value: componentRaw,
            allowed:
              'ソシキ/ヒト/モノ/データ/プロシージャ/システム, organization/people/thing/data/procedure/system',
          },
        });
      let layer: 1 | 2 | 3 | null = null;
      if (layerRaw !== null) {
        const m = /^(?:第|layer|l)?\s*([123])\s*(?:層)?$/iu.exec(layerRaw.trim());
        if (m) layer = Number(m[1]) as 1 | 2 | 3;
        else problem('layer', { code: 'bad_value', params: { value: layerRaw, allowed: '1, 2, 3' } });
      }
      const optionalPick = <T extends string>(
        key: string,
        codes: readonly T[],
        words: Record<string, T>,
      ): T | null => {
        const v = at(key).value;
        if (v === null) return null;
        const c = pick(v, codes, words);
        if (c === null) problem(key, { code: 'bad_value', params: { value: v, allowed: codes.join(', ') } });
        return c;
      };
      const thingKind = optionalPick('thingKind', THING_KINDS, THING_WORDS);
      const criticality = optionalPick('criticality', CRITICALITIES, CRITICALITY_WORDS);
      const dataClass = optionalPick('dataClass', DATA_CLASSES, DATA_WORDS);
      const supportEnds = at('supportEnds').value;
      if (supportEnds !== null && !isCalendarDate(supportEnds))
        problem('supportEnds', { code: 'bad_date', params: { value: supportEnds } });
      const categorization: Element['categorization'] = {};
      for (const v of VIEWPOINTS) {
        const raw = at(`cat.${v}`).value;
        if (raw === null) continue;
        const m = /^(?:lv)?\s*([123])$/iu.exec(raw);
        if (m) categorization[v] = Number(m[1]) as 1 | 2 | 3;
        else problem(`cat.${v}`, { code: 'bad_value', params: { value: raw, allowed: '1, 2, 3' } });
      }
      if (id === null || name === null || component === null || layer === null) continue;
      const e: Element = { id, name, component, layer };
      if (thingKind) e.thingKind = thingKind;
      const orgRef = at('orgRef').value;
      if (orgRef) e.orgRef = orgRef;
      for (const k of ['owner', 'location', 'vendor', 'version'] as const) {
        const v = at(k).value;
        if (v !== null) e[k] = v;
      }
      if (criticality) e.criticality = criticality;
      if (dataClass) e.dataClass = dataClass;
      if (supportEnds) e.supportEnds = supportEnds;
      if (Object.keys(categorization).length > 0) e.categorization = categorization;
      elements.push(e);
    }
  }
  if (edgesTable) {
    const ed = headerIndex(edgesTable, EDGE_COLUMNS);
    problems.push(...ed.problems);
    if (ed.problems.length === 0) {
      const seen = new Map<string, number>();
      for (const r of edgesTable.rows) {
        const { at, problem } = rowAccess(edgesTable, ed.index, r, problems);
        const vals: Record<string, string | null> = {};
        for (const k of ['id', 'from', 'to', 'kind']) {
          vals[k] = at(k).value;
          if (vals[k] === null) problem(k, { code: 'missing_value' });
        }
        if (vals.id) {
          const first = seen.get(vals.id);
          if (first !== undefined)
            problem('id', { code: 'duplicate_ref', params: { value: vals.id, first } });
          else seen.set(vals.id, r.row);
        }
        const kind = vals.kind ? pick(vals.kind, EDGE_KINDS, EDGE_WORDS) : null;
        if (vals.kind && !kind)
          problem('kind', {
            code: 'bad_value',
            params: { value: vals.kind, allowed: EDGE_KINDS.join(', ') },
          });
        const flag = (key: string): boolean | null => {
          const v = at(key).value;
          if (v === null) return null;
          const n = norm(v);
          if (YES.has(n)) return true;
          if (NO.has(n)) return false;
          problem(key, { code: 'bad_value', params: { value: v, allowed: 'はい/いいえ, yes/no' } });
          return null;
        };
        const encrypted = flag('encrypted');
        const authenticated = flag('authenticated');
        if (!vals.id || !vals.from || !vals.to || !kind) continue;
        const e: Edge = { id: vals.id, from: vals.from, to: vals.to, kind };
        const label = at('label').value;
        if (label) e.label = label;
        if (encrypted !== null) e.encrypted = encrypted;
        if (authenticated !== null) e.authenticated = authenticated;
        edges.push(e);
      }
    }
  }
  return { graph: { elements, edges }, problems };
}

/** The ledger's rows of a graph (header in the given language, then one row per element or edge): they import back unchanged. */
export function ledgerRows(
  graph: Model,
  lang: 'ja' | 'en',
): { elements: LedgerCell[][]; edges: LedgerCell[][] } {
  const yn = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? 'yes' : 'no');
  return {
    elements: [
      ELEMENT_COLUMNS.map((c) => c.label[lang]),
      ...graph.elements.map((e) => [
        e.id,
        e.name,
        e.component,
        e.thingKind ?? null,
        e.layer,
        e.orgRef ?? null,
        e.owner ?? null,
        e.location ?? null,
        e.criticality ?? null,
        e.dataClass ?? null,
        e.vendor ?? null,
        e.version ?? null,
        e.supportEnds ?? null,
        ...VIEWPOINTS.map((v) => e.categorization?.[v] ?? null),
      ]),
    ],
    edges: [
      EDGE_COLUMNS.map((c) => c.label[lang]),
      ...graph.edges.map((e) => [
        e.id,
        e.from,
        e.to,
        e.kind,
        e.label ?? null,
        yn(e.encrypted),
        yn(e.authenticated),
      ]),
    ],
  };
}
