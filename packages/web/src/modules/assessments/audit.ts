import type { AuditLabels } from '../types';

/** How the audit log names the assessments module's actions and objects (both languages: the log page loads no module strings). */
export const auditLabels: AuditLabels = {
  actions: {
    'assessment.create': { ja: '評価の作成', en: 'Assessment created' },
    'assessment.answer': { ja: '回答の記録', en: 'Answer recorded' },
    'assessment.import': { ja: '回答の取り込み', en: 'Answers imported' },
    'assessment.prefill': { ja: '前回の回答の引き継ぎ', en: 'Answers carried over' },
    'assessment.status': { ja: '評価の状態の変更', en: 'Assessment status changed' },
    'assessment.upgrade': { ja: 'カタログの版の更新', en: 'Catalog version upgraded' },
    'assessment.settings': { ja: 'レビューの設定の変更', en: 'Review settings changed' },
    'evidence.upload': { ja: '証跡の登録', en: 'Evidence uploaded' },
    'evidence.delete': { ja: '証跡の削除', en: 'Evidence deleted' },
  },
  targets: {
    assessment: { ja: '評価', en: 'Assessment' },
  },
};
