import { failWith } from '../../platform/http/errors.ts';

/** Error codes of the supply-chain module, with their statuses and messages. */
export const SUPPLYCHAIN_ERRORS = {
  star_note_required: {
    status: 400,
    ja: '判定結果と異なるレベルにするには、理由のメモが必要です。',
    en: 'A note is required to choose a level other than the one the rule gives.',
  },
  supplier_not_related: {
    status: 409,
    ja: 'この組織とは合意済みの取引関係（発注元→取引先）がありません。',
    en: 'There is no agreed buyer → supplier relationship with this organization.',
  },
  supplier_parent_invalid: {
    status: 409,
    ja: '上位のサプライヤーが見つからないか、この位置には置けません。',
    en: 'The supplier one tier up does not exist or cannot be used here.',
  },
} as const;

export const fail = failWith(SUPPLYCHAIN_ERRORS);
