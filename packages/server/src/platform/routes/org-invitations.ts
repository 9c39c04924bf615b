import { checkPassword, RELATIONSHIP_TYPES, type RelationshipType } from '@shinrai/core';
import {
  findOrganization,
  findOrgInvitationByTokenHash,
  findRelationshipForParty,
  findUser,
  findUserByEmail,
  insertOrgInvitation,
  insertRelationship,
  insertUser,
  listOrgInvitations,
  markOrgInvitationAccepted,
  type OrgInvitationRow,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, randomToken, safeEqual, sha256 } from '../auth/secrets.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/access.ts';
import { fail } from '../http/errors.ts';
import { orgAccess, setSessionCookie } from '../http/principal.ts';
import { Email, Id, Locale, OrgProfileInput, page, PageQuery, User } from '../http/schemas.ts';
import { orgInvitationMail } from '../mail/templates.ts';
import { audit, lockAuditOf } from '../services/audit-trail.ts';
import { createOrganization } from '../services/organizations.ts';
import { sendLinkMail, usableInvitation } from '../services/invitation-link.ts';
import { createSession } from '../services/sessions.ts';
import { userView } from '../services/views.ts';
import { INVITATION_DAYS } from './invitations.ts';

const TokenParams = z.strictObject({ token: z.string().min(10).max(128) });
const Side = z.enum(['from', 'to']);

const OrgInvitation = z.object({
  id: z.string(),
  email: z.string(),
  companyName: z.string(),
  type: z.enum(RELATIONSHIP_TYPES),
  side: Side,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  expiresAt: z.string(),
  createdAt: z.string(),
});

function view(i: OrgInvitationRow, now: Date) {
  const status = i.accepted_at
    ? ('accepted' as const)
    : i.revoked_at
      ? ('revoked' as const)
      : new Date(i.expires_at) <= now
        ? ('expired' as const)
        : ('pending' as const);
  return {
    id: i.id,
    email: i.email,
    companyName: i.company_name,
    type: i.type as RelationshipType,
    side: i.side as 'from',
    status,
    expiresAt: i.expires_at,
    createdAt: i.created_at,
  };
}

/**
 * Inviting an organization that is not on Shinrai yet: a single-use link by e-mail (shown to the inviter
 * when no mail carried it). Following it, the recipient signs up, creates the organization, and finds
 * the relationship request waiting for its acceptance.
 */
export function orgInvitationRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  async function openInvitation(token: string): Promise<OrgInvitationRow> {
    return usableInvitation(await findOrgInvitationByTokenHash(db, sha256(token)), deps.now());
  }

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/org-invitations',
      {
        config: { permission: 'relationships.read' },
        schema: {
          tags: ['relationships'],
          summary: 'Organizations this one invited by e-mail to a relationship (newest first)',
          params: z.strictObject({ orgId: Id }),
          querystring: PageQuery,
          response: { 200: page(OrgInvitation) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await listOrgInvitations(db, access.orgId, req.query.cursor ?? null, req.query.limit);
        if (p === null) return fail('bad_request', { pointer: '/cursor' });
        const now = deps.now();
        return { items: p.items.map((i) => view(i, now)), nextCursor: p.nextCursor };
      },
    );

    app.post(
      '/api/orgs/:orgId/org-invitations',
      {
        config: { permission: 'relationships.manage' },
        schema: {
          tags: ['relationships'],
          summary:
            'Invite an organization not on Shinrai yet to a relationship by e-mail (single-use link, valid 7 days)',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({
            email: Email,
            companyName: z.string().trim().min(1).max(200),
            type: z.enum(RELATIONSHIP_TYPES),
            side: Side,
          }),
          response: {
            201: z.object({
              invitation: OrgInvitation,
              mail: z.enum(['sent', 'failed', 'not_configured']),
              /** The link, only when no mail carried it: the inviter passes it on. */
              link: z.string().optional(),
            }),
          },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const token = randomToken();
        const now = deps.now();
        const row: OrgInvitationRow = {
          id: randomUUID(),
          org_id: access.orgId,
          email: req.body.email.toLowerCase(),
          company_name: req.body.companyName,
          type: req.body.type,
          side: req.body.side,
          token_hash: sha256(token),
          invited_by: access.actorUserId,
          expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
          accepted_at: null,
          accepted_org_id: null,
          revoked_at: null,
          created_at: now.toISOString(),
        };
        await db.transaction().execute(async (trx) => {
          await insertOrgInvitation(trx, row);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'org_invitation.create',
            { type: 'org_invitation', id: row.id },
            { email: row.email, name: row.company_name, type: row.type },
          );
        });
        const org = await findOrganization(db, access.orgId);
        const inviter = access.actorUserId ? await findUser(db, access.actorUserId) : undefined;
        const link = `${deps.config.publicUrl}/org-invite/${token}`;
        const mail = await sendLinkMail(
          deps.mailer,
          req.log,
          orgInvitationMail({
            to: row.email,
            companyName: row.company_name,
            fromOrgName: org?.name ?? '',
            inviterName: inviter?.display_name ?? 'Shinrai',
            type: row.type,
            link,
            expiresAt: new Date(row.expires_at),
          }),
          'organization invitation',
        );
        return reply
          .status(201)
          .send({ invitation: view(row, now), mail, ...(mail === 'sent' ? {} : { link }) });
      },
    );

    app.get(
      '/api/org-invitations/:token',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['relationships'],
          summary: 'What an organization invitation link offers (public: the link is the credential)',
          params: TokenParams,
          response: {
            200: z.object({
              from: z.object({ name: z.string() }),
              companyName: z.string(),
              email: z.string(),
              type: z.enum(RELATIONSHIP_TYPES),
              side: Side,
              expiresAt: z.string(),
              accountExists: z.boolean(),
            }),
          },
        },
      },
      async (req) => {
        const inv = await openInvitation(req.params.token);
        const org = await findOrganization(db, inv.org_id);
        return {
          from: { name: org?.name ?? '' },
          companyName: inv.company_name,
          email: inv.email,
          type: inv.type as RelationshipType,
          side: inv.side as 'from',
          expiresAt: inv.expires_at,
          accountExists: (await findUserByEmail(db, inv.email)) !== undefined,
        };
      },
    );

    app.post(
      '/api/org-invitations/:token/accept',
      {
        config: { skipCsrf: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['relationships'],
          summary:
            'Accept an organization invitation: creates the account (when none exists for the address) and the organization; the relationship request then waits for its acceptance',
          params: TokenParams,
          body: z.strictObject({
            displayName: z.string().trim().min(1).max(100).optional(),
            password: z.string().min(1).max(256).optional(),
            locale: Locale.optional(),
            organization: OrgProfileInput,
          }),
          response: {
            200: z.object({
              user: User,
              csrfToken: z.string(),
              orgId: z.string(),
              relationshipId: z.string(),
            }),
          },
        },
      },
      async (req, reply) => {
        const inv = await openInvitation(req.params.token);
        const existing = await findUserByEmail(db, inv.email);
        const p = req.principal;
        if (existing) {
          // The invited person must be signed in as the invited address (as for member invitations).
          if (p === null || p.kind !== 'user' || p.user.id !== existing.id) return fail('unauthenticated');
          const csrf = req.headers['x-csrf-token'];
          if (typeof csrf !== 'string' || !safeEqual(csrf, p.csrfToken)) return fail('csrf_failed');
        } else {
          if (!req.body.displayName || !req.body.password)
            return fail('validation_failed', [
              { in: 'body', pointer: req.body.displayName ? '/password' : '/displayName', message: '' },
            ]);
          if (checkPassword(req.body.password, inv.email) !== null) return fail('weak_password');
        }
        const passwordHash = existing ? null : await hashPassword(req.body.password ?? '');
        const result = await db.transaction().execute(async (trx) => {
          const now = deps.now().toISOString();
          let userId = existing?.id;
          if (userId === undefined) {
            userId = randomUUID();
            await insertUser(trx, {
              id: userId,
              email: inv.email,
              displayName: req.body.displayName ?? inv.email,
              passwordHash,
              locale: req.body.locale ?? 'ja',
              isInstanceAdmin: false,
              now,
            });
          }
          const actor = { userId, tokenId: null, requestId: req.id };
          const org = await createOrganization(deps, trx, actor, userId, req.body.organization);
          if (!(await markOrgInvitationAccepted(trx, inv.id, org.id, now))) return fail('expired');
          await lockAuditOf(trx, [inv.org_id, org.id]);
          const [fromId, toId] = inv.side === 'from' ? [inv.org_id, org.id] : [org.id, inv.org_id];
          const relationshipId = randomUUID();
          await insertRelationship(trx, {
            id: relationshipId,
            type: inv.type,
            from_org_id: fromId,
            to_org_id: toId,
            status: 'pending',
            requested_by_org_id: inv.org_id,
            created_at: now,
            accepted_at: null,
            ended_at: null,
          });
          const target = { type: 'relationship', id: relationshipId };
          const details = { type: inv.type, from: fromId, to: toId, invitation: inv.id };
          await audit(
            deps,
            trx,
            actor,
            inv.org_id,
            'org_invitation.accept',
            {
              type: 'org_invitation',
              id: inv.id,
            },
            { organization: org.id, name: org.name },
          );
          await audit(deps, trx, actor, inv.org_id, 'relationship.request', target, details);
          await audit(deps, trx, actor, org.id, 'relationship.requested', target, details);
          const session = existing ? null : await createSession(deps, trx, userId, 'full');
          const user = await findUser(trx, userId);
          if (!(await findRelationshipForParty(trx, org.id, relationshipId))) return fail('internal');
          return { user: user ?? fail('internal'), session, orgId: org.id, relationshipId };
        });
        let csrfToken = p?.kind === 'user' ? p.csrfToken : '';
        if (result.session) {
          setSessionCookie(deps, reply, result.session.token, result.session.maxAgeSeconds);
          csrfToken = result.session.csrfToken;
        }
        return {
          user: userView(result.user),
          csrfToken,
          orgId: result.orgId,
          relationshipId: result.relationshipId,
        };
      },
    );
  };
}
