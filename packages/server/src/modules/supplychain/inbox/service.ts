import {
  earlierRequestsOfRespondent,
  findRequestDeclaration,
  saveRequestDeclaration,
  findCampaign,
  findInboxRequest,
  findUser,
  listInboxRequests,
  returnedItemCounts,
  type InboxRequestRow,
} from '@shinrai/store';
import { write, type Ctx } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { ownCatalogAnswers } from '../../assessments/public.ts';
import { latestSecurityAction } from '../../sme/public.ts';
import { audit, lockAuditOf } from '../../../platform/services/audit-trail.ts';
import { loadCatalog } from '../../library/public.ts';
import { fail } from '../campaigns/errors.ts';
import { ctxOfRespondent, startRequest, whoAnswered, type Respondent } from '../respond/session.ts';
import { requestAnswers, type ReuseSource } from './reuse.ts';

const OPEN = new Set(['sent', 'opened']);

/** Every buyer's request addressed to the caller's organization, with what needs doing. */
export async function inboxList(ctx: Ctx) {
  const db = ctx.deps.store.db;
  const rows = await listInboxRequests(db, ctx.orgId);
  const returned = await returnedItemCounts(
    db,
    rows.map((r) => r.id),
  );
  const items = [];
  for (const r of rows) {
    const catalog = await loadCatalog(db, r.org_id, r.catalog_id);
    const clarify = returned.get(r.id) ?? 0;
    items.push({
      id: r.id,
      buyer: r.buyer_name,
      title: r.title,
      catalog: { ja: catalog.row.title_ja, en: catalog.row.title_en },
      deadline: r.deadline,
      status: r.status,
      campaignClosed: r.campaign_status === 'closed',
      clarify,
      open: r.campaign_status !== 'closed' && (OPEN.has(r.status) || clarify > 0),
    });
  }
  return { items, open: items.filter((i) => i.open).length };
}

/** The caller's organization as the respondent of one request addressed to it (404 when it is not). */
export async function inboxRespondent(ctx: Ctx, requestId: string): Promise<Respondent> {
  const db = ctx.deps.store.db;
  const row = (await findInboxRequest(db, ctx.orgId, requestId)) ?? fail('not_found');
  if (row.campaign_status === 'closed') fail('respond_closed');
  const campaign = (await findCampaign(db, row.org_id, row.campaign_id)) ?? fail('not_found');
  const user = ctx.actor.userId ? await findUser(db, ctx.actor.userId) : undefined;
  const {
    title: _t,
    message: _m,
    catalog_id: _c,
    tier: _ti,
    deadline: _d,
    campaign_status: _s,
    buyer_name: _b,
    ...request
  } = row;
  return {
    link: {
      id: null,
      org_id: row.org_id,
      item_ref: null,
      email: user?.email ?? '',
      name: user?.display_name ?? null,
    },
    request,
    campaign,
    csrf: '',
    member: { actor: ctx.actor, supplierOrgId: ctx.orgId },
  };
}

/** Starts a request answered in-app (its assessment at the buyer, status opened) the first time it is written. */
export async function startedRespondent(ctx: Ctx, requestId: string): Promise<Respondent> {
  const r = await inboxRespondent(ctx, requestId);
  if (r.request.assessment_id !== null && r.request.status !== 'sent') return r;
  const request = await write(ctxOfRespondent(ctx.deps, r, ctx.actor.requestId), async (tx) => {
    const started = await startRequest(tx, r.request, r.campaign);
    await tx.audit('respond.open', { type: 'campaign_request', id: r.request.id }, whoAnswered(r));
    return started;
  });
  return { ...r, request };
}

async function urnOf(deps: Deps, orgId: string, catalogId: string): Promise<string> {
  return (await loadCatalog(deps.store.db, orgId, catalogId)).row.urn;
}

/**
 * What a supplier answering in-app may start from: its submissions of the same catalog to other buyers
 * (only its own answers, read because they were addressed to it) and its own latest assessment of it.
 */
export async function inboxSources(ctx: Ctx, r: Respondent): Promise<ReuseSource[]> {
  const deps = ctx.deps;
  const urn = await urnOf(deps, r.campaign.org_id, r.campaign.catalog_id);
  const out: ReuseSource[] = [];
  const others = (await listInboxRequests(deps.store.db, ctx.orgId)).filter(
    (o: InboxRequestRow) =>
      o.id !== r.request.id &&
      o.assessment_id !== null &&
      (o.status === 'submitted' || o.status === 'accepted'),
  );
  for (const o of others) {
    if ((await urnOf(deps, o.org_id, o.catalog_id)) !== urn) continue;
    out.push({
      type: 'request',
      id: o.id,
      label: `${o.buyer_name} — ${o.title}`,
      buyerLabel: '',
      date: (o.submitted_at ?? o.updated_at).slice(0, 10),
      answers: await requestAnswers(deps, o.org_id, o.id, o.assessment_id!),
      evidenceOf: { orgId: o.org_id, requestId: o.id },
    });
  }
  const own = await ownCatalogAnswers(deps, ctx.orgId, urn);
  if (own)
    out.push({
      type: 'assessment',
      id: own.assessmentId,
      label: own.title,
      buyerLabel: own.title,
      date: own.updatedAt.slice(0, 10),
      answers: new Map(
        [...own.answers].map(([ref, value]) => [
          ref,
          { value, followUp: { reason: null, plannedDate: null } },
        ]),
      ),
    });
  return out;
}

/**
 * What a link respondent may start from: the same address's earlier submitted answers to the same
 * catalog for the same buyer (the annual re-evaluation).
 */
export async function linkSources(deps: Deps, r: Respondent): Promise<ReuseSource[]> {
  if (r.link.item_ref !== null) return [];
  const urn = await urnOf(deps, r.campaign.org_id, r.campaign.catalog_id);
  const out: ReuseSource[] = [];
  const earlier = await earlierRequestsOfRespondent(
    deps.store.db,
    r.link.org_id,
    r.link.email,
    r.request.supplier_id,
    r.request.id,
  );
  for (const e of earlier) {
    if (e.assessment_id === null || (await urnOf(deps, e.org_id, e.catalog_id)) !== urn) continue;
    out.push({
      type: 'request',
      id: e.id,
      label: e.title,
      buyerLabel: e.title,
      date: (e.submitted_at ?? e.updated_at).slice(0, 10),
      answers: await requestAnswers(deps, e.org_id, e.id, e.assessment_id),
      evidenceOf: { orgId: e.org_id, requestId: e.id },
    });
  }
  return out;
}

/** The supplier's latest SECURITY ACTION declaration and whether it is attached to this request already. */
export async function declarationOffer(ctx: Ctx, r: Respondent) {
  const d = await latestSecurityAction(ctx.deps, ctx.orgId);
  if (!d) return null;
  const attached = await findRequestDeclaration(ctx.deps.store.db, r.link.org_id, r.request.id);
  return {
    level: d.level,
    declarationId: d.declarationId,
    declaredOn: d.declaredOn,
    attached: attached?.declaration_id === d.declarationId,
  };
}

/**
 * Attaches the supplier's latest SECURITY ACTION declaration to a request after it confirmed: the buyer
 * sees level, declaration id and date with the answers; audited in both organizations' logs.
 */
export async function attachDeclaration(ctx: Ctx, requestId: string): Promise<void> {
  const r = await startedRespondent(ctx, requestId);
  const d = (await latestSecurityAction(ctx.deps, ctx.orgId)) ?? fail('reuse_source_unknown');
  await write(ctxOfRespondent(ctx.deps, r, ctx.actor.requestId), async (tx) => {
    await lockAuditOf(tx.trx, [tx.orgId, ctx.orgId]);
    await saveRequestDeclaration(tx.trx, {
      request_id: r.request.id,
      org_id: tx.orgId,
      level: d.level,
      declaration_id: d.declarationId,
      declared_on: d.declaredOn,
      attached_at: tx.now.toISOString(),
    });
    const details = { ...whoAnswered(r), consent: true, sourceType: 'declaration', sourceId: d.id };
    const target = { type: 'campaign_request', id: r.request.id };
    await tx.audit('respond.declaration', target, details);
    await audit(ctx.deps, tx.trx, tx.actor, ctx.orgId, 'supplychain.inbox.declaration', target, details);
  });
}
