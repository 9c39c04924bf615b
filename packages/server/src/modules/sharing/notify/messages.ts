import { isThreatKey, THREAT_DEFS } from '@shinrai/core/threats';
import type { SharingReportRow } from '@shinrai/store';

// What a notification says. Built only from what is published (the published title, the TLP, the attack
// type, the hub as author) and, for a reply, the replying organization's name only if it chose to be named.
// Never the reporter, never the other members, never the text under review.

export type Notice =
  | {
      event: 'published';
      reportId: string;
      title: string;
      tlp: string;
      attackType: string;
      attack: { ja: string; en: string };
      hubName: string;
      publishedAt: string;
    }
  | {
      event: 'comment';
      reportId: string;
      title: string;
      kind: 'sighting' | 'comment';
      /** The replying organization, only when it chose to be named. */
      author: string | null;
      at: string;
    };

export function publishedNotice(row: SharingReportRow, hubName: string): Notice {
  const key = row.attack_type;
  return {
    event: 'published',
    reportId: row.id,
    title: row.published_title ?? '',
    tlp: row.tlp ?? '',
    attackType: key,
    attack: isThreatKey(key) ? THREAT_DEFS[key].label : { ja: 'その他', en: 'Other' },
    hubName,
    publishedAt: row.published_at ?? '',
  };
}

export const tlpLabel = (tlp: string) => `TLP:${tlp.toUpperCase()}`;

export function noticeLink(publicUrl: string, orgId: string, reportId: string): string {
  return `${publicUrl}/orgs/${orgId}/sharing/feed/${reportId}`;
}

/** The mail: subject in the recipient's language, body in Japanese then English (English first for en). */
export function noticeMail(n: Notice, link: string, locale: string): { subject: string; text: string } {
  const en = locale === 'en';
  if (n.event === 'published') {
    const ja = [
      `${n.hubName} が攻撃情報を公開しました。`,
      ``,
      `件名: ${n.title}`,
      `TLP: ${tlpLabel(n.tlp)}`,
      `攻撃の種類: ${n.attack.ja}`,
      ``,
      `詳細（サインインが必要です）: ${link}`,
      `この情報は ${tlpLabel(n.tlp)} の範囲でのみ扱ってください。`,
    ].join('\n');
    const eng = [
      `${n.hubName} published attack information.`,
      ``,
      `Title: ${n.title}`,
      `TLP: ${tlpLabel(n.tlp)}`,
      `Attack type: ${n.attack.en}`,
      ``,
      `Details (sign-in required): ${link}`,
      `Handle this information within ${tlpLabel(n.tlp)} only.`,
    ].join('\n');
    return {
      subject: en
        ? `[Shinrai] ${tlpLabel(n.tlp)} attack information published: ${n.title}`
        : `【Shinrai】攻撃情報が公開されました（${tlpLabel(n.tlp)}）: ${n.title}`,
      text: `${en ? eng : ja}\n\n----\n\n${en ? ja : eng}\n`,
    };
  }
  const who = { ja: n.author ?? '会員組織', en: n.author ?? 'A member organization' };
  const what = {
    ja: n.kind === 'sighting' ? '同様の攻撃を観測したと報告しました' : 'コメントを書き込みました',
    en: n.kind === 'sighting' ? 'reported seeing the same attack' : 'added a comment',
  };
  const ja = `${who.ja}が、あなたの組織の報告「${n.title}」について${what.ja}。\n\n${link}`;
  const eng = `${who.en} ${what.en} on your organization's report "${n.title}".\n\n${link}`;
  return {
    subject: en
      ? `[Shinrai] New ${n.kind === 'sighting' ? 'sighting' : 'comment'} on your report: ${n.title}`
      : `【Shinrai】あなたの報告に${n.kind === 'sighting' ? '観測報告' : 'コメント'}がありました: ${n.title}`,
    text: `${en ? eng : ja}\n\n----\n\n${en ? ja : eng}\n`,
  };
}

/** The webhook body (JSON, signed). */
export function noticePayload(n: Notice, link: string, deliveryId: string) {
  if (n.event === 'published')
    return {
      event: 'sharing.report_published',
      deliveryId,
      report: {
        id: n.reportId,
        title: n.title,
        tlp: n.tlp,
        attackType: n.attackType,
        publishedAt: n.publishedAt,
        url: link,
      },
      hub: { name: n.hubName },
    };
  return {
    event: n.kind === 'sighting' ? 'sharing.sighting_added' : 'sharing.comment_added',
    deliveryId,
    report: { id: n.reportId, title: n.title, url: link },
    author: n.author,
    at: n.at,
  };
}
