import { linkRefusal, linkTokenHash, linkTokenShape, newSessionSecret } from '@shinrai/core/supplychain';
import {
  claimRespondLink,
  findCampaign,
  findCampaignRequest,
  findRespondLinkByHash,
  insertRespondSession,
  updateCampaignRequest,
  type CampaignRequestRow,
  type CampaignRow,
  type RespondLinkRow,
} from '@shinrai/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { write, type Ctx, type TxCtx } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/services/audit-trail.ts';
import { safeEqual } from '../../../platform/auth/secrets.ts';
import { createAssessment } from '../../assessments/public.ts';
import { fail } from '../campaigns/errors.ts';

export const RESPOND_COOKIE = 'shinrai_respond';
const COOKIE_PATH = '/api/respond';

/**
 * The link a respondent answers through: a mailed link (whole questionnaire or one forwarded item), or,
 * for a supplier on Shinrai answering from its own inbox, none (`id` null; `org_id` is the buyer's).
 */
export type RespondentLink = Pick<RespondLinkRow, 'org_id' | 'item_ref' | 'email' | 'name'> & {
  id: string | null;
};

/**
 * Who is answering: the link they opened, its request and campaign. A member of the supplier's own
 * organization (inbox) also carries their audit identity and their organization.
 */
export interface Respondent {
  link: RespondentLink;
  request: CampaignRequestRow;
  campaign: CampaignRow;
  csrf: string;
  member?: { actor: Actor; supplierOrgId: string };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The context a respondent's change is written in: the buyer's organization, audited as the member if any. */
export function ctxOfRespondent(deps: Deps, r: Respondent, requestId: string | null): Ctx {
  const ctx = respondentCtx(deps, r.link.org_id, requestId);
  return r.member ? { ...ctx, actor: { ...r.member.actor, requestId } } : ctx;
}

/** Who answered, for the audit details: the address and name, and the supplier organization when in-app. */
export function whoAnswered(r: Respondent): Record<string, unknown> {
  return r.member
    ? { email: r.link.email, name: r.link.name, supplierOrgId: r.member.supplierOrgId }
    : { email: r.link.email };
}

/**
 * The first opening of a request (by link or from the supplier's inbox): creates its assessment in the
 * buyer's organization and marks the request opened. Returns the request as it is now.
 */
export async function startRequest(
  tx: TxCtx,
  request: CampaignRequestRow,
  campaign: CampaignRow,
): Promise<CampaignRequestRow> {
  const set: Parameters<typeof updateCampaignRequest>[3] = { updated_at: tx.now.toISOString() };
  if (request.assessment_id === null) {
    const created = await createAssessment(tx, {
      scopeType: 'supplier',
      scopeLabel: request.supplier_name,
      catalogId: campaign.catalog_id,
      tier: campaign.tier,
      title: `${campaign.title} — ${request.supplier_name}`,
      dueDate: campaign.deadline,
    });
    set.assessment_id = created.row.id;
  }
  if (request.status === 'sent') {
    set.status = 'opened';
    set.opened_at = tx.now.toISOString();
  }
  await updateCampaignRequest(tx.trx, tx.orgId, request.id, set);
  return { ...request, ...set };
}

/** A context acting for a respondent inside the buyer's organization (audited without a user). */
export function respondentCtx(deps: Deps, orgId: string, requestId: string | null): Ctx {
  return { deps, orgId, role: 'viewer', actor: { userId: null, tokenId: null, requestId }, now: deps.now() };
}

/** Finds a presented token's link and says why it does not open (the order of core `linkRefusal`). */
export async function checkToken(deps: Deps, token: string): Promise<RespondLinkRow> {
  const shape = linkTokenShape(token);
  const link = shape === 'ok' ? await findRespondLinkByHash(deps.store.db, linkTokenHash(token)) : undefined;
  const request = link ? await findCampaignRequest(deps.store.db, link.org_id, link.request_id) : undefined;
  const closed = request !== undefined && (request.status === 'accepted' || request.status === 'closed');
  const refusal = linkRefusal(
    token,
    link && { expiresAt: link.expires_at, usedAt: link.used_at, revokedAt: link.revoked_at },
    deps.now(),
    closed,
  );
  if (refusal === 'closed') return fail('respond_closed');
  if (refusal !== null) return fail(`respond_link_${refusal}`);
  return link!;
}

/**
 * Opens a link: it is used up, and the browser gets a respondent session (HttpOnly cookie scoped to
 * /api/respond) that lasts as long as the link would have, so the respondent can save and come back.
 * The first opening of a request creates its assessment in the buyer's organization.
 */
export async function openLink(
  deps: Deps,
  token: string,
  reply: FastifyReply,
  requestId: string,
): Promise<void> {
  const link = await checkToken(deps, token);
  const secret = newSessionSecret();
  const csrf = randomBytes(24).toString('base64url');
  const ctx = respondentCtx(deps, link.org_id, requestId);
  await write(ctx, async (tx) => {
    if (!(await claimRespondLink(tx.trx, link.id, tx.now.toISOString()))) fail('respond_link_used');
    await insertRespondSession(tx.trx, {
      id_hash: sha256(secret),
      link_id: link.id,
      csrf,
      created_at: tx.now.toISOString(),
      expires_at: link.expires_at,
    });
    const request = (await findCampaignRequest(tx.trx, tx.orgId, link.request_id)) ?? fail('not_found');
    const campaign = (await findCampaign(tx.trx, tx.orgId, request.campaign_id)) ?? fail('not_found');
    await startRequest(tx, request, campaign);
    await tx.audit(
      'respond.open',
      { type: 'campaign_request', id: request.id },
      {
        email: link.email,
        item: link.item_ref,
      },
    );
  });
  void reply.setCookie(RESPOND_COOKIE, secret, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.secureCookies,
    expires: new Date(link.expires_at),
  });
  void reply.header('x-respond-csrf', csrf);
}

/** The respondent of this request's cookie; writes also need the session's CSRF token in `x-csrf-token`. */
export async function respondent(deps: Deps, req: FastifyRequest): Promise<Respondent> {
  const secret = req.cookies[RESPOND_COOKIE];
  if (!secret) return fail('respond_session_missing');
  // One prepared statement: the session by its hash, with its link, request and campaign.
  const found = await deps.store.respond.respondent(sha256(secret));
  const now = deps.now();
  if (!found || new Date(found.session.expires_at) <= now) return fail('respond_session_missing');
  const { session: s, link, request, campaign } = found;
  if (link.revoked_at !== null) return fail('respond_link_revoked');
  if (req.method !== 'GET') {
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, s.csrf)) fail('csrf_failed');
  }
  if (campaign.status === 'closed') fail('respond_closed');
  return { link, request, campaign, csrf: s.csrf };
}
