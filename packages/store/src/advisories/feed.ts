import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../database.ts';
import type { AdvisoryFeedSourcesTable } from './tables.ts';

export type FeedSourceRow = Selectable<AdvisoryFeedSourcesTable>;
export type FeedSourcePatch = Updateable<AdvisoryFeedSourcesTable>;

/** Every feed source, by name. */
export async function listFeedSources(ex: Executor): Promise<FeedSourceRow[]> {
  return ex.selectFrom('advisory_feed_sources').selectAll().orderBy('name').execute();
}

export async function findFeedSource(ex: Executor, id: string): Promise<FeedSourceRow | undefined> {
  return ex.selectFrom('advisory_feed_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFeedSourceByName(ex: Executor, name: string): Promise<FeedSourceRow | undefined> {
  return ex.selectFrom('advisory_feed_sources').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertFeedSource(
  ex: Executor,
  row: Insertable<AdvisoryFeedSourcesTable>,
): Promise<void> {
  await ex.insertInto('advisory_feed_sources').values(row).execute();
}

export async function updateFeedSource(ex: Executor, id: string, patch: FeedSourcePatch): Promise<void> {
  await ex.updateTable('advisory_feed_sources').set(patch).where('id', '=', id).execute();
}

/**
 * Takes the source for a run by `jobId` until `leaseUntil`: when no run holds it, its holder's lease ran
 * out (that process died), or the holder is this same job (taken over after its process died). One
 * conditional UPDATE, so of several instances asking at once exactly one gets it. True when taken.
 */
export async function claimFeedSource(
  ex: Executor,
  id: string,
  jobId: string,
  now: string,
  leaseUntil: string,
): Promise<boolean> {
  const r = await ex
    .updateTable('advisory_feed_sources')
    .set({ lease_until: leaseUntil, lease_job: jobId })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now), eb('lease_job', '=', jobId)]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Renews the run's lease (and writes `patch`) while `jobId` still holds it; false if it lost it. */
export async function renewFeedSource(
  ex: Executor,
  id: string,
  jobId: string,
  leaseUntil: string,
  patch: FeedSourcePatch = {},
): Promise<boolean> {
  const r = await ex
    .updateTable('advisory_feed_sources')
    .set({ ...patch, lease_until: leaseUntil })
    .where('id', '=', id)
    .where('lease_job', '=', jobId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends the run of `jobId`: writes its result and frees the source. False if the run no longer held it. */
export async function releaseFeedSource(
  ex: Executor,
  id: string,
  jobId: string,
  patch: FeedSourcePatch,
): Promise<boolean> {
  const r = await ex
    .updateTable('advisory_feed_sources')
    .set({ ...patch, lease_until: null, lease_job: null })
    .where('id', '=', id)
    .where('lease_job', '=', jobId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
