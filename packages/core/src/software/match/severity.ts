import { parseCvss } from '../cvss/cvss.ts';
import { isMalicious, type OsvRecord } from '../osv/types.ts';

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

/**
 * Severity words of databases (GHSA database_specific, Debian/Ubuntu/Red Hat ecosystem_specific)
 * on our scale. Debian's "negligible" is, in Debian's own words, a low-priority issue: low, not unknown.
 */
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

type Scored = AdvisorySeverity & { score: number; vector: string };

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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The entries of a list that may not be one (records are checked only loosely before this). */
const entries = (list: unknown): readonly unknown[] => (Array.isArray(list) ? list : []);

/**
 * The one severity rule of Shinrai — advisory import rows, server findings and the CLI's `sbom scan`
 * all use it, so an advisory has the same severity everywhere:
 *
 * 1. A malicious package (MAL- record, or `malicious` set by the caller) is always critical.
 * 2. Else the highest CVSS v3/v4 vector of the record or its affected entries (scored with parseCvss)
 *    decides: a CVSS score, when present, wins over any word. A score is computed from the vector by a
 *    published formula and means the same in every database, whereas a database's word is that
 *    database's own judgement on its own scale (GHSA HIGH for CVSS 5.0, a distribution's word for
 *    its packaging); OSV consumers (osv-scanner, Dependency-Track) rank by the score for that reason.
 * 3. Else the most serious severity word of `database_specific.severity` (record or affected entry) or
 *    `ecosystem_specific.severity` (GHSA "MODERATE" → medium, Debian "negligible" → low).
 * 4. Else unknown.
 *
 * Tolerates lists and entries of the wrong shape: an odd record gets `unknown`, never an exception.
 */
export function advisorySeverity(record: OsvRecord, malicious = false): AdvisorySeverity {
  let best: Scored | null = null;
  const consider = (list: unknown) => {
    for (const s of entries(list)) {
      if (!isObject(s) || (s.type !== 'CVSS_V3' && s.type !== 'CVSS_V4')) continue;
      const scored = scoreVector(s.score);
      if (scored !== null && (best === null || scored.score > best.score)) best = scored;
    }
  };
  consider(record.severity);
  for (const a of entries(record.affected)) if (isObject(a)) consider(a.severity);
  const isMal = malicious || isMalicious(record);
  const found = best as Scored | null;
  if (found !== null) return { ...found, severity: isMal ? 'critical' : found.severity };
  let word = textSeverity(isObject(record.database_specific) ? record.database_specific.severity : undefined);
  for (const a of entries(record.affected)) {
    if (!isObject(a)) continue;
    for (const specific of [a.database_specific, a.ecosystem_specific]) {
      const w = isObject(specific) ? textSeverity(specific.severity) : undefined;
      if (w !== undefined && (word === undefined || severityRank(w) > severityRank(word))) word = w;
    }
  }
  return { severity: isMal ? 'critical' : (word ?? 'unknown'), score: null, vector: null };
}
