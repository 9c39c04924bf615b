import type { Locale } from '@shinrai/core';

/** Located problems of a sheet import, in the user's language. */
export const IMPORT_PROBLEMS = {
  file_too_large: {
    ja: 'ファイルが大きすぎます（上限 {limit} MB）。',
    en: 'The file is too large (limit {limit} MB).',
  },
  not_xlsx: {
    ja: 'Excel（.xlsx）ファイルとして読めません。',
    en: 'This is not a readable Excel (.xlsx) file.',
  },
  not_csv: { ja: 'CSV として読めません: {detail}', en: 'This cannot be read as CSV: {detail}' },
  no_sheet: { ja: 'シート「{sheet}」がありません。', en: 'There is no sheet "{sheet}".' },
  empty_sheet: { ja: 'シートにデータがありません。', en: 'The sheet has no data.' },
  missing_column: {
    ja: '必要な列「{column}」が見つかりません。',
    en: 'The required column "{column}" is missing.',
  },
  merged_cells: {
    ja: '結合されたセルがあります（{range}）。結合を解除してください。',
    en: 'Merged cells ({range}); unmerge them.',
  },
  formula: {
    ja: '数式が入っています。値として貼り付けてください。',
    en: 'The cell holds a formula; paste it as a value.',
  },
  empty_row: { ja: '空の行があります。削除してください。', en: 'The row is empty; remove it.' },
  missing_value: { ja: '値がありません。', en: 'The value is missing.' },
  bad_ref: {
    ja: 'ID「{value}」に使えない文字があります（英数字と . _ - のみ）。',
    en: 'The id "{value}" has characters that are not allowed (letters, digits, . _ - only).',
  },
  duplicate_ref: {
    ja: 'ID「{value}」が重複しています（{first} 行目と同じ）。',
    en: 'The id "{value}" is a duplicate (same as row {first}).',
  },
  unknown_parent: { ja: '親 ID「{value}」が見つかりません。', en: 'The parent id "{value}" does not exist.' },
  cycle: { ja: '親子関係が循環しています（{value}）。', en: 'The parent chain loops ({value}).' },
  unknown_answer_model: {
    ja: '回答形式「{value}」は定義されていません。',
    en: 'The answer model "{value}" is not defined.',
  },
  bad_tag: {
    ja: 'タグ「{value}」は「分類:値」の形式にしてください。',
    en: 'The tag "{value}" must look like "facet:value".',
  },
  bad_number: { ja: '数値ではありません: {value}', en: 'Not a number: {value}' },
  bad_provenance: {
    ja: '出典区分は official か own にしてください: {value}',
    en: 'Provenance must be official or own: {value}',
  },
  bad_meta: { ja: 'メタ情報シートが壊れています: {detail}', en: 'The meta sheet is broken: {detail}' },
  bad_answer: {
    ja: '回答値が正しくないか、この項目の回答形式に合いません: {detail}',
    en: 'The answer value is malformed or does not fit this item: {detail}',
  },
  unknown_item: {
    ja: 'ID「{value}」の項目はカタログにありません。',
    en: 'No item "{value}" in the catalog.',
  },
  too_many_rows: { ja: '行が多すぎます（上限 {limit} 行）。', en: 'Too many rows (limit {limit}).' },
  too_many_columns: {
    ja: '値のある列が多すぎます（上限 {limit} 列）。',
    en: 'Too many columns hold values (limit {limit}).',
  },
  sheet_dimension: {
    ja: 'シートの範囲 {range} が上限（{rows} 行、{columns} 列）を超えています。',
    en: 'The sheet declares the range {range}, beyond the limits ({rows} rows, {columns} columns).',
  },
  cell_too_long: {
    ja: 'セルの文字数が上限（{limit} 文字）を超えています。',
    en: 'The cell holds more than {limit} characters.',
  },
  sheet_too_large: {
    ja: 'ブックを展開すると大きすぎます（{part}、上限 {limit} MB）。',
    en: 'The workbook expands too large ({part}, limit {limit} MB).',
  },
  too_many_entries: {
    ja: 'ファイル内の部品が多すぎます（上限 {limit}）。',
    en: 'The file holds too many parts (limit {limit}).',
  },
  out_of_memory: {
    ja: 'このファイルの読み込みに必要なメモリが上限（{limit} MB）を超えました。',
    en: 'Reading this file needs more memory than allowed ({limit} MB).',
  },
  bad_value: {
    ja: '「{value}」はこの列に使えません（使える値: {allowed}）。',
    en: '"{value}" is not allowed in this column (allowed: {allowed}).',
  },
  bad_date: { ja: '日付は YYYY-MM-DD の形にしてください: {value}', en: 'Use a YYYY-MM-DD date: {value}' },
  bad_corporate_number: {
    ja: '法人番号「{value}」が正しくありません（13桁、チェックデジットを確認してください）。',
    en: 'The corporate number "{value}" is not valid (13 digits; check the check digit).',
  },
  bad_email: { ja: 'メールアドレスが正しくありません: {value}', en: 'Not a valid e-mail address: {value}' },
  bad_json: { ja: 'JSON として読めません: {detail}', en: 'This cannot be read as JSON: {detail}' },
  bad_field: { ja: '値が正しくありません: {detail}', en: 'The value is not valid: {detail}' },
  unknown_element: {
    ja: '要素「{value}」がモデルにもファイルにもありません。',
    en: 'The element "{value}" is neither in the model nor in the file.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ImportProblemCode = keyof typeof IMPORT_PROBLEMS;

export interface ImportProblem {
  code: ImportProblemCode;
  sheet?: string;
  /** 1-based spreadsheet row. */
  row?: number;
  /** Spreadsheet column letter. */
  column?: string;
  /** JSON pointer into the uploaded JSON document. */
  pointer?: string;
  params?: Record<string, string | number>;
}

export function problemMessage(p: ImportProblem, locale: Locale): string {
  let msg: string = IMPORT_PROBLEMS[p.code][locale];
  for (const [k, v] of Object.entries(p.params ?? {})) msg = msg.replaceAll(`{${k}}`, String(v));
  return msg;
}

/** Localized, located problems for the error body's details. */
export function describeProblems(problems: readonly ImportProblem[], locale: Locale) {
  return problems.map((p) => ({
    code: p.code,
    ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
    ...(p.row !== undefined ? { row: p.row } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
    ...(p.pointer !== undefined ? { pointer: p.pointer } : {}),
    message: problemMessage(p, locale),
  }));
}

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
