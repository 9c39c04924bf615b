import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../database.ts';
import type {
  CampaignEvidenceTable,
  CampaignItemsTable,
  CampaignRequestsTable,
  CampaignsTable,
  OutboxMailsTable,
  RespondLinksTable,
  RespondSessionsTable,
} from './tables.ts';

export type CampaignRow = Selectable<CampaignsTable>;
export type CampaignRequestRow = Selectable<CampaignRequestsTable>;
export type CampaignItemRow = Selectable<CampaignItemsTable>;
export type RespondLinkRow = Selectable<RespondLinksTable>;
export type RespondSessionRow = Selectable<RespondSessionsTable>;
export type CampaignEvidenceRow = Selectable<CampaignEvidenceTable>;
export type OutboxMailRow = Selectable<OutboxMailsTable>;

/** Rows per INSERT: below SQLite's bound-parameter limit for the widest of these tables. */
const BATCH = 400;

async function insertMany<T>(rows: readonly T[], each: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await each(rows.slice(i, i + BATCH));
}

// Campaigns

export async function insertCampaign(ex: Executor, row: CampaignRow): Promise<void> {
  await ex.insertInto('campaigns').values(row).execute();
}

export async function findCampaign(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<CampaignRow | undefined> {
  return ex
    .selectFrom('campaigns')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listCampaigns(ex: Executor, orgId: string): Promise<CampaignRow[]> {
  return ex
    .selectFrom('campaigns')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function updateCampaign(
  ex: Executor,
  orgId: string,
  id: string,
  set: Updateable<CampaignsTable>,
): Promise<void> {
  await ex.updateTable('campaigns').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Per campaign of an organization: requests by status. */
export async function campaignStatusCounts(
  ex: Executor,
  orgId: string,
): Promise<{ campaign_id: string; status: string; n: number }[]> {
  const rows = await ex
    .selectFrom('campaign_requests')
    .select(['campaign_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy(['campaign_id', 'status'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

// Requests and their items

export async function insertCampaignRequests(
  ex: Executor,
  rows: readonly CampaignRequestRow[],
): Promise<void> {
  await insertMany(rows, (b) => ex.insertInto('campaign_requests').values(b).execute());
}

export async function listCampaignRequests(
  ex: Executor,
  orgId: string,
  campaignId: string,
): Promise<CampaignRequestRow[]> {
  return ex
    .selectFrom('campaign_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('campaign_id', '=', campaignId)
    .orderBy('supplier_name')
    .orderBy('id')
    .execute();
}

export async function findCampaignRequest(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<CampaignRequestRow | undefined> {
  return ex
    .selectFrom('campaign_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Open requests of sent campaigns, with their campaign (the reminder job). */
export async function listOpenCampaignRequests(ex: Executor): Promise<
  (CampaignRequestRow & {
    deadline: string;
    sent_at: string | null;
    owner_id: string | null;
    title: string;
  })[]
> {
  return ex
    .selectFrom('campaign_requests as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .selectAll('r')
    .select(['c.deadline', 'c.sent_at', 'c.owner_id', 'c.title'])
    .where('c.status', '=', 'sent')
    .where('r.status', 'in', ['sent', 'opened'])
    .execute();
}

export async function updateCampaignRequest(
  ex: Executor,
  orgId: string,
  id: string,
  set: Updateable<CampaignRequestsTable>,
): Promise<void> {
  await ex
    .updateTable('campaign_requests')
    .set(set)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function listCampaignItems(
  ex: Executor,
  orgId: string,
  requestId: string,
): Promise<CampaignItemRow[]> {
  return ex
    .selectFrom('campaign_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('request_id', '=', requestId)
    .execute();
}

// Links and respondent sessions

export async function insertRespondLink(ex: Executor, row: RespondLinkRow): Promise<void> {
  await ex.insertInto('respond_links').values(row).execute();
}

export async function findRespondLinkByHash(ex: Executor, hash: string): Promise<RespondLinkRow | undefined> {
  return ex.selectFrom('respond_links').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function findRespondLink(ex: Executor, id: string): Promise<RespondLinkRow | undefined> {
  return ex.selectFrom('respond_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The addresses a request's whole questionnaire was sent to (not forwards), once each. */
export async function listRequestRespondents(
  ex: Executor,
  orgId: string,
  requestId: string,
): Promise<{ email: string; name: string | null }[]> {
  return ex
    .selectFrom('respond_links')
    .select(['email', 'name'])
    .distinct()
    .where('org_id', '=', orgId)
    .where('request_id', '=', requestId)
    .where('item_ref', 'is', null)
    .where('forwarded_from', 'is', null)
    .execute();
}

/** Marks a link used; false when another request used it first (a link opens once). */
export async function claimRespondLink(ex: Executor, id: string, now: string): Promise<boolean> {
  const r = await ex
    .updateTable('respond_links')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revokeRespondLink(ex: Executor, id: string, now: string): Promise<void> {
  await ex
    .updateTable('respond_links')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  await ex.deleteFrom('respond_sessions').where('link_id', '=', id).execute();
}

export async function insertRespondSession(ex: Executor, row: RespondSessionRow): Promise<void> {
  await ex.insertInto('respond_sessions').values(row).execute();
}

export async function findRespondSession(
  ex: Executor,
  idHash: string,
): Promise<(RespondSessionRow & { link: RespondLinkRow }) | undefined> {
  const s = await ex
    .selectFrom('respond_sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (!s) return undefined;
  const link = await findRespondLink(ex, s.link_id);
  return link ? { ...s, link } : undefined;
}

// Evidence

export async function insertCampaignEvidence(ex: Executor, row: CampaignEvidenceRow): Promise<void> {
  await ex.insertInto('campaign_evidence').values(row).execute();
}

export async function listCampaignEvidence(
  ex: Executor,
  orgId: string,
  requestId: string,
): Promise<CampaignEvidenceRow[]> {
  return ex
    .selectFrom('campaign_evidence')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .execute();
}

export async function findCampaignEvidence(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<CampaignEvidenceRow | undefined> {
  return ex
    .selectFrom('campaign_evidence')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// Outbox

export async function insertOutboxMails(
  ex: Executor,
  rows: readonly Insertable<OutboxMailsTable>[],
): Promise<void> {
  await insertMany(rows, (b) => ex.insertInto('outbox_mails').values(b).execute());
}

export async function listOutboxMails(
  ex: Executor,
  orgId: string,
  campaignId: string | null,
  limit: number,
): Promise<OutboxMailRow[]> {
  let q = ex.selectFrom('outbox_mails').selectAll().where('org_id', '=', orgId);
  if (campaignId !== null) q = q.where('campaign_id', '=', campaignId);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function findOutboxMail(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<OutboxMailRow | undefined> {
  return ex
    .selectFrom('outbox_mails')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Queued mails, oldest first. */
export async function queuedOutboxMails(ex: Executor, limit: number): Promise<OutboxMailRow[]> {
  return ex
    .selectFrom('outbox_mails')
    .selectAll()
    .where('state', '=', 'queued')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Takes a queued mail for delivery; false when another worker took it. */
export async function claimOutboxMail(ex: Executor, id: string, now: string): Promise<boolean> {
  const r = await ex
    .updateTable('outbox_mails')
    .set({ state: 'sending', updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Puts back in the queue the mails a worker took for delivery before `before` and never finished (it
 * stopped between taking and recording the send); returns how many. At-least-once: a worker that died
 * after the SMTP server accepted the mail makes the recipient get it twice.
 */
export async function requeueStaleOutboxMails(ex: Executor, before: string): Promise<number> {
  const r = await ex
    .updateTable('outbox_mails')
    .set({ state: 'queued' })
    .where('state', '=', 'sending')
    .where('updated_at', '<', before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function updateOutboxMail(
  ex: Executor,
  id: string,
  set: Updateable<OutboxMailsTable>,
): Promise<void> {
  await ex.updateTable('outbox_mails').set(set).where('id', '=', id).execute();
}

// Coverage

/** Per supplier of an organization: its latest accepted request on or after `since`. */
export async function acceptedRequestsSince(
  ex: Executor,
  orgId: string,
  since: string,
): Promise<
  { supplier_id: string; accepted_at: string; assessment_id: string | null; campaign_id: string }[]
> {
  const rows = await ex
    .selectFrom('campaign_requests')
    .select(['supplier_id', 'accepted_at', 'assessment_id', 'campaign_id'])
    .where('org_id', '=', orgId)
    .where('accepted_at', '>=', since)
    .orderBy('accepted_at', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: {
    supplier_id: string;
    accepted_at: string;
    assessment_id: string | null;
    campaign_id: string;
  }[] = [];
  for (const r of rows) {
    if (seen.has(r.supplier_id) || r.accepted_at === null) continue;
    seen.add(r.supplier_id);
    out.push({ ...r, accepted_at: r.accepted_at });
  }
  return out;
}

/** Every request of an organization's campaigns (the coverage dashboard), with the columns it needs. */
export async function listOrgCampaignRequests(
  ex: Executor,
  orgId: string,
): Promise<
  Pick<
    CampaignRequestRow,
    'id' | 'campaign_id' | 'supplier_id' | 'supplier_name' | 'status' | 'accepted_at' | 'assessment_id'
  >[]
> {
  return ex
    .selectFrom('campaign_requests')
    .select(['id', 'campaign_id', 'supplier_id', 'supplier_name', 'status', 'accepted_at', 'assessment_id'])
    .where('org_id', '=', orgId)
    .execute();
}
