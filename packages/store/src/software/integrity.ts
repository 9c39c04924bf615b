import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SoftwareArtifactsTable, SoftwareIncidentsTable } from './tables.ts';

/** Release artifacts (hashes, signatures) and the incidents raised when one does not match or a package is malicious. */
export type SoftwareArtifactRow = Selectable<SoftwareArtifactsTable>;
export type SoftwareIncidentRow = Selectable<SoftwareIncidentsTable>;

// ---- artifacts and incidents ----------------------------------------------------------------

export async function putSoftwareArtifact(ex: Executor, row: SoftwareArtifactRow): Promise<void> {
  await ex
    .insertInto('software_artifacts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['release_id', 'filename']).doUpdateSet({ sha256: row.sha256, signature: row.signature }),
    )
    .execute();
}

export async function listSoftwareArtifacts(
  ex: Executor,
  orgId: string,
  releaseId: string,
): Promise<SoftwareArtifactRow[]> {
  return ex
    .selectFrom('software_artifacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('release_id', '=', releaseId)
    .orderBy('filename')
    .execute();
}

export async function insertSoftwareIncident(ex: Executor, row: SoftwareIncidentRow): Promise<void> {
  await ex.insertInto('software_incidents').values(row).execute();
}

export async function listSoftwareIncidents(ex: Executor, orgId: string): Promise<SoftwareIncidentRow[]> {
  return ex
    .selectFrom('software_incidents')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
}
