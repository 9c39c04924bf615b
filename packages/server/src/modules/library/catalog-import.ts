import {
  flattenPack,
  type AnswerModel,
  type CatalogPack,
  type PackNode,
  type Provenance,
  type Text,
} from '@shinrai/core';
import { columnLetter, type ImportProblem } from '@shinrai/formats/sheets';
import type { Cell, Table } from '@shinrai/formats/sheets';

/** Which column holds what: a header name (case-insensitive) or a column letter. */
export interface ColumnMapping {
  ref: string;
  parent?: string;
  titleJa?: string;
  titleEn?: string;
  descriptionJa?: string;
  descriptionEn?: string;
  guidanceJa?: string;
  guidanceEn?: string;
  noteJa?: string;
  noteEn?: string;
  answerModel?: string;
  tier?: string;
  tags?: string;
  weight?: string;
  provenance?: string;
}

/** The column headers of Shinrai's own export; a sheet with them needs no mapping. */
export const EXPORT_COLUMNS: Required<ColumnMapping> = {
  ref: 'ref',
  parent: 'parent',
  titleJa: 'title_ja',
  titleEn: 'title_en',
  descriptionJa: 'description_ja',
  descriptionEn: 'description_en',
  guidanceJa: 'guidance_ja',
  guidanceEn: 'guidance_en',
  noteJa: 'note_ja',
  noteEn: 'note_en',
  answerModel: 'answer_model',
  tier: 'tier',
  tags: 'tags',
  weight: 'weight',
  provenance: 'provenance',
};

export type PackHeader = Omit<CatalogPack, 'nodes'>;

export const DEFAULT_ANSWER_MODEL_KEY = 'impl';
export const DEFAULT_ANSWER_MODEL: AnswerModel = {
  kind: 'choice',
  options: [
    { value: 'implemented', label: { ja: '実施している', en: 'Implemented' }, points: 2 },
    { value: 'partial', label: { ja: '一部実施している', en: 'Partly implemented' }, points: 1 },
    { value: 'not_implemented', label: { ja: '実施していない', en: 'Not implemented' }, points: 0 },
    { value: 'not_applicable', label: { ja: '該当しない', en: 'Not applicable' } },
  ],
};

/** Answer model column keywords that need no model in the header: a date question, a file question. */
export const KEYWORD_MODELS: Readonly<Record<string, AnswerModel>> = {
  date: { kind: 'date' },
  file: { kind: 'file' },
};

const REF = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const TAG = /^[a-z0-9-]+:[A-Za-z0-9._-]+$/;

export interface BuildOptions {
  header: PackHeader;
  /** Nodes of the catalog being extended; rows with the same ref replace them. */
  base?: readonly PackNode[];
  defaultProvenance: Provenance;
}

export type BuildResult = { ok: true; pack: CatalogPack } | { ok: false; problems: ImportProblem[] };

function resolveColumns(
  table: Table,
  mapping: ColumnMapping,
): { cols: Partial<Record<keyof ColumnMapping, number>>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cols: Partial<Record<keyof ColumnMapping, number>> = {};
  const lower = table.header.map((h) => h.toLowerCase());
  for (const [key, spec] of Object.entries(mapping) as [keyof ColumnMapping, string | undefined][]) {
    if (spec === undefined || spec === '') continue;
    let idx = lower.indexOf(spec.toLowerCase());
    if (idx < 0 && /^[A-Z]{1,3}$/.test(spec)) {
      idx = [...spec].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
      if (idx >= table.header.length) idx = -1;
    }
    if (idx < 0)
      problems.push({ code: 'missing_column', sheet: table.sheet, row: 1, params: { column: spec } });
    else cols[key] = idx;
  }
  if (
    cols.titleJa === undefined &&
    cols.titleEn === undefined &&
    !problems.some((p) => p.code === 'missing_column')
  ) {
    problems.push({
      code: 'missing_column',
      sheet: table.sheet,
      row: 1,
      params: { column: mapping.titleJa ?? 'title_ja' },
    });
  }
  return { cols, problems };
}

const str = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).trim());

/**
 * Builds a pack from a table and a column mapping: checks ids, parents, cycles, answer models, tags
 * and numbers, locating every problem by sheet, row and column. Nothing is half-built: any problem
 * means no pack.
 */
export function buildPackFromTable(table: Table, mapping: ColumnMapping, opts: BuildOptions): BuildResult {
  const { cols, problems } = resolveColumns(table, mapping);
  if (problems.length > 0) return { ok: false, problems };
  const at = (row: number, key: keyof ColumnMapping) => ({
    sheet: table.sheet,
    row,
    column: cols[key] === undefined ? undefined : columnLetter(cols[key]),
  });
  const get = (cells: Cell[], key: keyof ColumnMapping) =>
    cols[key] === undefined ? '' : str(cells[cols[key]]);
  const text = (ja: string, en: string): Text => ({ ja: ja || en, en: en || ja });
  const models = { ...opts.header.answerModels };

  const baseFlat = flattenPack(opts.base ?? []);
  const baseRefs = new Map(baseFlat.map((n) => [n.ref, n]));
  const rows = new Map<string, { row: number; parent: string | null; node: PackNode }>();
  for (const { row, cells } of table.rows) {
    const ref = get(cells, 'ref');
    if (ref === '') {
      problems.push({ code: 'missing_value', ...at(row, 'ref') });
      continue;
    }
    if (!REF.test(ref)) problems.push({ code: 'bad_ref', ...at(row, 'ref'), params: { value: ref } });
    const first = rows.get(ref);
    if (first) {
      problems.push({ code: 'duplicate_ref', ...at(row, 'ref'), params: { value: ref, first: first.row } });
      continue;
    }
    const titleJa = get(cells, 'titleJa');
    const titleEn = get(cells, 'titleEn');
    if (titleJa === '' && titleEn === '')
      problems.push({
        code: 'missing_value',
        ...at(row, cols.titleJa !== undefined ? 'titleJa' : 'titleEn'),
      });
    const node: PackNode = { ref, provenance: opts.defaultProvenance, title: text(titleJa, titleEn) };
    const prov = get(cells, 'provenance');
    if (prov !== '') {
      if (prov === 'official' || prov === 'own') node.provenance = prov;
      else problems.push({ code: 'bad_provenance', ...at(row, 'provenance'), params: { value: prov } });
    }
    const dJa = get(cells, 'descriptionJa');
    const dEn = get(cells, 'descriptionEn');
    if (dJa || dEn) node.description = text(dJa, dEn);
    const gJa = get(cells, 'guidanceJa');
    const gEn = get(cells, 'guidanceEn');
    if (gJa || gEn) node.guidance = text(gJa, gEn);
    const nJa = get(cells, 'noteJa');
    const nEn = get(cells, 'noteEn');
    if (nJa || nEn) node.note = text(nJa, nEn);
    const model = get(cells, 'answerModel');
    if (model !== '') {
      if (model === DEFAULT_ANSWER_MODEL_KEY && !(model in models)) models[model] = DEFAULT_ANSWER_MODEL;
      const keyword = KEYWORD_MODELS[model];
      if (keyword !== undefined && !(model in models)) models[model] = keyword;
      if (!(model in models))
        problems.push({ code: 'unknown_answer_model', ...at(row, 'answerModel'), params: { value: model } });
      node.answerModel = model;
    }
    const tier = get(cells, 'tier');
    if (tier !== '') node.tier = tier;
    const tags = get(cells, 'tags');
    if (tags !== '') {
      node.tags = tags.split(/[\s,;]+/).filter(Boolean);
      for (const tag of node.tags)
        if (!TAG.test(tag)) problems.push({ code: 'bad_tag', ...at(row, 'tags'), params: { value: tag } });
    }
    const weight = get(cells, 'weight');
    if (weight !== '') {
      const w = Number(weight);
      if (!Number.isFinite(w) || w < 0)
        problems.push({ code: 'bad_number', ...at(row, 'weight'), params: { value: weight } });
      else node.weight = w;
    }
    const parent = get(cells, 'parent');
    rows.set(ref, { row, parent: parent === '' ? null : parent, node });
  }

  // Parents must exist (in the sheet or the base catalog) and must not loop.
  for (const [ref, r] of rows) {
    if (r.parent !== null && !rows.has(r.parent) && !baseRefs.has(r.parent)) {
      problems.push({ code: 'unknown_parent', ...at(r.row, 'parent'), params: { value: r.parent } });
      continue;
    }
    const seen = new Set([ref]);
    for (let p = r.parent; p !== null;) {
      if (seen.has(p)) {
        problems.push({ code: 'cycle', ...at(r.row, 'parent'), params: { value: [...seen, p].join(' → ') } });
        break;
      }
      seen.add(p);
      p = rows.get(p)?.parent ?? baseRefs.get(p)?.parentRef ?? null;
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // Assemble: the base tree in order (rows replace nodes with the same ref), then the new rows.
  const entries: { ref: string; parent: string | null; node: PackNode }[] = [];
  for (const b of baseFlat) {
    const replaced = rows.get(b.ref);
    const { children: _c, ...own } = b.node;
    entries.push(
      replaced
        ? { ref: b.ref, parent: replaced.parent ?? b.parentRef, node: replaced.node }
        : { ref: b.ref, parent: b.parentRef, node: own },
    );
  }
  for (const [ref, r] of rows) if (!baseRefs.has(ref)) entries.push({ ref, parent: r.parent, node: r.node });
  const byParent = new Map<string | null, PackNode[]>();
  for (const e of entries) {
    const list = byParent.get(e.parent) ?? [];
    list.push(e.node);
    byParent.set(e.parent, list);
  }
  for (const e of entries) {
    const children = byParent.get(e.ref);
    if (children) {
      e.node.children = children;
      delete e.node.answerModel;
    } else if (e.node.answerModel === undefined && rows.has(e.ref) && cols.answerModel === undefined) {
      // Without an answer-model column every leaf row is an item with the default model;
      // with one, an empty cell means an information node (as Shinrai's own export writes it).
      if (!(DEFAULT_ANSWER_MODEL_KEY in models)) models[DEFAULT_ANSWER_MODEL_KEY] = DEFAULT_ANSWER_MODEL;
      e.node.answerModel = DEFAULT_ANSWER_MODEL_KEY;
    }
  }
  return { ok: true, pack: { ...opts.header, answerModels: models, nodes: byParent.get(null) ?? [] } };
}

export interface PackChanges {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  /** The title of each added, changed or removed node (the preview shows them beside the IDs). */
  titles: Record<string, { ja: string; en: string }>;
}

/** What applying `next` over `prev` would change, node by node (for the preview). */
export function diffPacks(prev: readonly PackNode[], next: readonly PackNode[]): PackChanges {
  const strip = (n: PackNode) => JSON.stringify({ ...n, children: undefined });
  const prevFlat = flattenPack(prev);
  const nextFlat = flattenPack(next);
  const before = new Map(prevFlat.map((n) => [n.ref, strip(n.node)]));
  const after = new Map(nextFlat.map((n) => [n.ref, strip(n.node)]));
  const out: PackChanges = { added: [], changed: [], removed: [], unchanged: 0, titles: {} };
  const nextTitle = new Map(nextFlat.map((n) => [n.ref, n.node.title]));
  for (const [ref, v] of after) {
    const old = before.get(ref);
    if (old === undefined) out.added.push(ref);
    else if (old !== v) out.changed.push(ref);
    else {
      out.unchanged++;
      continue;
    }
    const title = nextTitle.get(ref);
    if (title) out.titles[ref] = { ja: title.ja, en: title.en };
  }
  for (const n of prevFlat)
    if (!after.has(n.ref)) {
      out.removed.push(n.ref);
      out.titles[n.ref] = { ja: n.node.title.ja, en: n.node.title.en };
    }
  return out;
}
