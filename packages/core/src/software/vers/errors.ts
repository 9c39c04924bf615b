/** Why a vers string was refused; `en` texts follow the wording of the vers-spec test suite. */
export type VersErrorCode =
  | 'not_vers'
  | 'bad_scheme'
  | 'whitespace'
  | 'empty'
  | 'leading_pipe'
  | 'trailing_pipe'
  | 'consecutive_pipes'
  | 'bad_percent'
  | 'noncanonical_percent'
  | 'datetime_case'
  | 'datetime_colons'
  | 'empty_version'
  | 'bad_version'
  | 'unsorted'
  | 'duplicate_version'
  | 'star_not_alone'
  | 'unknown_scheme'
  | 'unsupported_range';

export interface VersFailure {
  readonly ok: false;
  readonly reason: VersErrorCode;
  readonly input: string;
}

export const VERS_ERROR_MESSAGES: Record<VersErrorCode, { ja: string; en: string }> = {
  not_vers: {
    ja: '「vers:<種別>/<条件>」の形式ではありません。',
    en: 'not a vers string: expected vers:<scheme>/<constraints>',
  },
  bad_scheme: {
    ja: 'バージョン種別の名前が正しくありません。',
    en: 'non-canonical VERS: invalid versioning scheme',
  },
  whitespace: { ja: '空白は使えません。', en: 'non-canonical VERS: whitespace is not permitted' },
  empty: { ja: '条件がありません。', en: 'non-canonical VERS: no constraints' },
  leading_pipe: {
    ja: '条件を「|」で始めることはできません。',
    en: 'non-canonical VERS: leading pipe is not permitted',
  },
  trailing_pipe: {
    ja: '条件を「|」で終えることはできません。',
    en: 'non-canonical VERS: trailing pipe is not permitted',
  },
  consecutive_pipes: {
    ja: '「|」を連続させることはできません。',
    en: 'non-canonical VERS: consecutive pipes are not permitted',
  },
  bad_percent: {
    ja: 'バージョンのパーセントエンコードが正しくありません。',
    en: 'non-canonical VERS: invalid percent-encoding in version',
  },
  noncanonical_percent: {
    ja: 'パーセントエンコードは大文字の16進数で書いてください。',
    en: 'non-canonical VERS: percent-encoding in version is not canonical',
  },
  datetime_case: {
    ja: '日時は大文字の T と Z で書いてください。',
    en: 'non-canonical VERS: datetime must use uppercase T and Z',
  },
  datetime_colons: {
    ja: '日時のコロンはエンコードせずに書いてください。',
    en: 'non-canonical VERS: datetime time colons must be unencoded',
  },
  empty_version: { ja: 'バージョンが空の条件があります。', en: 'non-canonical VERS: empty version' },
  bad_version: {
    ja: 'この種別では読めないバージョンがあります。',
    en: 'non-canonical VERS: version is not valid for the scheme',
  },
  unsorted: {
    ja: '条件がバージョン順に並んでいません。',
    en: 'non-canonical VERS: constraints are not sorted by version',
  },
  duplicate_version: {
    ja: '同じバージョンが複数回使われています。',
    en: 'non-canonical VERS: a version is used more than once',
  },
  star_not_alone: {
    ja: '「*」は単独でしか使えません。',
    en: 'non-canonical VERS: "*" must be the only constraint',
  },
  unsupported_range: {
    ja: 'この範囲（limit を含む範囲や GIT 範囲）は vers で表せません。',
    en: 'this range (with limit events, or a GIT range) has no vers form',
  },
  unknown_scheme: {
    ja: 'この種別のバージョン順序には対応していません。',
    en: 'version ordering for this vers scheme is not supported',
  },
};

export function versFailure(reason: VersErrorCode, input: string): VersFailure {
  return { ok: false, reason, input };
}
