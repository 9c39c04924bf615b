// Deep imports, not the @shinrai/core barrel: `sbom scan` loads this file (start-up time).
import { AdvisoryMatcher, severityRank } from '@shinrai/core/software/match';
import { advisoryKey } from '@shinrai/core/software/match';
import type { OsvRecord } from '@shinrai/core/software/osv';
import {
  knownSeverities,
  type Executor,
  type SoftwareComponentRow,
  type SoftwareFindingRow,
} from '@shinrai/store';
import { orderedId } from './ids.ts';
import { candidateAdvisories } from './advisory-cache.ts';

export type MatchableComponent = Pick<
  SoftwareComponentRow,
  'id' | 'org_id' | 'release_id' | 'bom_ref' | 'name' | 'version' | 'purl' | 'ecosystem' | 'osv_name'
>;

/** How a VEX statement names a component: its purl, or name@version when it has none. */
export function componentRef(c: Pick<SoftwareComponentRow, 'purl' | 'name' | 'version'>): string {
  return c.purl ?? `${c.name}@${c.version ?? ''}`;
}

/**
 * Findings for components: prefilter with the advisory key set, fetch only the candidate records,
 * evaluate each `affected` with the compiled OSV matcher (withdrawn records never match).
 */
export async function matchComponents(
  ex: Executor,
  components: readonly MatchableComponent[],
  pathOf: (c: MatchableComponent) => string[],
  now: Date,
): Promise<SoftwareFindingRow[]> {
  const matchable = components.filter(
    (c): c is MatchableComponent & { ecosystem: string; osv_name: string; version: string } =>
      c.ecosystem !== null && c.osv_name !== null && c.version !== null && c.version !== '',
  );
  const candidates = await candidateAdvisories(
    ex,
    matchable.map((c) => ({ ecosystem: c.ecosystem, name: c.osv_name })),
  );
  if (candidates.size === 0) return [];
  const matcher = new AdvisoryMatcher(now);
  const records = new Map<string, { record: OsvRecord; malicious: boolean }>();
  const createdAt = now.toISOString();
  const out: SoftwareFindingRow[] = [];
  for (const c of matchable) {
    const rows = candidates.get(advisoryKey(c.ecosystem, c.osv_name));
    if (rows === undefined || rows.length === 0) continue;
    const inputs = rows.map((row) => {
      let r = records.get(row.id);
      if (r === undefined) {
        r = { record: JSON.parse(row.record) as OsvRecord, malicious: row.malicious === 1 };
        records.set(row.id, r);
      }
      return r;
    });
    for (const m of matcher.match({ ecosystem: c.ecosystem, name: c.osv_name }, c.version, inputs)) {
      out.push({
        id: orderedId(),
        org_id: c.org_id,
        release_id: c.release_id,
        component_id: c.id,
        advisory_id: m.advisoryId,
        component_ref: componentRef(c),
        severity: m.severity,
        score: m.score,
        malicious: m.malicious ? 1 : 0,
        summary: m.summary,
        aliases: JSON.stringify(m.aliases),
        fixed_version: m.fixedVersion,
        path: JSON.stringify(pathOf(c)),
        created_at: createdAt,
      });
    }
  }
  await severityFromAliases(ex, out);
  return out;
}

/**
 * Findings whose record gives no severity take the highest one among their aliases' records in the
 * database (GO-… → GHSA-…/CVE-…); those with none stay "unknown", which `sbom scan` fails on by default.
 */
async function severityFromAliases(ex: Executor, findings: SoftwareFindingRow[]): Promise<void> {
  const unknown = findings.filter((f) => f.severity === 'unknown' && f.aliases !== '[]');
  if (unknown.length === 0) return;
  const aliasesOf = new Map(unknown.map((f) => [f, JSON.parse(f.aliases) as string[]]));
  const known = await knownSeverities(ex, [...aliasesOf.values()].flat());
  for (const [f, aliases] of aliasesOf) {
    for (const a of aliases) {
      const k = known.get(a);
      if (k && severityRank(k.severity) > severityRank(f.severity)) {
        f.severity = k.severity;
        f.score = k.score;
      }
    }
  }
}
