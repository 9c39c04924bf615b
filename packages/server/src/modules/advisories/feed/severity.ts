import { parseCvss } from '@shinrai/core/software/cvss';
import type { OsvRecord } from '@shinrai/core/software/osv';

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

type Scored = SeverityOf & { score: number };

/** Scored vectors by their text: a database repeats a few thousand vectors over hundreds of thousands of records. */
const SCORED = new Map<string, Scored | null>();
const SCORED_CAP = 20_000;

function scoreVector(vector: unknown): Scored | null {
  if (typeof vector !== 'string') return null;
  const hit = SCORED.get(vector);
  if (hit !== undefined) return hit;
  const r = parseCvss(vector);
  const scored = r.ok ? { severity: r.cvss.severity, score: r.cvss.score, vector: r.cvss.vector } : null;
  if (SCORED.size >= SCORED_CAP) SCORED.clear();
  SCORED.set(vector, scored);
  return scored;
}

/**
 * The highest severity a record states: its CVSS v3/v4 vectors (top level and per affected package, scored
 * with parseCvss) and `database_specific.severity`. A malicious-package record is always critical.
 */
export function advisorySeverity(record: OsvRecord, malicious: boolean): SeverityOf {
  let best: SeverityOf = { severity: 'unknown', score: null, vector: null };
  // records are checked only loosely before this: tolerate lists and entries of the wrong shape
  const consider = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const s of list as unknown[]) {
      if (typeof s !== 'object' || s === null) continue;
      const { type, score } = s as { type?: unknown; score?: unknown };
      if (type !== 'CVSS_V3' && type !== 'CVSS_V4') continue;
      const scored = scoreVector(score);
      if (scored !== null && (best.score === null || scored.score > best.score)) best = scored;
    }
  };
  consider(record.severity);
  if (Array.isArray(record.affected))
    for (const a of record.affected as unknown[])
      if (typeof a === 'object' && a !== null) consider((a as { severity?: unknown }).severity);
  const word = record.database_specific?.severity;
  const stated = typeof word === 'string' ? WORDS[word.toLowerCase()] : undefined;
  if (stated !== undefined && RANK[stated] > RANK[best.severity]) best = { ...best, severity: stated };
  if (malicious) best = { ...best, severity: 'critical' };
  return best;
}
