import { THREAT_KEYS } from '../threats/list.ts';

/** TLP 2.0 (FIRST, 2022): who may receive an item. Order is from widest to narrowest. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/**
 * Attack types a member chooses from: the stable keys of IPA's 情報セキュリティ10大脅威 (`@shinrai/core/threats`),
 * plus `other`. Labels come from the threat list, so the vocabulary follows IPA's yearly wording.
 */
export const ATTACK_TYPES = [...THREAT_KEYS, 'other'] as const;
export type AttackType = (typeof ATTACK_TYPES)[number];

/** Indicators that describe the attacker; they are kept (and exported), never redacted. */
export const INDICATOR_TYPES = [
  'ipv4',
  'ipv6',
  'domain',
  'url',
  'email',
  'md5',
  'sha1',
  'sha256',
  'cve',
  'btc',
] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/** What identifies the reporter or third parties; proposed for redaction. */
export const REDACTION_CATEGORIES = [
  'org',
  'person',
  'email',
  'phone',
  'address',
  'corporate_number',
  'my_number',
  'employee_id',
  'hostname',
  'private_ip',
  'customer',
] as const;
export type RedactionCategory = (typeof REDACTION_CATEGORIES)[number];

/** The placeholder a redaction leaves in the published text. */
export const REDACTION_PLACEHOLDER: Record<RedactionCategory, { ja: string; en: string }> = {
  org: { ja: '［組織名］', en: '[ORGANIZATION]' },
  person: { ja: '［人名］', en: '[PERSON]' },
  email: { ja: '［メールアドレス］', en: '[EMAIL]' },
  phone: { ja: '［電話番号］', en: '[PHONE]' },
  address: { ja: '［住所］', en: '[ADDRESS]' },
  corporate_number: { ja: '［法人番号］', en: '[CORPORATE NUMBER]' },
  my_number: { ja: '［個人番号］', en: '[MY NUMBER]' },
  employee_id: { ja: '［社員番号］', en: '[EMPLOYEE ID]' },
  hostname: { ja: '［ホスト名］', en: '[HOST]' },
  private_ip: { ja: '［内部IP］', en: '[INTERNAL IP]' },
  customer: { ja: '［取引先］', en: '[CUSTOMER]' },
};

export function isTlp(s: string): s is Tlp {
  return (TLP_LEVELS as readonly string[]).includes(s);
}
