import { checkPassword } from '@shinrai/core';
import {
  deleteSessionsOfUser,
  findUser,
  listOrganizationsOfUser,
  replaceRecoveryCodes,
  updateUser,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, sha256, verifyPassword } from '../auth/secrets.ts';
import { checkTotp, newRecoveryCodes, newTotpSecret, totpUri } from '../auth/totp.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { requireUser } from '../http/principal.ts';
import { Locale, Organization, Role, User } from '../http/schemas.ts';
import { audit } from '../services/audit-trail.ts';
import { orgView, userView } from '../services/views.ts';

const Me = z.object({
  user: User,
  memberships: z.array(z.object({ organization: Organization, role: Role })),
  csrfToken: z.string(),
});

export function meRoutes(deps: Deps): FastifyPluginAsyncZod {
  const actorOf = (userId: string, requestId: string) => ({ userId, tokenId: null, requestId });

  return async (app) => {
    app.get(
      '/api/me',
      {
        schema: {
          tags: ['account'],
          summary: 'The signed-in user and their organizations',
          response: { 200: Me },
        },
      },
      async (req) => {
        const p = requireUser(req);
        const orgs = await listOrganizationsOfUser(deps.store.db, p.user.id);
        return {
          user: userView(p.user),
          memberships: orgs.map((o) => ({ organization: orgView(o), role: o.role as z.infer<typeof Role> })),
          csrfToken: p.csrfToken,
        };
      },
    );

    app.patch(
      '/api/me',
      {
        schema: {
          tags: ['account'],
          summary: 'Change display name or language',
          body: z.strictObject({
            displayName: z.string().trim().min(1).max(100).optional(),
            locale: Locale.optional(),
          }),
          response: { 200: z.object({ user: User }) },
        },
      },
      async (req) => {
        const p = requireUser(req);
        await deps.store.db.transaction().execute(async (trx) => {
          await updateUser(
            trx,
            p.user.id,
            {
              ...(req.body.displayName !== undefined ? { display_name: req.body.displayName } : {}),
              ...(req.body.locale !== undefined ? { locale: req.body.locale } : {}),
            },
            deps.now().toISOString(),
          );
          await audit(
            deps,
            trx,
            actorOf(p.user.id, req.id),
            null,
            'user.update',
            { type: 'user', id: p.user.id },
            { fields: Object.keys(req.body) },
          );
        });
        const user = await findUser(deps.store.db, p.user.id);
        return { user: userView(user ?? fail('not_found')) };
      },
    );

    app.post(
      '/api/me/password',
      {
        schema: {
          tags: ['account'],
          summary: 'Change password (ends the other sessions)',
          body: z.strictObject({
            currentPassword: z.string().min(1).max(256),
            newPassword: z.string().min(1).max(256),
          }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const p = requireUser(req);
        if (
          p.user.password_hash === null ||
          !(await verifyPassword(req.body.currentPassword, p.user.password_hash))
        )
          fail('invalid_credentials');
        if (checkPassword(req.body.newPassword, p.user.email) !== null) fail('weak_password');
        const hash = await hashPassword(req.body.newPassword);
        await deps.store.db.transaction().execute(async (trx) => {
          await updateUser(trx, p.user.id, { password_hash: hash }, deps.now().toISOString());
          await deleteSessionsOfUser(trx, p.user.id, p.sessionId);
          await audit(deps, trx, actorOf(p.user.id, req.id), null, 'user.password_change', {
            type: 'user',
            id: p.user.id,
          });
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/me/totp/setup',
      {
        schema: {
          tags: ['account'],
          summary: 'Start TOTP enrolment: a new secret (not active until confirmed)',
          response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) },
        },
      },
      async (req) => {
        const p = requireUser(req);
        if (p.user.totp_enabled === 1) fail('conflict');
        const secret = newTotpSecret();
        await updateUser(deps.store.db, p.user.id, { totp_secret: secret }, deps.now().toISOString());
        return { secret, otpauthUrl: totpUri(secret, p.user.email) };
      },
    );

    app.post(
      '/api/me/totp/enable',
      {
        schema: {
          tags: ['account'],
          summary: 'Confirm TOTP with a code; returns ten recovery codes, shown once',
          body: z.strictObject({
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/),
          }),
          response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
        },
      },
      async (req) => {
        const p = requireUser(req);
        if (p.user.totp_enabled === 1 || p.user.totp_secret === null) fail('conflict');
        const step = checkTotp(p.user.totp_secret ?? '', req.body.code, null, deps.now().getTime());
        if (step === null) fail('totp_invalid');
        const codes = newRecoveryCodes();
        await deps.store.db.transaction().execute(async (trx) => {
          await updateUser(
            trx,
            p.user.id,
            { totp_enabled: 1, totp_last_step: step },
            deps.now().toISOString(),
          );
          await replaceRecoveryCodes(
            trx,
            p.user.id,
            codes.map((c) => ({ id: randomUUID(), hash: sha256(c) })),
          );
          await audit(deps, trx, actorOf(p.user.id, req.id), null, 'user.totp_enable', {
            type: 'user',
            id: p.user.id,
          });
        });
        return { recoveryCodes: codes };
      },
    );

    app.post(
      '/api/me/totp/disable',
      {
        schema: {
          tags: ['account'],
          summary: 'Turn TOTP off (needs the password)',
          body: z.strictObject({ password: z.string().min(1).max(256) }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const p = requireUser(req);
        if (p.user.password_hash === null || !(await verifyPassword(req.body.password, p.user.password_hash)))
          fail('invalid_credentials');
        await deps.store.db.transaction().execute(async (trx) => {
          await updateUser(trx, p.user.id, { totp_enabled: 0, totp_secret: null }, deps.now().toISOString());
          await replaceRecoveryCodes(trx, p.user.id, []);
          await audit(deps, trx, actorOf(p.user.id, req.id), null, 'user.totp_disable', {
            type: 'user',
            id: p.user.id,
          });
        });
        return reply.status(204).send(null);
      },
    );
  };
}
