import {
  checkModel,
  deriveModel,
  heatMap,
  rulesFromPack,
  tokyoDate,
  type DerivedElement,
  type HeatCell,
  type Model,
  type ModelCheck,
  type RiskOverride,
  type RiskRuleSet,
  type Text,
} from '@shinrai/core';
import {
  listAnswers,
  listCatalogsForOrg,
  listCpsfPlanItems,
  listCpsfRiskOverrides,
  listMappingSetsForOrg,
  type CpsfModelRow,
  type CpsfPlanItemRow,
  type CpsfRiskOverrideRow,
  type Executor,
} from '@shinrai/store';
import { loadCatalog, type LoadedCatalog } from '../library/public.ts';

export const RISK_CATALOG_URN = 'urn:shinrai:catalog:cpsf-risk-sources';
export const CPSF_CATALOG_URN = 'urn:shinrai:catalog:meti-cpsf';

export const STATUS_VALUES = ['implemented', 'partial', 'not_implemented', 'not_applicable'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

/** The answer ref that holds the status of one (element × requirement) in the model's assessment. */
export const statusRef = (requirementRef: string, elementId: string) => `${requirementRef}@${elementId}`;

export interface LoadedRules {
  catalog: LoadedCatalog;
  rules: RiskRuleSet;
}

/**
 * Catalog versions and mapping sets are immutable once stored, so the parsed catalog and the rules built from it
 * are kept per (catalog id, mapping id): a status or plan change does not parse the pack again.
 */
const rulesCache = new Map<string, LoadedRules | null>();

/** The newest risk-source catalog the organization can use and the rules built from it, or null. */
export async function loadRules(ex: Executor, orgId: string): Promise<LoadedRules | null> {
  const found = (await listCatalogsForOrg(ex, orgId)).find((c) => c.urn === RISK_CATALOG_URN);
  if (!found) return null;
  const mapping = (await listMappingSetsForOrg(ex, orgId)).find(
    (m) => m.source_urn === RISK_CATALOG_URN && m.target_urn === CPSF_CATALOG_URN,
  );
  const key = `${found.id}|${mapping?.id ?? ''}`;
  const cached = rulesCache.get(key);
  if (cached !== undefined) return cached;
  const catalog = await loadCatalog(ex, orgId, found.id);
  const entries = mapping ? (JSON.parse(mapping.entries) as { source: string; target: string }[]) : [];
  const built = rulesFromPack(catalog.pack, { entries });
  const loaded = built.ok ? { catalog, rules: built.rules } : null;
  rulesCache.set(key, loaded);
  return loaded;
}

/** Titles of CPSF requirements from the newest CPSF catalog the organization has (built-in or its own import). */
export async function cpsfTitles(ex: Executor, orgId: string): Promise<Map<string, Text>> {
  const found = (await listCatalogsForOrg(ex, orgId)).find((c) => c.urn === CPSF_CATALOG_URN);
  const titles = new Map<string, Text>();
  if (!found) return titles;
  const c = await loadCatalog(ex, orgId, found.id);
  for (const n of c.nodes) if (n.kind === 'item') titles.set(n.ref, n.node.title);
  return titles;
}

export function parseGraph(row: CpsfModelRow): Model {
  return JSON.parse(row.graph) as Model;
}

export function overridesOf(rows: readonly CpsfRiskOverrideRow[]): RiskOverride[] {
  return rows.map((r) => ({
    elementId: r.element_id,
    riskSourceRef: r.risk_source_ref,
    action: r.action as RiskOverride['action'],
    reason: r.reason,
  }));
}

export interface PlanView {
  owner: string | null;
  dueDate: string | null;
  costEstimate: number | null;
  residualAcceptedBy: string | null;
  note: string | null;
  updatedAt: string;
}

export function planView(p: CpsfPlanItemRow): PlanView {
  return {
    owner: p.owner,
    dueDate: p.due_date,
    costEstimate: p.cost_estimate === null ? null : Number(p.cost_estimate),
    residualAcceptedBy: p.residual_accepted_by,
    note: p.note,
    updatedAt: p.updated_at,
  };
}

export interface AnalysisRequirement {
  ref: string;
  tier: DerivedElement['requirements'][number]['tier'];
  riskSources: string[];
  cpsfRefs: string[];
  status: StatusValue | null;
  statusRevision: number;
  plan: PlanView | null;
}

export interface AnalysisElement extends Omit<DerivedElement, 'requirements'> {
  requirements: AnalysisRequirement[];
}

export interface Analysis {
  checks: ModelCheck[];
  elements: AnalysisElement[];
  heatmap: HeatCell[];
  summary: {
    elements: number;
    required: number;
    met: number;
    partial: number;
    unmet: number;
    unanswered: number;
  };
  overrides: CpsfRiskOverrideRow[];
}

const isStatus = (v: unknown): v is StatusValue => STATUS_VALUES.includes(v as StatusValue);

/** Everything the model's views need: checks, derived risk sources and requirements with status and plan, heat map. */
export async function analyseModel(
  ex: Executor,
  row: CpsfModelRow,
  rules: RiskRuleSet,
  now: Date,
): Promise<Analysis> {
  const model = parseGraph(row);
  const overrideRows = await listCpsfRiskOverrides(ex, row.org_id, row.id);
  const today = tokyoDate(now);
  const derived = deriveModel(model, rules, overridesOf(overrideRows), today);
  const answers = row.assessment_id ? await listAnswers(ex, row.org_id, row.assessment_id) : [];
  const status = new Map<string, { value: StatusValue | null; revision: number }>();
  for (const a of answers) {
    const parsed = a.value === null ? null : (JSON.parse(a.value) as { value?: unknown });
    status.set(a.ref, { value: isStatus(parsed?.value) ? parsed.value : null, revision: a.revision });
  }
  const plans = new Map(
    (await listCpsfPlanItems(ex, row.org_id, row.id)).map((p) => [`${p.requirement_ref}@${p.element_id}`, p]),
  );
  const summary = {
    elements: model.elements.length,
    required: 0,
    met: 0,
    partial: 0,
    unmet: 0,
    unanswered: 0,
  };
  const elements: AnalysisElement[] = derived.map((d) => ({
    ...d,
    requirements: d.requirements.map((r) => {
      const key = statusRef(r.ref, d.elementId);
      const s = status.get(key);
      const plan = plans.get(key);
      summary.required++;
      switch (s?.value ?? null) {
        case 'implemented':
        case 'not_applicable':
          summary.met++;
          break;
        case 'partial':
          summary.partial++;
          break;
        case 'not_implemented':
          summary.unmet++;
          break;
        case null:
          summary.unanswered++;
          break;
      }
      return {
        ...r,
        status: s?.value ?? null,
        statusRevision: s?.revision ?? 0,
        plan: plan ? planView(plan) : null,
      };
    }),
  }));
  const heatmap = heatMap(model, derived, (elementId, requirementRef) => {
    switch (status.get(statusRef(requirementRef, elementId))?.value ?? null) {
      case 'implemented':
        return 'met';
      case 'partial':
        return 'partial';
      case 'not_implemented':
        return 'unmet';
      case 'not_applicable':
        return 'na';
      case null:
        return null;
    }
  });
  return {
    checks: checkModel(model, today),
    elements,
    heatmap,
    summary,
    overrides: overrideRows,
  };
}

/** Requirement still open for an element: neither in place nor marked as not applicable. */
export const isOpen = (r: AnalysisRequirement) => r.status !== 'implemented' && r.status !== 'not_applicable';
