import {
  countUsers,
  findOidcIdentity,
  findUser,
  findUserByEmail,
  insertUser,
  linkOidcIdentity,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { OidcClient } from '../auth/oidc.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { setSessionCookie } from '../http/principal.ts';
import { audit } from '../services/audit-trail.ts';
import { createSession } from '../services/sessions.ts';

const FLOW_COOKIE = 'shinrai_oidc';

export function oidcRoutes(deps: Deps): FastifyPluginAsyncZod {
  const settings = deps.config.oidc;
  const oidc = settings ? new OidcClient(settings, `${deps.config.publicUrl}/api/auth/oidc/callback`) : null;

  return async (app) => {
    app.get(
      '/api/auth/oidc',
      {
        schema: {
          tags: ['auth'],
          summary: 'Whether single sign-on is configured',
          response: { 200: z.object({ enabled: z.boolean(), label: z.string().nullable() }) },
        },
      },
      async () => ({ enabled: oidc !== null, label: settings?.label ?? null }),
    );

    app.get(
      '/api/auth/oidc/start',
      {
        schema: {
          tags: ['auth'],
          summary: 'Redirect to the identity provider',
          querystring: z.strictObject({}),
          response: { 302: z.null() },
        },
      },
      async (_req, reply) => {
        if (!oidc) return fail('oidc_disabled');
        const flow = await oidc.start();
        void reply.setCookie(
          FLOW_COOKIE,
          JSON.stringify({ state: flow.state, nonce: flow.nonce, verifier: flow.verifier }),
          {
            path: '/api/auth/oidc',
            httpOnly: true,
            sameSite: 'lax',
            secure: deps.config.secureCookies,
            maxAge: 600,
          },
        );
        return reply.redirect(flow.url, 302);
      },
    );

    app.get(
      '/api/auth/oidc/callback',
      {
        schema: {
          tags: ['auth'],
          summary: 'Return from the identity provider; signs in and redirects to the app',
          querystring: z.object({
            code: z.string().max(2048).optional(),
            state: z.string().max(512).optional(),
            error: z.string().max(200).optional(),
            iss: z.string().max(512).optional(),
          }),
          response: { 302: z.null() },
        },
      },
      async (req, reply) => {
        if (!oidc) return fail('oidc_disabled');
        const raw = req.cookies[FLOW_COOKIE];
        void reply.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
        let identity;
        try {
          const checks = JSON.parse(raw ?? 'null') as {
            state: string;
            nonce: string;
            verifier: string;
          } | null;
          if (!checks) throw new Error('no flow cookie');
          identity = await oidc.finish(new URL(req.url, deps.config.publicUrl), checks);
        } catch (err) {
          req.log.warn({ err }, 'OIDC sign-in failed');
          return reply.redirect('/login?sso=failed', 302);
        }
        const now = deps.now().toISOString();
        const userId = await deps.store.db.transaction().execute(async (trx) => {
          const linked = await findOidcIdentity(trx, identity.issuer, identity.subject);
          if (linked) return linked.user_id;
          if (!identity.email || !identity.emailVerified) return null;
          const existing = await findUserByEmail(trx, identity.email);
          let id = existing?.id;
          if (!id) {
            // No accounts before first-run setup: the first one must be the administrator with the setup code.
            if (!settings?.autoCreate || (await countUsers(trx)) === 0) return null;
            id = randomUUID();
            await insertUser(trx, {
              id,
              email: identity.email,
              displayName: identity.name ?? identity.email,
              passwordHash: null,
              locale: 'ja',
              isInstanceAdmin: false,
              now,
            });
          }
          await linkOidcIdentity(trx, {
            issuer: identity.issuer,
            subject: identity.subject,
            userId: id,
            now,
          });
          await audit(
            deps,
            trx,
            { userId: id, tokenId: null, requestId: req.id },
            null,
            'auth.oidc_link',
            { type: 'user', id },
            { issuer: identity.issuer },
          );
          return id;
        });
        if (userId === null || !(await findUser(deps.store.db, userId)))
          return reply.redirect('/login?sso=no_account', 302);
        const session = await deps.store.db.transaction().execute(async (trx) => {
          const s = await createSession(deps, trx, userId, 'full');
          await audit(
            deps,
            trx,
            { userId, tokenId: null, requestId: req.id },
            null,
            'auth.login',
            { type: 'user', id: userId },
            { method: 'oidc' },
          );
          return s;
        });
        setSessionCookie(deps, reply, session.token, session.maxAgeSeconds);
        return reply.redirect('/', 302);
      },
    );
  };
}
