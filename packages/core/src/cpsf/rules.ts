import type { CatalogPack, PackNode, Text } from '../catalog/pack.ts';
import {
  COMPONENTS,
  LAYERS,
  MEASURE_LEVELS,
  THING_KINDS,
  type Component,
  type Layer,
  type MeasureLevel,
  type ThingKind,
} from './model.ts';
import { isWhenPredicate } from './when.ts';

/** URN of the built-in risk-source pack (catalogs/packs/shinrai-cpsf-risk-sources.yaml). */
export const CPSF_RISK_SOURCES_URN = 'urn:shinrai:catalog:cpsf-risk-sources';

export interface RiskRequirementDef {
  ref: string;
  title: Text;
  tier: MeasureLevel;
  /** CPSF requirement ids (e.g. CPS.AC-1) this requirement maps to. */
  cpsfRefs: string[];
}

/**
 * One risk source (リスク源) and when it applies. Empty `layers`/`components`/`thingKinds` mean "any";
 * within one list the values are alternatives (OR), across lists all must hold (AND); every `when` predicate
 * must hold.
 */
export interface RiskSourceDef {
  ref: string;
  title: Text;
  layers: Layer[];
  components: Component[];
  thingKinds: ThingKind[];
  when: string[];
  /** The function to protect (守るべき機能) and the security incident (セキュリティインシデント) above it. */
  functionRef: string;
  incidentRef: string;
  requirements: RiskRequirementDef[];
}

export interface RiskRuleSet {
  riskSources: RiskSourceDef[];
  byRef: ReadonlyMap<string, RiskSourceDef>;
  /** Requirement ref → its definition and the risk source it belongs to. */
  requirements: ReadonlyMap<string, RiskRequirementDef & { riskSourceRef: string }>;
  /** Titles of the function and incident groups, by ref. */
  groupTitles: ReadonlyMap<string, Text>;
}

export interface RuleProblem {
  /** Ref of the pack node (or mapping source) concerned. */
  ref: string;
  problem:
    | 'bad_structure'
    | 'unknown_when'
    | 'unknown_tag_value'
    | 'unknown_tier'
    | 'no_basic_requirement'
    | 'duplicate_ref'
    | 'mapping_unknown_source';
  value: string;
}

export type RulesResult = { ok: true; rules: RiskRuleSet } | { ok: false; problems: RuleProblem[] };

/** Builds a rule set from plain definitions (tests, generated packs). */
export function ruleSet(riskSources: RiskSourceDef[], groupTitles?: ReadonlyMap<string, Text>): RiskRuleSet {
  const byRef = new Map(riskSources.map((r) => [r.ref, r]));
  const requirements = new Map<string, RiskRequirementDef & { riskSourceRef: string }>();
  for (const r of riskSources)
    for (const q of r.requirements)
      if (!requirements.has(q.ref)) requirements.set(q.ref, { ...q, riskSourceRef: r.ref });
  return { riskSources, byRef, requirements, groupTitles: groupTitles ?? new Map() };
}

const isMeasureLevel = (s: string | undefined): s is MeasureLevel =>
  s !== undefined && (MEASURE_LEVELS as readonly string[]).includes(s);

/**
 * Reads the risk-source pack: layer group → function group → incident group → risk-source group →
 * requirement items (with `tier`). Applicability comes from the risk-source node's tags: `layer:1|2|3`,
 * `component:<component>`, `thing:<thing kind>`, `when:<predicate>` (see WHEN_PREDICATES). The optional
 * mapping (requirement ref → CPSF id) fills `cpsfRefs`.
 *
 * Returns `{ ok: false, problems }` when the pack uses an unknown `when:` predicate or tag value, a
 * requirement has no known tier, a risk source lacks a basic requirement, the tree has another shape, or
 * the mapping names a requirement the pack does not have.
 */
export function rulesFromPack(
  pack: CatalogPack,
  mapping?: { entries: { source: string; target: string }[] },
): RulesResult {
  const problems: RuleProblem[] = [];
  const cpsf = new Map<string, string[]>();
  for (const e of mapping?.entries ?? []) {
    const list = cpsf.get(e.source) ?? [];
    if (!list.includes(e.target)) list.push(e.target);
    cpsf.set(e.source, list);
  }
  const groupTitles = new Map<string, Text>();
  const defs: RiskSourceDef[] = [];
  const seen = new Set<string>();
  const unique = (n: PackNode) => {
    if (seen.has(n.ref)) problems.push({ ref: n.ref, problem: 'duplicate_ref', value: n.ref });
    seen.add(n.ref);
  };
  const groups = (n: PackNode): PackNode[] => {
    const kids = n.children ?? [];
    if (kids.length === 0 || n.answerModel !== undefined)
      problems.push({ ref: n.ref, problem: 'bad_structure', value: 'expected a group with children' });
    return kids;
  };

  for (const layer of pack.nodes) {
    unique(layer);
    for (const fn of groups(layer)) {
      unique(fn);
      groupTitles.set(fn.ref, fn.title);
      for (const inc of groups(fn)) {
        unique(inc);
        groupTitles.set(inc.ref, inc.title);
        for (const rs of groups(inc)) {
          unique(rs);
          (rs.children ?? []).forEach(unique);
          defs.push(riskSourceFrom(rs, fn.ref, inc.ref, cpsf, problems));
        }
      }
    }
  }

  const rules = ruleSet(defs, groupTitles);
  for (const [source, targets] of cpsf)
    if (!rules.requirements.has(source))
      problems.push({ ref: source, problem: 'mapping_unknown_source', value: targets.join(', ') });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

function riskSourceFrom(
  rs: PackNode,
  functionRef: string,
  incidentRef: string,
  cpsf: ReadonlyMap<string, string[]>,
  problems: RuleProblem[],
): RiskSourceDef {
  const def: RiskSourceDef = {
    ref: rs.ref,
    title: rs.title,
    layers: [],
    components: [],
    thingKinds: [],
    when: [],
    functionRef,
    incidentRef,
    requirements: [],
  };
  for (const tag of rs.tags ?? []) {
    const i = tag.indexOf(':');
    const ns = tag.slice(0, i);
    const value = tag.slice(i + 1);
    const layer = LAYERS.find((l) => String(l) === value);
    const component = COMPONENTS.find((c) => c === value);
    const kind = THING_KINDS.find((k) => k === value);
    if (ns === 'layer' && layer !== undefined) def.layers.push(layer);
    else if (ns === 'component' && component !== undefined) def.components.push(component);
    else if (ns === 'thing' && kind !== undefined) def.thingKinds.push(kind);
    else if (ns === 'when') {
      if (isWhenPredicate(value)) def.when.push(value);
      else problems.push({ ref: rs.ref, problem: 'unknown_when', value });
    } else if (ns === 'layer' || ns === 'component' || ns === 'thing')
      problems.push({ ref: rs.ref, problem: 'unknown_tag_value', value: tag });
    // other namespaces are descriptive only
  }
  for (const item of rs.children ?? []) {
    if (item.answerModel === undefined || (item.children?.length ?? 0) > 0) {
      problems.push({ ref: item.ref, problem: 'bad_structure', value: 'expected a requirement item' });
      continue;
    }
    if (!isMeasureLevel(item.tier)) {
      problems.push({ ref: item.ref, problem: 'unknown_tier', value: item.tier ?? '' });
      continue;
    }
    def.requirements.push({
      ref: item.ref,
      title: item.title,
      tier: item.tier,
      cpsfRefs: [...(cpsf.get(item.ref) ?? [])],
    });
  }
  if (!def.requirements.some((q) => q.tier === 'basic'))
    problems.push({ ref: rs.ref, problem: 'no_basic_requirement', value: rs.ref });
  return def;
}
