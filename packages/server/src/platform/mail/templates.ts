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
