import { failWith } from '../../platform/http/errors.ts';

/** Error codes of the management-guidelines module. */
export const GOVERNANCE_ERRORS = {
  governance_catalog_required: {
    status: 409,
    ja: 'サイバーセキュリティ経営ガイドラインの評価を指定してください。',
    en: 'Choose an assessment of the Cybersecurity Management Guidelines.',
  },
} as const;

export const fail = failWith(GOVERNANCE_ERRORS);
