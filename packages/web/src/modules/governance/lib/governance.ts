// Pure helpers of the governance (経営ガイドライン) dashboard.
import type { GovernanceAction, GovernancePeers, GovernanceRadar } from '../../../api/types';

/** The number of a directive ("directive-7" → 7). */
export function directiveNumber(ref: string): number {
  return Number(ref.replace(/^directive-/, '')) || 0;
}

export type RadarSeriesKey = 'current' | 'previous' | 'target' | 'peers';

export interface RadarSeries {
  key: RadarSeriesKey;
  /** Percent per axis, in the axes' order; null where there is no value. */
  values: (number | null)[];
}

/**
 * The radar's series: this assessment, the one before, the target and (when there are enough
 * organizations) the same-industry average. Series without any value are left out.
 */
export function radarSeries(radar: GovernanceRadar, peers: GovernancePeers | null): RadarSeries[] {
  const peerAvg = new Map(peers?.available ? peers.averages.map((a) => [a.ref, a.average]) : []);
  const all: RadarSeries[] = [
    { key: 'current', values: radar.axes.map((a) => a.current) },
    { key: 'previous', values: radar.axes.map((a) => a.previous) },
    { key: 'target', values: radar.axes.map((a) => a.target) },
    { key: 'peers', values: radar.axes.map((a) => peerAvg.get(a.ref) ?? null) },
  ];
  return all.filter((s) => s.values.some((v) => v !== null));
}

/** Target − current in percentage points (positive: still below the target); null without both. */
export function gap(current: number | null, target: number | null): number | null {
  if (current === null || target === null) return null;
  return Math.round((target - current) * 10) / 10;
}

/** Whether a target level is valid: 0–5 in steps of 0.5. */
export function isTargetLevel(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= 5 && Number.isInteger(n * 2);
}

/** Action items in the order to look at them: overdue first, then open by due date, then closed. */
export function sortActions(actions: readonly GovernanceAction[]): GovernanceAction[] {
  const rank = (a: GovernanceAction) =>
    a.overdue ? 0 : a.status === 'planned' || a.status === 'in_progress' ? 1 : 2;
  return [...actions].sort(
    (a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title),
  );
}
