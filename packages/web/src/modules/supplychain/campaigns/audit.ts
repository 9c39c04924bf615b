import type { AuditLabels } from '../../types';

/** How the audit log names campaign and respondent actions (both languages). */
export const campaignAuditLabels: AuditLabels = {
  actions: {
    'campaign.send': { ja: '回答依頼の送信', en: 'Campaign sent' },
    'campaign.mail_resend': { ja: '依頼メールの再送', en: 'Campaign mail resent' },
    'campaign.link_copy': { ja: '回答リンクの発行（コピー）', en: 'Respondent link copied' },
    'campaign.item_return': { ja: '設問の差し戻し', en: 'Item sent back' },
    'campaign.item_accept': { ja: '設問の受理', en: 'Item accepted' },
    'campaign.accept': { ja: '回答の受理', en: 'Answers accepted' },
    'respond.open': { ja: '回答リンクを開いた', en: 'Respondent link opened' },
    'respond.answer': { ja: '取引先の回答', en: 'Supplier answered' },
    'respond.forward': { ja: '同僚への転送', en: 'Forwarded to a colleague' },
    'respond.evidence': { ja: '証跡の添付（取引先）', en: 'Evidence attached (supplier)' },
    'respond.submit': { ja: '回答の提出', en: 'Answers submitted' },
    'respond.relink': { ja: '新しいリンクの再送依頼', en: 'New link requested' },
    'respond.reuse': {
      ja: '前回の回答の再利用（取引先の同意）',
      en: 'Earlier answers reused (supplier consent)',
    },
    'respond.declaration': {
      ja: 'SECURITY ACTION 宣言の添付（取引先の同意）',
      en: 'SECURITY ACTION declaration attached (supplier consent)',
    },
    'supplychain.inbox.declaration': {
      ja: 'SECURITY ACTION 宣言を取引先の依頼に添付',
      en: "SECURITY ACTION declaration attached to a buyer's request",
    },
    'respond.star_result': {
      ja: '★結果の提示（取引先の同意）',
      en: '★ result shown (supplier consent)',
    },
    'respond.star_result_withdraw': {
      ja: '★結果の提示を取り下げ',
      en: '★ result withdrawn',
    },
    'supplychain.inbox.star_result': {
      ja: '★結果を取引先の依頼に提示',
      en: "★ result shown on a buyer's request",
    },
    'supplychain.inbox.star_result_withdraw': {
      ja: '取引先の依頼への★結果の提示を取り下げ',
      en: "★ result withdrawn from a buyer's request",
    },
    'supplychain.star_result.record': { ja: '自社の★結果を登録', en: 'Own ★ result recorded' },
    'supplychain.star_result.evidence': {
      ja: '★結果の証跡ファイルを登録',
      en: '★ result evidence file set',
    },
    'supplychain.star_result.edit': { ja: '自社の★結果を修正', en: 'Own ★ result corrected' },
    'respond.star_result_correct': {
      ja: '取引先が提示中の★結果を修正',
      en: 'The supplier corrected a ★ result it showed',
    },
    'supplychain.inbox.reuse': {
      ja: '前回の回答を取引先の依頼に再利用',
      en: "Earlier answers reused for a buyer's request",
    },
  },
  targets: {
    campaign: { ja: '回答依頼', en: 'Campaign' },
    campaign_request: { ja: '取引先への依頼', en: 'Supplier request' },
    outbox_mail: { ja: '送信メール', en: 'Outbox mail' },
    star_result: { ja: '★結果', en: '★ result' },
  },
};
