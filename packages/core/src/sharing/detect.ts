import { isPrivateIpv4, isPrivateIpv6, isValidCorporateNumber, isValidMyNumber } from './numbers.ts';
import { foldWidth, refang } from './normalize.ts';
import { JA_NAME_SUFFIX, JA_NOT_NAMES, LATIN_GIVEN_NAMES, LATIN_SURNAMES } from './names.ts';
import type { IndicatorType, RedactionCategory } from './vocab.ts';

/** Why a span was proposed; the UI shows it next to each redaction and indicator. */
export type Reason =
  | 'dictionary'
  | 'org_name'
  | 'org_domain'
  | 'corporate_number_check'
  | 'my_number_check'
  | 'analyser_person'
  | 'honorific'
  | 'latin_name'
  | 'reporter_domain_email'
  | 'phone_pattern'
  | 'extension'
  | 'postal_address'
  | 'employee_label'
  | 'internal_host'
  | 'reporter_host'
  | 'private_range'
  | 'company_form'
  | 'dictionary_customer'
  | 'public_ip'
  | 'lookalike_domain'
  | 'external_email'
  | 'external_url'
  | 'external_domain'
  | 'hash'
  | 'cve'
  | 'btc';

export type Candidate =
  | {
      kind: 'redaction';
      start: number;
      end: number;
      category: RedactionCategory;
      reason: Reason;
      strong: boolean;
    }
  | { kind: 'indicator'; start: number; end: number; type: IndicatorType; value: string; reason: Reason };

/** What is known about the reporter: its names and domains, from the organization and its dictionary. */
export interface ReporterTerms {
  /** Organization names and aliases (dictionary, name, slug), compared case- and width-insensitively. */
  names: string[];
  /** Domains the reporter owns (its mail and web domains). */
  domains: string[];
  /** Customer names the reporter listed in its dictionary. */
  customers: string[];
}

const NUM_L = '(?<![0-9A-Za-z])';
const NUM_R = '(?![0-9A-Za-z])';
const DOT = '(?:\\.|\\[\\.\\]|\\(\\.\\))';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const FILE_EXT = new Set(
  'exe dll pdf doc docx docm xls xlsx xlsm ppt pptx zip rar 7z js vbs lnk iso img txt log eml msg ps1 bat cmd hta html htm jpg png gif csv json xml tmp dat bin sys scr jar py sh'.split(
    ' ',
  ),
);
/**
 * Top-level domains a bare domain in prose may end with: every two-letter country code, and the generic ones
 * seen in attacks (a longer list costs little; `t.sato` or `file.name` must not become an indicator).
 */
const GENERIC_TLDS = new Set(
  (
    'com net org info biz xyz top online site io ai app dev cloud shop store club live tech space website pro ' +
    'icu buzz fun link click work host services support email digital network today world life news center ' +
    'onion tokyo osaka nagoya kyoto yokohama jpn asia mobi name tel win bid loan vip ltd group company ' +
    'zip mov arpa gov edu int mil'
  ).split(' '),
);
const isTld = (t: string) => /^[a-z]{2}$/.test(t) || GENERIC_TLDS.has(t) || t.startsWith('xn--');

const INTERNAL_SUFFIX = /\.(?:local|lan|internal|intra|intranet|corp|localdomain|home\.arpa|ad)$/i;

const RE = {
  url: new RegExp(`\\b(?:h(?:tt|xx)ps?|ftp)(?:\\[:\\]|:)//[^\\s<>"'「」（）()、。]+`, 'gi'),
  email: new RegExp(`[A-Za-z0-9._%+-]+(?:@|\\[@\\]|\\(@\\)|\\[at\\])${LABEL}(?:${DOT}${LABEL})+`, 'gi'),
  domain: new RegExp(
    `(?<![A-Za-z0-9@.\\-/])(?:${LABEL}${DOT})+[A-Za-z][A-Za-z0-9-]{1,23}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`,
    'g',
  ),
  ipv4: new RegExp(`${NUM_L}(?:\\d{1,3}${DOT}){3}\\d{1,3}${NUM_R}`, 'g'),
  ipv6: /(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|(?::[0-9A-Fa-f]{1,4}){1,7}|[0-9A-Fa-f]{1,4})(?![0-9A-Fa-f:])/g,
  hash: /(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{64}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{32})(?![0-9A-Fa-f])/g,
  cve: /\bCVE-\d{4}-\d{4,7}\b/gi,
  btc: /(?<![0-9A-Za-z])(?:bc1[ac-hj-np-z02-9]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})(?![0-9A-Za-z])/g,
  digits13: new RegExp(`${NUM_L}\\d{13}${NUM_R}`, 'g'),
  digits12: new RegExp(`${NUM_L}\\d{4}[ -]?\\d{4}[ -]?\\d{4}${NUM_R}`, 'g'),
  phone: new RegExp(
    `${NUM_L}(?:\\+81[ -]?\\(?0?\\)?|\\(0\\d{1,4}\\)|0)\\d{0,4}[ -]?\\(?\\d{1,4}\\)?[ -]?\\d{3,4}${NUM_R}(?:\\s*\\(?(?:内線|ext\\.?|x)\\s*\\d{2,6}\\)?)?`,
    'gi',
  ),
  extension: /(?:内線|ext\.?)\s*[:：]?\s*\d{2,6}(?![0-9])/gi,
  postal: /〒\s?\d{3}-?\d{4}/g,
  address: new RegExp(
    '(?:〒\\s?\\d{3}-?\\d{4}\\s*)?(?:北海道|東京都|京都府|大阪府|[一-龥]{2,3}県)[一-龥ぁ-んァ-ヶ々ー]{1,12}?[市区町村郡][一-龥ぁ-んァ-ヶ々ー]*?\\d+(?:(?:丁目|番地|番|号|の|-)\\d*)*',
    'g',
  ),
  addressEn:
    /\b\d{1,4}-\d{1,4}(?:-\d{1,4})?,?\s+[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)*,\s*[A-Z][a-z]+-(?:ku|shi|cho|machi|gun)\b(?:,\s*[A-Z][a-z]+(?:-(?:to|fu|ken))?)?(?:\s+\d{3}-\d{4})?/g,
  employee:
    /(?:社員番号|社員ID|社員コード|従業員番号|従業員ID|職員番号|employee\s*(?:id|no\.?|number)|staff\s*(?:id|no\.?))\s*[:：#]?\s*(?:は\s*)?([A-Za-z0-9][A-Za-z0-9-]{2,15})/gi,
  employeeForm: /\bEMP-?\d{3,8}\b/g,
  hostLabel:
    /(?:ホスト名|端末名|サーバ名|サーバー名|コンピュータ名|コンピューター名|PC名|hostname|host name|computer name)\s*[:：「(（]?\s*([A-Za-z][A-Za-z0-9_-]{1,30})/gi,
  hostForm: /(?<![A-Za-z0-9-])(?:[A-Z]{2,}[A-Z0-9]*-)+[A-Z0-9]*\d+(?![A-Za-z0-9-])/g,
  unc: /\\\\([A-Za-z][A-Za-z0-9_-]{1,30})\\/g,
  companyJa:
    /(?:株式会社|有限会社|合同会社|\(株\)|（株）|㈱)\s?[ぁ-ん]{0,6}[一-龥ァ-ヶーA-Za-z0-9・&]{1,20}|[一-龥ァ-ヶーA-Za-z0-9・&]{1,20}?(?:株式会社|有限会社|合同会社|\(株\)|（株）|㈱)/g,
  companyEn:
    /\b[A-Z][A-Za-z0-9&-]*(?:\s+[A-Z][A-Za-z0-9&-]*){0,3}\s+(?:Co\.,?\s*Ltd\.?|Corporation|Corp\.|Inc\.|K\.K\.|LLC|Ltd\.|Holdings)/g,
  latinName:
    /\b(?:(?:Mr|Ms|Mrs|Dr|Mx)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+|\s+[A-Z]{2,})?|\b[A-Z]{2,}\s+[A-Z][a-z]+/g,
  honorificName: /[一-龥々]{2,4}(?=さん|様|さま|氏|部長|課長|係長|主任|社長|室長)/g,
};
const HOST_FORM_NOT =
  /^(?:SHA|AES|RSA|MD|CVE|APT|TLP|ISO|JIS|UTF|COVID|MS\d|TLS|SSL|HTTP|RFC|JPCERT|IPA|CWE|CVSS|EMP|SP|Windows|JVN|TA|UNC)/;

const lower = (s: string) => s.toLowerCase();
const isAscii = (s: string) => /^[\x20-\x7e]+$/.test(s);
const wordAt = (f: string, start: number, end: number) =>
  !/[A-Za-z0-9]/.test(f[start - 1] ?? '') && !/[A-Za-z0-9]/.test(f[end] ?? '');

/**
 * Every place a term occurs (case-insensitive). Short ASCII terms (under 4 letters) count only as whole words;
 * longer ones anywhere, so `Sample DenkiSAMPLE DENKI` cannot hide a name (found by the property test).
 */
export function findTerm(folded: string, term: string, lowered = lower(folded)): [number, number][] {
  const t = lower(foldWidth(term.trim()));
  if (t.length < 2) return [];
  const hay = lowered;
  const out: [number, number][] = [];
  for (let i = hay.indexOf(t); i >= 0; i = hay.indexOf(t, i + 1)) {
    if (!isAscii(t) || t.length >= 4 || wordAt(folded, i, i + t.length)) out.push([i, i + t.length]);
  }
  return out;
}

function each(re: RegExp, f: string, fn: (m: RegExpExecArray) => void) {
  re.lastIndex = 0;
  for (let m = re.exec(f); m; m = re.exec(f)) fn(m);
}

const reporterDomain = (host: string, r: ReporterTerms) =>
  r.domains.some((d) => host === lower(d) || host.endsWith(`.${lower(d)}`));

/** Confusable letters folded (0→o, 1→l, rn→m, vv→w) so a look-alike compares equal to what it imitates. */
const unconfuse = (s: string) =>
  s.replace(/0/g, 'o').replace(/[1|]/g, 'l').replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/[-_.]/g, '');

function looksLikeReporter(host: string, r: ReporterTerms): boolean {
  const h = unconfuse(host);
  const stems = [
    ...r.domains.map((d) => lower(d).split('.')[0] ?? ''),
    ...r.names.filter(isAscii).map((n) => lower(n)),
  ].map(unconfuse);
  return stems.some((s) => s.length >= 4 && h.includes(s));
}

/** Classifies a host (from a URL, an address or plain text): the reporter's, internal, or the attacker's. */
function hostClass(host: string, r: ReporterTerms): 'reporter' | 'internal' | 'private' | 'external' {
  const h = lower(refang(host)).replace(/:\d+$/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(h)) return isPrivateIpv4(h) ? 'private' : 'external';
  if (reporterDomain(h, r)) return 'reporter';
  if (INTERNAL_SUFFIX.test(h) || !h.includes('.')) return 'internal';
  return 'external';
}

/** Proposes candidates on the width-folded text `f` (same offsets as the original). */
export function detect(f: string, r: ReporterTerms): Candidate[] {
  const c: Candidate[] = [];
  const red = (start: number, end: number, category: RedactionCategory, reason: Reason, strong = false) =>
    c.push({ kind: 'redaction', start, end, category, reason, strong });
  const ind = (start: number, end: number, type: IndicatorType, value: string, reason: Reason) =>
    c.push({ kind: 'indicator', start, end, type, value, reason });

  each(RE.url, f, (m) => {
    const raw = m[0].replace(/[.,;:!?]+$/, '');
    const host =
      refang(raw)
        .replace(/^[a-z]+:\/\//i, '')
        .split(/[/?#]/)[0] ?? '';
    const k = hostClass(host.replace(/^[^@]*@/, ''), r);
    const end = m.index + raw.length;
    if (k === 'external')
      ind(
        m.index,
        end,
        'url',
        refang(raw),
        looksLikeReporter(lower(host), r) ? 'lookalike_domain' : 'external_url',
      );
    else if (k === 'private') red(m.index, end, 'private_ip', 'private_range', true);
    else red(m.index, end, 'hostname', k === 'reporter' ? 'reporter_host' : 'internal_host', true);
  });
  each(RE.email, f, (m) => {
    const v = refang(m[0]);
    const host = lower(v.split('@')[1] ?? '');
    const k = hostClass(host, r);
    if (k === 'external')
      ind(
        m.index,
        m.index + m[0].length,
        'email',
        v,
        looksLikeReporter(host, r) ? 'lookalike_domain' : 'external_email',
      );
    else
      red(
        m.index,
        m.index + m[0].length,
        'email',
        k === 'reporter' ? 'reporter_domain_email' : 'internal_host',
        true,
      );
  });
  each(RE.domain, f, (m) => {
    const v = lower(refang(m[0]));
    const tld = v.split('.').pop() ?? '';
    if (FILE_EXT.has(tld) && !reporterDomain(v, r)) return;
    const k = hostClass(v, r);
    const end = m.index + m[0].length;
    if (k === 'reporter') {
      const own = r.domains.some((d) => lower(d) === v);
      red(m.index, end, own ? 'org' : 'hostname', own ? 'org_domain' : 'reporter_host', true);
    } else if (k === 'internal') red(m.index, end, 'hostname', 'internal_host', true);
    else if (isTld(tld))
      ind(m.index, end, 'domain', v, looksLikeReporter(v, r) ? 'lookalike_domain' : 'external_domain');
  });
  each(RE.ipv4, f, (m) => {
    const v = refang(m[0]);
    if (!v.split('.').every((p) => Number(p) <= 255)) return;
    if (isPrivateIpv4(v)) red(m.index, m.index + m[0].length, 'private_ip', 'private_range', true);
    else ind(m.index, m.index + m[0].length, 'ipv4', v, 'public_ip');
  });
  each(RE.ipv6, f, (m) => {
    if (!/[a-f]/i.test(m[0]) && !m[0].includes('::')) return;
    if (m[0].split(':').length < 3) return;
    if (isPrivateIpv6(m[0])) red(m.index, m.index + m[0].length, 'private_ip', 'private_range', true);
    else ind(m.index, m.index + m[0].length, 'ipv6', lower(m[0]), 'public_ip');
  });
  each(RE.hash, f, (m) => {
    const t = m[0].length === 64 ? 'sha256' : m[0].length === 40 ? 'sha1' : 'md5';
    if (/^\d+$/.test(m[0])) return;
    ind(m.index, m.index + m[0].length, t, lower(m[0]), 'hash');
  });
  each(RE.cve, f, (m) => ind(m.index, m.index + m[0].length, 'cve', m[0].toUpperCase(), 'cve'));
  each(RE.btc, f, (m) => {
    if (!/\d/.test(m[0]) || !/[a-z]/.test(m[0])) return;
    ind(m.index, m.index + m[0].length, 'btc', m[0], 'btc');
  });
  each(RE.digits13, f, (m) => {
    if (isValidCorporateNumber(m[0]))
      red(m.index, m.index + 13, 'corporate_number', 'corporate_number_check', true);
  });
  each(RE.digits12, f, (m) => {
    if (isValidMyNumber(m[0].replace(/[ -]/g, '')))
      red(m.index, m.index + m[0].length, 'my_number', 'my_number_check', true);
  });
  each(RE.phone, f, (m) => {
    const digits = m[0].replace(/(?:内線|ext\.?|x)\s*\d+\)?$/i, '').replace(/\D/g, '');
    const national =
      digits.startsWith('81') && m[0].startsWith('+') ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
    if (national.length === 10 || national.length === 11)
      red(m.index, m.index + m[0].length, 'phone', 'phone_pattern');
  });
  each(RE.extension, f, (m) => red(m.index, m.index + m[0].length, 'phone', 'extension'));
  each(RE.address, f, (m) => red(m.index, m.index + m[0].length, 'address', 'postal_address'));
  each(RE.addressEn, f, (m) => red(m.index, m.index + m[0].length, 'address', 'postal_address'));
  each(RE.postal, f, (m) => red(m.index, m.index + m[0].length, 'address', 'postal_address'));
  each(RE.employee, f, (m) => {
    const id = m[1] ?? '';
    const start = m.index + m[0].length - id.length;
    red(start, start + id.length, 'employee_id', 'employee_label');
  });
  each(RE.employeeForm, f, (m) => red(m.index, m.index + m[0].length, 'employee_id', 'employee_label'));
  each(RE.hostLabel, f, (m) => {
    const h = m[1] ?? '';
    const start = m.index + m[0].length - h.length;
    red(start, start + h.length, 'hostname', 'internal_host');
  });
  each(RE.unc, f, (m) => red(m.index + 2, m.index + 2 + (m[1] ?? '').length, 'hostname', 'internal_host'));
  each(RE.hostForm, f, (m) => {
    if (!HOST_FORM_NOT.test(m[0])) red(m.index, m.index + m[0].length, 'hostname', 'internal_host');
  });
  each(RE.companyJa, f, (m) => red(m.index, m.index + m[0].length, 'customer', 'company_form'));
  each(RE.companyEn, f, (m) => red(m.index, m.index + m[0].length, 'customer', 'company_form'));
  each(RE.latinName, f, (m) => {
    const words = m[0].replace(/^(?:Mr|Ms|Mrs|Dr|Mx)\.?\s+/, '').split(/\s+/);
    const honor = /^(?:Mr|Ms|Mrs|Dr|Mx)\b/.test(m[0]);
    const known = words.some((w) => LATIN_SURNAMES.has(lower(w)) || LATIN_GIVEN_NAMES.has(lower(w)));
    if ((honor && words.length >= 1) || (known && words.length >= 2))
      red(m.index, m.index + m[0].length, 'person', 'latin_name');
  });
  each(RE.honorificName, f, (m) => {
    if (JA_NOT_NAMES.has(m[0]) || !JA_NAME_SUFFIX.test(f.slice(m.index + m[0].length))) return;
    red(m.index, m.index + m[0].length, 'person', 'honorific');
  });
  // The text lower-cased once for every term (not once per term).
  const hay = lower(f);
  for (const name of r.names)
    for (const [s, e] of findTerm(f, name, hay)) red(s, e, 'org', 'dictionary', true);
  for (const d of r.domains) for (const [s, e] of findTerm(f, d, hay)) red(s, e, 'org', 'org_domain', true);
  for (const name of r.customers)
    for (const [s, e] of findTerm(f, name, hay)) red(s, e, 'customer', 'dictionary_customer', true);
  return c;
}
