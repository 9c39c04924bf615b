import { canGrantRole, checkPassword, type Role as RoleT } from '@shinrai/core';
import {
  findInvitation,
  findInvitationByTokenHash,
  findMembership,
  findOrganization,
  findUser,
  findUserByEmail,
  insertInvitation,
  insertMembership,
  insertUser,
  listInvitations,
  markInvitationAccepted,
  revokeInvitation,
  type InvitationRow,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, randomToken, safeEqual, sha256 } from '../auth/secrets.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/access.ts';
import { fail } from '../http/errors.ts';
import { orgAccess, setSessionCookie } from '../http/principal.ts';
import { Email, Id, Invitation, Locale, page, PageQuery, Role, User } from '../http/schemas.ts';
import { invitationMail } from '../mail/templates.ts';
import { audit } from '../services/audit-trail.ts';
import { sendLinkMail, usableInvitation } from '../services/invitation-link.ts';
import { createSession } from '../services/sessions.ts';
import { invitationView, userView } from '../services/views.ts';

export const INVITATION_DAYS = 7;
const TokenParams = z.strictObject({ token: z.string().min(10).max(128) });

export function invitationRoutes(deps: Deps): FastifyPluginAsyncZod {
  /** An invitation that can still be used, or the reason it cannot. */
  async function openInvitation(token: string): Promise<InvitationRow> {
    return usableInvitation(await findInvitationByTokenHash(deps.store.db, sha256(token)), deps.now());
  }

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/invitations',
      {
        config: { permission: 'invitations.read' },
        schema: {
          tags: ['invitations'],
          summary: 'Invitations of the organization (newest first)',
          params: z.strictObject({ orgId: Id }),
          querystring: PageQuery,
          response: { 200: page(Invitation) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await listInvitations(
          deps.store.db,
          access.orgId,
          req.query.cursor ?? null,
          req.query.limit,
        );
        if (p === null) return fail('bad_request', { pointer: '/cursor' });
        const now = deps.now();
        return { items: p.items.map((i) => invitationView(i, now)), nextCursor: p.nextCursor };
      },
    );

    app.post(
      '/api/orgs/:orgId/invitations',
      {
        config: { permission: 'invitations.manage' },
        schema: {
          tags: ['invitations'],
          summary: 'Invite someone by e-mail (single-use link, valid 7 days)',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({ email: Email, role: Role }),
          response: {
            201: z.object({
              invitation: Invitation,
              mailSent: z.boolean(),
              /** sent; failed (the SMTP server refused or was down); not_configured (no SMTP server). */
              mail: z.enum(['sent', 'failed', 'not_configured']),
              /** The invitation link, only when no mail carried it: the inviter passes it on. */
              link: z.string().optional(),
            }),
          },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        if (!canGrantRole(access.role, req.body.role)) fail('role_not_grantable');
        const token = randomToken();
        const now = deps.now();
        const row: InvitationRow = {
          id: randomUUID(),
          org_id: access.orgId,
          email: req.body.email.toLowerCase(),
          role: req.body.role,
          token_hash: sha256(token),
          invited_by: access.actorUserId,
          expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
          accepted_at: null,
          revoked_at: null,
          created_at: now.toISOString(),
        };
        await deps.store.db.transaction().execute(async (trx) => {
          await insertInvitation(trx, row);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'invitation.create',
            { type: 'invitation', id: row.id },
            { email: row.email, role: row.role },
          );
        });
        const org = await findOrganization(deps.store.db, access.orgId);
        const inviter = access.actorUserId ? await findUser(deps.store.db, access.actorUserId) : undefined;
        const link = `${deps.config.publicUrl}/invite/${token}`;
        // Without SMTP the mailer writes to the server log, as before; the link also goes back to the inviter.
        const mail = await sendLinkMail(
          deps.mailer,
          req.log,
          invitationMail({
            to: row.email,
            orgName: org?.name ?? '',
            inviterName: inviter?.display_name ?? 'Shinrai',
            role: row.role,
            link,
            expiresAt: new Date(row.expires_at),
          }),
          'invitation',
        );
        // The token exists only now (the database keeps its hash): the inviter, who may invite anyway,
        // gets the link when no mail carried it.
        return reply.status(201).send({
          invitation: invitationView(row, now),
          mailSent: mail === 'sent',
          mail,
          ...(mail === 'sent' ? {} : { link }),
        });
      },
    );

    app.delete(
      '/api/orgs/:orgId/invitations/:id',
      {
        config: { permission: 'invitations.manage' },
        schema: {
          tags: ['invitations'],
          summary: 'Revoke an open invitation',
          params: z.strictObject({ orgId: Id, id: Id }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        await deps.store.db.transaction().execute(async (trx) => {
          const inv = await findInvitation(trx, access.orgId, req.params.id);
          if (!inv) return fail('not_found');
          if (!(await revokeInvitation(trx, access.orgId, inv.id, deps.now().toISOString())))
            fail('conflict');
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'invitation.revoke', {
            type: 'invitation',
            id: inv.id,
          });
          return undefined;
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/invitations/:token',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['invitations'],
          summary: 'What an invitation link offers (public: the link is the credential)',
          params: TokenParams,
          response: {
            200: z.object({
              organization: z.object({ id: z.string(), name: z.string() }),
              email: z.string(),
              role: Role,
              expiresAt: z.string(),
              accountExists: z.boolean(),
            }),
          },
        },
      },
      async (req) => {
        const inv = await openInvitation(req.params.token);
        const org = await findOrganization(deps.store.db, inv.org_id);
        const existing = await findUserByEmail(deps.store.db, inv.email);
        return {
          organization: { id: inv.org_id, name: org?.name ?? '' },
          email: inv.email,
          role: inv.role as RoleT,
          expiresAt: inv.expires_at,
          accountExists: existing !== undefined,
        };
      },
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        config: { skipCsrf: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['invitations'],
          summary: 'Accept an invitation; creates the account when none exists for the invited e-mail',
          params: TokenParams,
          body: z.strictObject({
            displayName: z.string().trim().min(1).max(100).optional(),
            password: z.string().min(1).max(256).optional(),
            locale: Locale.optional(),
          }),
          response: { 200: z.object({ user: User, csrfToken: z.string(), orgId: z.string() }) },
        },
      },
      async (req, reply) => {
        const inv = await openInvitation(req.params.token);
        const existing = await findUserByEmail(deps.store.db, inv.email);
        const p = req.principal;
        if (existing) {
          // The invited person must be signed in as the invited address.
          if (p === null || p.kind !== 'user' || p.user.id !== existing.id) return fail('unauthenticated');
          // The route skips the CSRF check (a new invitee has no session yet); a signed-in one acts by cookie.
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
        const result = await deps.store.db.transaction().execute(async (trx) => {
          const now = deps.now().toISOString();
          if (!(await markInvitationAccepted(trx, inv.id, now))) return fail('expired');
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
          if (!(await findMembership(trx, inv.org_id, userId))) {
            await insertMembership(trx, { orgId: inv.org_id, userId, role: inv.role, now });
          }
          await audit(
            deps,
            trx,
            { userId, tokenId: null, requestId: req.id },
            inv.org_id,
            'invitation.accept',
            { type: 'invitation', id: inv.id },
            { role: inv.role, newAccount: !existing },
          );
          const session = existing ? null : await createSession(deps, trx, userId, 'full');
          const user = await findUser(trx, userId);
          return { user: user ?? fail('internal'), session };
        });
        let csrfToken = p?.kind === 'user' ? p.csrfToken : '';
        if (result.session) {
          setSessionCookie(deps, reply, result.session.token, result.session.maxAgeSeconds);
          csrfToken = result.session.csrfToken;
        }
        return { user: userView(result.user), csrfToken, orgId: inv.org_id };
      },
    );
  };
}
