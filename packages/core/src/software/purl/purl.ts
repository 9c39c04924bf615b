import type { Locale } from '../../errors.ts';

/** A package URL (purl, ECMA-427) split into its decoded components. */
export interface PackageUrl {
  readonly type: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly version: string | null;
  /** Keys are lowercase; empty values are dropped; null when there are none. */
  readonly qualifiers: Readonly<Record<string, string>> | null;
  readonly subpath: string | null;
}

/** Components as a caller hands them to {@link buildPurl}; anything may be missing. */
export interface PurlComponents {
  type?: string | null;
  namespace?: string | null;
  name?: string | null;
  version?: string | null;
  qualifiers?: Readonly<Record<string, string | null | undefined>> | null;
  subpath?: string | null;
}

export const PURL_PROBLEMS = {
  not_a_string: { ja: 'purl が文字列ではありません。', en: 'The purl is not a string.' },
  too_long: { ja: 'purl が長すぎます。', en: 'The purl is too long.' },
  bad_scheme: { ja: 'purl は「pkg:」で始めてください。', en: 'A purl must start with "pkg:".' },
  bad_type: {
    ja: 'パッケージ種別（type）がないか、使えない文字を含みます。',
    en: 'The package type is missing or has characters that are not allowed.',
  },
  missing_name: { ja: 'パッケージ名がありません。', en: 'The package name is missing.' },
  bad_encoding: {
    ja: 'パーセントエンコードが壊れています。',
    en: 'The percent-encoding is broken.',
  },
  bad_namespace: {
    ja: '名前空間（namespace）がこの種別の規則に合いません。',
    en: 'The namespace does not fit the rules of this package type.',
  },
  bad_name: {
    ja: 'パッケージ名がこの種別の規則に合いません。',
    en: 'The package name does not fit the rules of this package type.',
  },
  bad_version: {
    ja: 'バージョンがこの種別の規則に合いません。',
    en: 'The version does not fit the rules of this package type.',
  },
  bad_qualifier: {
    ja: '修飾子（qualifier）のキーまたは値が正しくありません。',
    en: 'A qualifier key or value is not valid.',
  },
  missing_qualifier: {
    ja: 'この種別に必要な修飾子がありません。',
    en: 'A qualifier this package type requires is missing.',
  },
  bad_subpath: { ja: 'サブパスが正しくありません。', en: 'The subpath is not valid.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type PurlProblem = keyof typeof PURL_PROBLEMS;

export type PurlResult = { ok: true; purl: PackageUrl } | { ok: false; reason: PurlProblem; detail?: string };

export function purlProblemMessage(reason: PurlProblem, locale: Locale): string {
  return PURL_PROBLEMS[reason][locale];
}

export function purlFail(reason: PurlProblem, detail?: string): PurlResult {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}
