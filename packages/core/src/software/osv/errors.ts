/** Why an `affected` entry could not be evaluated for a version (returned, never thrown). */
export type OsvProblemCode = 'unknown_ecosystem' | 'bad_event_version' | 'bad_version';

export interface OsvNotEvaluable {
  readonly ok: false;
  readonly reason: OsvProblemCode;
  /** The ecosystem or version text at fault. */
  readonly detail: string;
}

export const OSV_PROBLEM_MESSAGES: Record<OsvProblemCode, { ja: string; en: string }> = {
  unknown_ecosystem: {
    ja: 'このエコシステムのバージョン範囲は評価できません。',
    en: 'Version ranges of this ecosystem cannot be evaluated.',
  },
  bad_event_version: {
    ja: '脆弱性情報の範囲に読めないバージョンがあります。',
    en: 'A version in the advisory range cannot be read.',
  },
  bad_version: {
    ja: 'コンポーネントのバージョンが読めません。',
    en: 'The component version cannot be read.',
  },
};

export function notEvaluable(reason: OsvProblemCode, detail: string): OsvNotEvaluable {
  return { ok: false, reason, detail };
}
