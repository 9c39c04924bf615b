// Deep imports, not the @shinrai/core barrel: `sbom scan` loads this file (start-up time).
import { AdvisoryMatcher, severityRank } from '@shinrai/core/software/match';
import { advisoryKey } from '@shinrai/core/software/match';
import type { OsvProblemCode } from '@shinrai/core/software/osv';
import type { SbomProblem, SbomProblemCode } from '@shinrai/formats/sbom';
import {
  knownSeverities,
  type Executor,
  type SoftwareComponentRow,
  type SoftwareFindingRow,
} from '@shinrai/store';
import { orderedId } from './ids.ts';
import { advisoryInputs, candidateAdvisories, compiledRecords, lookupWithRecords } from './advisory-cache.ts';

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
  opts: { directory?: Executor } = {},
): Promise<SoftwareFindingRow[]> {
  return (await matchComponentsWithNotes(ex, components, pathOf, now, opts)).findings;
}

const NOTE_CODE: Record<OsvProblemCode, SbomProblemCode> = {
  bad_version: 'cannot_evaluate_version',
  unknown_ecosystem: 'cannot_evaluate_ecosystem',
  bad_event_version: 'cannot_evaluate_range',
};
/** Advisory ids named in one note; the count says how many there are. */
const NOTE_IDS = 5;

/**
 * The "cannot evaluate" notes of one component: one per reason, with how many advisories naming the
 * package could not be evaluated for its version, the text at fault and the first advisory ids.
 */
function notesOf(
  c: MatchableComponent,
  notEvaluated: readonly { advisoryId: string; reason: OsvProblemCode; detail: string }[],
): SbomProblem[] {
  const byReason = new Map<OsvProblemCode, { ids: string[]; detail: string }>();
  for (const n of notEvaluated) {
    const g = byReason.get(n.reason);
    if (g) g.ids.push(n.advisoryId);
    else byReason.set(n.reason, { ids: [n.advisoryId], detail: n.detail });
  }
  const component = c.version ? `${c.name}@${c.version}` : c.name;
  return [...byReason].map(([reason, g]) => ({
    code: NOTE_CODE[reason],
    component,
    params: {
      component,
      count: g.ids.length,
      detail: g.detail,
      advisories: g.ids.slice(0, NOTE_IDS).join(', ') + (g.ids.length > NOTE_IDS ? ', …' : ''),
    },
  }));
}

/**
 * `matchComponents`, and a note for each component with advisories that name its package but could not
 * be evaluated for its version (issue 12, no silent gaps): shown with the SBOM's warnings.
 */
export async function matchComponentsWithNotes(
  ex: Executor,
  components: readonly MatchableComponent[],
  pathOf: (c: MatchableComponent) => string[],
  now: Date,
  opts: { directory?: Executor } = {},
): Promise<{ findings: SoftwareFindingRow[]; notes: SbomProblem[] }> {
  const notes: SbomProblem[] = [];
  const matchable = components.filter(
    (c): c is MatchableComponent & { ecosystem: string; osv_name: string; version: string } =>
      c.ecosystem !== null && c.osv_name !== null && c.version !== null && c.version !== '',
  );
  const candidates = await candidateAdvisories(
    ex,
    matchable.map((c) => ({ ecosystem: c.ecosystem, name: c.osv_name })),
    { withRecords: lookupWithRecords(), ...opts },
  );
  if (candidates.size === 0) return { findings: [], notes };
  const records = await advisoryInputs(ex, [...candidates.values()].flat());
  const matcher = new AdvisoryMatcher(now, compiledRecords);
  const createdAt = now.toISOString();
  const out: SoftwareFindingRow[] = [];
  for (const c of matchable) {
    const rows = candidates.get(advisoryKey(c.ecosystem, c.osv_name));
    if (rows === undefined || rows.length === 0) continue;
    const inputs = [];
    for (const row of rows) {
      const input = records.get(row.id);
      if (input !== undefined) inputs.push(input);
    }
    const { matches, notEvaluated } = matcher.evaluate(
      { ecosystem: c.ecosystem, name: c.osv_name },
      c.version,
      inputs,
    );
    if (notEvaluated.length > 0) notes.push(...notesOf(c, notEvaluated));
    for (const m of matches) {
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
  return { findings: out, notes };
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
