import type { Locale } from '../errors.ts';

/** Answers to the few questions the basic-policy generator asks. */
export interface PolicyInput {
  companyName: string;
  representativeTitle: string;
  representativeName: string;
  /** What the policy covers, e.g. 「当社の全ての事業所と、業務で扱う全ての情報資産」. */
  scope: string;
  /** Where questions go: a department, phone or e-mail. */
  contact: string;
  /** The date the policy is set (YYYY-MM-DD). */
  establishedOn: string;
}

export interface PolicyDocument {
  title: string;
  preamble: string;
  sections: { heading: string; body: string }[];
  signature: string[];
  /**
   * Set when the company's own entries (name, scope, representative, contact) are written in another
   * language than the document: they are shown as written, and the page says so.
   */
  entriesLanguage?: Locale;
  /** That note, in the document's language. */
  entriesNote?: string;
}

/** The scope the form suggests, in both languages: the English policy uses its own wording for it. */
export const DEFAULT_POLICY_SCOPE = {
  ja: '当社の全ての事業所と、業務で扱う全ての情報資産',
  en: "all of the Company's offices and all information assets used in its business",
} as const;

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]/;

function japaneseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function englishDate(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/**
 * A basic information-security policy (情報セキュリティ基本方針) in Shinrai's own words, filled in with
 * the company's answers. It covers what SECURITY ACTION ★★ expects a basic policy to state: commitment of
 * the top, legal compliance, protection of information assets, people and rules, incidents, improvement.
 */
export function basicPolicy(input: PolicyInput, locale: Locale): PolicyDocument {
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  const p =
    input.scope.trim() === DEFAULT_POLICY_SCOPE[other]
      ? { ...input, scope: DEFAULT_POLICY_SCOPE[locale] }
      : input;
  if (locale === 'ja') {
    return {
      title: '情報セキュリティ基本方針',
      preamble: `${p.companyName}（以下「当社」）は、お客様や取引先からお預かりした情報と、当社自身の情報を守ることが、事業を続けていくうえでの信頼の土台であると考えます。そのため、次の方針を定め、全員で取り組みます。`,
      sections: [
        {
          heading: '1. 経営者の責任',
          body: '経営者が先頭に立って情報セキュリティに取り組み、必要な人と予算を確保します。',
        },
        { heading: '2. 対象', body: `この方針は、${p.scope}を対象とします。` },
        {
          heading: '3. 法令と約束の順守',
          body: '情報の取り扱いに関わる法令、国が定める指針、お客様や取引先との契約を守ります。',
        },
        {
          heading: '4. 情報の保護',
          body: '情報を、必要な人だけが、必要なときに、正しい内容で使えるようにします。盗み見、書き換え、紛失、漏えいを防ぐ対策をとります。',
        },
        {
          heading: '5. 社内のルールと教育',
          body: '情報の取り扱いルールを定めて全員に伝え、繰り返し教育します。委託先にも同じ水準の取り扱いを求めます。',
        },
        {
          heading: '6. 事故への備え',
          body: '情報セキュリティの事故が起きたときの連絡と対応の手順を決めておき、起きた場合は速やかに対応し、再発を防ぎます。',
        },
        {
          heading: '7. 見直しと改善',
          body: '取り組みの状況を定期的に確認し、この方針と社内のルールを見直して改善を続けます。',
        },
      ],
      signature: [
        `制定日：${japaneseDate(p.establishedOn)}`,
        p.companyName,
        `${p.representativeTitle}\u3000${p.representativeName}`,
        `お問い合わせ先：${p.contact}`,
      ],
    };
  }
  const entries = [p.companyName, p.representativeTitle, p.representativeName, p.scope, p.contact];
  const written = entries.some((e) => JAPANESE.test(e));
  return {
    ...(written
      ? {
          entriesLanguage: 'ja' as const,
          entriesNote:
            "The company's own entries (its name, the scope, the representative and the contact) are shown as the company wrote them, in Japanese.",
        }
      : {}),
    title: 'Basic Information Security Policy',
    preamble: `${p.companyName} ("the Company") regards protecting the information entrusted to it by customers and partners, and its own information, as the foundation of the trust its business depends on. The Company sets the following policy and everyone in it works to follow it.`,
    sections: [
      {
        heading: '1. Leadership',
        body: 'Management leads the Company’s information security and provides the people and budget it needs.',
      },
      { heading: '2. Scope', body: `This policy covers ${p.scope}.` },
      {
        heading: '3. Laws and commitments',
        body: 'The Company follows the laws and government guidelines on handling information, and its contracts with customers and partners.',
      },
      {
        heading: '4. Protecting information',
        body: 'Information is available to the people who need it, when they need it, and stays correct. The Company takes measures against unauthorised viewing, alteration, loss and leaks.',
      },
      {
        heading: '5. Rules and training',
        body: 'The Company sets rules for handling information, makes them known to everyone and trains people repeatedly. It asks its contractors to handle information to the same standard.',
      },
      {
        heading: '6. Incidents',
        body: 'The Company decides beforehand how to report and respond to security incidents; when one happens it responds quickly and prevents a recurrence.',
      },
      {
        heading: '7. Review and improvement',
        body: 'The Company checks its measures regularly, reviews this policy and its rules, and keeps improving them.',
      },
    ],
    signature: [
      `Established: ${englishDate(p.establishedOn)}`,
      p.companyName,
      `${p.representativeName}, ${p.representativeTitle}`,
      `Contact: ${p.contact}`,
    ],
  };
}
