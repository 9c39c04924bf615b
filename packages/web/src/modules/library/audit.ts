import type { AuditLabels } from '../types';

/** How the audit log names the library module's actions and objects (both languages: the log page loads no module strings). */
export const auditLabels: AuditLabels = {
  actions: {
    'catalog.import': { ja: 'カタログの取り込み', en: 'Catalog imported' },
  },
  targets: {
    catalog: { ja: 'カタログ', en: 'Catalog' },
    library: { ja: 'ライブラリ', en: 'Library' },
  },
};
