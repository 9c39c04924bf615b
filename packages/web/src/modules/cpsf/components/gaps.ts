// Sorting and filtering of the gap list (未実施の対策): pure, so the list and its tests share them.
import type { GapRow } from './graph';

export const GAP_SORTS = ['due', 'cost', 'status', 'requirement', 'element'] as const;
export type GapSort = (typeof GAP_SORTS)[number];

export const GAP_STATUS_FILTERS = ['all', 'unanswered', 'not_implemented', 'partial'] as const;
export type GapStatusFilter = (typeof GAP_STATUS_FILTERS)[number];

export const GAP_PLAN_FILTERS = ['all', 'planned', 'unplanned', 'overdue'] as const;
export type GapPlanFilter = (typeof GAP_PLAN_FILTERS)[number];

export interface GapQuery {
  /** Matched against the requirement's ref and title and the element's name and id. */
  text: string;
  status: GapStatusFilter;
  plan: GapPlanFilter;
  sort: GapSort;
}

/** Most urgent first: nothing in place, then partly in place, then not yet answered. */
const STATUS_ORDER: Record<string, number> = { not_implemented: 0, partial: 1, unanswered: 2 };

const statusOf = (r: GapRow) => r.requirement.status ?? 'unanswered';

/**
 * The rows a query shows, in its order. Rows without a due date or cost sort last; ties keep the
 * requirement order. `today` is YYYY-MM-DD (Japan time) for "overdue".
 */
export function queryGaps(
  rows: readonly GapRow[],
  q: GapQuery,
  label: { element: (id: string) => string; requirement: (ref: string) => string },
  today: string,
): GapRow[] {
  const text = q.text.trim().toLowerCase();
  const shown = rows.filter((r) => {
    const plan = r.requirement.plan;
    if (q.status !== 'all' && statusOf(r) !== q.status) return false;
    if (q.plan === 'planned' && !plan) return false;
    if (q.plan === 'unplanned' && plan) return false;
    if (q.plan === 'overdue' && !(plan?.dueDate && plan.dueDate < today)) return false;
    if (!text) return true;
    return [r.requirement.ref, label.requirement(r.requirement.ref), label.element(r.elementId), r.elementId]
      .join('\u0000')
      .toLowerCase()
      .includes(text);
  });
  const byRef = (a: GapRow, b: GapRow) =>
    a.requirement.ref.localeCompare(b.requirement.ref) || a.elementId.localeCompare(b.elementId);
  const lastIfMissing = <T>(x: T | null | undefined, y: T | null | undefined, cmp: (x: T, y: T) => number) =>
    x == null ? (y == null ? 0 : 1) : y == null ? -1 : cmp(x, y);
  const compare: Record<GapSort, (a: GapRow, b: GapRow) => number> = {
    due: (a, b) =>
      lastIfMissing(a.requirement.plan?.dueDate, b.requirement.plan?.dueDate, (x, y) => x.localeCompare(y)),
    cost: (a, b) =>
      lastIfMissing(a.requirement.plan?.costEstimate, b.requirement.plan?.costEstimate, (x, y) => y - x),
    status: (a, b) => (STATUS_ORDER[statusOf(a)] ?? 9) - (STATUS_ORDER[statusOf(b)] ?? 9),
    requirement: () => 0,
    element: (a, b) => label.element(a.elementId).localeCompare(label.element(b.elementId), 'ja'),
  };
  return [...shown].sort((a, b) => compare[q.sort](a, b) || byRef(a, b));
}
