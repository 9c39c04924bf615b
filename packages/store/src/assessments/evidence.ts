import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { EvidenceTable } from './tables.ts';

export type EvidenceRow = Selectable<EvidenceTable>;
export type EvidenceMeta = Omit<EvidenceRow, 'data'>;

const META = [
  'id',
  'org_id',
  'assessment_id',
  'ref',
  'filename',
  'content_type',
  'size',
  'sha256',
  'uploaded_by',
  'created_at',
] as const;

export async function insertEvidence(ex: Executor, row: EvidenceRow): Promise<void> {
  await ex.insertInto('evidence').values(row).execute();
}

export async function listEvidence(
  ex: Executor,
  orgId: string,
  assessmentId: string,
): Promise<EvidenceMeta[]> {
  return ex
    .selectFrom('evidence')
    .select(META)
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('ref')
    .orderBy('created_at')
    .execute();
}

/** One file with its bytes, only within its organization and assessment. */
export async function findEvidence(
  ex: Executor,
  orgId: string,
  assessmentId: string,
  id: string,
): Promise<EvidenceRow | undefined> {
  const row = await ex
    .selectFrom('evidence')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  // PGlite/pg return bytea as Uint8Array or Buffer; callers get a Buffer either way.
  return row ? { ...row, data: Buffer.from(row.data) } : undefined;
}

export async function deleteEvidence(
  ex: Executor,
  orgId: string,
  assessmentId: string,
  id: string,
): Promise<boolean> {
  const r = await ex
    .deleteFrom('evidence')
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
