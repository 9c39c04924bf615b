import type { Locale } from '@shinrai/core';

/** Located problems of an SBOM import, in the user's language (style of library/import-errors.ts). */
export const SBOM_PROBLEMS = {
  too_large: {
    ja: 'ファイルが大きすぎます（上限 {limit} MB）。',
    en: 'The file is too large (limit {limit} MB).',
  },
  out_of_memory: {
    ja: 'このファイルの読み込みに必要なメモリが上限（{limit} MB）を超えました。',
    en: 'Reading this file needs more memory than allowed ({limit} MB).',
  },
  empty: { ja: 'ファイルが空です。', en: 'The file is empty.' },
  not_utf8: { ja: 'UTF-8 のテキストとして読めません。', en: 'The file is not UTF-8 text.' },
  json_syntax: { ja: 'JSON の構文エラーです: {detail}', en: 'JSON syntax error: {detail}' },
  xml_syntax: { ja: 'XML の構文エラーです: {detail}', en: 'XML syntax error: {detail}' },
  xml_doctype: {
    ja: 'DOCTYPE 宣言を含む XML は受け付けません（エンティティ展開攻撃の防止のため）。',
    en: 'XML with a DOCTYPE declaration is refused (it could expand entities without bound).',
  },
  too_deep: {
    ja: '入れ子が深すぎます（上限 {limit} 段）。',
    en: 'The document is nested too deeply (limit {limit} levels).',
  },
  unknown_format: {
    ja: 'CycloneDX、SPDX 2.2/2.3（JSON・タグ値）、SPDX 3.0（JSON-LD）、npm の package-lock.json のいずれとしても認識できません。',
    en: 'This is not recognised as CycloneDX, SPDX 2.2/2.3 (JSON or tag-value), SPDX 3.0 (JSON-LD) or an npm package-lock.json.',
  },
  missing_spec_version: {
    ja: '仕様のバージョン（{field}）がありません。',
    en: 'The specification version ({field}) is missing.',
  },
  unsupported_version: {
    ja: 'バージョン「{value}」には対応していません（対応: {supported}）。',
    en: 'Version "{value}" is not supported (supported: {supported}).',
  },
  schema_required: {
    ja: '必須の項目「{property}」がありません。',
    en: 'The required field "{property}" is missing.',
  },
  schema_type: {
    ja: '値の型が違います（{expected} が必要）。',
    en: 'The value has the wrong type ({expected} expected).',
  },
  schema_enum: {
    ja: '値「{value}」は使えません。決められた値のいずれかにしてください。',
    en: 'The value "{value}" is not one of the allowed values.',
  },
  schema_format: { ja: '値が {format} の形式になっていません。', en: 'The value is not a valid {format}.' },
  schema_pattern: { ja: '値の書式が正しくありません。', en: 'The value does not have the required form.' },
  schema_additional: {
    ja: 'スキーマにない項目「{property}」があります。',
    en: 'The field "{property}" is not defined by the schema.',
  },
  schema_length: {
    ja: '値の長さまたは件数が範囲外です。',
    en: 'The value is too short, too long or has too few items.',
  },
  schema_unique: { ja: '重複した値があります。', en: 'There are duplicate values.' },
  schema_choice: {
    ja: 'どの許可された形にも当てはまりません。',
    en: 'The value matches none of the allowed shapes.',
  },
  schema_other: { ja: 'スキーマに合いません: {detail}', en: 'Not valid against the schema: {detail}' },
  invalid_purl: {
    ja: 'purl「{value}」が正しくありません: {reason}',
    en: 'The purl "{value}" is not valid: {reason}',
  },
  duplicate_ref: {
    ja: '参照 ID「{value}」が重複しています。',
    en: 'The reference id "{value}" is used twice.',
  },
  unknown_ref: {
    ja: '依存関係が存在しない参照 ID「{value}」を指しています。',
    en: 'A dependency points to the unknown reference id "{value}".',
  },
  no_purl: {
    ja: '「{component}」には purl がないため、脆弱性と照合できません。',
    en: '"{component}" has no purl, so it cannot be matched against advisories.',
  },
  unmatched_type: {
    ja: '「{component}」の purl の種類「{type}」に対応する脆弱性データベースがないため、照合できません。',
    en: 'No advisory database covers the purl type "{type}" of "{component}"; it is not matched.',
  },
  no_version: {
    ja: '「{component}」にバージョンがないため、脆弱性と照合できません。',
    en: '"{component}" has no version, so it cannot be matched against advisories.',
  },
  unreadable_version: {
    ja: '「{component}」のバージョン「{value}」は {ecosystem} のバージョンとして読めないため、照合できません。',
    en: 'The version "{value}" of "{component}" is not a {ecosystem} version, so it cannot be matched.',
  },
  version_normalized: {
    ja: '「{component}」のバージョン「{value}」を「{normalized}」として照合します（Go ツールチェーンの書き方）。',
    en: 'The version "{value}" of "{component}" is matched as "{normalized}" (the Go toolchain spelling).',
  },
  cannot_evaluate_version: {
    ja: '「{component}」は {count} 件の脆弱性情報と照合できません: バージョン「{detail}」が読めません（{advisories}）。',
    en: 'Cannot evaluate "{component}" against {count} advisories: its version "{detail}" cannot be read ({advisories}).',
  },
  cannot_evaluate_ecosystem: {
    ja: '「{component}」は {count} 件の脆弱性情報と照合できません: エコシステム「{detail}」のバージョン範囲は評価できません（{advisories}）。',
    en: 'Cannot evaluate "{component}" against {count} advisories: version ranges of the ecosystem "{detail}" cannot be evaluated ({advisories}).',
  },
  cannot_evaluate_range: {
    ja: '「{component}」は {count} 件の脆弱性情報と照合できません: 脆弱性情報の範囲にある「{detail}」がこのエコシステムのバージョンとして読めません（{advisories}）。',
    en: 'Cannot evaluate "{component}" against {count} advisories: "{detail}" in the advisory range is not a version of this ecosystem ({advisories}).',
  },
  bad_structure: { ja: '構造が正しくありません: {detail}', en: 'The structure is not valid: {detail}' },
  too_many_problems: {
    ja: '問題が多すぎるため、最初の {limit} 件のみ表示しています。',
    en: 'Too many problems; only the first {limit} are listed.',
  },
  internal: {
    ja: '読み込み中に予期しないエラーが起きました: {detail}',
    en: 'An unexpected error occurred while reading: {detail}',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type SbomProblemCode = keyof typeof SBOM_PROBLEMS;

export interface SbomProblem {
  code: SbomProblemCode;
  /** JSON pointer (RFC 6901) into the document; for XML an element path like /bom/components/component[2]. */
  pointer?: string;
  /** The component the problem is about (name@version), when it is about one. */
  component?: string;
  /** 1-based line and column, where known (syntax errors, SPDX tag-value). */
  line?: number;
  column?: number;
  params?: Record<string, string | number>;
}

export function sbomProblemMessage(p: SbomProblem, locale: Locale): string {
  let msg: string = SBOM_PROBLEMS[p.code][locale];
  for (const [k, v] of Object.entries(p.params ?? {})) msg = msg.replaceAll(`{${k}}`, String(v));
  return msg;
}

/** Localized, located problems for an error body's details. */
export function describeSbomProblems(problems: readonly SbomProblem[], locale: Locale) {
  return problems.map((p) => ({
    code: p.code,
    ...(p.pointer !== undefined ? { pointer: p.pointer } : {}),
    ...(p.component !== undefined ? { component: p.component } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
    message: sbomProblemMessage(p, locale),
  }));
}

/** Escapes one JSON-pointer token. */
export function pointerToken(s: string | number): string {
  return String(s).replaceAll('~', '~0').replaceAll('/', '~1');
}
