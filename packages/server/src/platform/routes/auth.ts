import {
  deleteSession,
  findSession,
  findUser,
  findUserByEmail,
  updateUser,
  useRecoveryCode,
  claimTotpStep,
  type UserRow,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimAttempt, failedAttempt, releaseAttempt } from '../auth/lockout.ts';
import { dummyPasswordHash, sha256, verifyPassword } from '../auth/secrets.ts';
import { checkTotp } from '../auth/totp.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../http/principal.ts';
import { Email, User } from '../http/schemas.ts';
import { audit } from '../services/audit-trail.ts';
import { createSession } from '../services/sessions.ts';
import { userView } from '../services/views.ts';

const LoginOk = z.object({ status: z.literal('ok'), user: User, csrfToken: z.string() });
const LoginResult = z.union([LoginOk, z.object({ status: z.literal('mfa_required') })]);

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  const loginLimit = { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  async function startFullSession(
    user: UserRow,
    reply: Parameters<typeof setSessionCookie>[1],
    requestId: string,
  ) {
    const session = await deps.store.db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, { failed_logins: 0, locked_until: null }, deps.now().toISOString());
      const s = await createSession(deps, trx, user.id, 'full');
      await audit(deps, trx, { userId: user.id, tokenId: null, requestId }, null, 'auth.login', {
        type: 'user',
        id: user.id,
      });
      return s;
    });
    setSessionCookie(deps, reply, session.token, session.maxAgeSeconds);
    return { status: 'ok' as const, user: userView(user), csrfToken: session.csrfToken };
  }

  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { skipCsrf: true, rateLimit: loginLimit },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password',
          body: z.strictObject({ email: Email, password: z.string().min(1).max(256) }),
          response: { 200: LoginResult },
        },
      },
      async (req, reply) => {
        // Unknown, password-less and locked accounts all get the same answer, after the same work
        // (one scrypt): whether an address has an account is not told (the locked owner gets an e-mail).
        const user = await findUserByEmail(deps.store.db, req.body.email);
        if (!user || user.password_hash === null) {
          await verifyPassword(req.body.password, await dummyPasswordHash());
          return fail('invalid_credentials');
        }
        const attempt = await claimAttempt(deps, user.id, deps.now());
        if (!attempt.checked) {
          await verifyPassword(req.body.password, await dummyPasswordHash());
          return fail('invalid_credentials');
        }
        if (!(await verifyPassword(req.body.password, user.password_hash))) {
          await failedAttempt(deps, attempt, user, req.id);
          return fail('invalid_credentials');
        }
        if (user.totp_enabled === 1) {
          await releaseAttempt(deps, attempt);
          const pending = await createSession(deps, deps.store.db, user.id, 'mfa');
          setSessionCookie(deps, reply, pending.token, pending.maxAgeSeconds);
          return { status: 'mfa_required' as const };
        }
        return startFullSession(user, reply, req.id);
      },
    );

    app.post(
      '/api/auth/login/totp',
      {
        config: { skipCsrf: true, rateLimit: loginLimit },
        schema: {
          tags: ['auth'],
          summary: 'Second step of sign-in: a TOTP code or a recovery code',
          body: z.strictObject({ code: z.string().trim().min(6).max(20) }),
          response: { 200: LoginOk },
        },
      },
      async (req, reply) => {
        const raw = req.cookies[SESSION_COOKIE];
        const pending = raw ? await findSession(deps.store.db, sha256(raw)) : undefined;
        const now = deps.now();
        if (!pending || pending.stage !== 'mfa' || new Date(pending.expires_at) <= now)
          return fail('unauthenticated');
        const user = await findUser(deps.store.db, pending.user_id);
        if (!user || user.totp_secret === null) return fail('unauthenticated');
        // The caller proved the password: a lock may be named here.
        const attempt = await claimAttempt(deps, user.id, now);
        if (!attempt.checked) return fail('locked');
        const code = req.body.code;
        let ok: boolean;
        if (/^\d{6}$/.test(code)) {
          const step = checkTotp(user.totp_secret, code, user.totp_last_step, now.getTime());
          ok = step !== null && (await claimTotpStep(deps.store.db, user.id, step));
        } else {
          ok = await useRecoveryCode(deps.store.db, user.id, sha256(code.toLowerCase()), now.toISOString());
        }
        if (!ok) {
          if (!(await failedAttempt(deps, attempt, user, req.id))) return fail('totp_invalid');
          await deleteSession(deps.store.db, pending.id);
          return fail('locked');
        }
        await deleteSession(deps.store.db, pending.id);
        return startFullSession(user, reply, req.id);
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 204: z.null() } } },
      async (req, reply) => {
        const raw = req.cookies[SESSION_COOKIE];
        if (raw) await deleteSession(deps.store.db, sha256(raw));
        clearSessionCookie(deps, reply);
        return reply.status(204).send(null);
      },
    );
  };
}
