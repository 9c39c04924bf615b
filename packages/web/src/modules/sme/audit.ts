import type { AuditLabels } from '../types';

/** How the audit log names the sme module's actions and objects (both languages: the log page loads no module strings). */
export const auditLabels: AuditLabels = {
  actions: {
    'sme.declaration_record': {
      ja: 'SECURITY ACTION 宣言の記録',
      en: 'SECURITY ACTION declaration recorded',
    },
    'sme.policy_set': { ja: '基本方針の保存', en: 'Basic policy saved' },
    'sme.policy_publish': { ja: '基本方針の公開', en: 'Basic policy published' },
    'sme.policy_withdraw': { ja: '基本方針の公開停止', en: 'Basic policy withdrawn' },
    'sme.reminders': { ja: '見直しリマインダーの設定', en: 'Review reminders set' },
  },
  targets: {},
};
