import { checkPassword } from '@shinrai/core';
import { countUsers, deleteSessionsOfUser, findUser, insertUser, setSetting } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, safeEqual, sha256 } from '../auth/secrets.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { setSessionCookie } from '../http/principal.ts';
import { Email, Locale, OrgProfileInput, User } from '../http/schemas.ts';
import { createOrganization } from '../services/organizations.ts';
import { createSession } from '../services/sessions.ts';
import { normalizeSetupCode, setupCodeHash, SETUP_CODE_KEY } from '../services/setup.ts';
import { userView } from '../services/views.ts';

export function setupRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/setup/status',
      {
        schema: {
          tags: ['setup'],
          summary: 'Whether the instance still needs its first administrator',
          response: { 200: z.object({ needsSetup: z.boolean() }) },
        },
      },
      async () => ({ needsSetup: (await countUsers(deps.store.db)) === 0 }),
    );

    app.post(
      '/api/setup',
      {
        config: { skipCsrf: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['setup'],
          summary:
            'First-run setup: create the first administrator and organization (needs the setup code from the server log)',
          body: z.strictObject({
            setupCode: z.string().min(1).max(64),
            email: Email,
            displayName: z.string().trim().min(1).max(100),
            password: z.string().min(1).max(256),
            locale: Locale.default('ja'),
            organization: OrgProfileInput,
          }),
          response: { 201: z.object({ user: User, csrfToken: z.string() }) },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const expected = await setupCodeHash(deps);
        if ((await countUsers(deps.store.db)) > 0) fail('setup_done');
        if (expected === null || !safeEqual(sha256(normalizeSetupCode(b.setupCode)), expected))
          fail('setup_code_invalid');
        if (checkPassword(b.password, b.email) !== null) fail('weak_password');
        const passwordHash = await hashPassword(b.password);
        const userId = randomUUID();
        const result = await deps.store.db.transaction().execute(async (trx) => {
          if ((await countUsers(trx)) > 0) fail('setup_done');
          const now = deps.now().toISOString();
          await insertUser(trx, {
            id: userId,
            email: b.email,
            displayName: b.displayName,
            passwordHash,
            locale: b.locale,
            isInstanceAdmin: true,
            now,
          });
          const actor = { userId, tokenId: null, requestId: req.id };
          await createOrganization(deps, trx, actor, userId, b.organization);
          await setSetting(trx, SETUP_CODE_KEY, 'used');
          await deleteSessionsOfUser(trx, userId);
          const session = await createSession(deps, trx, userId, 'full');
          const user = await findUser(trx, userId);
          return { session, user: user ?? fail('internal') };
        });
        setSessionCookie(deps, reply, result.session.token, result.session.maxAgeSeconds);
        return reply.status(201).send({ user: userView(result.user), csrfToken: result.session.csrfToken });
      },
    );
  };
}
