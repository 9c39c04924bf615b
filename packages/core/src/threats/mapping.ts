import type { Text } from '../catalog/pack.ts';
import type { DirectiveRef } from '../governance/directives.ts';
import type { ThreatKey } from './list.ts';

/**
 * Which requirements answer each threat: CPSF countermeasure requirements (only the 15 whose IDs are confirmed in
 * the built-in pack catalogs/packs/meti-cpsf-v1.yaml) and the ten directives of the Cybersecurity Management
 * Guidelines (governance/directives.ts). The choice of mappings and every reason are Shinrai's own judgement, not
 * part of CPSF, the guidelines or IPA's ranking.
 */

/** The CPSF requirement IDs of the built-in pack (the tests check each against the pack file). */
export const MAPPABLE_CPSF_IDS = [
  'CPS.AM-1',
  'CPS.GV-1',
  'CPS.RA-1',
  'CPS.RM-1',
  'CPS.SC-1',
  'CPS.AC-1',
  'CPS.AT-1',
  'CPS.DS-1',
  'CPS.IP-1',
  'CPS.IP-9',
  'CPS.MA-1',
  'CPS.AE-1',
  'CPS.CM-1',
  'CPS.DP-1',
  'CPS.RP-1',
] as const;
export type CpsfRequirementId = (typeof MAPPABLE_CPSF_IDS)[number];

export interface CpsfLink {
  id: CpsfRequirementId;
  reason: Text;
}

export interface DirectiveLink {
  ref: DirectiveRef;
  reason: Text;
}

export interface ThreatMapping {
  cpsf: CpsfLink[];
  directives: DirectiveLink[];
}

const r = (ja: string, en: string): Text => ({ ja, en });

export const THREAT_MAPPINGS: Record<ThreatKey, ThreatMapping> = {
  ransomware: {
    cpsf: [
      {
        id: 'CPS.RP-1',
        reason: r(
          '暗号化や脅迫を受けた時に、誰が何をどの順で行うかを前もって決めておくため。',
          'So that who does what, in which order, is settled before data is encrypted or extortion starts.',
        ),
      },
      {
        id: 'CPS.MA-1',
        reason: r(
          '侵入口になりやすいVPN機器やサーバーの更新を速やかに当てるため。',
          'To patch VPN devices and servers, the usual way in, without delay.',
        ),
      },
      {
        id: 'CPS.AC-1',
        reason: r(
          '盗まれたIDでの侵入や権限の乗っ取りを防ぐため、認証情報を発行から失効まで管理する。',
          'Managing credentials end to end blocks entry and privilege takeover with stolen IDs.',
        ),
      },
      {
        id: 'CPS.CM-1',
        reason: r(
          '外部との境目の通信を見張り、侵入や大量の持ち出しに早く気づくため。',
          'Watching traffic at the boundary reveals intrusion and bulk exfiltration early.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-7',
        reason: r(
          '被害が出た時にすぐ動ける緊急対応の体制が要るため。',
          'An emergency response set-up must be ready to act at once.',
        ),
      },
      {
        ref: 'directive-8',
        reason: r(
          'バックアップからの復旧と事業の継続を準備しておくため。',
          'Recovery from backups and business continuity have to be prepared in advance.',
        ),
      },
      {
        ref: 'directive-5',
        reason: r(
          '侵入を防ぎ、検知する仕組みを整えるため。',
          'Mechanisms to prevent and detect intrusion need to be in place.',
        ),
      },
    ],
  },
  'supply-chain': {
    cpsf: [
      {
        id: 'CPS.SC-1',
        reason: r(
          '取引先に求めるセキュリティの基準を決めて合意するため。',
          'Sets and agrees the security standard expected of partners.',
        ),
      },
      {
        id: 'CPS.DS-1',
        reason: r(
          '委託先に情報を渡す前に、その守り方を取り決めるため。',
          'Agrees how information is protected before it goes to a contractor.',
        ),
      },
      {
        id: 'CPS.RM-1',
        reason: r(
          '取引先の対策状況を確かめ、経営層に報告するため。',
          "Checks partners' security status and reports it to leadership.",
        ),
      },
      {
        id: 'CPS.GV-1',
        reason: r(
          '社外を含めた役割と責任、連絡のしかたを決めておくため。',
          'Defines roles, responsibilities and contact routes that include outside parties.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-9',
        reason: r(
          '取引先・委託先を含むサプライチェーン全体の状況把握と対策そのものを求める指示のため。',
          'This directive is about knowing and improving security across the supply chain.',
        ),
      },
      {
        ref: 'directive-4',
        reason: r(
          '取引先経由のリスクを洗い出し、対応計画に入れるため。',
          'Risks that come through partners must be identified and planned for.',
        ),
      },
    ],
  },
  'targeted-attack': {
    cpsf: [
      {
        id: 'CPS.AT-1',
        reason: r(
          'なりすましメールに気づき、報告できるよう全員を訓練するため。',
          'Trains everyone to spot and report disguised emails.',
        ),
      },
      {
        id: 'CPS.AE-1',
        reason: r(
          '普段の通信を基準にして、潜伏中の不審な動きを見分けるため。',
          'A baseline of normal traffic shows up an attacker moving quietly inside.',
        ),
      },
      {
        id: 'CPS.CM-1',
        reason: r(
          '外部への不審な通信や持ち出しを境目で見つけるため。',
          'Catches suspicious outbound traffic and exfiltration at the boundary.',
        ),
      },
      {
        id: 'CPS.DP-1',
        reason: r(
          '異常を見つける役割を自社と委託先の間で明確にするため。',
          'Makes clear who, in-house or at a provider, is responsible for detection.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '長く潜む攻撃を防ぎ、見つける仕組みが要るため。',
          'Mechanisms are needed to prevent and find long-running intrusions.',
        ),
      },
      {
        ref: 'directive-10',
        reason: r(
          '攻撃の手口や痕跡を情報共有で入手し、生かすため。',
          'Information sharing brings in the tactics and indicators to look for.',
        ),
      },
      {
        ref: 'directive-7',
        reason: r(
          '見つけた時の封じ込めと調査の体制が要るため。',
          'Containment and investigation need a ready response set-up.',
        ),
      },
    ],
  },
  insider: {
    cpsf: [
      {
        id: 'CPS.IP-9',
        reason: r(
          '異動・退職時の権限削除など、人事の手続きにセキュリティを組み込むため。',
          'Builds security into HR steps such as removing access on transfer or departure.',
        ),
      },
      {
        id: 'CPS.AC-1',
        reason: r(
          '必要な人に必要な権限だけを与え、使われ方を確かめるため。',
          'Gives each person only the access they need and checks how it is used.',
        ),
      },
      {
        id: 'CPS.AT-1',
        reason: r(
          'ルールと持ち出しの結果を全員に教えるため。',
          'Teaches everyone the rules and the consequences of taking data out.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '権限管理や記録など、不正を防ぎ見つける仕組みをつくるため。',
          'Access control and logging are the mechanisms that deter and reveal misuse.',
        ),
      },
      {
        ref: 'directive-2',
        reason: r(
          '情報管理の責任者と体制をはっきりさせるため。',
          'Clear ownership of information management is needed.',
        ),
      },
    ],
  },
  bec: {
    cpsf: [
      {
        id: 'CPS.AT-1',
        reason: r(
          '支払先の変更依頼を疑い、別の手段で確かめる習慣を教えるため。',
          'Teaches staff to doubt payment-change requests and verify them another way.',
        ),
      },
      {
        id: 'CPS.GV-1',
        reason: r(
          '取引先との連絡のしかたと確認の手順を決めておくため。',
          'Fixes how partners communicate and how requests are confirmed.',
        ),
      },
      {
        id: 'CPS.RP-1',
        reason: r(
          '送金してしまった時にすぐ銀行や警察に連絡できるよう手順を用意するため。',
          'A prepared procedure lets staff contact the bank and police at once after a fraudulent transfer.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '送金の二重確認など、だまされにくい業務の仕組みをつくるため。',
          'Payment processes such as dual approval make fraud harder.',
        ),
      },
      {
        ref: 'directive-9',
        reason: r(
          '取引先になりすます手口なので、取引先と確認方法を合わせておくため。',
          'The fraud impersonates partners, so verification methods are agreed with them.',
        ),
      },
    ],
  },
  'careless-leak': {
    cpsf: [
      {
        id: 'CPS.AT-1',
        reason: r(
          '誤送信や紛失を防ぐ扱い方を教えるため。',
          'Teaches handling that avoids misaddressed mail and lost media.',
        ),
      },
      {
        id: 'CPS.DS-1',
        reason: r(
          '社外に渡す情報の守り方を前もって決め、うっかりを減らすため。',
          'Agreeing protection before sharing reduces slips when information leaves.',
        ),
      },
      {
        id: 'CPS.GV-1',
        reason: r(
          '情報の扱いのルールと責任者を定めるため。',
          'Sets the rules for handling information and who owns them.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '誤送信防止や暗号化など、ミスが漏えいにならない仕組みをつくるため。',
          'Safeguards such as send checks and encryption stop mistakes becoming leaks.',
        ),
      },
      {
        ref: 'directive-2',
        reason: r(
          '情報管理の体制と責任をはっきりさせるため。',
          'Responsibility for information handling must be clear.',
        ),
      },
    ],
  },
  'vuln-exploit': {
    cpsf: [
      {
        id: 'CPS.RA-1',
        reason: r(
          '公開された脆弱性が自社のどの資産に当てはまるかを見つけて記録するため。',
          'Finds and records which assets a published vulnerability affects.',
        ),
      },
      {
        id: 'CPS.MA-1',
        reason: r(
          '重要な更新を計画して速やかに当てるため。',
          'Plans and applies important updates promptly.',
        ),
      },
      {
        id: 'CPS.AM-1',
        reason: r(
          '何を使っているか分からなければ、更新が要るかも判断できないため。',
          'Without an inventory there is no telling what needs patching.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '脆弱性情報を集め、更新を当てる仕組みを回すため。',
          'A working process to collect advisories and apply patches is needed.',
        ),
      },
      {
        ref: 'directive-10',
        reason: r(
          '脆弱性や悪用の情報を情報共有で早く得るため。',
          'Information sharing brings word of vulnerabilities and exploitation sooner.',
        ),
      },
      {
        ref: 'directive-4',
        reason: r(
          'どの脆弱性から対応するかをリスクに応じて決めるため。',
          'Which vulnerabilities to fix first is a risk-based plan.',
        ),
      },
    ],
  },
  'zero-day': {
    cpsf: [
      {
        id: 'CPS.AE-1',
        reason: r(
          '修正がない間は、普段と違う動きで攻撃に気づくしかないため。',
          'With no fix yet, departures from normal behaviour are how an attack shows.',
        ),
      },
      {
        id: 'CPS.CM-1',
        reason: r(
          '境目の監視と制御で、悪用の通信を見つけて絞るため。',
          'Boundary monitoring and control spot and limit exploit traffic.',
        ),
      },
      {
        id: 'CPS.RP-1',
        reason: r(
          '回避策の適用や切り離しをすぐ行えるよう手順を用意するため。',
          'A ready procedure allows workarounds or isolation at once.',
        ),
      },
      {
        id: 'CPS.MA-1',
        reason: r('修正が出たら最優先で当てるため。', 'Once a fix appears, it is applied first.'),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '更新に頼らない検知と防御の仕組みが要るため。',
          'Detection and defence that do not rely on patches are needed.',
        ),
      },
      {
        ref: 'directive-7',
        reason: r(
          '悪用が分かった時の緊急対応の体制が要るため。',
          'An emergency response set-up is needed when exploitation is found.',
        ),
      },
      {
        ref: 'directive-10',
        reason: r(
          '回避策や攻撃の情報を情報共有で素早く得るため。',
          'Information sharing brings workarounds and attack details quickly.',
        ),
      },
    ],
  },
  'remote-work': {
    cpsf: [
      {
        id: 'CPS.AC-1',
        reason: r(
          '社外からの接続に使うIDと認証を厳しく管理するため。',
          'Tightly manages the IDs and authentication used for remote access.',
        ),
      },
      {
        id: 'CPS.IP-1',
        reason: r(
          'VPN機器や持ち出し端末の初期設定と設定変更を管理するため。',
          'Controls initial and changed settings of VPN devices and take-home devices.',
        ),
      },
      {
        id: 'CPS.MA-1',
        reason: r(
          'VPN機器などの更新を速やかに当てるため。',
          'Keeps VPN devices and similar equipment patched promptly.',
        ),
      },
      {
        id: 'CPS.CM-1',
        reason: r(
          '社外と社内の境目で接続とアクセスを監視するため。',
          'Monitors connections and access where outside meets the corporate network.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '働き方の変化に合わせて防御の仕組みを見直すため。',
          'Defences must be revised as ways of working change.',
        ),
      },
      {
        ref: 'directive-4',
        reason: r(
          '社外から働くことで生じるリスクを洗い出すため。',
          'The risks of working off-site must be identified and planned for.',
        ),
      },
    ],
  },
  ddos: {
    cpsf: [
      {
        id: 'CPS.CM-1',
        reason: r(
          '境目の通信を監視し、異常な量の通信を早く見つけるため。',
          'Boundary monitoring spots abnormal traffic volumes early.',
        ),
      },
      {
        id: 'CPS.AE-1',
        reason: r(
          '普段の通信量を基準として持ち、攻撃との違いを判断するため。',
          'A traffic baseline tells an attack apart from a busy day.',
        ),
      },
      {
        id: 'CPS.RP-1',
        reason: r(
          '回線事業者や対策サービスへの連絡を含めた手順を用意するため。',
          'The response procedure covers calling the carrier or mitigation service.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-8',
        reason: r(
          'サービスが止まった時の継続と復旧の計画が要るため。',
          'Continuity and recovery plans cover a service taken offline.',
        ),
      },
      {
        ref: 'directive-7',
        reason: r(
          '攻撃中に動ける緊急対応の体制が要るため。',
          'An emergency set-up must act while the attack is under way.',
        ),
      },
    ],
  },
  geopolitical: {
    cpsf: [
      {
        id: 'CPS.RM-1',
        reason: r(
          '国際情勢によるリスクの高まりを経営層に報告し、判断してもらうため。',
          'Rising geopolitical risk is reported to leadership for decisions.',
        ),
      },
      {
        id: 'CPS.CM-1',
        reason: r(
          '国家の関与が疑われる攻撃の兆しを境目で見つけるため。',
          'Boundary monitoring catches signs of state-linked attacks.',
        ),
      },
      {
        id: 'CPS.RP-1',
        reason: r(
          '重要なサービスが狙われた時の対応手順を用意するため。',
          'Response procedures are ready for attacks on critical services.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-1',
        reason: r(
          '国際情勢に由来するリスクを経営のリスクとして認識するため。',
          'Geopolitical cyber risk is an executive-level business risk.',
        ),
      },
      {
        ref: 'directive-4',
        reason: r(
          '自社が狙われうる理由と影響を洗い出すため。',
          'Identify why the company might be targeted and what it would cost.',
        ),
      },
      {
        ref: 'directive-10',
        reason: r(
          '攻撃の動向を情報共有で早く知るため。',
          'Information sharing gives early warning of campaigns.',
        ),
      },
      {
        ref: 'directive-8',
        reason: r(
          '重要なサービスが止められた時の継続と復旧に備えるため。',
          'Continuity and recovery must cover critical services being disrupted.',
        ),
      },
    ],
  },
  'ai-risk': {
    cpsf: [
      {
        id: 'CPS.GV-1',
        reason: r(
          'AIの利用方針と、誰が何を決めるかを定めるため。',
          'Sets the policy for AI use and who decides what.',
        ),
      },
      {
        id: 'CPS.AT-1',
        reason: r(
          '入力してはいけない情報や、出力を確かめる必要を教えるため。',
          'Teaches what must not be entered and why output must be checked.',
        ),
      },
      {
        id: 'CPS.DS-1',
        reason: r(
          '外部のAIサービスに情報を渡す前に、その守られ方を取り決めるため。',
          'Agrees how data is protected before it goes to an outside AI service.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-1',
        reason: r(
          'AIの使い方を全社の方針として決めるため。',
          'How AI may be used is a company-wide policy decision.',
        ),
      },
      {
        ref: 'directive-4',
        reason: r(
          'AIの利用と悪用によるリスクを洗い出し、計画に入れるため。',
          'Risks from using and from abuse of AI must be identified and planned for.',
        ),
      },
      {
        ref: 'directive-5',
        reason: r(
          '新しい技術に合わせて対策の仕組みを見直すため。',
          'Defences must be revised for new technology.',
        ),
      },
    ],
  },
  'crime-as-a-service': {
    cpsf: [
      {
        id: 'CPS.AC-1',
        reason: r(
          '売買される認証情報で入られないよう、認証情報を管理するため。',
          'Credential management blunts credentials bought on underground markets.',
        ),
      },
      {
        id: 'CPS.CM-1',
        reason: r(
          '買われた侵入口からの不審なアクセスを境目で見つけるため。',
          'Boundary monitoring exposes access through purchased footholds.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-10',
        reason: r(
          '闇市場での流出や攻撃の動向を情報共有で知るため。',
          'Information sharing reveals leaked data and trends from underground markets.',
        ),
      },
      {
        ref: 'directive-4',
        reason: r(
          '攻撃が誰にでもできるようになったことをリスク評価に反映するため。',
          'Risk assessment must reflect that anyone can now buy an attack.',
        ),
      },
    ],
  },
  'it-outage': {
    cpsf: [
      {
        id: 'CPS.RP-1',
        reason: r(
          '障害の時に何を優先して動かすかを決めておくため。',
          'Decides in advance what to restore first when systems fail.',
        ),
      },
      {
        id: 'CPS.AM-1',
        reason: r(
          '業務がどの機器やサービスに頼っているかを把握するため。',
          'Shows which devices and services the business depends on.',
        ),
      },
      {
        id: 'CPS.SC-1',
        reason: r(
          'クラウドなどの提供者に求める水準を決めて合意するため。',
          'Sets and agrees the level expected of cloud and other providers.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-8',
        reason: r(
          'IT基盤が止まった時の事業継続と復旧を準備するため。',
          'Business continuity and recovery cover an IT infrastructure outage.',
        ),
      },
      {
        ref: 'directive-9',
        reason: r(
          '外部のサービス提供者を含めて備えるため。',
          'Preparation has to include outside service providers.',
        ),
      },
    ],
  },
  'unauthorized-login': {
    cpsf: [
      {
        id: 'CPS.AC-1',
        reason: r(
          'IDと認証情報を管理し、使い回しや放置されたアカウントをなくすため。',
          'Managing IDs and credentials removes reused passwords and forgotten accounts.',
        ),
      },
      {
        id: 'CPS.AE-1',
        reason: r(
          '普段と違う場所や時間のログインに気づくため。',
          'A baseline reveals logins from unusual places or times.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '多要素認証など、不正ログインを防ぐ仕組みをつくるため。',
          'Mechanisms such as multi-factor authentication stop unauthorised logins.',
        ),
      },
    ],
  },
  'personal-data-theft': {
    cpsf: [
      {
        id: 'CPS.RA-1',
        reason: r(
          '公開しているサービスの脆弱性を見つけて記録するため。',
          'Finds and records vulnerabilities in public-facing services.',
        ),
      },
      {
        id: 'CPS.MA-1',
        reason: r(
          'サービスを支えるサーバーの更新を速やかに当てるため。',
          'Patches the servers behind the service promptly.',
        ),
      },
      {
        id: 'CPS.CM-1',
        reason: r('大量の情報の持ち出しを境目で見つけるため。', 'Catches bulk data leaving at the boundary.'),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r(
          '公開サービスを守る仕組みをつくるため。',
          'Public-facing services need protective mechanisms.',
        ),
      },
      {
        ref: 'directive-7',
        reason: r(
          '漏えい時の公表や連絡を含む緊急対応が要るため。',
          'A leak calls for emergency response, including notification.',
        ),
      },
    ],
  },
  'iot-misuse': {
    cpsf: [
      {
        id: 'CPS.IP-1',
        reason: r(
          '初期パスワードなど、IoT機器の初期設定を変えて管理するため。',
          'Changes and manages IoT initial settings such as default passwords.',
        ),
      },
      {
        id: 'CPS.MA-1',
        reason: r('IoT機器の更新を計画して当てるため。', 'Plans and applies IoT device updates.'),
      },
      {
        id: 'CPS.AM-1',
        reason: r(
          'ネットワークにつながるIoT機器を台帳で把握するため。',
          'Keeps networked IoT devices in the inventory.',
        ),
      },
    ],
    directives: [
      {
        ref: 'directive-5',
        reason: r('IoT機器を守る仕組みを整えるため。', 'Mechanisms to protect IoT devices are needed.'),
      },
      {
        ref: 'directive-4',
        reason: r(
          '乗っ取られた機器が何に使われうるかを評価するため。',
          'Assess what a hijacked device could be used for.',
        ),
      },
    ],
  },
};

/** The mapping for one threat. */
export function mappingOf(key: ThreatKey): ThreatMapping {
  return THREAT_MAPPINGS[key];
}

/** Threat keys answered by a CPSF requirement ID or directive ref, in THREAT_MAPPINGS order. */
export function threatsAnsweredBy(idOrRef: string): ThreatKey[] {
  return (Object.keys(THREAT_MAPPINGS) as ThreatKey[]).filter((k) => {
    const m = THREAT_MAPPINGS[k];
    return m.cpsf.some((c) => c.id === idOrRef) || m.directives.some((d) => d.ref === idOrRef);
  });
}
