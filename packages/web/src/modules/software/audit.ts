import type { AuditLabels } from '../types';

/** How the audit log names the software module's actions and objects (both languages: the log page loads no module strings). */
export const auditLabels: AuditLabels = {
  actions: {
    'software.product.create': { ja: '製品の追加', en: 'Product added' },
    'software.product.update': { ja: '製品の更新', en: 'Product updated' },
    'software.product.delete': { ja: '製品の削除', en: 'Product deleted' },
    'software.release.create': { ja: 'リリースの追加', en: 'Release added' },
    'software.release.delete': { ja: 'リリースの削除', en: 'Release deleted' },
    'software.sbom.upload': { ja: 'SBOM の登録', en: 'SBOM uploaded' },
    'software.vex.import': { ja: 'VEX の取り込み', en: 'VEX imported' },
    'software.vex.set': { ja: '脆弱性の分析の記録', en: 'Analysis recorded' },
    'software.license_policy.set': { ja: 'ライセンス方針の設定', en: 'License policy set' },
    'software.notifications.set': { ja: '通知設定の変更', en: 'Notifications set' },
    'software.artifact.register': { ja: '配布物の登録', en: 'Artifact registered' },
    'software.artifact.mismatch': { ja: '配布物のハッシュ不一致', en: 'Artifact mismatch' },
    'software.malicious_package': { ja: '不正なパッケージの検出', en: 'Malicious package found' },
    'software.new_findings': { ja: '新しい脆弱性の検出', en: 'New findings' },
    'software.rematch': { ja: '再照合', en: 'Re-matched' },
    'software.share.create': { ja: 'SBOM の共有', en: 'SBOM shared' },
    'software.share.received': { ja: 'SBOM の共有を受信', en: 'SBOM share received' },
    'software.share.revoke': { ja: 'SBOM 共有の取り消し', en: 'SBOM share revoked' },
    'advisories.import': { ja: 'アドバイザリの取り込み', en: 'Advisories imported' },
  },
  targets: {
    software_product: { ja: '製品', en: 'Product' },
    software_release: { ja: 'リリース', en: 'Release' },
    software_finding: { ja: '検出結果', en: 'Finding' },
    software_share: { ja: 'SBOM 共有', en: 'SBOM share' },
  },
};
