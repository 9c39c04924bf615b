// How every view (screens, board PDF) writes a maturity level and a percent: one rounding, one form.

/** A mean maturity level (0–5): one decimal ("3.3" for 3.25), "—" when there is none. */
export function formatLevel(level: number | null | undefined): string {
  if (level === null || level === undefined || !Number.isFinite(level)) return '—';
  return (Math.round(level * 10) / 10).toFixed(1);
}

/** A percent: at most one decimal and a % sign ("62.3%"), "—" when there is none. */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  return `${Math.round(percent * 10) / 10}%`;
}

/** A difference in percentage points with its sign ("+20", "−12.5", "±0"). */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined || !Number.isFinite(points)) return '—';
  const v = Math.round(points * 10) / 10;
  return v === 0 ? '±0' : v > 0 ? `+${v}` : `−${Math.abs(v)}`;
}
