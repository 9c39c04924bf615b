import type { Executor } from '../database.ts';

// Package keys of components (`software_component_keys`, migration 0037): written after an upload by the
// `software.keys` job, read by where-used and re-match for releases whose keys are complete.

const KEY_COLUMNS = [
  'component_id',
  'release_id',
  'org_id',
  'purl_key',
  'name',
  'version',
  'purl',
  'ecosystem',
  'osv_name',
] as const;

/** Releases with an SBOM whose keys are not (yet) complete: read through their components instead. */
export async function releasesAwaitingKeys(ex: Executor): Promise<{ id: string; org_id: string }[]> {
  return ex
    .selectFrom('software_releases')
    .select(['id', 'org_id'])
    .where('sbom_uploaded_at', 'is not', null)
    .where('keys_indexed_at', 'is', null)
    .execute();
}

export type KeysStep = { done: true; indexed: boolean } | { done: false; added: number };

/**
 * One step of writing a release's keys; call until `done`. Each step is its own short statement, so that
 * on SQLite no upload or request waits behind the whole release, and a stopped job resumes where it was:
 * 1. keys of an earlier SBOM go (component ids are time-ordered: the current SBOM's are all greater);
 * 2. the next `chunk` components in id order after the last key written are added;
 * 3. when none is left, the release is marked complete — only if its SBOM is still the one that was read
 *    (an upload meanwhile resets the mark and queues its own job).
 */
export async function writeReleaseKeysStep(
  ex: Executor,
  releaseId: string,
  chunk: number,
  state: { uploadedAt?: string | null; cleaned?: boolean },
): Promise<KeysStep> {
  if (state.uploadedAt === undefined) {
    const r = await ex
      .selectFrom('software_releases')
      .select(['sbom_uploaded_at', 'keys_indexed_at'])
      .where('id', '=', releaseId)
      .executeTakeFirst();
    if (r === undefined) return { done: true, indexed: false };
    if (r.sbom_uploaded_at !== null && r.keys_indexed_at === r.sbom_uploaded_at)
      return { done: true, indexed: true };
    state.uploadedAt = r.sbom_uploaded_at;
  }
  if (!state.cleaned) {
    const first = await ex
      .selectFrom('software_components')
      .select((eb) => eb.fn.min('id').as('id'))
      .where('release_id', '=', releaseId)
      .executeTakeFirst();
    let stale = ex.deleteFrom('software_component_keys').where('release_id', '=', releaseId);
    if (first?.id != null) stale = stale.where('component_id', '<', first.id);
    await stale.execute();
    state.cleaned = true;
    return { done: false, added: 0 };
  }
  if (state.uploadedAt === null) return { done: true, indexed: false }; // no SBOM: its keys are gone
  const last = await ex
    .selectFrom('software_component_keys')
    .select((eb) => eb.fn.max('component_id').as('id'))
    .where('release_id', '=', releaseId)
    .executeTakeFirst();
  const r = await ex
    .insertInto('software_component_keys')
    .columns(KEY_COLUMNS)
    .expression((eb) => {
      let q = eb
        .selectFrom('software_components')
        .select(['id', ...KEY_COLUMNS.slice(1)] as [
          'id',
          ...Exclude<(typeof KEY_COLUMNS)[number], 'component_id'>[],
        ])
        .where('release_id', '=', releaseId);
      if (last?.id != null) q = q.where('id', '>', last.id);
      return q.orderBy('id').limit(chunk);
    })
    .onConflict((oc) => oc.columns(['release_id', 'component_id']).doNothing())
    .executeTakeFirst();
  const added = Number(r.numInsertedOrUpdatedRows ?? 0);
  if (added > 0) return { done: false, added };
  // Nothing added: complete, unless another job for the same release is still adding (its rows were
  // skipped here) or a newer SBOM came meanwhile (its own job finishes it).
  const now = await ex
    .selectFrom('software_releases')
    .select('sbom_uploaded_at')
    .where('id', '=', releaseId)
    .executeTakeFirst();
  if (now?.sbom_uploaded_at !== state.uploadedAt) return { done: true, indexed: false };
  const [components, keys] = await Promise.all([
    countOf(ex, 'software_components', releaseId),
    countOf(ex, 'software_component_keys', releaseId),
  ]);
  if (components !== keys) return { done: false, added: 0 };
  const marked = await ex
    .updateTable('software_releases')
    .set({ keys_indexed_at: state.uploadedAt })
    .where('id', '=', releaseId)
    .where('sbom_uploaded_at', '=', state.uploadedAt)
    .executeTakeFirst();
  return { done: true, indexed: Number(marked.numUpdatedRows) === 1 };
}

async function countOf(
  ex: Executor,
  table: 'software_components' | 'software_component_keys',
  releaseId: string,
): Promise<number> {
  const r = await ex
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('release_id', '=', releaseId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
