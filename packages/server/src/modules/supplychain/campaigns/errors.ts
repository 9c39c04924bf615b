import { failWith } from '../../../platform/http/errors.ts';

/**
 * Error codes of questionnaire campaigns and the respondent page. Each refused link has its own code and
 * a message that says what to do next (the respondent has no account and no one to ask but the sender).
 */
export const CAMPAIGN_ERRORS = {
  respond_link_malformed: {
    status: 400,
    ja: 'リンクが途中で切れているようです。メールに記載されたリンクを最後まで（改行をまたぐ場合も含めて）コピーして開いてください。',
    en: 'The link seems cut off. Copy the whole link from the mail (including any part on the next line) and open it again.',
  },
  respond_link_tampered: {
    status: 400,
    ja: 'リンクの文字が変わっています（転送やコピーの途中で書き換わった可能性があります）。届いたメールのリンクをそのまま開いてください。',
    en: 'Characters of the link have changed (perhaps on the way through a forward or a copy). Open the link exactly as it came in the mail.',
  },
  respond_link_unknown: {
    status: 404,
    ja: 'このリンクは発行されていません。依頼元の担当者に新しいリンクを依頼してください。',
    en: 'This link was never issued. Ask the person who sent the request for a new link.',
  },
  respond_link_revoked: {
    status: 410,
    ja: 'このリンクは依頼元により無効にされました（新しいリンクが発行されています）。最新のメールのリンクを開いてください。',
    en: 'The sender withdrew this link (a newer one was issued). Open the link in the latest mail.',
  },
  respond_link_expired: {
    status: 410,
    ja: 'このリンクは有効期限が切れています。下のボタンで、同じメールアドレスに新しいリンクを送れます。',
    en: 'This link has expired. Use the button below to have a new link sent to the same address.',
  },
  respond_link_used: {
    status: 409,
    ja: 'このリンクは既に別のブラウザで開かれています（リンクは一度だけ使えます）。最初に開いた端末で続けるか、下のボタンで同じメールアドレスに新しいリンクを送ってください。',
    en: 'This link was already opened in another browser (a link works once). Continue on the device that opened it, or have a new link sent to the same address with the button below.',
  },
  respond_closed: {
    status: 409,
    ja: 'この回答依頼は締め切られたか、受理済みです。依頼元の担当者にお問い合わせください。',
    en: 'This request is closed or already accepted. Contact the person who sent it.',
  },
  respond_session_missing: {
    status: 401,
    ja: '回答画面を開き直してください（メールのリンクから、または最初に開いたブラウザで）。',
    en: 'Open the questionnaire again (from the mail link, or in the browser that first opened it).',
  },
  respond_item_locked: {
    status: 409,
    ja: 'この設問は提出済みまたは受理済みのため変更できません。',
    en: 'This item was submitted or accepted and cannot change.',
  },
  respond_item_not_yours: {
    status: 403,
    ja: 'この設問はあなたに転送されたものではありません。',
    en: 'This item was not forwarded to you.',
  },
  respond_incomplete: {
    status: 422,
    ja: '未回答の設問、または理由と対策予定日が必要な設問があります。',
    en: 'Some items are unanswered or need a reason and a planned date.',
  },
  evidence_refused: {
    status: 422,
    ja: '証跡ファイルを受け付けられません（PDF・画像・Office・テキスト、10 MB まで、1 設問 5 件まで）。',
    en: 'The evidence file was refused (PDF, images, Office, text; up to 10 MB; 5 per item).',
  },
  campaign_not_ready: {
    status: 409,
    ja: '送信前チェックで問題が見つかりました。表示された対処を行ってから送信してください。',
    en: 'The pre-send check found problems. Fix them as shown, then send.',
  },
  campaign_state: {
    status: 409,
    ja: 'この回答依頼の状態では、その操作はできません。',
    en: 'That cannot be done in the current state of this request.',
  },
  inbox_forward_colleague: {
    status: 400,
    ja: '転送先には、この組織で回答できる別のメンバー（閲覧者以外）を選んでください。',
    en: 'Forward to another member of this organization who can answer (not a viewer).',
  },
  reuse_source_unknown: {
    status: 404,
    ja: '選んだ前回の回答は見つからないか、この依頼には使えません。一覧を開き直して選び直してください。',
    en: 'The earlier answers you chose are not found or cannot be used for this request. Reopen the list and choose again.',
  },
  reuse_item_unavailable: {
    status: 422,
    ja: 'この設問には前回の回答を使えません（提出済み・受理済み、または回答の形式が合いません）。',
    en: 'Earlier answers cannot be used for this item (it is submitted or accepted, or the answer does not fit).',
  },
  star_result_invalid: {
    status: 422,
    ja: '★結果の入力に問題があります（★3は自己評価、★4は第三者評価で評価機関名が必要、有効期限は取得日以降）。',
    en: 'The ★ result has problems (★3 is a self-assessment; ★4 a third-party assessment and needs the assessing body; valid until must not be before the date obtained).',
  },
  star_result_expired: {
    status: 409,
    ja: 'この★結果は有効期限が切れているため提示できません。新しい結果を登録してください。',
    en: 'This ★ result has expired and cannot be shown. Record the new result first.',
  },
  star_result_locked: {
    status: 409,
    ja: 'この★結果は、取引先が承認した回答依頼に提示されているため修正できません。新しい結果として登録してください。',
    en: 'This ★ result was shown on a request its buyer accepted and can no longer be corrected. Record it as a new result.',
  },
} as const;

export const fail = failWith(CAMPAIGN_ERRORS);
