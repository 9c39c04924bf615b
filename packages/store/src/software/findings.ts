import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SoftwareFindingsTable, SoftwareVexHistoryTable, SoftwareVexTable } from './tables.ts';

/** Findings (a component matched by an advisory), the VEX statements on them and the open risk they add up to. */
export type SoftwareFindingRow = Selectable<SoftwareFindingsTable>;
export type SoftwareVexRow = Selectable<SoftwareVexTable>;
export type SoftwareVexHistoryRow = Selectable<SoftwareVexHistoryTable>;

/** VEX statuses that take a finding off the open list. */
export const SUPPRESSING_VEX = ['not_affected', 'fixed'] as const;

export interface SoftwareFindingView extends SoftwareFindingRow {
  component_name: string;
  component_version: string | null;
  component_purl: string | null;
  vex_status: string | null;
  vex_justification: string | null;
  vex_detail: string | null;
  vex_updated_at: string | null;
  vex_response: string | null;
  vex_specificity: number | null;
  vex_statement_at: string | null;
  vex_source: string | null;
}

function findingQuery(ex: Executor) {
  return ex
    .selectFrom('software_findings as f')
    .innerJoin('software_components as c', 'c.id', 'f.component_id')
    .leftJoin('software_vex as v', (j) =>
      j
        .onRef('v.release_id', '=', 'f.release_id')
        .onRef('v.advisory_id', '=', 'f.advisory_id')
        .onRef('v.component_ref', '=', 'f.component_ref'),
    )
    .selectAll('f')
    .select([
      'c.name as component_name',
      'c.version as component_version',
      'c.purl as component_purl',
      'v.status as vex_status',
      'v.justification as vex_justification',
      'v.detail as vex_detail',
      'v.updated_at as vex_updated_at',
      'v.response as vex_response',
      'v.specificity as vex_specificity',
      'v.statement_at as vex_statement_at',
      'v.source as vex_source',
    ]);
}

export async function listSoftwareFindings(
  ex: Executor,
  orgId: string,
  releaseId: string,
): Promise<SoftwareFindingView[]> {
  return findingQuery(ex)
    .where('f.org_id', '=', orgId)
    .where('f.release_id', '=', releaseId)
    .orderBy('f.score', 'desc')
    .orderBy('f.advisory_id')
    .orderBy('f.id')
    .execute();
}

export async function findSoftwareFinding(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<SoftwareFindingView | undefined> {
  return findingQuery(ex).where('f.org_id', '=', orgId).where('f.id', '=', id).executeTakeFirst();
}

export interface SoftwareRiskRow {
  release_id: string;
  severity: string;
  malicious: number;
  n: number;
}

/** Open findings counted per release, severity and malice; `releaseIds` narrows to those releases. */
export async function softwareRisk(
  ex: Executor,
  orgId: string,
  releaseIds?: readonly string[],
): Promise<SoftwareRiskRow[]> {
  if (releaseIds !== undefined && releaseIds.length === 0) return [];
  let q = ex
    .selectFrom('software_findings as f')
    .leftJoin('software_vex as v', (j) =>
      j
        .onRef('v.release_id', '=', 'f.release_id')
        .onRef('v.advisory_id', '=', 'f.advisory_id')
        .onRef('v.component_ref', '=', 'f.component_ref'),
    )
    .select(['f.release_id', 'f.severity', 'f.malicious', (eb) => eb.fn.countAll<number>().as('n')])
    .where('f.org_id', '=', orgId)
    .where((eb) => eb.or([eb('v.status', 'is', null), eb('v.status', 'not in', [...SUPPRESSING_VEX])]))
    .groupBy(['f.release_id', 'f.severity', 'f.malicious']);
  if (releaseIds !== undefined) q = q.where('f.release_id', 'in', [...releaseIds]);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), malicious: Number(r.malicious) }));
}

// ---- VEX ------------------------------------------------------------------------------------

export async function putSoftwareVex(ex: Executor, row: SoftwareVexRow): Promise<void> {
  await ex
    .insertInto('software_vex')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['release_id', 'advisory_id', 'component_ref']).doUpdateSet({
        status: row.status,
        justification: row.justification,
        detail: row.detail,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
        response: row.response,
        specificity: row.specificity,
        statement_at: row.statement_at,
        source: row.source,
      }),
    )
    .execute();
}

export async function listSoftwareVex(
  ex: Executor,
  orgId: string,
  releaseId: string,
): Promise<SoftwareVexRow[]> {
  return ex
    .selectFrom('software_vex')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('release_id', '=', releaseId)
    .orderBy('advisory_id')
    .orderBy('component_ref')
    .execute();
}

/** Records one VEX statement in the history (applied or not). */
export async function addSoftwareVexHistory(
  ex: Executor,
  rows: readonly SoftwareVexHistoryRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await ex
      .insertInto('software_vex_history')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** The VEX history of a release (of one advisory on one component when given), oldest first. */
export async function listSoftwareVexHistory(
  ex: Executor,
  orgId: string,
  key: { releaseId: string; advisoryId?: string; componentRef?: string },
): Promise<SoftwareVexHistoryRow[]> {
  let q = ex
    .selectFrom('software_vex_history')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('release_id', '=', key.releaseId);
  if (key.advisoryId !== undefined) q = q.where('advisory_id', '=', key.advisoryId);
  if (key.componentRef !== undefined) q = q.where('component_ref', '=', key.componentRef);
  return q.orderBy('recorded_at').orderBy('position').execute();
}
