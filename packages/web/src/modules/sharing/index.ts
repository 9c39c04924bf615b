import type { WebModule } from '../types';
import { sharingI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** Attack-information sharing: the hub's review and publication, a member's reports and feed. */
export const sharing: WebModule = {
  name: 'sharing',
  i18n: sharingI18n,
  orgRoutes,
  nav,
  auditLabels: {
    actions: {
      'sharing.hub_set': { ja: '共有ハブの NDA 版を設定', en: 'Set the hub’s NDA version' },
      'sharing.nda_accept': { ja: 'ハブの NDA に同意', en: 'Accepted a hub’s NDA' },
      'sharing.nda_accepted': { ja: '会員が NDA に同意', en: 'A member accepted the NDA' },
      'sharing.group_create': { ja: 'セクターグループを作成', en: 'Created a sector group' },
      'sharing.group_members': { ja: 'セクターグループの会員を設定', en: 'Set a sector group’s members' },
      'sharing.dictionary_set': { ja: '秘匿化辞書を更新', en: 'Updated the sanitization dictionary' },
      'sharing.report_submit': { ja: '攻撃情報を報告', en: 'Submitted an attack report' },
      'sharing.report_received': { ja: '攻撃情報の報告を受付', en: 'Received an attack report' },
      'sharing.report_review': { ja: '秘匿化を確認', en: 'Reviewed the redactions' },
      'sharing.report_approve': { ja: '公開内容を承認', en: 'Approved the text to publish' },
      'sharing.report_changes_requested': { ja: '修正を依頼', en: 'Asked for changes' },
      'sharing.report_publish': { ja: '攻撃情報を公開', en: 'Published an attack report' },
      'sharing.sighting_add': { ja: '観測を報告', en: 'Added a sighting' },
      'sharing.comment_add': { ja: 'コメントを追加', en: 'Added a comment' },
    },
    targets: {
      sharing_report: { ja: '攻撃情報の報告', en: 'attack report' },
      sharing_group: { ja: 'セクターグループ', en: 'sector group' },
    },
  },
};
