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
