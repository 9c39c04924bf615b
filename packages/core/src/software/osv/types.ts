/** OSV record shapes (https://ossf.github.io/osv-schema/), as far as Shinrai reads them. */

export type OsvRangeType = 'SEMVER' | 'ECOSYSTEM' | 'GIT';

/** Exactly one key per event, as the schema requires. */
export type OsvEvent =
  | { readonly introduced: string }
  | { readonly fixed: string }
  | { readonly last_affected: string }
  | { readonly limit: string };

export interface OsvRange {
  readonly type: OsvRangeType;
  readonly repo?: string;
  readonly events: readonly OsvEvent[];
  readonly database_specific?: Record<string, unknown>;
}

export interface OsvPackage {
  readonly ecosystem: string;
  readonly name: string;
  readonly purl?: string;
}

export interface OsvSeverity {
  readonly type: string; // CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu, …
  readonly score: string;
}

export interface OsvAffected {
  readonly package?: OsvPackage;
  readonly severity?: readonly OsvSeverity[];
  readonly ranges?: readonly OsvRange[];
  readonly versions?: readonly string[];
  readonly ecosystem_specific?: Record<string, unknown>;
  readonly database_specific?: Record<string, unknown>;
}

export interface OsvReference {
  readonly type: string;
  readonly url: string;
}

export interface OsvRecord {
  readonly schema_version?: string;
  readonly id: string;
  readonly modified: string;
  readonly published?: string;
  readonly withdrawn?: string;
  readonly aliases?: readonly string[];
  readonly related?: readonly string[];
  readonly upstream?: readonly string[];
  readonly summary?: string;
  readonly details?: string;
  readonly severity?: readonly OsvSeverity[];
  readonly affected?: readonly OsvAffected[] | null;
  readonly references?: readonly OsvReference[];
  readonly database_specific?: Record<string, unknown>;
}

/** The event's kind and version, without knowing which key it carries. */
export function eventOf(e: OsvEvent): {
  kind: 'introduced' | 'fixed' | 'last_affected' | 'limit';
  version: string;
} {
  if ('introduced' in e) return { kind: 'introduced', version: e.introduced };
  if ('fixed' in e) return { kind: 'fixed', version: e.fixed };
  if ('last_affected' in e) return { kind: 'last_affected', version: e.last_affected };
  return { kind: 'limit', version: e.limit };
}

/** A withdrawn record no longer applies (its `withdrawn` time is set and not in the future). */
export function isWithdrawn(record: Pick<OsvRecord, 'withdrawn'>, now: Date = new Date()): boolean {
  if (record.withdrawn === undefined || record.withdrawn === '') return false;
  const t = Date.parse(record.withdrawn);
  return Number.isNaN(t) ? true : t <= now.getTime();
}

/** Malicious-package records (OpenSSF malicious-packages uses the MAL- prefix). */
export function isMalicious(record: Pick<OsvRecord, 'id'>): boolean {
  return record.id.startsWith('MAL-');
}
