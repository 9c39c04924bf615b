import type { StixProblem, StixReadCode } from '@shinrai/core/sharing';

/** Why an object of a bundle was not imported, or what is worth knowing about it. */
export type IntakeNoteCode = 'older_version' | 'missing_ref' | 'duplicate';

const READ: Record<StixReadCode, { ja: string; en: string }> = {
  too_large: {
    ja: 'ファイルが大きすぎます（上限 {limit} バイト）',
    en: 'The file is too large (limit {limit} bytes)',
  },
  too_deep: { ja: '入れ子が深すぎます（上限 {limit} 段）', en: 'Nesting is too deep (limit {limit} levels)' },
  too_many_objects: {
    ja: 'オブジェクトが多すぎます（上限 {limit} 件）',
    en: 'Too many objects (limit {limit})',
  },
  not_utf8: { ja: 'UTF-8 のテキストではありません', en: 'Not UTF-8 text' },
  not_json: { ja: 'JSON として読めません: {detail}', en: 'Not valid JSON: {detail}' },
  not_bundle: {
    ja: 'STIX 2.1 の bundle ではありません（type が "bundle" でない）',
    en: 'Not a STIX 2.1 bundle (type is not "bundle")',
  },
  not_object: { ja: 'オブジェクトではありません', en: 'Not an object' },
  missing: { ja: '必須のプロパティがありません', en: 'A required property is missing' },
  bad_type: { ja: '型または値の形式が正しくありません', en: 'Wrong type or form' },
  bad_id: { ja: 'STIX の id（type--UUID）ではありません', en: 'Not a STIX id (type--UUID)' },
  bad_timestamp: {
    ja: 'STIX のタイムスタンプ（UTC、末尾 Z）ではありません',
    en: 'Not a STIX timestamp (UTC, ending in Z)',
  },
  bad_spec_version: { ja: 'spec_version が 2.1 ではありません', en: 'spec_version is not 2.1' },
  out_of_memory: {
    ja: '読み込みに必要なメモリが上限（{limit} MB）を超えました',
    en: 'Reading the file needs more memory than the limit ({limit} MB)',
  },
};

const NOTE: Record<IntakeNoteCode, { ja: string; en: string }> = {
  older_version: {
    ja: '保存済みの版より古いため取り込みませんでした',
    en: 'Older than the version already held; not imported',
  },
  missing_ref: {
    ja: '参照先のオブジェクトがバンドルにも取り込み済みのデータにもありません',
    en: 'The object it refers to is neither in the bundle nor imported before',
  },
  duplicate: { ja: '同じ版がバンドル内に重複しています', en: 'The same version appears twice in the bundle' },
};

const fill = (text: string, params: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** Located problems of a refused bundle, in the caller's language. */
export function describeStixProblems(problems: StixProblem[], locale: 'ja' | 'en', file?: string) {
  return problems.map((p) => ({
    ...(file === undefined ? {} : { file }),
    pointer: p.pointer,
    code: p.code,
    message: fill(READ[p.code][locale], p.params),
  }));
}

export function noteMessage(code: IntakeNoteCode, locale: 'ja' | 'en'): string {
  return NOTE[code][locale];
}
