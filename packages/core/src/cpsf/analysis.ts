import { checkModel, type ModelCheck } from './checks.ts';
import type { DerivedElement, RiskOverride } from './derive.ts';
import { heatMap, type HeatCell } from './heat-map.ts';
import type { Model } from './model.ts';

/** The status of one requirement for one element, as the model's assessment stores it. */
export const STATUS_VALUES = ['implemented', 'partial', 'not_implemented', 'not_applicable'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

export const isStatusValue = (v: unknown): v is StatusValue => STATUS_VALUES.includes(v as StatusValue);

/** The answer ref that holds the status of one (element × requirement) in the model's assessment. */
export const statusRef = (requirementRef: string, elementId: string) => `${requirementRef}@${elementId}`;

/** The status a stored answer value (JSON `{kind, value}`, or null) holds; null when none or not a status. */
export function statusOfAnswer(value: string | null): StatusValue | null {
  const parsed = value === null ? null : (JSON.parse(value) as { value?: unknown } | null);
  return isStatusValue(parsed?.value) ? parsed.value : null;
}

/** A remediation plan item as stored (one per element × requirement). */
export interface PlanItem {
  owner: string | null;
  due_date: string | null;
  cost_estimate: number | string | null;
  residual_accepted_by: string | null;
  note: string | null;
  updated_at: string;
}

export interface PlanView {
  owner: string | null;
  dueDate: string | null;
  costEstimate: number | null;
  residualAcceptedBy: string | null;
  note: string | null;
  updatedAt: string;
}

/** The API's view of a plan item (a cost stored as a decimal string becomes a number). */
export function planView(p: PlanItem): PlanView {
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

export interface AnalysisSummary {
  elements: number;
  required: number;
  met: number;
  partial: number;
  unmet: number;
  unanswered: number;
}

export interface ModelAnalysis {
  checks: ModelCheck[];
  elements: AnalysisElement[];
  heatmap: HeatCell[];
  summary: AnalysisSummary;
}

/** What the analysis reads besides the model: the stored status and plan of each (element × requirement), by statusRef. */
export interface AnalysisInput {
  model: Model;
  derived: readonly DerivedElement[];
  status: ReadonlyMap<string, { value: StatusValue | null; revision: number }>;
  plans: ReadonlyMap<string, PlanItem>;
  /** Today's date in Japan (YYYY-MM-DD), for the checks of support end dates. */
  today: string;
}

/** Requirement still open for an element: neither in place nor marked as not applicable. */
export const isOpen = (r: Pick<AnalysisRequirement, 'status'>) =>
  r.status !== 'implemented' && r.status !== 'not_applicable';

const HEAT: Record<StatusValue, 'met' | 'partial' | 'unmet' | 'na'> = {
  implemented: 'met',
  partial: 'partial',
  not_implemented: 'unmet',
  not_applicable: 'na',
};

/**
 * Everything a model's views show: the checks, each element's requirements with status and plan, the
 * summary counts (implemented and not applicable count as met) and the layer × component heat map.
 */
export function analyseModelStatus(input: AnalysisInput): ModelAnalysis {
  const { model, derived, status, plans } = input;
  const summary: AnalysisSummary = {
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
    const value = status.get(statusRef(requirementRef, elementId))?.value ?? null;
    return value === null ? null : HEAT[value];
  });
  return { checks: checkModel(model, input.today), elements, heatmap, summary };
}

export type NarrowResult =
  | { ok: true; elements: AnalysisElement[] }
  | { ok: false; problem: { code: 'unknown_element'; element: string } };

/**
 * The elements of an analysis narrowed to one element (a problem naming it when the model has none
 * such) and/or to the elements that still need a requirement.
 */
export function narrowAnalysis(
  elements: readonly AnalysisElement[],
  by: { element?: string | undefined; requirement?: string | undefined },
): NarrowResult {
  let out = [...elements];
  if (by.element !== undefined) {
    out = out.filter((e) => e.elementId === by.element);
    if (out.length === 0) return { ok: false, problem: { code: 'unknown_element', element: by.element } };
  }
  if (by.requirement !== undefined)
    out = out.filter((e) => e.requirements.some((r) => r.ref === by.requirement && isOpen(r)));
  return { ok: true, elements: out };
}

/** Overrides as the derivation reads them, from their stored rows. */
export function overridesOf(
  rows: readonly { element_id: string; risk_source_ref: string; action: string; reason: string }[],
): RiskOverride[] {
  return rows.map((r) => ({
    elementId: r.element_id,
    riskSourceRef: r.risk_source_ref,
    action: r.action as RiskOverride['action'],
    reason: r.reason,
  }));
}
