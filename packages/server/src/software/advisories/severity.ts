import { parseCvss, type OsvRecord } from '@shinrai/core';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;
export type AdvisorySeverity = (typeof SEVERITIES)[number];

const RANK: Record<AdvisorySeverity, number> = {
  critical: 5,
  high: 4,
  medium: 3,
  low: 2,
  none: 1,
  unknown: 0,
};

/** GitHub/OSV database_specific wording → our scale. */
const WORDS: Record<string, AdvisorySeverity> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  none: 'none',
};

export interface SeverityOf {
  severity: AdvisorySeverity;
  score: number | null;
  vector: string | null;
}

/**
 * The highest severity a record states: its CVSS v3/v4 vectors (top level and per affected package, scored
 * with parseCvss) and `database_specific.severity`. A malicious-package record is always critical.
 */
export function advisorySeverity(record: OsvRecord, malicious: boolean): SeverityOf {
  let best: SeverityOf = { severity: 'unknown', score: null, vector: null };
  const entries = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
  for (const s of entries) {
    if (s.type !== 'CVSS_V3' && s.type !== 'CVSS_V4') continue;
    const r = parseCvss(s.score);
    if (!r.ok) continue;
    if (best.score === null || r.cvss.score > best.score)
      best = { severity: r.cvss.severity, score: r.cvss.score, vector: r.cvss.vector };
  }
  const word = record.database_specific?.severity;
  const stated = typeof word === 'string' ? WORDS[word.toLowerCase()] : undefined;
  if (stated !== undefined && RANK[stated] > RANK[best.severity]) best = { ...best, severity: stated };
  if (malicious) best = { ...best, severity: 'critical' };
  return best;
}
