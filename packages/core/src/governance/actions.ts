/** PDCA action items (改善アクション) per directive, with an owner, a due date and an optional KPI. */
export const GOVERNANCE_ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type GovernanceActionStatus = (typeof GOVERNANCE_ACTION_STATUSES)[number];

/** Planned or in progress: still owed. */
export function isOpenAction(status: string): boolean {
  return status === 'planned' || status === 'in_progress';
}

/** Today's date (YYYY-MM-DD) in Japan: due dates are calendar dates in Asia/Tokyo. */
export function tokyoDate(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Open and its due date has passed (an action due today is not overdue yet). */
export function isActionOverdue(a: { status: string; dueDate: string | null }, today: string): boolean {
  return isOpenAction(a.status) && a.dueDate !== null && a.dueDate < today;
}

export interface ActionCounts {
  open: number;
  done: number;
  overdue: number;
}

/** Counts per directive; cancelled actions count nowhere. */
export function countActions(
  actions: readonly { directive: string; status: string; dueDate: string | null }[],
  today: string,
): Record<string, ActionCounts> {
  const out: Record<string, ActionCounts> = {};
  for (const a of actions) {
    const c = (out[a.directive] ??= { open: 0, done: 0, overdue: 0 });
    if (isOpenAction(a.status)) c.open++;
    if (a.status === 'done') c.done++;
    if (isActionOverdue(a, today)) c.overdue++;
  }
  return out;
}
