import type { OutgoingMail } from '../../../platform/mail/mailer.ts';

/**
 * What a campaign mail says. Respondents have no account to hold a language, so the buyer chooses one per
 * campaign: Japanese then English (the default), Japanese only, or English only.
 */
export interface CampaignMailInput {
  kind: string;
  /** 'ja_en' (default) | 'ja' | 'en'. */
  language?: string;
  to: string;
  toName: string | null;
  buyer: string;
  title: string;
  deadline: string;
  /** The respondent link (invite, reminder, forward) or the buyer's campaign page (escalation). */
  url: string;
  expiresOn: string | null;
  reminderDays?: number;
  forwardedBy?: string | null;
  itemTitle?: string | null;
  supplier?: string | null;
  note?: string | null;
}

function linkNote(m: CampaignMailInput): { ja: string; en: string } {
  return {
    ja: `このリンクはあなた専用で、一度だけ開けます（開いたブラウザで一時保存し、後から続きを回答できます）。アカウントは不要です。有効期限: ${m.expiresOn ?? ''}\n他の方に回答を頼む場合は、リンクを転送せず、回答画面の「転送」を使ってください。`,
    en: `This link is yours and opens once (the browser that opens it can save and come back later). No account is needed. Valid until: ${m.expiresOn ?? ''}\nTo ask a colleague, do not forward this mail: use "Forward" in the questionnaire.`,
  };
}

/** One mail in the campaign's language(s): both parts joined as before, or one of them alone. */
function inLanguage(
  m: CampaignMailInput,
  subject: { both: string; ja: string; en: string },
  text: { ja: string; en: string },
): OutgoingMail {
  if (m.language === 'ja') return { to: m.to, subject: subject.ja, text: `${text.ja}\n` };
  if (m.language === 'en') return { to: m.to, subject: subject.en, text: `${text.en}\n` };
  return { to: m.to, subject: subject.both, text: `${text.ja}\n\n--\n${text.en}\n` };
}

export function campaignMail(m: CampaignMailInput): OutgoingMail {
  const dear = {
    ja: m.toName ? `${m.toName} 様` : 'ご担当者様',
    en: m.toName ? `Dear ${m.toName},` : 'Hello,',
  };
  if (m.kind === 'escalation') {
    // To the buyer's own campaign owner (an account holder), not to a respondent: always both languages.
    return {
      to: m.to,
      subject: `【Shinrai】回答期限を過ぎた取引先があります: ${m.title} / Overdue supplier answers`,
      text: `「${m.title}」（期限 ${m.deadline}）で、${m.supplier ?? ''} から回答が提出されていません。\n送信状況とリマインドは次の画面で確認できます：\n${m.url}\n\n--\n${m.supplier ?? ''} has not submitted "${m.title}" (deadline ${m.deadline}). See the campaign's delivery and reminders here:\n${m.url}\n`,
    };
  }
  const note = linkNote(m);
  if (m.kind === 'forward') {
    const what = m.itemTitle ? `設問「${m.itemTitle}」` : '質問票';
    const whatEn = m.itemTitle ? `the item "${m.itemTitle}"` : 'the questionnaire';
    const ja = `【Shinrai】${m.forwardedBy ?? ''} さんから回答の依頼（${m.buyer}）`;
    return inLanguage(
      m,
      {
        both: `${ja} / A colleague asks for your answer`,
        ja,
        en: `[Shinrai] ${m.forwardedBy ?? ''} asks for your answer (${m.buyer})`,
      },
      {
        ja: `${dear.ja}\n\n${m.forwardedBy ?? ''} さんから、${m.buyer} のセキュリティ質問票「${m.title}」の${what}への回答を依頼されました（期限 ${m.deadline}）。\n\n${m.url}\n\n${note.ja}`,
        en: `${dear.en}\n\n${m.forwardedBy ?? ''} asks you to answer ${whatEn} of the security questionnaire "${m.title}" from ${m.buyer} (deadline ${m.deadline}).\n\n${m.url}\n\n${note.en}`,
      },
    );
  }
  const reminder = m.kind === 'reminder';
  const lead =
    m.kind === 'clarify'
      ? {
          ja: `${m.buyer} より、ご回答いただいた質問票「${m.title}」の一部の設問について確認のお願いがあります（差し戻し）。画面の「確認のお願い」が付いた設問に回答し、再提出してください。${m.note ? `\n依頼内容: ${m.note}` : ''}`,
          en: `${m.buyer} asks you to clarify some answers of "${m.title}". Answer the items marked "Clarification requested" and submit again.${m.note ? `\nNote: ${m.note}` : ''}`,
        }
      : reminder
        ? {
            ja: `回答期限（${m.deadline}）まであと ${m.reminderDays ?? ''} 日です。まだ提出されていないため、お知らせします。`,
            en: `The deadline (${m.deadline}) is ${m.reminderDays ?? ''} day(s) away and the questionnaire has not been submitted yet.`,
          }
        : {
            ja: `${m.buyer} より、取引先のセキュリティ対策状況の確認（サプライチェーン・セキュリティ）のため、質問票「${m.title}」へのご回答をお願いします。回答期限は ${m.deadline} です。`,
            en: `${m.buyer} asks you to answer the security questionnaire "${m.title}" (supply-chain security). The deadline is ${m.deadline}.`,
          };
  const subject =
    m.kind === 'clarify'
      ? {
          ja: `【Shinrai】回答内容の確認のお願い: ${m.title}`,
          en: `[Shinrai] Clarification requested: ${m.title}`,
          tail: 'Clarification requested',
        }
      : reminder
        ? {
            ja: `【Shinrai】リマインド: ${m.title}（期限 ${m.deadline}）`,
            en: `[Shinrai] Reminder: ${m.title} (deadline ${m.deadline})`,
            tail: 'Reminder',
          }
        : {
            ja: `【Shinrai】${m.buyer} からセキュリティ質問票のご依頼: ${m.title}（期限 ${m.deadline}）`,
            en: `[Shinrai] Security questionnaire from ${m.buyer}: ${m.title} (deadline ${m.deadline})`,
            tail: 'Security questionnaire',
          };
  return inLanguage(
    m,
    { both: `${subject.ja} / ${subject.tail}`, ja: subject.ja, en: subject.en },
    {
      ja: `${dear.ja}\n\n${lead.ja}\n\n${m.url}\n\n${note.ja}`,
      en: `${dear.en}\n\n${lead.en}\n\n${m.url}\n\n${note.en}`,
    },
  );
}
