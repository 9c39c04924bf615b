import { isMalicious, type OsvRecord } from '@shinrai/core/software/osv';
import { advisorySeverity } from '@shinrai/core/software/match';
import { schemeOf } from '@shinrai/core/software/versions';
import type { AdvisoryWrite } from '@shinrai/store';
import { createHash } from 'node:crypto';
import type { SkipReason } from './reasons.ts';

/** A record that can be imported: checked, still to be turned into rows. */
export interface CheckedRecord {
  ok: true;
  id: string;
  modified: string;
  record: OsvRecord;
  packages: AdvisoryWrite['packages'];
}

export type SkippedRecord = { ok: false; reason: SkipReason; example: string };

export interface RecordRows {
  write: AdvisoryWrite;
  withdrawn: boolean;
  malicious: boolean;
}

export type PreparedRecord = ({ ok: true; id: string; modified: string } & RecordRows) | SkippedRecord;

const MAX_ID = 200;

/** "Debian:12" → "Debian". */
const baseEcosystem = (ecosystem: string) => ecosystem.split(':', 1)[0] ?? ecosystem;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** PEP 503: PyPI names compare lower-cased with runs of "-", "_" and "." as one "-". */
function packageName(base: string, name: string): string {
  return base === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

function timeOrNull(v: unknown): string | null {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null;
}

/**
 * Says whether parsed JSON is a record we can import, or why it is skipped: not an OSV record, or no
 * affected package in an ecosystem whose versions we can order (we could never match it). Packages in
 * unknown ecosystems of an otherwise usable record are left out of the match index; the record keeps them.
 * Cheap on purpose: an incremental import checks every record but builds rows only for changed ones.
 */
export function checkRecord(json: unknown, source: string): CheckedRecord | SkippedRecord {
  if (!isObject(json) || typeof json.id !== 'string' || json.id === '' || json.id.length > MAX_ID)
    return { ok: false, reason: 'invalid_record', example: source };
  const modified = timeOrNull(json.modified);
  if (modified === null) return { ok: false, reason: 'invalid_record', example: `${json.id} (${source})` };
  const record = json as unknown as OsvRecord;
  const packages: AdvisoryWrite['packages'] = [];
  const seen = new Set<string>();
  const unknown = new Set<string>();
  for (const a of Array.isArray(record.affected) ? record.affected : []) {
    const pkg: unknown = isObject(a) ? a.package : undefined;
    if (
      !isObject(pkg) ||
      typeof pkg.ecosystem !== 'string' ||
      typeof pkg.name !== 'string' ||
      pkg.name === ''
    )
      continue;
    const base = baseEcosystem(pkg.ecosystem);
    if (typeof schemeOf(pkg.ecosystem) !== 'string') {
      unknown.add(pkg.ecosystem);
      continue;
    }
    const name = packageName(base, pkg.name);
    const key = `${pkg.ecosystem}\u0000${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    packages.push({ ecosystem: pkg.ecosystem, base_ecosystem: base, name });
  }
  if (packages.length === 0) {
    return unknown.size > 0
      ? { ok: false, reason: 'unknown_ecosystem', example: `${json.id} (${[...unknown].join(', ')})` }
      : { ok: false, reason: 'no_package', example: json.id };
  }
  return { ok: true, id: json.id, modified, record, packages };
}

/** SHA-256 of a record's compact JSON: the same content read from JSON or YAML gives the same hash. */
export function contentHash(record: OsvRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex');
}

/** The rows of a checked record: severity, aliases, the record itself as compact JSON and its hash. */
export function recordRows(c: CheckedRecord, now: string): RecordRows {
  const { record, modified } = c;
  const json = JSON.stringify(record);
  const malicious = isMalicious(record);
  const sev = advisorySeverity(record, malicious);
  const withdrawn = timeOrNull(record.withdrawn) ?? (record.withdrawn ? modified : null);
  const aliases = Array.isArray(record.aliases) ? record.aliases.filter((x) => typeof x === 'string') : [];
  return {
    withdrawn: withdrawn !== null,
    malicious,
    write: {
      advisory: {
        id: c.id,
        modified,
        published: timeOrNull(record.published),
        withdrawn,
        malicious: malicious ? 1 : 0,
        summary: typeof record.summary === 'string' ? record.summary.slice(0, 1000) : null,
        aliases: JSON.stringify(aliases),
        severity: sev.severity,
        score: sev.score,
        vector: sev.vector,
        record: json,
        content_hash: createHash('sha256').update(json).digest('hex'),
        imported_at: now,
      },
      packages: c.packages,
    },
  };
}

/** `checkRecord` and `recordRows` in one step. */
export function prepareRecord(json: unknown, source: string, now: string): PreparedRecord {
  const c = checkRecord(json, source);
  return c.ok ? { ok: true, id: c.id, modified: c.modified, ...recordRows(c, now) } : c;
}
