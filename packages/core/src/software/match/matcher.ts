import {
  compileAffected,
  fixedVersions,
  matchAffected,
  prepareVersion,
  type CompiledAffected,
  type PreparedVersion,
} from '../osv/evaluate.ts';
import type { OsvProblemCode } from '../osv/errors.ts';
import { isMalicious, isWithdrawn, type OsvAffected, type OsvRecord } from '../osv/types.ts';
import { baseEcosystem } from '../versions/schemes.ts';
import { pep503, type OsvPackageRef } from './osv-package.ts';
import { advisorySeverity, type AdvisorySeverity } from './severity.ts';

/** One advisory that affects one component version. */
export interface AdvisoryMatch extends AdvisorySeverity {
  advisoryId: string;
  malicious: boolean;
  aliases: string[];
  summary: string | null;
  /** The lowest version that fixes it, or null when none is known. */
  fixedVersion: string | null;
}

/**
 * An advisory that names the component's package but whose ranges could not be evaluated for its
 * version (unreadable component version, an ecosystem without a known version order, a range event that
 * is not a version of the ecosystem): neither a finding nor a clean bill, so it is reported.
 */
export interface AdvisoryNotEvaluated {
  advisoryId: string;
  reason: OsvProblemCode;
  /** The version or ecosystem text at fault. */
  detail: string;
}

interface CompiledEntry {
  ecosystem: string;
  name: string;
  raw: OsvAffected;
  compiled: CompiledAffected;
}

/** A record compiled for matching; `withdrawn` is kept as written and applied with each matcher's clock. */
export interface CompiledRecord {
  modified: string;
  withdrawnAt: string | undefined;
  malicious: boolean;
  severity: AdvisorySeverity;
  aliases: string[];
  summary: string | null;
  entries: CompiledEntry[];
}

/** An advisory as handed to the matcher: its OSV record and whether the database marks it malicious. */
export interface AdvisoryInput {
  record: OsvRecord;
  malicious?: boolean;
  /**
   * Names this exact version of the advisory (e.g. id, modified, content hash and the malicious mark) in
   * a `CompiledRecordCache` shared by matchers: a record compiled once serves later ingests too.
   */
  cacheKey?: string;
}

/** Compiled records kept across matchers (e.g. a bounded LRU per process), keyed by `AdvisoryInput.cacheKey`. */
export interface CompiledRecordCache {
  get(key: string): CompiledRecord | undefined;
  set(key: string, value: CompiledRecord): void;
}

function sameName(ecosystem: string, a: string, b: string): boolean {
  return baseEcosystem(ecosystem) === 'PyPI' ? pep503(a) === pep503(b) : a === b;
}

/** Entry ecosystem applies to a component: equal, or the entry names no release ("Debian" covers "Debian:12"). */
function ecosystemApplies(entry: string, component: string): boolean {
  return entry === component || (!entry.includes(':') && entry === baseEcosystem(component));
}

/**
 * Matches component versions against OSV records, compiling each record once (kept by id and
 * `modified`, so one matcher serves a whole ingest or re-match) and parsing each version once.
 * Withdrawn records never match.
 */
export class AdvisoryMatcher {
  private readonly records = new Map<string, CompiledRecord>();
  private readonly versions = new Map<string, PreparedVersion>();

  constructor(
    private readonly now: Date = new Date(),
    private readonly shared?: CompiledRecordCache,
  ) {}

  private compile(input: AdvisoryInput): CompiledRecord {
    const r = input.record;
    const cached = this.records.get(r.id);
    if (cached !== undefined && cached.modified === r.modified) return cached;
    const key = this.shared === undefined ? undefined : input.cacheKey;
    const kept = key === undefined ? undefined : this.shared?.get(key);
    if (kept !== undefined) {
      this.records.set(r.id, kept);
      return kept;
    }
    const entries: CompiledEntry[] = [];
    for (const a of r.affected ?? []) {
      if (!a.package) continue;
      entries.push({
        ecosystem: a.package.ecosystem,
        name: a.package.name,
        raw: a,
        compiled: compileAffected(a, a.package.ecosystem),
      });
    }
    const malicious = input.malicious === true || isMalicious(r);
    const compiled: CompiledRecord = {
      modified: r.modified,
      withdrawnAt: r.withdrawn,
      malicious,
      severity: advisorySeverity(r, malicious),
      aliases: [...(r.aliases ?? [])],
      summary: r.summary ?? null,
      entries,
    };
    this.records.set(r.id, compiled);
    if (key !== undefined) this.shared?.set(key, compiled);
    return compiled;
  }

  private prepared(version: string): PreparedVersion {
    let v = this.versions.get(version);
    if (v === undefined) {
      v = prepareVersion(version);
      this.versions.set(version, v);
    }
    return v;
  }

  /** The advisories among `candidates` that affect `pkg` at `version`. */
  match(pkg: OsvPackageRef, version: string, candidates: readonly AdvisoryInput[]): AdvisoryMatch[] {
    return this.evaluate(pkg, version, candidates).matches;
  }

  /**
   * `match`, and the advisories that name the package but could not be evaluated: an advisory none of
   * whose entries affects the version, and one of whose applicable entries gave no answer. The matches are
   * exactly `match`'s.
   */
  evaluate(
    pkg: OsvPackageRef,
    version: string,
    candidates: readonly AdvisoryInput[],
  ): { matches: AdvisoryMatch[]; notEvaluated: AdvisoryNotEvaluated[] } {
    const matches: AdvisoryMatch[] = [];
    const notEvaluated: AdvisoryNotEvaluated[] = [];
    const v = this.prepared(version);
    for (const input of candidates) {
      const c = this.compile(input);
      if (c.withdrawnAt !== undefined && isWithdrawn({ withdrawn: c.withdrawnAt }, this.now)) continue;
      let hit: CompiledEntry | undefined;
      let problem: { reason: OsvProblemCode; detail: string } | undefined;
      for (const e of c.entries) {
        if (!ecosystemApplies(e.ecosystem, pkg.ecosystem) || !sameName(pkg.ecosystem, e.name, pkg.name))
          continue;
        const r = matchAffected(e.compiled, v);
        if (r.ok && r.affected) {
          hit = e;
          break;
        }
        if (!r.ok) problem ??= { reason: r.reason, detail: r.detail };
      }
      if (hit === undefined) {
        if (problem !== undefined) notEvaluated.push({ advisoryId: input.record.id, ...problem });
        continue;
      }
      const fixed = fixedVersions(hit.raw, version, hit.ecosystem);
      matches.push({
        advisoryId: input.record.id,
        ...c.severity,
        malicious: c.malicious,
        aliases: c.aliases,
        summary: c.summary,
        fixedVersion: fixed[0] ?? null,
      });
    }
    return { matches, notEvaluated };
  }
}
