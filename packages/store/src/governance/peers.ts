import type { Selectable } from 'kysely';
import { latestFinalAssessmentsByIndustry, type AssessmentRow } from '../assessments/index.ts';
import { catalogVersionsByUrn } from '../library/index.ts';
import type { Executor } from '../database.ts';
import type { GovernancePeerBenchmarksTable } from './tables.ts';

export type PeerBenchmarkRow = Selectable<GovernancePeerBenchmarksTable>;

/** Every organization's latest final assessment of the catalog (any version), with industry and corporate number. */
export async function listPeerCandidates(
  ex: Executor,
  urn: string,
): Promise<
  (AssessmentRow & { industry: string; corporate_number: string | null; catalog_version: string })[]
> {
  const versions = await catalogVersionsByUrn(ex, urn);
  const rows = await latestFinalAssessmentsByIndustry(ex, [...versions.keys()]);
  return rows.map((r) => ({ ...r, catalog_version: versions.get(r.catalog_id) ?? '' }));
}

/**
 * The people behind each organization: its members and the user who created it (from the audit log,
 * so a creator who left still links the organizations they made).
 */
export async function peopleOfOrganizations(
  ex: Executor,
  orgIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(orgIds.map((id) => [id, []]));
  if (orgIds.length === 0) return out;
  const add = (org: string, user: string | null) => {
    if (user !== null) out.get(org)?.push(user);
  };
  for (let i = 0; i < orgIds.length; i += 500) {
    const chunk = orgIds.slice(i, i + 500);
    const members = await ex
      .selectFrom('memberships')
      .select(['org_id', 'user_id'])
      .where('org_id', 'in', chunk)
      .execute();
    for (const m of members) add(m.org_id, m.user_id);
    const creators = await ex
      .selectFrom('audit_log')
      .select(['org_id', 'actor_user_id'])
      .where('action', '=', 'organization.create')
      .where('org_id', 'in', chunk)
      .execute();
    for (const c of creators) if (c.org_id !== null) add(c.org_id, c.actor_user_id);
  }
  return out;
}

/** Replaces every industry's benchmark with a new computation (one transaction by the caller). */
export async function replacePeerBenchmarks(ex: Executor, rows: readonly PeerBenchmarkRow[]): Promise<void> {
  await ex.deleteFrom('governance_peer_benchmarks').execute();
  for (let i = 0; i < rows.length; i += 200)
    await ex
      .insertInto('governance_peer_benchmarks')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function findPeerBenchmark(
  ex: Executor,
  industry: string,
): Promise<PeerBenchmarkRow | undefined> {
  return ex
    .selectFrom('governance_peer_benchmarks')
    .selectAll()
    .where('industry', '=', industry)
    .executeTakeFirst();
}

export async function hasPeerBenchmarks(ex: Executor): Promise<boolean> {
  const row = await ex
    .selectFrom('governance_peer_benchmarks')
    .select('industry')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
