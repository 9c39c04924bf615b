import type { AuditLabels } from '../types';

/** How the audit log names the governance module's actions and objects (both languages: the log page loads no module strings). */
export const auditLabels: AuditLabels = {
  actions: {
    'governance.action.create': { ja: '施策の追加', en: 'Action added' },
    'governance.action.update': { ja: '施策の更新', en: 'Action updated' },
    'governance.action.delete': { ja: '施策の削除', en: 'Action deleted' },
    'governance.targets': { ja: '目標の設定', en: 'Targets set' },
    'governance.overdue': { ja: '期限超過の通知', en: 'Overdue notice' },
    'governance.reminder_sent': { ja: 'リマインダーの送信', en: 'Reminder sent' },
  },
  targets: {
    governance_action: { ja: '施策', en: 'Action' },
  },
};
