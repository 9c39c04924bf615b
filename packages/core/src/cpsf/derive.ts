import type { Text } from '../catalog/pack.ts';
import { decideLevel, measureRank, type LevelDecision } from './categorization.ts';
import { COMPONENT_LABELS, THING_KIND_LABELS } from './labels.ts';
import { COMPONENTS, type Element, type MeasureLevel, type Model } from './model.ts';
import { indexModel, type ModelIndex } from './model-index.ts';
import type { RiskRuleSet, RiskSourceDef } from './rules.ts';
import { WHEN_PREDICATES } from './when.ts';

/** A user's decision on one element: add a risk source the rules did not give, or dismiss one, with a reason. */
export interface RiskOverride {
  elementId: string;
  riskSourceRef: string;
  action: 'add' | 'dismiss';
  reason: string;
}

export interface DerivedRiskSource {
  ref: string;
  origin: 'rule' | 'added';
  dismissed: boolean;
  /** The user's reason when dismissed or added; null for a plain rule match. */
  reason: string | null;
  /** Why it applies: the layer/component/kind the rule asks for and the conditions that held. */
  because: Text;
}

export interface DerivedRequirement {
  ref: string;
  tier: MeasureLevel;
  /** The (not dismissed) risk sources that call for it, in rule order. */
  riskSources: string[];
  cpsfRefs: string[];
}

export interface DerivedElement {
  elementId: string;
  level: LevelDecision;
  riskSources: DerivedRiskSource[];
  requirements: DerivedRequirement[];
}

/** Whether a rule applies to an element (ignoring overrides). */
export function ruleApplies(
  rule: RiskSourceDef,
  el: Element,
  ctx: ModelIndex,
  holds: (predicate: string) => boolean = (name) => WHEN_PREDICATES[name]?.test(el, ctx) ?? false,
): boolean {
  if (rule.layers.length > 0 && !rule.layers.includes(el.layer)) return false;
  if (rule.components.length > 0 && !rule.components.includes(el.component)) return false;
  if (rule.thingKinds.length > 0 && (el.thingKind == null || !rule.thingKinds.includes(el.thingKind)))
    return false;
  return rule.when.every(holds);
}

/** "Applies to layer 2, thing (IoT device). Conditions: …" — only what the rule actually asks for. */
export function explainMatch(rule: RiskSourceDef, el: Element): Text {
  const layer =
    rule.layers.length > 0
      ? { ja: `第${el.layer}層`, en: `layer ${el.layer}` }
      : { ja: '全層', en: 'any layer' };
  const comp =
    rule.components.length > 0 || rule.thingKinds.length > 0
      ? COMPONENT_LABELS[el.component]
      : { ja: '全構成要素', en: 'any component' };
  const kind = rule.thingKinds.length > 0 && el.thingKind ? THING_KIND_LABELS[el.thingKind] : null;
  const conds = rule.when.flatMap((w) => {
    const p = WHEN_PREDICATES[w];
    return p ? [p.label] : [];
  });
  return {
    ja:
      `対象: ${layer.ja}・${comp.ja}${kind ? `（${kind.ja}）` : ''}` +
      (conds.length > 0 ? `。条件: ${conds.map((c) => c.ja).join('、')}` : ''),
    en:
      `Applies to ${layer.en}, ${comp.en}${kind ? ` (${kind.en})` : ''}` +
      (conds.length > 0 ? `. Conditions: ${conds.map((c) => c.en).join('; ')}` : ''),
  };
}

const ADDED: Text = { ja: '利用者が追加しました', en: 'Added by a user' };

/**
 * For each element (model order, first of duplicate ids): its measure level from its categorization, the
 * risk sources whose rules apply (then the user's overrides: the last override per element × risk source
 * wins; overrides naming an unknown element or risk source are ignored — see overrideProblems), and the
 * requirements of the not-dismissed risk sources whose tier is at or below the level, deduplicated by ref,
 * in rule order. `today` (ISO date) enables date conditions such as `support-ended`.
 */
export function deriveModel(
  model: Model,
  rules: RiskRuleSet,
  overrides: readonly RiskOverride[] = [],
  today?: string,
): DerivedElement[] {
  const ctx = indexModel(model, today);
  const byElement = new Map<string, Map<string, RiskOverride>>();
  for (const o of overrides) {
    const m = byElement.get(o.elementId) ?? new Map<string, RiskOverride>();
    m.set(o.riskSourceRef, o);
    byElement.set(o.elementId, m);
  }
  // Rules that can apply per component (the rest can only come in through an 'add' override).
  const byComponent = new Map<string, RiskSourceDef[]>();
  for (const rule of rules.riskSources)
    for (const c of COMPONENTS)
      if (rule.components.length === 0 || rule.components.includes(c)) {
        const list = byComponent.get(c) ?? [];
        list.push(rule);
        byComponent.set(c, list);
      }
  const explained = new Map<string, Text>();
  const out: DerivedElement[] = [];
  for (const el of ctx.elements.values()) {
    const level = decideLevel(el.categorization);
    const rank = measureRank(level.level);
    const ov = byElement.get(el.id);
    const memo = new Map<string, boolean>();
    const holds = (name: string) => {
      let v = memo.get(name);
      if (v === undefined) {
        v = WHEN_PREDICATES[name]?.test(el, ctx) ?? false;
        memo.set(name, v);
      }
      return v;
    };
    const candidates = byComponent.get(el.component) ?? [];
    const matched = new Set(candidates.filter((rule) => ruleApplies(rule, el, ctx, holds)));
    const riskSources: DerivedRiskSource[] = [];
    const requirements = new Map<string, DerivedRequirement>();
    for (const rule of ov ? rules.riskSources : candidates) {
      const o = ov?.get(rule.ref);
      const isMatch = matched.has(rule);
      if (!isMatch && o?.action !== 'add') continue;
      const dismissed = o?.action === 'dismiss';
      let because = ADDED;
      if (isMatch) {
        const key = `${rule.ref}|${el.layer}|${el.component}|${el.thingKind ?? ''}`;
        because = explained.get(key) ?? explainMatch(rule, el);
        explained.set(key, because);
      }
      riskSources.push({
        ref: rule.ref,
        origin: isMatch ? 'rule' : 'added',
        dismissed,
        reason: o ? o.reason : null,
        because,
      });
      if (dismissed) continue;
      for (const q of rule.requirements) {
        if (measureRank(q.tier) > rank) continue;
        const d = requirements.get(q.ref);
        if (!d)
          requirements.set(q.ref, {
            ref: q.ref,
            tier: q.tier,
            riskSources: [rule.ref],
            cpsfRefs: [...q.cpsfRefs],
          });
        else {
          if (!d.riskSources.includes(rule.ref)) d.riskSources.push(rule.ref);
          for (const c of q.cpsfRefs) if (!d.cpsfRefs.includes(c)) d.cpsfRefs.push(c);
        }
      }
    }
    out.push({ elementId: el.id, level, riskSources, requirements: [...requirements.values()] });
  }
  return out;
}

export interface OverrideProblem {
  index: number;
  problem: 'unknown_element' | 'unknown_risk_source' | 'empty_reason';
  value: string;
}

/** Overrides that deriveModel would ignore or that lack a reason, for validation at the edge. */
export function overrideProblems(
  model: Model,
  rules: RiskRuleSet,
  overrides: readonly RiskOverride[],
): OverrideProblem[] {
  const ids = new Set(model.elements.map((e) => e.id));
  const problems: OverrideProblem[] = [];
  overrides.forEach((o, index) => {
    if (!ids.has(o.elementId)) problems.push({ index, problem: 'unknown_element', value: o.elementId });
    if (!rules.byRef.has(o.riskSourceRef))
      problems.push({ index, problem: 'unknown_risk_source', value: o.riskSourceRef });
    if (o.reason.trim() === '') problems.push({ index, problem: 'empty_reason', value: '' });
  });
  return problems;
}
