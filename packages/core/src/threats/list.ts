import type { Text } from '../catalog/pack.ts';

/**
 * IPA「情報セキュリティ10大脅威」— the ranking for organisations (組織編), 2020–2026.
 *
 * Titles (titleJa) and ranks are IPA's facts, reproduced as published; the English renderings (titleEn) and the
 * threat descriptions are Shinrai's own words, not IPA's text. An entry is `confirmed` only when its title and rank
 * were found in a public source that is cited (`source`); see SOURCES.md in this folder for the per-year sources,
 * the retrieval date and the caveats. Parentheses in titles are written full-width（）as in IPA's Japanese pages;
 * the secondary sources vary between full- and half-width.
 *
 * Each recurring threat has a stable key so that a rank can be followed across years even where IPA reworded the
 * title (e.g. ランサムウェアによる被害 → ランサム攻撃による被害). The grouping follows IPA's own counting
 * ("N年連続M回目", "N年ぶり", "初選出"), which `ipaRecord` keeps for the years where IPA published it (2024–2026).
 */

export const THREAT_KEYS = [
  'ransomware',
  'supply-chain',
  'targeted-attack',
  'insider',
  'bec',
  'careless-leak',
  'vuln-exploit',
  'zero-day',
  'remote-work',
  'ddos',
  'geopolitical',
  'ai-risk',
  'crime-as-a-service',
  'it-outage',
  'unauthorized-login',
  'personal-data-theft',
  'iot-misuse',
] as const;
export type ThreatKey = (typeof THREAT_KEYS)[number];

export function isThreatKey(s: string): s is ThreatKey {
  return (THREAT_KEYS as readonly string[]).includes(s);
}

export interface ThreatDef {
  key: ThreatKey;
  /** Short label in our words (not an IPA title; the titles are per year on the entries). */
  label: Text;
  /** What the threat is, in our words (1–2 sentences each). */
  description: Text;
  /**
   * IPA's "初選出年" (first year selected into the top 10, counted from 2016) where a source gives it; null when
   * not found.
   */
  firstSelectedYear: number | null;
  /**
   * Whether IPA had this threat in the organisation top 10 in some year before the first year held here (2020).
   * Decides 'new' versus 'returning' for a first appearance inside our range; null = not known (→ 'unknown').
   */
  rankedBeforeRange: boolean | null;
  /** Why `rankedBeforeRange` / `firstSelectedYear` hold, or other notes on the grouping. */
  note?: Text;
}

export interface RankedThreat {
  rank: number;
  key: ThreatKey;
  /** IPA's Japanese title for that year, as published. */
  titleJa: string;
  /** Our English rendering of that year's title. */
  titleEn: string;
  /** True only when title and rank were found in the cited `source`. */
  confirmed: boolean;
  /** URL of the public source where title and rank were found (or, when unconfirmed, where we looked). */
  source: string;
  /** IPA's own count for the entry where published (2024–2026): e.g. "11年連続11回目", "5年ぶり6回目", "初選出". */
  ipaRecord?: string;
  /** Required when unconfirmed: why. Otherwise any caveat about the entry. */
  note?: string;
}

export interface ThreatYear {
  year: number;
  /** Day IPA announced the ranking (ISO date). */
  announced: string;
  /** IPA's page for the year (as cited by the sources). */
  ipaUrl: string;
  /** Whether IPA published ranks for organisations that year (it did in every year held here; no ties). */
  ranked: boolean;
  /** Public sources used to confirm the year's entries (the first is the main one). */
  sources: string[];
  entries: RankedThreat[];
}

export const THREATS_RETRIEVED_ON = '2026-12-02';

export const THREAT_DEFS: Record<ThreatKey, ThreatDef> = {
  ransomware: {
    key: 'ransomware',
    label: { ja: 'ランサムウェア・ランサム攻撃', en: 'Ransomware and ransom attacks' },
    description: {
      ja: '侵入した攻撃者がデータを暗号化したり盗み出したりして、復旧や非公開と引き換えに金銭を求める攻撃です。業務が長く止まり、取引先にも影響が広がることがあります。',
      en: 'Intruders encrypt or steal data and demand payment to restore it or keep it unpublished. Operations can stop for a long time and the damage can spread to business partners.',
    },
    firstSelectedYear: 2016,
    rankedBeforeRange: true,
    note: {
      ja: '2025年から題名が「ランサム攻撃による被害」に変わりましたが、IPAは同じ脅威として数えています（2025年は10年連続10回目）。',
      en: 'Retitled from "ransomware" to "ransom attacks" in 2025; IPA counts it as the same threat (10th year running in 2025).',
    },
  },
  'supply-chain': {
    key: 'supply-chain',
    label: { ja: 'サプライチェーン・委託先を狙った攻撃', en: 'Supply-chain and outsourcee attacks' },
    description: {
      ja: '対策の手薄な取引先や委託先、使っている製品やサービスを足がかりに、本来の標的へ入り込んだり情報を盗んだりする攻撃です。自社が直接攻撃されなくても被害を受けます。',
      en: 'Attackers use a less-protected partner, contractor, product or service as a stepping stone to the real target. An organisation can suffer without being attacked directly.',
    },
    firstSelectedYear: 2019,
    rankedBeforeRange: true,
  },
  'targeted-attack': {
    key: 'targeted-attack',
    label: { ja: '標的型攻撃', en: 'Targeted attacks' },
    description: {
      ja: '特定の組織を選び、なりすましメールなどで入り込んで、時間をかけて機密情報を探し出し持ち出す攻撃です。',
      en: 'An attacker picks a specific organisation, gets in, often through a disguised email, and spends time finding and exfiltrating confidential information.',
    },
    firstSelectedYear: 2016,
    rankedBeforeRange: true,
  },
  insider: {
    key: 'insider',
    label: { ja: '内部不正', en: 'Insider wrongdoing' },
    description: {
      ja: '従業員や退職者、委託先の担当者など、正規の権限を持つ人が情報を持ち出したり悪用したりすることです。',
      en: 'People with legitimate access, such as staff, former staff or contractors, take or misuse information.',
    },
    firstSelectedYear: 2016,
    rankedBeforeRange: true,
  },
  bec: {
    key: 'bec',
    label: { ja: 'ビジネスメール詐欺', en: 'Business email fraud' },
    description: {
      ja: '取引先や経営者になりすましたメールで、支払先の口座を変えさせるなどしてお金をだまし取る手口です。',
      en: 'Emails posing as a business partner or an executive trick staff into paying money, for example by "changing" the bank account for a payment.',
    },
    firstSelectedYear: 2018,
    rankedBeforeRange: true,
  },
  'careless-leak': {
    key: 'careless-leak',
    label: { ja: '不注意による情報漏えい', en: 'Leaks through carelessness' },
    description: {
      ja: 'メールの誤送信、機器や書類の紛失、設定の誤りなど、悪意のないミスから情報が外に出てしまうことです。',
      en: 'Information escapes through honest mistakes such as a misaddressed email, a lost device or document, or a wrong setting.',
    },
    firstSelectedYear: 2016,
    rankedBeforeRange: true,
  },
  'vuln-exploit': {
    key: 'vuln-exploit',
    label: { ja: '脆弱性を悪用した攻撃', en: 'Exploitation of vulnerabilities' },
    description: {
      ja: '公開された脆弱性情報をもとに、修正が当てられていない機器やソフトウェアを狙う攻撃です。公開から悪用までの時間は短くなっています。',
      en: 'Attacks on devices and software left unpatched after a vulnerability becomes public. The time between disclosure and exploitation keeps shrinking.',
    },
    firstSelectedYear: 2016,
    rankedBeforeRange: true,
    note: {
      ja: '2021〜2024年の「脆弱性対策情報の公開に伴う悪用増加」、2025年の「システムの脆弱性を突いた攻撃」、2026年の「システムの脆弱性を悪用した攻撃」を同じ脅威として扱います（IPAの回数の数え方と一致）。2025年にIPAはゼロデイ攻撃をこの脅威に統合しました。',
      en: 'Covers the 2021–2024 title about exploitation after vulnerability-fix disclosure and the 2025/2026 "system vulnerability" titles, matching IPA\'s own counting. In 2025 IPA merged zero-day attacks into this threat.',
    },
  },
  'zero-day': {
    key: 'zero-day',
    label: { ja: 'ゼロデイ攻撃', en: 'Zero-day attacks' },
    description: {
      ja: '修正プログラムがまだ出ていない脆弱性を突く攻撃です。更新だけでは防げないため、侵入を見つけて被害を抑える備えが要ります。',
      en: 'Attacks on vulnerabilities for which no fix exists yet. Patching alone cannot stop them, so detecting intrusions and limiting damage matter.',
    },
    firstSelectedYear: 2022,
    rankedBeforeRange: false,
    note: {
      ja: '2022〜2024年に選出。2025年からは「システムの脆弱性を突いた攻撃」（vuln-exploit）に統合されました。',
      en: 'Ranked 2022–2024; merged into the system-vulnerability threat (vuln-exploit) from 2025.',
    },
  },
  'remote-work': {
    key: 'remote-work',
    label: { ja: 'テレワーク・リモートワークを狙った攻撃', en: 'Attacks on remote work' },
    description: {
      ja: 'VPN機器やWeb会議、自宅の端末やネットワークなど、社外から働くための仕組みの弱点を狙う攻撃です。',
      en: 'Attacks on the weak points of working from outside the office: VPN devices, web conferencing, home devices and home networks.',
    },
    firstSelectedYear: 2021,
    rankedBeforeRange: false,
  },
  ddos: {
    key: 'ddos',
    label: { ja: 'サービス妨害攻撃（DDoS）', en: 'Denial of service (DDoS)' },
    description: {
      ja: '大量の通信を送りつけてWebサイトやサービスを使えなくする攻撃です。',
      en: 'Floods of traffic make a website or online service unusable.',
    },
    firstSelectedYear: 2016,
    rankedBeforeRange: true,
    note: {
      ja: '2020年の「サービス妨害攻撃によるサービスの停止」と同じ脅威として扱います（IPAは2025年を「5年ぶり6回目」と数えています）。',
      en: 'The 2020 title on service outages from denial-of-service attacks is the same threat (IPA counts 2025 as "first in 5 years, 6th time").',
    },
  },
  geopolitical: {
    key: 'geopolitical',
    label: { ja: '地政学的リスクに起因するサイバー攻撃', en: 'Geopolitically driven cyber attacks' },
    description: {
      ja: '国家の関与が疑われる攻撃者が、国際情勢を背景に重要インフラや機密情報を狙ったり、偽情報を広めたりすることです。',
      en: 'Attackers suspected of state backing target critical infrastructure or sensitive information, or spread disinformation, against the backdrop of international tensions.',
    },
    firstSelectedYear: 2025,
    rankedBeforeRange: false,
  },
  'ai-risk': {
    key: 'ai-risk',
    label: { ja: 'AIの利用をめぐるリスク', en: 'Risks around AI use' },
    description: {
      ja: '生成AIに機密情報を入力してしまう、出力を確かめずに使う、攻撃者がAIで攻撃を巧妙にするなど、AIの利用に伴うリスクです。',
      en: 'Risks that come with AI: confidential data typed into generative AI, output used without checking, and attackers using AI to sharpen their attacks.',
    },
    firstSelectedYear: 2026,
    rankedBeforeRange: false,
  },
  'crime-as-a-service': {
    key: 'crime-as-a-service',
    label: { ja: '犯罪のビジネス化', en: 'Crime as a service' },
    description: {
      ja: '攻撃用のツールや盗んだ認証情報、侵入口などが闇市場で売買され、技術の乏しい者でも攻撃できるようになっていることです。',
      en: 'Attack tools, stolen credentials and ready-made access are traded on underground markets, so even unskilled people can attack.',
    },
    firstSelectedYear: null,
    rankedBeforeRange: true,
    note: {
      ja: '2024年の「2年連続4回目」から、2022年以前に2回選ばれていたことが分かります（2020〜2022年は圏外なので2019年以前）。初選出年は確認できていません。',
      en: 'IPA\'s 2024 count "2nd year running, 4th time" implies two earlier selections, before 2020 since it was not ranked 2020–2022. The first year was not found.',
    },
  },
  'it-outage': {
    key: 'it-outage',
    label: { ja: 'IT基盤の障害による業務停止', en: 'Business stoppage from IT outages' },
    description: {
      ja: '災害やクラウド事業者の障害、人為的なミスなどで、業務を支えるIT基盤が止まり仕事が続けられなくなることです。',
      en: 'Work stops because the IT infrastructure behind it fails, through disasters, cloud-provider outages or human error.',
    },
    firstSelectedYear: null,
    rankedBeforeRange: true,
    note: {
      ja: '2020年に、2013年以来の圏外から復帰したと報じられています（@IT）。',
      en: 'Reported in 2020 as back in the top 10 for the first time since 2013 (@IT).',
    },
  },
  'unauthorized-login': {
    key: 'unauthorized-login',
    label: { ja: 'インターネット上のサービスへの不正ログイン', en: 'Unauthorised logins to online services' },
    description: {
      ja: '盗んだり推測したりしたIDとパスワードで、組織が使うWebサービスやクラウドにログインされることです。',
      en: 'Someone logs in to the web services or cloud accounts an organisation uses with stolen or guessed IDs and passwords.',
    },
    firstSelectedYear: null,
    rankedBeforeRange: null,
    note: {
      ja: '組織編で2020年より前に選ばれていたかは確認できていません（2021年の前年順位は16位）。',
      en: 'Whether it was in the organisation top 10 before 2020 was not confirmed (it stood 16th the year before 2021).',
    },
  },
  'personal-data-theft': {
    key: 'personal-data-theft',
    label: { ja: 'サービスからの個人情報の窃取', en: 'Theft of personal data from online services' },
    description: {
      ja: 'Webサービスの弱点を突かれて、会員などの個人情報がまとめて盗まれることです。',
      en: "Weaknesses in a web service are used to steal members' personal data in bulk.",
    },
    firstSelectedYear: null,
    rankedBeforeRange: true,
    note: {
      ja: '2020年の表で前年（2019年）7位と示されています。',
      en: 'The 2020 table shows it 7th the year before (2019).',
    },
  },
  'iot-misuse': {
    key: 'iot-misuse',
    label: { ja: 'IoT機器の不正利用', en: 'Misuse of IoT devices' },
    description: {
      ja: '初期パスワードのままの機器や古いIoT機器が乗っ取られ、攻撃の踏み台や監視に使われることです。',
      en: 'IoT devices left with default passwords or old firmware are taken over and used as attack relays or for spying.',
    },
    firstSelectedYear: null,
    rankedBeforeRange: true,
    note: {
      ja: '2020年の表で前年（2019年）8位と示されています。',
      en: 'The 2020 table shows it 8th the year before (2019).',
    },
  },
};

// Sources (retrieved 2026-12-02; see SOURCES.md).
const S2020 = 'https://www.jcci.or.jp/news/trend-box/2020/0131130000.html';
const S2020b = 'https://www.shikoku.meti.go.jp/03_sesakudocs/0306_jouhou/kyoui_2020/kyoui_2020.html';
const S2021 = 'https://begi.net/news/archives/13965.html';
const S2021b = 'https://smbiz.asahi.com/article/14149816';
const S2022 = 'https://securityinsight.jp/news/13-inbrief/4906-220201-1';
const S2022b = 'https://www.newton-consulting.co.jp/itilnavi/flash/id=5774';
const S2023 = 'https://scan.netsecurity.ne.jp/article/2023/01/27/48835.html';
const S2023b = 'https://faithno1.co.jp/archives/773';
const S2024 = 'https://www.mamoru-kun.com/tips/cm-10threats2024/';
const S2024b = 'https://syhunt.sena-networks.co.jp/blog/ipa_ten_major_threats2025breaking';
const S2025 = 'https://iim.co.jp/security-report/no025?hs_amp=true';
const S2025b = 'https://trendmicro.com/ja_jp/jp-security/25/c/expertview-20250314-01.html';
const S2025c = 'https://japan.zdnet.com/release/31067930/';
const S2026 = 'https://cloud5.jp/saito-10threats2026/?noamp=mobile';
const S2026b = 'https://ict-enews.net/?p=256227';
const S2026c = 'https://news.mynavi.jp/techplus/article/20260130-4059814/';

export const THREAT_YEARS: readonly ThreatYear[] = [
  {
    year: 2020,
    announced: '2020-01-29',
    ipaUrl: 'https://www.ipa.go.jp/security/vuln/10threats2020.html',
    ranked: true,
    sources: [S2020, S2020b],
    entries: [
      {
        rank: 1,
        key: 'targeted-attack',
        titleJa: '標的型攻撃による機密情報の窃取',
        titleEn: 'Theft of confidential information through targeted attacks',
        confirmed: true,
        source: S2020,
        note: 'A 2020 METI policy slide deck abbreviates this title as 標的型攻撃による情報流出; the METI Shikoku bureau page and other sources give the title used here.',
      },
      {
        rank: 2,
        key: 'insider',
        titleJa: '内部不正による情報漏えい',
        titleEn: 'Information leaks through insider wrongdoing',
        confirmed: true,
        source: S2020,
      },
      {
        rank: 3,
        key: 'bec',
        titleJa: 'ビジネスメール詐欺による金銭被害',
        titleEn: 'Financial loss from business email fraud',
        confirmed: true,
        source: S2020,
      },
      {
        rank: 4,
        key: 'supply-chain',
        titleJa: 'サプライチェーンの弱点を悪用した攻撃',
        titleEn: 'Attacks exploiting weak points in the supply chain',
        confirmed: true,
        source: S2020,
      },
      {
        rank: 5,
        key: 'ransomware',
        titleJa: 'ランサムウェアによる被害',
        titleEn: 'Damage from ransomware',
        confirmed: true,
        source: S2020,
      },
      {
        rank: 6,
        key: 'it-outage',
        titleJa: '予期せぬIT基盤の障害に伴う業務停止',
        titleEn: 'Business stoppage from an unexpected IT infrastructure failure',
        confirmed: true,
        source: S2020,
      },
      {
        rank: 7,
        key: 'careless-leak',
        titleJa: '不注意による情報漏えい（規則は遵守）',
        titleEn: 'Information leaks through carelessness (rules followed)',
        confirmed: true,
        source: S2020,
      },
      {
        rank: 8,
        key: 'personal-data-theft',
        titleJa: 'インターネット上のサービスからの個人情報の窃取',
        titleEn: 'Theft of personal data from internet services',
        confirmed: true,
        source: S2020,
      },
      {
        rank: 9,
        key: 'iot-misuse',
        titleJa: 'IoT機器の不正利用',
        titleEn: 'Misuse of IoT devices',
        confirmed: true,
        source: S2020,
      },
      {
        rank: 10,
        key: 'ddos',
        titleJa: 'サービス妨害攻撃によるサービスの停止',
        titleEn: 'Service outages caused by denial-of-service attacks',
        confirmed: true,
        source: S2020,
      },
    ],
  },
  {
    year: 2021,
    announced: '2021-01-27',
    ipaUrl: 'https://www.ipa.go.jp/security/vuln/10threats2021.html',
    ranked: true,
    sources: [S2021, S2021b],
    entries: [
      {
        rank: 1,
        key: 'ransomware',
        titleJa: 'ランサムウェアによる被害',
        titleEn: 'Damage from ransomware',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 2,
        key: 'targeted-attack',
        titleJa: '標的型攻撃による機密情報の窃取',
        titleEn: 'Theft of confidential information through targeted attacks',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 3,
        key: 'remote-work',
        titleJa: 'テレワーク等のニューノーマルな働き方を狙った攻撃',
        titleEn: 'Attacks aimed at telework and other "new normal" ways of working',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 4,
        key: 'supply-chain',
        titleJa: 'サプライチェーンの弱点を悪用した攻撃',
        titleEn: 'Attacks exploiting weak points in the supply chain',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 5,
        key: 'bec',
        titleJa: 'ビジネスメール詐欺による金銭被害',
        titleEn: 'Financial loss from business email fraud',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 6,
        key: 'insider',
        titleJa: '内部不正による情報漏えい',
        titleEn: 'Information leaks through insider wrongdoing',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 7,
        key: 'it-outage',
        titleJa: '予期せぬIT基盤の障害に伴う業務停止',
        titleEn: 'Business stoppage from an unexpected IT infrastructure failure',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 8,
        key: 'unauthorized-login',
        titleJa: 'インターネット上のサービスへの不正ログイン',
        titleEn: 'Unauthorised logins to internet services',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 9,
        key: 'careless-leak',
        titleJa: '不注意による情報漏えい等の被害',
        titleEn: 'Information leaks and other damage through carelessness',
        confirmed: true,
        source: S2021,
      },
      {
        rank: 10,
        key: 'vuln-exploit',
        titleJa: '脆弱性対策情報の公開に伴う悪用増加',
        titleEn: 'More exploitation after vulnerability fixes are published',
        confirmed: true,
        source: S2021,
      },
    ],
  },
  {
    year: 2022,
    announced: '2022-01-27',
    ipaUrl: 'https://www.ipa.go.jp/security/vuln/10threats2022.html',
    ranked: true,
    sources: [S2022, S2022b],
    entries: [
      {
        rank: 1,
        key: 'ransomware',
        titleJa: 'ランサムウェアによる被害',
        titleEn: 'Damage from ransomware',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 2,
        key: 'targeted-attack',
        titleJa: '標的型攻撃による機密情報の窃取',
        titleEn: 'Theft of confidential information through targeted attacks',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 3,
        key: 'supply-chain',
        titleJa: 'サプライチェーンの弱点を悪用した攻撃',
        titleEn: 'Attacks exploiting weak points in the supply chain',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 4,
        key: 'remote-work',
        titleJa: 'テレワーク等のニューノーマルな働き方を狙った攻撃',
        titleEn: 'Attacks aimed at telework and other "new normal" ways of working',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 5,
        key: 'insider',
        titleJa: '内部不正による情報漏えい',
        titleEn: 'Information leaks through insider wrongdoing',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 6,
        key: 'vuln-exploit',
        titleJa: '脆弱性対策情報の公開に伴う悪用増加',
        titleEn: 'More exploitation after vulnerability fixes are published',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 7,
        key: 'zero-day',
        titleJa: '修正プログラムの公開前を狙う攻撃（ゼロデイ攻撃）',
        titleEn: 'Attacks before a fix is released (zero-day attacks)',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 8,
        key: 'bec',
        titleJa: 'ビジネスメール詐欺による金銭被害',
        titleEn: 'Financial loss from business email fraud',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 9,
        key: 'it-outage',
        titleJa: '予期せぬIT基盤の障害に伴う業務停止',
        titleEn: 'Business stoppage from an unexpected IT infrastructure failure',
        confirmed: true,
        source: S2022,
      },
      {
        rank: 10,
        key: 'careless-leak',
        titleJa: '不注意による情報漏えい等の被害',
        titleEn: 'Information leaks and other damage through carelessness',
        confirmed: true,
        source: S2022,
      },
    ],
  },
  {
    year: 2023,
    announced: '2023-01-25',
    ipaUrl: 'https://www.ipa.go.jp/security/vuln/10threats2023.html',
    ranked: true,
    sources: [S2023, S2023b],
    entries: [
      {
        rank: 1,
        key: 'ransomware',
        titleJa: 'ランサムウェアによる被害',
        titleEn: 'Damage from ransomware',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 2,
        key: 'supply-chain',
        titleJa: 'サプライチェーンの弱点を悪用した攻撃',
        titleEn: 'Attacks exploiting weak points in the supply chain',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 3,
        key: 'targeted-attack',
        titleJa: '標的型攻撃による機密情報の窃取',
        titleEn: 'Theft of confidential information through targeted attacks',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 4,
        key: 'insider',
        titleJa: '内部不正による情報漏えい',
        titleEn: 'Information leaks through insider wrongdoing',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 5,
        key: 'remote-work',
        titleJa: 'テレワーク等のニューノーマルな働き方を狙った攻撃',
        titleEn: 'Attacks aimed at telework and other "new normal" ways of working',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 6,
        key: 'zero-day',
        titleJa: '修正プログラムの公開前を狙う攻撃（ゼロデイ攻撃）',
        titleEn: 'Attacks before a fix is released (zero-day attacks)',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 7,
        key: 'bec',
        titleJa: 'ビジネスメール詐欺による金銭被害',
        titleEn: 'Financial loss from business email fraud',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 8,
        key: 'vuln-exploit',
        titleJa: '脆弱性対策情報の公開に伴う悪用増加',
        titleEn: 'More exploitation after vulnerability fixes are published',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 9,
        key: 'careless-leak',
        titleJa: '不注意による情報漏えい等の被害',
        titleEn: 'Information leaks and other damage through carelessness',
        confirmed: true,
        source: S2023,
      },
      {
        rank: 10,
        key: 'crime-as-a-service',
        titleJa: '犯罪のビジネス化（アンダーグラウンドサービス）',
        titleEn: 'Crime run as a business (underground services)',
        confirmed: true,
        source: S2023,
      },
    ],
  },
  {
    year: 2024,
    announced: '2024-01-24',
    ipaUrl: 'https://www.ipa.go.jp/security/10threats/10threats2024.html',
    ranked: true,
    sources: [S2024, S2024b],
    entries: [
      {
        rank: 1,
        key: 'ransomware',
        titleJa: 'ランサムウェアによる被害',
        titleEn: 'Damage from ransomware',
        confirmed: true,
        source: S2024,
        ipaRecord: '9年連続9回目',
      },
      {
        rank: 2,
        key: 'supply-chain',
        titleJa: 'サプライチェーンの弱点を悪用した攻撃',
        titleEn: 'Attacks exploiting weak points in the supply chain',
        confirmed: true,
        source: S2024,
        ipaRecord: '6年連続6回目',
      },
      {
        rank: 3,
        key: 'insider',
        titleJa: '内部不正による情報漏えい等の被害',
        titleEn: 'Information leaks and other damage through insider wrongdoing',
        confirmed: true,
        source: S2024,
        ipaRecord: '9年連続9回目',
      },
      {
        rank: 4,
        key: 'targeted-attack',
        titleJa: '標的型攻撃による機密情報の窃取',
        titleEn: 'Theft of confidential information through targeted attacks',
        confirmed: true,
        source: S2024,
        ipaRecord: '9年連続9回目',
      },
      {
        rank: 5,
        key: 'zero-day',
        titleJa: '修正プログラムの公開前を狙う攻撃（ゼロデイ攻撃）',
        titleEn: 'Attacks before a fix is released (zero-day attacks)',
        confirmed: true,
        source: S2024,
        ipaRecord: '3年連続3回目',
      },
      {
        rank: 6,
        key: 'careless-leak',
        titleJa: '不注意による情報漏えい等の被害',
        titleEn: 'Information leaks and other damage through carelessness',
        confirmed: true,
        source: S2024,
        ipaRecord: '6年連続7回目',
      },
      {
        rank: 7,
        key: 'vuln-exploit',
        titleJa: '脆弱性対策情報の公開に伴う悪用増加',
        titleEn: 'More exploitation after vulnerability fixes are published',
        confirmed: true,
        source: S2024,
        ipaRecord: '4年連続7回目',
      },
      {
        rank: 8,
        key: 'bec',
        titleJa: 'ビジネスメール詐欺による金銭被害',
        titleEn: 'Financial loss from business email fraud',
        confirmed: true,
        source: S2024,
        ipaRecord: '7年連続7回目',
      },
      {
        rank: 9,
        key: 'remote-work',
        titleJa: 'テレワーク等のニューノーマルな働き方を狙った攻撃',
        titleEn: 'Attacks aimed at telework and other "new normal" ways of working',
        confirmed: true,
        source: S2024,
        ipaRecord: '4年連続4回目',
      },
      {
        rank: 10,
        key: 'crime-as-a-service',
        titleJa: '犯罪のビジネス化（アンダーグラウンドサービス）',
        titleEn: 'Crime run as a business (underground services)',
        confirmed: true,
        source: S2024,
        ipaRecord: '2年連続4回目',
      },
    ],
  },
  {
    year: 2025,
    announced: '2025-01-30',
    ipaUrl: 'https://www.ipa.go.jp/security/10threats/10threats2025.html',
    ranked: true,
    sources: [S2025, S2025b, S2025c],
    entries: [
      {
        rank: 1,
        key: 'ransomware',
        titleJa: 'ランサム攻撃による被害',
        titleEn: 'Damage from ransom attacks',
        confirmed: true,
        source: S2025,
        ipaRecord: '10年連続10回目',
      },
      {
        rank: 2,
        key: 'supply-chain',
        titleJa: 'サプライチェーンや委託先を狙った攻撃',
        titleEn: 'Attacks aimed at the supply chain and at outsourcing contractors',
        confirmed: true,
        source: S2025,
        ipaRecord: '7年連続7回目',
      },
      {
        rank: 3,
        key: 'vuln-exploit',
        titleJa: 'システムの脆弱性を突いた攻撃',
        titleEn: 'Attacks that hit system vulnerabilities',
        confirmed: true,
        source: S2025,
        ipaRecord: '5年連続8回目',
        note: "IPA's press release relates this to the 2024 7th-place threat and says the 2024 5th-place zero-day threat was merged into it.",
      },
      {
        rank: 4,
        key: 'insider',
        titleJa: '内部不正による情報漏えい等',
        titleEn: 'Information leaks and the like through insider wrongdoing',
        confirmed: true,
        source: S2025,
        ipaRecord: '10年連続10回目',
      },
      {
        rank: 5,
        key: 'targeted-attack',
        titleJa: '機密情報等を狙った標的型攻撃',
        titleEn: 'Targeted attacks aimed at confidential and other information',
        confirmed: true,
        source: S2025,
        ipaRecord: '10年連続10回目',
      },
      {
        rank: 6,
        key: 'remote-work',
        titleJa: 'リモートワーク等の環境や仕組みを狙った攻撃',
        titleEn: 'Attacks aimed at remote-work environments and arrangements',
        confirmed: true,
        source: S2025,
        ipaRecord: '5年連続5回目',
      },
      {
        rank: 7,
        key: 'geopolitical',
        titleJa: '地政学的リスクに起因するサイバー攻撃',
        titleEn: 'Cyber attacks arising from geopolitical risk',
        confirmed: true,
        source: S2025,
        ipaRecord: '初選出',
      },
      {
        rank: 8,
        key: 'ddos',
        titleJa: '分散型サービス妨害攻撃（DDoS攻撃）',
        titleEn: 'Distributed denial-of-service (DDoS) attacks',
        confirmed: true,
        source: S2025,
        ipaRecord: '5年ぶり6回目',
      },
      {
        rank: 9,
        key: 'bec',
        titleJa: 'ビジネスメール詐欺',
        titleEn: 'Business email fraud',
        confirmed: true,
        source: S2025,
        ipaRecord: '8年連続8回目',
      },
      {
        rank: 10,
        key: 'careless-leak',
        titleJa: '不注意による情報漏えい等',
        titleEn: 'Information leaks and the like through carelessness',
        confirmed: true,
        source: S2025,
        ipaRecord: '7年連続8回目',
      },
    ],
  },
  {
    year: 2026,
    announced: '2026-01-29',
    ipaUrl: 'https://www.ipa.go.jp/security/10threats/10threats2026.html',
    ranked: true,
    sources: [S2026, S2026b, S2026c],
    entries: [
      {
        rank: 1,
        key: 'ransomware',
        titleJa: 'ランサム攻撃による被害',
        titleEn: 'Damage from ransom attacks',
        confirmed: true,
        source: S2026,
        ipaRecord: '11年連続11回目',
      },
      {
        rank: 2,
        key: 'supply-chain',
        titleJa: 'サプライチェーンや委託先を狙った攻撃',
        titleEn: 'Attacks aimed at the supply chain and at outsourcing contractors',
        confirmed: true,
        source: S2026,
        ipaRecord: '8年連続8回目',
      },
      {
        rank: 3,
        key: 'ai-risk',
        titleJa: 'AIの利用をめぐるサイバーリスク',
        titleEn: 'Cyber risks surrounding the use of AI',
        confirmed: true,
        source: S2026,
        ipaRecord: '初選出',
      },
      {
        rank: 4,
        key: 'vuln-exploit',
        titleJa: 'システムの脆弱性を悪用した攻撃',
        titleEn: 'Attacks that exploit system vulnerabilities',
        confirmed: true,
        source: S2026,
        ipaRecord: '6年連続9回目',
      },
      {
        rank: 5,
        key: 'targeted-attack',
        titleJa: '機密情報を狙った標的型攻撃',
        titleEn: 'Targeted attacks aimed at confidential information',
        confirmed: true,
        source: S2026,
        ipaRecord: '11年連続11回目',
      },
      {
        rank: 6,
        key: 'geopolitical',
        titleJa: '地政学的リスクに起因するサイバー攻撃（情報戦を含む）',
        titleEn: 'Cyber attacks arising from geopolitical risk (information warfare included)',
        confirmed: true,
        source: S2026,
        ipaRecord: '2年連続2回目',
      },
      {
        rank: 7,
        key: 'insider',
        titleJa: '内部不正による情報漏えい等',
        titleEn: 'Information leaks and the like through insider wrongdoing',
        confirmed: true,
        source: S2026,
        ipaRecord: '11年連続11回目',
      },
      {
        rank: 8,
        key: 'remote-work',
        titleJa: 'リモートワーク等の環境や仕組みを狙った攻撃',
        titleEn: 'Attacks aimed at remote-work environments and arrangements',
        confirmed: true,
        source: S2026,
        ipaRecord: '6年連続6回目',
      },
      {
        rank: 9,
        key: 'ddos',
        titleJa: 'DDoS攻撃（分散型サービス妨害攻撃）',
        titleEn: 'DDoS (distributed denial-of-service) attacks',
        confirmed: true,
        source: S2026,
        ipaRecord: '2年連続7回目',
      },
      {
        rank: 10,
        key: 'bec',
        titleJa: 'ビジネスメール詐欺',
        titleEn: 'Business email fraud',
        confirmed: true,
        source: S2026,
        ipaRecord: '9年連続9回目',
      },
    ],
  },
];
