import type { Text } from '../catalog/pack.ts';
import { elementLabel } from './labels.ts';
import type { Edge, Element, Model } from './model.ts';
import { edgesOf, indexModel, pairKey } from './model-index.ts';

/** A finding about a model that says what is wrong, with which element(s), and what to do. */
export interface ModelCheck {
  code: string;
  severity: 'error' | 'warning' | 'info';
  elementIds: string[];
  edgeIds: string[];
  message: Text;
}

const SENSITIVE = new Set(['confidential', 'personal', 'secret']);
const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/**
 * Checks a model: structural errors (duplicate ids, edges to unknown elements, self-loops, an orgRef that is
 * not an organization, a thing kind on a non-thing) and modelling warnings (a layer-2 thing/system with no
 * physical_control edge, data flowing between organizations with no contract, a system/thing with no
 * owner, unclassified data, sensitive data over an unencrypted flow, an element past its end of support —
 * the last only when `today` (ISO date) is given). Order: id and edge findings, then per element in model
 * order, then per pair of organizations.
 */
export function checkModel(model: Model, today?: string): ModelCheck[] {
  const out: ModelCheck[] = [];
  const ctx = indexModel(model, today);
  const label = (id: string) => elementLabel(ctx.elements.get(id), id);

  const seenEl = new Set<string>();
  for (const el of model.elements) {
    if (seenEl.has(el.id)) {
      const l = label(el.id);
      out.push({
        code: 'duplicate_element_id',
        severity: 'error',
        elementIds: [el.id],
        edgeIds: [],
        message: {
          ja: `要素のID ${l.ja} が重複しています。IDはモデルの中で一つにしてください。`,
          en: `Element id ${l.en} is used more than once. Give each element its own id.`,
        },
      });
    }
    seenEl.add(el.id);
  }
  const seenEdge = new Set<string>();
  for (const e of model.edges) {
    if (seenEdge.has(e.id))
      out.push({
        code: 'duplicate_edge_id',
        severity: 'error',
        elementIds: [],
        edgeIds: [e.id],
        message: {
          ja: `つながりのID「${e.id}」が重複しています。IDはモデルの中で一つにしてください。`,
          en: `Edge id "${e.id}" is used more than once. Give each edge its own id.`,
        },
      });
    seenEdge.add(e.id);
    const missing = [e.from, e.to].filter((id) => !ctx.elements.has(id));
    if (missing.length > 0) {
      out.push({
        code: 'edge_unknown_element',
        severity: 'error',
        elementIds: [],
        edgeIds: [e.id],
        message: {
          ja: `つながり「${e.id}」が存在しない要素 ${missing.map((m) => `「${m}」`).join('、')} を指しています。要素を追加するか、つながりを削除してください。`,
          en: `Edge "${e.id}" points to ${missing.map((m) => `"${m}"`).join(', ')}, which does not exist. Add the element or delete the edge.`,
        },
      });
    } else if (e.from === e.to) {
      const l = label(e.from);
      out.push({
        code: 'self_loop',
        severity: 'error',
        elementIds: [e.from],
        edgeIds: [e.id],
        message: {
          ja: `つながり「${e.id}」は ${l.ja} から自分自身へ向かっています。相手の要素につなぎ直してください。`,
          en: `Edge "${e.id}" goes from ${l.en} to itself. Connect it to the other element instead.`,
        },
      });
    }
  }

  for (const el of ctx.elements.values())
    out.push(...elementChecks(el, ctx.elements, edgesOf(ctx, el.id), today));

  // Data flows between organizations with no contract: one finding per pair of organizations.
  const byPair = new Map<string, { a: string; b: string; edges: string[]; elements: Set<string> }>();
  for (const e of model.edges) {
    if (e.kind !== 'data_flow' || e.from === e.to) continue;
    const a = ctx.orgOf.get(e.from);
    const b = ctx.orgOf.get(e.to);
    if (a === undefined || b === undefined || a === b || ctx.contracts.has(pairKey(a, b))) continue;
    const key = pairKey(a, b);
    const entry = byPair.get(key) ?? { a, b, edges: [], elements: new Set<string>() };
    entry.edges.push(e.id);
    entry.elements.add(e.from).add(e.to);
    byPair.set(key, entry);
  }
  for (const { a, b, edges, elements } of byPair.values()) {
    const la = label(a);
    const lb = label(b);
    out.push({
      code: 'flow_without_contract',
      severity: 'warning',
      elementIds: [a, b, ...[...elements].filter((x) => x !== a && x !== b)],
      edgeIds: edges,
      message: {
        ja: `${la.ja} と ${lb.ja} の間でデータが流れていますが、両者の契約（取り決め）がありません。データの扱いを取り決め、契約のつながりを追加してください。`,
        en: `Data flows between ${la.en} and ${lb.en}, but there is no contract between them. Agree how the data is handled and add a contract edge.`,
      },
    });
  }
  return out;
}

function elementChecks(
  el: Element,
  elements: ReadonlyMap<string, Element>,
  edges: readonly Edge[],
  today: string | undefined,
): ModelCheck[] {
  const out: ModelCheck[] = [];
  const l = elementLabel(el, el.id);
  const one = (code: string, severity: ModelCheck['severity'], message: Text, edgeIds: string[] = []) =>
    out.push({ code, severity, elementIds: [el.id], edgeIds, message });

  if (!blank(el.orgRef) && el.component !== 'organization') {
    const org = elements.get(el.orgRef ?? '');
    if (org?.component !== 'organization')
      one('org_ref_not_organization', 'error', {
        ja: org
          ? `${l.ja} の所属先 ${elementLabel(org, org.id).ja} はソシキ（組織）ではありません。所属先にはソシキの要素を選んでください。`
          : `${l.ja} の所属先「${el.orgRef}」がモデルにありません。ソシキの要素を追加するか、所属先を直してください。`,
        en: org
          ? `${l.en} belongs to ${elementLabel(org, org.id).en}, which is not an organization. Choose an organization element.`
          : `${l.en} belongs to "${el.orgRef}", which is not in the model. Add that organization or correct the reference.`,
      });
  }
  if (el.thingKind != null && el.component !== 'thing')
    one('thing_kind_on_non_thing', 'error', {
      ja: `${l.ja} はモノではないのに、モノの種類が設定されています。種類を外すか、構成要素をモノにしてください。`,
      en: `${l.en} is not a thing but has a thing kind. Remove the kind or make the element a thing.`,
    });
  if (
    el.layer === 2 &&
    (el.component === 'thing' || el.component === 'system') &&
    !edges.some((e) => e.kind === 'physical_control')
  )
    one('no_physical_link', 'warning', {
      ja: `${l.ja} は第2層にありますが、フィジカル空間の何ともつながっていません。計測・制御する対象との「物理的な制御」のつながりを追加するか、層を見直してください。`,
      en: `${l.en} is on layer 2 but connects to nothing physical. Add a physical-control edge to what it senses or drives, or move it to another layer.`,
    });
  if ((el.component === 'system' || el.component === 'thing') && blank(el.owner))
    one('no_owner', 'warning', {
      ja: `${l.ja} の管理者が決まっていません。責任を持つ人か部署を管理者に設定してください。`,
      en: `${l.en} has no owner. Name the person or team responsible for it.`,
    });
  if (el.component === 'data') {
    if (el.dataClass == null)
      one('data_unclassified', 'warning', {
        ja: `データ ${l.ja} の区分（公開・社内・機密・個人・秘密）が決まっていません。区分を決めると必要な保護がわかります。`,
        en: `Data ${l.en} has no classification (public, internal, confidential, personal, secret). Classify it to know what protection it needs.`,
      });
    else if (SENSITIVE.has(el.dataClass)) {
      const plain = edges.filter((e) => e.kind === 'data_flow' && e.encrypted !== true).map((e) => e.id);
      if (plain.length > 0)
        one(
          'sensitive_data_unencrypted',
          'warning',
          {
            ja: `データ ${l.ja} は保護が必要な区分ですが、暗号化されていないデータの流れ（${plain.join('、')}）で送受信されています。通信を暗号化してください。`,
            en: `Data ${l.en} needs protection but travels over unencrypted data flows (${plain.join(', ')}). Encrypt those channels.`,
          },
          plain,
        );
    }
  }
  if (today !== undefined && !blank(el.supportEnds) && (el.supportEnds ?? '') < today)
    one('support_ended', 'warning', {
      ja: `${l.ja} はサポート（保守）期限 ${el.supportEnds} を過ぎています。更新・移行の計画を立てるか、ネットワークから切り離すなどの代わりの対策をとってください。`,
      en: `${l.en} is past its end of support (${el.supportEnds}). Plan an upgrade or replacement, or isolate it as a compensating measure.`,
    });
  return out;
}
