import type { AuditLabels } from '../types';

/** How the audit log names the platform module's actions and objects (both languages: the log page loads no module strings). */
export const auditLabels: AuditLabels = {
  actions: {
    'auth.login': { ja: 'サインイン', en: 'Signed in' },
    'auth.lockout': { ja: 'アカウントのロック', en: 'Account locked' },
    'auth.oidc_link': { ja: 'シングルサインオンの連携', en: 'Single sign-on linked' },
    'invitation.create': { ja: 'メンバーの招待', en: 'Member invited' },
    'invitation.accept': { ja: '招待の承諾', en: 'Invitation accepted' },
    'invitation.revoke': { ja: '招待の取り消し', en: 'Invitation revoked' },
    'member.remove': { ja: 'メンバーの削除', en: 'Member removed' },
    'member.role_change': { ja: 'ロールの変更', en: 'Role changed' },
    'organization.create': { ja: '組織の作成', en: 'Organization created' },
    'organization.update': { ja: '組織情報の更新', en: 'Organization updated' },
    'relationship.request': { ja: '取引関係の申請', en: 'Relationship requested' },
    'relationship.requested': { ja: '取引関係の申請を受信', en: 'Relationship request received' },
    'share.create': { ja: '共有の開始', en: 'Shared' },
    'share.received': { ja: '共有の受信', en: 'Share received' },
    'share.revoke': { ja: '共有の取り消し', en: 'Share revoked' },
    'token.create': { ja: 'API トークンの発行', en: 'API token created' },
    'token.revoke': { ja: 'API トークンの失効', en: 'API token revoked' },
    'user.password_change': { ja: 'パスワードの変更', en: 'Password changed' },
    'user.totp_enable': { ja: '2 段階認証の有効化', en: 'Two-step verification enabled' },
    'user.totp_disable': { ja: '2 段階認証の無効化', en: 'Two-step verification disabled' },
    'user.update': { ja: 'アカウント情報の更新', en: 'Account updated' },
    'audit.verify': { ja: '監査ログの検証', en: 'Audit log verified' },
  },
  targets: {
    organization: { ja: '組織', en: 'Organization' },
    user: { ja: 'ユーザー', en: 'User' },
    invitation: { ja: '招待', en: 'Invitation' },
    relationship: { ja: '取引関係', en: 'Relationship' },
    share: { ja: '共有', en: 'Share' },
    api_token: { ja: 'API トークン', en: 'API token' },
    job: { ja: 'ジョブ', en: 'Job' },
  },
};
