/** Why a version string could not be read (an expected outcome, returned as a value). */
export type VersionErrorCode =
  | 'empty'
  | 'whitespace'
  | 'control_character'
  | 'no_number'
  | 'bad_epoch'
  | 'bad_character'
  | 'unknown_ecosystem';

export interface VersionFailure {
  readonly ok: false;
  readonly reason: VersionErrorCode;
  readonly input: string;
}

export const VERSION_ERROR_MESSAGES: Record<VersionErrorCode, { ja: string; en: string }> = {
  empty: { ja: 'バージョンが空です。', en: 'The version is empty.' },
  whitespace: { ja: 'バージョンに空白が含まれています。', en: 'The version contains whitespace.' },
  control_character: {
    ja: 'バージョンに制御文字が含まれています。',
    en: 'The version contains a control character.',
  },
  no_number: { ja: 'バージョンが数字で始まっていません。', en: 'The version does not start with a number.' },
  bad_epoch: {
    ja: 'エポック（「:」の前）が数字ではありません。',
    en: 'The epoch (before ":") is not a number.',
  },
  bad_character: {
    ja: 'このエコシステムのバージョンでは使えない文字が含まれています。',
    en: 'The version contains a character this ecosystem does not allow.',
  },
  unknown_ecosystem: {
    ja: 'このエコシステムのバージョン順序には対応していません。',
    en: 'Version ordering for this ecosystem is not supported.',
  },
};

export function versionFailure(reason: VersionErrorCode, input: string): VersionFailure {
  return { ok: false, reason, input };
}

/** Checks shared by every scheme: not empty, no whitespace, no control characters. */
export function basicCheck(input: string): VersionFailure | null {
  if (input.length === 0) return versionFailure('empty', input);
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11)
      return versionFailure('whitespace', input);
    if (c < 32 || c === 127) return versionFailure('control_character', input);
  }
  return null;
}
