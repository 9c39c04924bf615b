import { failWith } from '../../platform/http/errors.ts';

/** Error codes of the assessment engine, with their statuses and messages. */
export const ASSESSMENT_ERRORS = {
  answer_conflict: {
    status: 409,
    ja: '他の人がこの回答を先に更新しました。最新の内容を確認してください。',
    en: 'Someone saved a newer answer first. Review the latest value.',
  },
  answer_invalid: {
    status: 400,
    ja: 'この設問の回答形式に合っていません。',
    en: 'The answer does not fit this item.',
  },
  assessment_not_editable: {
    status: 409,
    ja: 'この評価は下書きではないため、回答を変更できません。',
    en: 'This assessment is not a draft; its answers cannot change.',
  },
  status_move: {
    status: 409,
    ja: 'この状態には変更できません。',
    en: 'The assessment cannot move to this status.',
  },
} as const;

export const fail = failWith(ASSESSMENT_ERRORS);
