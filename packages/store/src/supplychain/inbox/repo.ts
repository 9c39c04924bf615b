import type { Executor } from '../../database.ts';
import type { Selectable } from 'kysely';
import type { CampaignRequestRow } from '../campaigns/repo.ts';
import type { CampaignRequestDeclarationsTable } from '../campaigns/tables.ts';

/**
 * A request as its supplier sees it in its own inbox: addressed to a registry entry of the buyer that
 * is linked to the supplier's organization, while their buyer → supplier relationship is active.
 */
export type InboxRequestRow = CampaignRequestRow & {
  title: string;
  message: string | null;
  catalog_id: string;
  tier: string | null;
  deadline: string;
  campaign_status: string;
  buyer_name: string;
};

function inboxQuery(ex: Executor, supplierOrgId: string) {
  return ex
    .selectFrom('campaign_requests as r')
    .innerJoin('suppliers as s', (j) =>
      j.onRef('s.id', '=', 'r.supplier_id').onRef('s.org_id', '=', 'r.org_id'),
    )
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .innerJoin('relationships as rel', (j) =>
      j
        .onRef('rel.from_org_id', '=', 'r.org_id')
        .on('rel.to_org_id', '=', supplierOrgId)
        .on('rel.type', '=', 'buyer_supplier')
        .on('rel.status', '=', 'active'),
    )
    .selectAll('r')
    .select([
      'c.title',
      'c.message',
      'c.catalog_id',
      'c.tier',
      'c.deadline',
      'c.status as campaign_status',
      'o.name as buyer_name',
    ])
    .where('s.linked_org_id', '=', supplierOrgId)
    .where('c.status', 'in', ['sent', 'closed'])
    .where('r.status', '!=', 'queued');
}

/** Every request addressed to the supplier organization by any of its buyers, newest deadline last. */
export async function listInboxRequests(ex: Executor, supplierOrgId: string): Promise<InboxRequestRow[]> {
  return inboxQuery(ex, supplierOrgId).orderBy('c.deadline').orderBy('r.id').execute();
}

/** One request of the supplier's inbox; undefined when it is not addressed to this organization. */
export async function findInboxRequest(
  ex: Executor,
  supplierOrgId: string,
  requestId: string,
): Promise<InboxRequestRow | undefined> {
  return inboxQuery(ex, supplierOrgId).where('r.id', '=', requestId).executeTakeFirst();
}

/** Per request: how many items the buyer sent back for clarification. */
export async function returnedItemCounts(
  ex: Executor,
  requestIds: readonly string[],
): Promise<Map<string, number>> {
  if (requestIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('campaign_items')
    .select(['request_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('request_id', 'in', [...requestIds])
    .where('state', '=', 'returned')
    .groupBy('request_id')
    .execute();
  return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
}

/**
 * The earlier submissions of the same link respondent (same address) to the same buyer's campaigns
 * other than `requestId`, newest first: the starting point of an annual re-evaluation.
 */
export async function earlierRequestsOfRespondent(
  ex: Executor,
  orgId: string,
  email: string,
  supplierId: string,
  requestId: string,
): Promise<(CampaignRequestRow & { catalog_id: string; title: string })[]> {
  return ex
    .selectFrom('campaign_requests as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .selectAll('r')
    .select(['c.catalog_id', 'c.title'])
    .where('r.org_id', '=', orgId)
    .where('r.supplier_id', '=', supplierId)
    .where('r.id', '!=', requestId)
    .where('r.status', 'in', ['submitted', 'accepted'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('respond_links as l')
          .select('l.id')
          .whereRef('l.request_id', '=', 'r.id')
          .where('l.email', '=', email.toLowerCase()),
      ),
    )
    .orderBy('r.submitted_at', 'desc')
    .execute();
}

export type RequestDeclarationRow = Selectable<CampaignRequestDeclarationsTable>;

/** Attaches (or replaces) the supplier's SECURITY ACTION declaration on a request of the buyer `org_id`. */
export async function saveRequestDeclaration(ex: Executor, row: RequestDeclarationRow): Promise<void> {
  const { request_id: _r, ...rest } = row;
  await ex
    .insertInto('campaign_request_declarations')
    .values(row)
    .onConflict((oc) => oc.column('request_id').doUpdateSet(rest))
    .execute();
}

export async function findRequestDeclaration(
  ex: Executor,
  orgId: string,
  requestId: string,
): Promise<RequestDeclarationRow | undefined> {
  return ex
    .selectFrom('campaign_request_declarations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

/** Who in a supplier organization is told about its inbox (owners and administrators), by address. */
export async function inboxManagers(
  ex: Executor,
  supplierOrgId: string,
): Promise<{ email: string; display_name: string }[]> {
  return ex
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.display_name'])
    .where('m.org_id', '=', supplierOrgId)
    .where('m.role', 'in', ['owner', 'admin'])
    .orderBy('u.email')
    .execute();
}
