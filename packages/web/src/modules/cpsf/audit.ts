import type { AuditLabels } from '../types';

/** How the audit log names the cpsf module's actions and objects (both languages: the log page loads no module strings). */
export const auditLabels: AuditLabels = {
  actions: {
    'cpsf.model.create': { ja: 'モデルの作成', en: 'Model created' },
    'cpsf.model.update': { ja: 'モデルの更新', en: 'Model updated' },
    'cpsf.model.delete': { ja: 'モデルの削除', en: 'Model deleted' },
    'cpsf.model.graph': { ja: '構成図の保存', en: 'Diagram saved' },
    'cpsf.model.import': { ja: 'モデルの取り込み', en: 'Model imported' },
    'cpsf.plan': { ja: '対策計画の更新', en: 'Plan updated' },
    'cpsf.status': { ja: '対策状況の記録', en: 'Status recorded' },
    'cpsf.risk.withdraw': { ja: 'リスク源の判断の取り下げ', en: 'Risk-source decision withdrawn' },
  },
  targets: {
    cpsf_model: { ja: 'CPSF モデル', en: 'CPSF model' },
  },
};
