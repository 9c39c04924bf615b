import type { Locale } from '@shinrai/core';
import type { OutgoingMail } from './mailer.ts';

const ROLE_NAMES: Record<string, Record<Locale, string>> = {
  owner: { ja: 'オーナー', en: 'owner' },
  admin: { ja: '管理者', en: 'administrator' },
  member: { ja: 'メンバー', en: 'member' },
  viewer: { ja: '閲覧者', en: 'viewer' },
  auditor: { ja: '監査担当', en: 'auditor' },
};

/** Invitation mail, in Japanese with an English part (the invitee's language is not known yet). */
export function invitationMail(p: {
  to: string;
  orgName: string;
  inviterName: string;
  role: string;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const jaDate = new Intl.DateTimeFormat('ja-JP', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(p.expiresAt);
  const enDate = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(p.expiresAt);
  return {
    to: p.to,
    subject: `【Shinrai】${p.orgName} への招待 / Invitation to ${p.orgName}`,
    text: [
      `${p.inviterName} さんから、Shinrai の組織「${p.orgName}」に${ROLE_NAMES[p.role]?.ja ?? p.role}として招待されました。`,
      '',
      '次のリンクを開いて参加してください（1回限り有効）:',
      p.link,
      '',
      `有効期限: ${jaDate}（日本時間）`,
      '心当たりがない場合は、このメールを破棄してください。',
      '',
      '----',
      `${p.inviterName} invited you to the organization "${p.orgName}" on Shinrai as ${ROLE_NAMES[p.role]?.en ?? p.role}.`,
      `Open this single-use link to join: ${p.link}`,
      `It expires on ${enDate} (Japan time).`,
    ].join('\n'),
  };
}

/**
 * Sent once when repeated failed sign-ins lock an account. The sign-in page answers a locked account
 * exactly as an unknown address, so this mail is how the owner learns of it. Japanese with an English part.
 */
export function lockoutMail(p: { to: string; until: Date }): OutgoingMail {
  const fmt = (locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(
      p.until,
    );
  return {
    to: p.to,
    subject: '【Shinrai】アカウントを一時的にロックしました / Your account was locked',
    text: [
      'ログインの失敗が続いたため、Shinrai のあなたのアカウントを一時的にロックしました。',
      `${fmt('ja-JP')}（日本時間）を過ぎると、再びログインできます。それまではパスワードが正しくてもログインできません。`,
      '心当たりがない場合は、第三者がパスワードを試している可能性があります。ロックの解除後にパスワードを変更し、二要素認証を有効にしてください。',
      '',
      '----',
      'Repeated failed sign-ins locked your Shinrai account for a while.',
      `You can sign in again after ${fmt('en-US')} (Japan time); until then even the right password is refused.`,
      'If this was not you, someone may be guessing your password: change it once the lock is over and turn on two-factor sign-in.',
    ].join('\n'),
  };
}

const RELATIONSHIP_NAMES: Record<string, Record<Locale, string>> = {
  buyer_supplier: { ja: '発注元・取引先（サプライヤー）', en: 'buyer and supplier' },
};

const jst = (locale: string, d: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(
    d,
  );

/** Invites an organization that is not on Shinrai yet to a relationship. Japanese with an English part. */
export function orgInvitationMail(p: {
  to: string;
  companyName: string;
  fromOrgName: string;
  inviterName: string;
  type: string;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const rel = RELATIONSHIP_NAMES[p.type] ?? { ja: p.type, en: p.type };
  return {
    to: p.to,
    subject: `【Shinrai】${p.fromOrgName} から取引関係の申請 / ${p.fromOrgName} asks for a relationship`,
    text: [
      `${p.companyName} ご担当者様`,
      '',
      `${p.fromOrgName} の ${p.inviterName} さんが、Shinrai 上で貴社との取引関係（${rel.ja}）を申請しました。`,
      '次のリンクを開くと、アカウントと組織を作成し、申請を確認できます（1回限り有効）:',
      p.link,
      '',
      `有効期限: ${jst('ja-JP', p.expiresAt)}（日本時間）`,
      '申請は、貴社が承認するまで有効になりません。心当たりがない場合は、このメールを破棄してください。',
      '',
      '----',
      `${p.inviterName} of ${p.fromOrgName} asked your company (${p.companyName}) for a ${rel.en} relationship on Shinrai.`,
      `Open this single-use link to create your account and organization and review the request: ${p.link}`,
      `It expires on ${jst('en-US', p.expiresAt)} (Japan time). Nothing takes effect until you accept.`,
    ].join('\n'),
  };
}

/** Tells an organization's owners and administrators that another organization asked for a relationship. */
export function relationshipRequestMail(p: {
  to: string;
  orgName: string;
  fromOrgName: string;
  type: string;
  link: string;
}): OutgoingMail {
  const rel = RELATIONSHIP_NAMES[p.type] ?? { ja: p.type, en: p.type };
  return {
    to: p.to,
    subject: `【Shinrai】${p.fromOrgName} から取引関係の申請 / Relationship request from ${p.fromOrgName}`,
    text: [
      `${p.fromOrgName} が、${p.orgName} との取引関係（${rel.ja}）を申請しました。`,
      '承認するか辞退するかを、次のページで選んでください:',
      p.link,
      '',
      '----',
      `${p.fromOrgName} asked ${p.orgName} for a ${rel.en} relationship.`,
      `Accept or decline it here: ${p.link}`,
    ].join('\n'),
  };
}
