import cvssCalculator from 'ae-cvss-calculator';

// The package is a CommonJS bundle whose named exports Node cannot detect from ESM: take them from the default.
const { Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

export type CvssVersion = '3.0' | '3.1' | '4.0';
export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';

export interface CvssScore {
  version: CvssVersion;
  /** The vector as given, trimmed. */
  vector: string;
  /** Score from the base metrics only. */
  baseScore: number;
  baseSeverity: CvssSeverity;
  /** Score with the threat/temporal and environmental metrics the vector carries (= base when it has none). */
  score: number;
  severity: CvssSeverity;
}

export type CvssReason =
  | 'not_a_vector'
  | 'unsupported_version'
  | 'malformed'
  | 'duplicate_metric'
  | 'missing_base_metric'
  | 'bad_value';

export type CvssResult = { ok: true; cvss: CvssScore } | { ok: false; reason: CvssReason; detail?: string };

const BASE: Record<CvssVersion, readonly string[]> = {
  '3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

/** Qualitative rating of a score (same bands in CVSS v3.x and v4.0). */
export function cvssSeverity(score: number): CvssSeverity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/**
 * Parses a CVSS v3.0/v3.1/v4.0 vector and computes its scores with `ae-cvss-calculator`. The library
 * scores correctly but accepts incomplete or duplicated vectors (scoring them 0 or silently taking
 * the last value), so the vector's shape is checked here first.
 */
export function parseCvss(input: unknown): CvssResult {
  if (typeof input !== 'string' || input.length > 512) return { ok: false, reason: 'not_a_vector' };
  const vector = input.trim();
  const m = /^CVSS:(\d+\.\d+)\/(.+)$/.exec(vector);
  if (!m?.[1] || !m[2]) return { ok: false, reason: 'not_a_vector' };
  const version = m[1] as CvssVersion;
  if (!(version in BASE)) return { ok: false, reason: 'unsupported_version', detail: m[1] };
  const seen = new Set<string>();
  for (const part of m[2].split('/')) {
    const kv = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
    if (!kv?.[1]) return { ok: false, reason: 'malformed', detail: part };
    if (seen.has(kv[1])) return { ok: false, reason: 'duplicate_metric', detail: kv[1] };
    seen.add(kv[1]);
  }
  const missing = BASE[version].filter((k) => !seen.has(k));
  if (missing.length > 0) return { ok: false, reason: 'missing_base_metric', detail: missing.join(',') };
  try {
    const calc =
      version === '4.0' ? new Cvss4P0(vector) : version === '3.1' ? new Cvss3P1(vector) : new Cvss3P0(vector);
    const scores = calc.calculateScores() as { base?: number; baseMetricsOnly?: number; overall: number };
    const baseScore = (version === '4.0' ? scores.baseMetricsOnly : scores.base) ?? scores.overall;
    const score = scores.overall;
    return {
      ok: true,
      cvss: {
        version,
        vector,
        baseScore,
        baseSeverity: cvssSeverity(baseScore),
        score,
        severity: cvssSeverity(score),
      },
    };
  } catch (e) {
    return { ok: false, reason: 'bad_value', detail: e instanceof Error ? e.message : String(e) };
  }
}
