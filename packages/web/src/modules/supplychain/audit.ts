import type { AuditLabels } from '../types';

/** How the audit log names the supply-chain module's actions and objects (both languages). */
export const auditLabels: AuditLabels = {
  actions: {
    'supplychain.supplier.create': { ja: 'サプライヤーの追加', en: 'Supplier added' },
    'supplychain.supplier.merge': {
      ja: 'サプライヤーの統合(同じ法人番号)',
      en: 'Supplier merged (same corporate number)',
    },
    'supplychain.supplier.update': { ja: 'サプライヤーの更新', en: 'Supplier updated' },
    'supplychain.supplier.delete': { ja: 'サプライヤーの削除', en: 'Supplier deleted' },
    'supplychain.contact.add': { ja: 'サプライヤー担当者の追加', en: 'Supplier contact added' },
    'supplychain.contact.remove': { ja: 'サプライヤー担当者の削除', en: 'Supplier contact removed' },
    'supplychain.star.decide': { ja: '★3/★4 の判定', en: '★3/★4 decided' },
    'supplychain.import': { ja: 'サプライヤーの取込', en: 'Suppliers imported' },
    'supplychain.registry.share': { ja: 'サプライヤー一覧の共有', en: 'Supplier list shared' },
    'supplychain.registry.unshare': { ja: 'サプライヤー一覧の共有停止', en: 'Supplier list sharing ended' },
  },
  targets: {
    supplier: { ja: 'サプライヤー', en: 'Supplier' },
    supplier_registry_share: { ja: 'サプライヤー一覧の共有', en: 'Supplier list share' },
  },
};
