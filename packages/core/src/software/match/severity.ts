import { parseCvss } from '../cvss/cvss.ts';
import { isMalicious, type OsvRecord, type OsvSeverity } from '../osv/types.ts';

/** Severities from least to most serious; `unknown` means the record says nothing we can read. */
export const FINDING_SEVERITIES = ['unknown', 'none', 'low', 'medium', 'high', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export function severityRank(s: string): number {
  return FINDING_SEVERITIES.indexOf(s as FindingSeverity);
}

export interface AdvisorySeverity {
  severity: FindingSeverity;
  /** CVSS score (highest of the vectors), or null. */
  score: number | null;
  vector: string | null;
}

const TEXT_SEVERITY: Readonly<Record<string, FindingSeverity>> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'low',
  none: 'none',
};

function textSeverity(value: unknown): FindingSeverity | undefined {
  return typeof value === 'string' ? TEXT_SEVERITY[value.trim().toLowerCase()] : undefined;
}

/**
 * The severity of a finding from an OSV record: a malicious package (MAL-) is always critical; else
 * the highest CVSS v3/v4 vector of the record or its affected entries (parseCvss); else the
 * `database_specific.severity` word (GHSA "MODERATE" → medium); else unknown.
 */
export function advisorySeverity(record: OsvRecord): AdvisorySeverity {
  const vectors: OsvSeverity[] = [...(record.severity ?? [])];
  for (const a of record.affected ?? []) vectors.push(...(a.severity ?? []));
  let best: { score: number; vector: string; severity: FindingSeverity } | null = null;
  for (const s of vectors) {
    if (!/^CVSS_V[34]$/.test(s.type)) continue;
    const r = parseCvss(s.score);
    if (!r.ok) continue;
    if (best === null || r.cvss.score > best.score)
      best = { score: r.cvss.score, vector: r.cvss.vector, severity: r.cvss.severity };
  }
  const malicious = isMalicious(record);
  if (best !== null)
    return { severity: malicious ? 'critical' : best.severity, score: best.score, vector: best.vector };
  let word = textSeverity(record.database_specific?.severity);
  for (const a of record.affected ?? []) {
    const w = textSeverity(a.database_specific?.severity) ?? textSeverity(a.ecosystem_specific?.severity);
    if (w !== undefined && (word === undefined || severityRank(w) > severityRank(word))) word = w;
  }
  return { severity: malicious ? 'critical' : (word ?? 'unknown'), score: null, vector: null };
}
