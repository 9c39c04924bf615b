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
  four_eyes_required: {
    status: 409,
    ja: 'この組織では、評価を提出した人や最後に回答を編集した人は承認できません。別の人に承認を依頼してください。',
    en: 'In this organization, whoever submitted the assessment or last edited an answer cannot approve it. Ask someone else to approve.',
  },
  status_move: {
    status: 409,
    ja: 'この状態には変更できません。',
    en: 'The assessment cannot move to this status.',
  },
} as const;

export const fail = failWith(ASSESSMENT_ERRORS);
