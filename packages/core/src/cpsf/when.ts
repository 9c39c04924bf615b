import type { Text } from '../catalog/pack.ts';
import type { Element } from './model.ts';
import { edgesOf, pairKey, partnersOf, type ModelIndex } from './model-index.ts';

export interface WhenPredicate {
  label: Text;
  test(el: Element, ctx: ModelIndex): boolean;
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';
const SENSITIVE = new Set(['confidential', 'personal', 'secret']);

/**
 * Named conditions a risk source can require (`when:<name>` tags in the risk-source pack). All `when:` tags
 * of a risk source must hold. Labels complete the sentence "this applies because the element …".
 */
export const WHEN_PREDICATES: Record<string, WhenPredicate> = {
  'receives-data': {
    label: { ja: 'データを受け取っている', en: 'receives data' },
    test: (el, ctx) => edgesOf(ctx, el.id).some((e) => e.kind === 'data_flow' && e.to === el.id),
  },
  'sends-data': {
    label: { ja: 'データを送っている', en: 'sends data' },
    test: (el, ctx) => edgesOf(ctx, el.id).some((e) => e.kind === 'data_flow' && e.from === el.id),
  },
  'unauthenticated-input': {
    label: {
      ja: '相手を認証していないデータの流れかネットワーク接続がある',
      en: 'has an incoming data flow or a network connection whose counterpart is not authenticated',
    },
    test: (el, ctx) =>
      edgesOf(ctx, el.id).some(
        (e) =>
          e.authenticated !== true && (e.kind === 'network' || (e.kind === 'data_flow' && e.to === el.id)),
      ),
  },
  'unencrypted-link': {
    label: {
      ja: '暗号化されていないデータの流れかネットワーク接続がある',
      en: 'has a data flow or network connection that is not encrypted',
    },
    test: (el, ctx) =>
      edgesOf(ctx, el.id).some(
        (e) => (e.kind === 'network' || e.kind === 'data_flow') && e.encrypted !== true,
      ),
  },
  networked: {
    label: {
      ja: 'ネットワークかデータの流れでつながっている',
      en: 'is connected by a network or a data flow',
    },
    test: (el, ctx) => edgesOf(ctx, el.id).some((e) => e.kind === 'network' || e.kind === 'data_flow'),
  },
  'cross-org-flow': {
    label: { ja: '他の組織とデータをやり取りしている', en: 'exchanges data with another organization' },
    test: (el, ctx) => partnersOf(ctx, el).size > 0,
  },
  'partner-without-contract': {
    label: {
      ja: '契約（取り決め）のない組織とデータをやり取りしている',
      en: 'exchanges data with an organization that has no contract with its own',
    },
    test: (el, ctx) => {
      const own = ctx.orgOf.get(el.id);
      if (own === undefined) return false;
      for (const p of partnersOf(ctx, el)) if (!ctx.contracts.has(pairKey(own, p))) return true;
      return false;
    },
  },
  'physical-control': {
    label: { ja: '物理的な制御・計測の関係がある', en: 'senses or acts on the physical world' },
    test: (el, ctx) => edgesOf(ctx, el.id).some((e) => e.kind === 'physical_control'),
  },
  'no-owner': {
    label: { ja: '管理者が決まっていない', en: 'has no owner' },
    test: (el) => blank(el.owner),
  },
  'no-version': {
    label: { ja: 'バージョンが記録されていない', en: 'has no recorded version' },
    test: (el) => blank(el.version),
  },
  'support-ended': {
    label: { ja: 'サポート（保守）期限を過ぎている', en: 'is past its end of support' },
    test: (el, ctx) => ctx.today !== null && !blank(el.supportEnds) && (el.supportEnds ?? '') < ctx.today,
  },
  'unclassified-data': {
    label: { ja: 'データの区分が決まっていない', en: 'has no data classification' },
    test: (el) => el.dataClass === null || el.dataClass === undefined,
  },
  'personal-data': {
    label: { ja: '個人情報である', en: 'is personal data' },
    test: (el) => el.dataClass === 'personal',
  },
  'sensitive-data': {
    label: { ja: '機密・個人・秘密の区分のデータである', en: 'is confidential, personal or secret data' },
    test: (el) => el.dataClass !== null && el.dataClass !== undefined && SENSITIVE.has(el.dataClass),
  },
  'high-criticality': {
    label: { ja: '重要度が「高」である', en: 'has high criticality' },
    test: (el) => el.criticality === 'high',
  },
};

export function isWhenPredicate(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(WHEN_PREDICATES, name);
}
